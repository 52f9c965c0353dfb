import base64
import json

from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from registry.paging import IdsFirstPaginator


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class IdsFirstPagination(Pagination):
    django_paginator_class = IdsFirstPaginator


class KeysetOrPagePagination(IdsFirstPagination):
    """Page numbers, as people use them (`?page=3`), or keyset paging for programs walking a whole list
    (`?cursor=` to start, then each response's `next`): each page continues after the last row of the one before,
    by the view's `keyset` ordering (unique, e.g. `("village_id", "id")`), so deep pages cost as little as the first
    and rows added meanwhile are neither repeated nor skipped."""

    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset, request, view=None):
        if self.cursor_query_param not in request.query_params:
            self.keyset = None
            return super().paginate_queryset(queryset, request, view)
        self.request = request
        self.keyset = view.keyset
        self.page_size_now = self.get_page_size(request)
        after = self._decode(request.query_params[self.cursor_query_param])
        if after is not None:
            first, second = self.keyset
            queryset = queryset.filter(
                Q(**{f"{first}__gt": after[0]}) | Q(**{first: after[0], f"{second}__gt": after[1]})
            )
        rows = list(queryset.order_by(*self.keyset)[: self.page_size_now + 1])
        self.has_more = len(rows) > self.page_size_now
        self.rows = rows[: self.page_size_now]
        return self.rows

    def get_paginated_response(self, data):
        if self.keyset is None:
            return super().get_paginated_response(data)
        return Response({"count": None, "next": self._next_link(), "previous": None, "results": data})

    def _next_link(self) -> str | None:
        if not self.has_more:
            return None
        last = self.rows[-1]
        values = [getattr(last, name) for name in self.keyset]
        token = base64.urlsafe_b64encode(json.dumps(values).encode()).decode()
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, token)

    def _decode(self, token: str):
        if not token:
            return None
        try:
            values = json.loads(base64.urlsafe_b64decode(token.encode()).decode())
        except (ValueError, UnicodeDecodeError):
            values = None
        if not (isinstance(values, list) and len(values) == 2 and isinstance(values[1], int)):
            raise ValidationError({"cursor": [_("This cursor is not valid: start again with ?cursor= .")]})
        return values

    def get_schema_operation_parameters(self, view):
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Paging keyset: kosong untuk mulai, lalu ikuti `next`. Stabil walau data bertambah.",
                "schema": {"type": "string"},
            },
        ]
