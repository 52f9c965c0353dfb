"""The notary's area: the cooperatives assigned to them and their own deeds with their status."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from notaries import access, selectors
from registry import access as registry_access

PAGE_SIZE = 25


@login_required
def home(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "notary.home")
    notary = access.notary_of(request.user)
    province = registry_access.region_get_for(user=request.user, code=registry_access.area_code(request.user))
    context = {"notary": notary, "seat": request.user.region, "province": province}
    if notary is not None:
        cooperatives = selectors.assigned_cooperatives(access.cooperatives_assigned_to(notary))
        deeds = selectors.deed_list(access.deeds_visible_to(request.user))
        context |= {
            "cooperatives": Paginator(cooperatives, PAGE_SIZE).get_page(request.GET.get("page")),
            "deeds": Paginator(deeds, PAGE_SIZE).get_page(request.GET.get("deeds_page")),
        }
    return render(request, "notaries/home.html", context)
