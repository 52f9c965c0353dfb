from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from notaries.access import RULES
from registry import access, selectors


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The notary's area: their deeds (recorded with the deed issue) and the villages of their wilayah jabatan."""
    access.require(request.user, "notary.home", RULES)
    province = access.region_get_for(user=request.user, code=access.area_code(request.user))
    return render(
        request,
        "notaries/home.html",
        {"seat": request.user.region, "province": province, "totals": selectors.level_totals(code=province.code)},
    )
