"""The notary directory (officers and staff), and the district officer's choice of a notary for a cooperative."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cooperatives import access as cooperative_access
from notaries import access, selectors, services
from notaries.forms import DirectoryForm
from registry import codes
from registry.errors import ApplicationError
from registry.models import Region, RegionLevel

PAGE_SIZE = 25


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    """Search notaries by name, regency or province. With `?koperasi=<id>` the district officer chooses the notary
    of a cooperative of their regency: only notaries whose province holds the cooperative are listed."""
    access.require(request.user, "directory.view")
    form = DirectoryForm(request.GET or None)
    f = form.cleaned_data if form.is_valid() else {"q": "", "province": "", "regency": ""}
    coop, current = None, None
    if request.GET.get("koperasi"):
        if not access.can(request.user, "notary.assign"):
            raise Http404(_("Cooperative not found."))
        coop = cooperative_access.cooperative_get_for(
            user=request.user, pk=request.GET["koperasi"], action="cooperative.change"
        )
        f["province"] = codes.province_code(coop.village_id)
        current = selectors.current_assignment(coop)
    if f["regency"] and codes.province_code(f["regency"]) != (f["province"] or codes.province_code(f["regency"])):
        f["regency"] = ""
    rows = selectors.directory(q=f["q"], province=f["province"], regency=f["regency"])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    provinces = Region.objects.filter(level=RegionLevel.PROVINCE).order_by("code").only("code", "name")
    regencies = (
        Region.objects.filter(parent_id=f["province"]).order_by("code").only("code", "name") if f["province"] else []
    )
    return render(
        request,
        "notaries/directory.html",
        {
            "page": page,
            "filters": f,
            "coop": coop,
            "current": current,
            "provinces": provinces,
            "regencies": regencies,
        },
    )


@login_required
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    """The district officer assigns the chosen notary to a cooperative of their regency."""
    if not access.can(request.user, "notary.assign"):
        raise Http404(_("Cooperative not found."))
    coop = cooperative_access.cooperative_get_for(user=request.user, pk=pk, action="cooperative.change")
    notary = access.directory_notary_get(pk=request.POST.get("notary"))
    try:
        services.notary_assign(actor=request.user, cooperative=coop, notary=notary)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(f"{reverse('notaries:directory')}?koperasi={coop.pk}")
    messages.success(request, _("%(notary)s is assigned to this cooperative.") % {"notary": notary.name})
    return redirect("cooperatives:detail", pk=coop.pk)
