"""The data-quality page: every registered list (`cooperatives.quality_lists`) for the user's area, one page of each
with its count, each paged on its own (`?<list>_page=`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cooperatives import access, quality_lists
from cooperatives.quality_lists import QualityList
from cooperatives.views.common import PAGE_SIZE
from registry.paging import IdsFirstPaginator


@dataclass(frozen=True)
class Section:
    list: QualityList
    page: Page
    previous_url: str | None
    next_url: str | None


def _page_url(request: HttpRequest, param: str, number: int) -> str:
    query = request.GET.copy()
    query[param] = str(number)
    return f"?{query.urlencode()}#{param.removesuffix('_page')}"


def paginator(quality_list: QualityList, rows) -> Paginator:
    ids_first = quality_list.ids_first and isinstance(rows, QuerySet)
    return (IdsFirstPaginator if ids_first else Paginator)(rows, PAGE_SIZE)


def _section(request: HttpRequest, quality_list: QualityList) -> Section:
    param = f"{quality_list.key}_page"
    page = paginator(quality_list, quality_list.rows(request.user)).get_page(request.GET.get(param))
    return Section(
        list=quality_list,
        page=page,
        previous_url=_page_url(request, param, page.previous_page_number()) if page.has_previous() else None,
        next_url=_page_url(request, param, page.next_page_number()) if page.has_next() else None,
    )


@login_required
def data_quality(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "data_quality.view")
    sections = [_section(request, quality_list) for quality_list in quality_lists.registered()]
    return render(request, "cooperatives/data_quality.html", {"sections": sections})
