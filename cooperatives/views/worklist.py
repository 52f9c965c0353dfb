"""The district officer's worklist (every village of an area with its cooperative) and the national admin's log of
full-NIK showings. The data-quality lists are in `views.quality`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from cooperatives import access, selectors, worklist_filters
from cooperatives.choices import Pattern
from cooperatives.views.common import PAGE_SIZE
from registry import access as registry_access
from registry.models import RegionLevel
from registry.paging import IdsFirstPaginator
from registry.selectors import ancestors_of, kecamatan_in
from registry.stages import Stage


@login_required
def worklist(request: HttpRequest, code: str) -> HttpResponse:
    access.require(request.user, "cooperative.view")
    region = registry_access.region_get_for(user=request.user, code=code)
    if region.level == RegionLevel.VILLAGE:
        raise Http404(_("Region not found."))
    f = {k: request.GET.get(k, "").strip() for k in ("q", "kecamatan", "stage", "pattern", "queue")}
    queue = worklist_filters.get(request.user, f["queue"])
    if queue is None:
        f["queue"] = ""
    kecamatan = list(kecamatan_in(region=region)) if region.level < RegionLevel.KECAMATAN else []
    if f["kecamatan"] not in {k.code for k in kecamatan}:
        f["kecamatan"] = ""
    if f["stage"] not in {*Stage.values, selectors.NO_COOPERATIVE}:
        f["stage"] = ""
    if f["pattern"] not in Pattern.values:
        f["pattern"] = ""
    rows = selectors.worklist(
        region=region,
        search=f["q"],
        kecamatan=f["kecamatan"],
        stage=f["stage"],
        pattern=f["pattern"],
        queue=queue.apply if queue else None,
    )
    page = IdsFirstPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.worklist_rows(page.object_list, stage=f["stage"], pattern=f["pattern"])
    return render(
        request,
        "cooperatives/worklist.html",
        {
            "region": region,
            "ancestors": [a for a in ancestors_of(region) if registry_access.in_area(request.user, a.code)],
            "page": page,
            "filters": f,
            "kecamatan_list": kecamatan,
            "stages": Stage.choices,
            "patterns": Pattern.choices,
            "queues": [(q.key, q.label) for q in worklist_filters.available(request.user)],
            "no_cooperative": selectors.NO_COOPERATIVE,
            "can_change": access.can(request.user, "cooperative.change"),
        },
    )


@login_required
def nik_views(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "nik_views.list")
    page = Paginator(selectors.nik_views(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cooperatives/nik_views.html", {"page": page})
