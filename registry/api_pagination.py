from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import Subquery
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class IdsFirstPaginator(DjangoPaginator):
    """Pages a big list by its ids first: the deep OFFSET walks narrow rows (the ordering columns and the id), and
    only the page's rows are read whole, with their annotations (a per-row count of founders, say), instead of
    computing every skipped row. Same pages, same order, same counts as Django's Paginator."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=Subquery(ids)), number, self)


class IdsFirstPagination(Pagination):
    django_paginator_class = IdsFirstPaginator
