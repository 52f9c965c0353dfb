"""Pages of the registry app: landing by role, the region browser (nation, provinces and regencies are the dashboards
of `registry.dashboard_views`), health check, error pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from registry import access, codes, dashboard_views, navigation, selectors
from registry.dashboards.pages import kept_page
from registry.models import RegionLevel

PAGE_SIZE = 50


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        name, kwargs = navigation.landing(request.user)
        return redirect(name, **kwargs)
    return dashboard_views.public_home(request)


@login_required
def no_role(request: HttpRequest) -> HttpResponse:
    if access.role_of(request.user) is not None and access.area_code(request.user) is not None:
        return redirect("home")
    return render(request, "registry/no_role.html", status=403)


@kept_page()
@login_required
def region_index(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "region.view")
    root = access.area_code(request.user)
    if root is None:
        raise Http404(_("Region not found."))
    if root:
        return redirect("region_detail", code=root)
    return dashboard_views.dashboard_page(request, code="")


def _page(request: HttpRequest, qs):
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))


@kept_page(applies=lambda code: codes.level(code) <= RegionLevel.REGENCY)
@login_required
def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    access.require(request.user, "region.view")
    region = access.region_get_for(user=request.user, code=code)
    if region.level <= RegionLevel.REGENCY:
        return dashboard_views.dashboard_page(request, code=region.code, region=region)
    context = {
        "region": region,
        "ancestors": [a for a in selectors.ancestors_of(region) if access.in_area(request.user, a.code)],
        "year": selectors.current_year(),
        "region_links": navigation.region_links(request.user, region),
    }
    if region.level == RegionLevel.VILLAGE:
        return render(request, "registry/village_detail.html", context)
    if region.level == RegionLevel.KECAMATAN:
        search = request.GET.get("q", "")
        context["page"] = _page(request, selectors.villages_in(region=region, search=search))
        context["q"] = search
        context["target"] = selectors.region_target(region=region)
        return render(request, "registry/kecamatan_detail.html", context)
    raise Http404(_("Region not found."))


@login_required
def village_list(request: HttpRequest, code: str) -> HttpResponse:
    """The villages of a province, regency or kecamatan: the district officer's worklist. Searchable, paginated."""
    access.require(request.user, "region.view")
    region = access.region_get_for(user=request.user, code=code)
    if region.level == RegionLevel.VILLAGE:
        raise Http404(_("Region not found."))
    search = request.GET.get("q", "").strip()
    kecamatan_code = request.GET.get("kecamatan", "")
    kecamatan = list(selectors.kecamatan_in(region=region)) if region.level < RegionLevel.KECAMATAN else []
    if kecamatan_code and kecamatan_code not in {k.code for k in kecamatan}:
        kecamatan_code = ""
    page = _page(request, selectors.villages_in(region=region, search=search, kecamatan_code=kecamatan_code))
    return render(
        request,
        "registry/village_list.html",
        {
            "region": region,
            "ancestors": [a for a in selectors.ancestors_of(region) if access.in_area(request.user, a.code)],
            "page": page,
            "q": search,
            "kecamatan": kecamatan,
            "kecamatan_code": kecamatan_code,
        },
    )


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for the load balancer and monitoring: database and task broker reachable."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "down"; details go to the log, not to the public
        checks["database"] = "error"
    checks["broker"] = _broker_status()
    healthy = all(v in {"ok", "eager"} for v in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


def _broker_status() -> str:
    if not settings.REDIS_URL:
        return "eager"
    from registry.celery import app

    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception:  # noqa: BLE001
        return "error"


def error_404(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_403(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", {"reason": str(exception) if str(exception) else ""}, status=403)


def error_500(request: HttpRequest) -> HttpResponse:
    # No context processors that touch the database: this page must render when the database is down.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
