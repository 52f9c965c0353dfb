"""The dashboards (`/wilayah/` for the nation, `/wilayah/<province>/`, `/wilayah/<regency>/`), their exports, and the
public progress page (`/`) with its open data. Scoped by `registry.access`: outside the user's area, 404.

The body of a dashboard is rendered once per area, role, language and projection input, and cached until the roll-up
writes new rows (`registry.dashboards.cache`); the freshness note is worked out on every request. The whole page is
then kept for the browser session that was shown it (`pages.keep`, served by `registry.dashboards.pages`).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from registry import access, exports, navigation, selectors
from registry.dashboards import cache, freshness, pages
from registry.dashboards.forms import ProjectionForm
from registry.dashboards.selectors import Dashboard, dashboard_for, region_url
from registry.dashboards.tables import REGION_COLUMNS, Column, Kind, Table, regions_table
from registry.models import ProgressLevel, RegionLevel

BODY_TEMPLATE = "registry/dashboard/body.html"


def _child_url(user, level: ProgressLevel):
    if level == ProgressLevel.REGENCY:
        return lambda code: navigation.kecamatan_url(user, code)
    return region_url


def _body(*, d: Dashboard, form: ProjectionForm, export_prefix: str | None, public: bool) -> dict:
    html = render_to_string(BODY_TEMPLATE, {"d": d, "form": form, "export_prefix": export_prefix, "public": public})
    return {"html": html, "as_of": d.as_of}


def dashboard_page(request: HttpRequest, *, code: str, region=None) -> HttpResponse:
    """The dashboard of the nation ("") or of a province or regency the caller has already scoped."""
    user = request.user
    form = ProjectionForm(request.GET or None)
    window, by = form.values()
    today = timezone.localdate()
    status = freshness.rollup_status()
    level = ProgressLevel(region.level) if region else ProgressLevel.NATION
    exportable = access.can(user, "dashboard.export")
    export_prefix = _export_prefix(code) if exportable else None
    key = cache.key(
        token=status.token,
        code=code,
        variant=f"{today}|{window}|{by}|{sorted(form.errors) if form.is_bound else ''}",
        audience=f"{access.role_of(user)}|{exportable}",
    )

    def build() -> dict:
        d = dashboard_for(code=code, today=today, window=window, by=by, child_url=_child_url(user, level))
        if d is None:
            raise Http404(_("Region not found."))
        payload = _body(d=d, form=form, export_prefix=export_prefix, public=False)
        # The breadcrumbs' regions, kept with the body (one query fewer a view); filtered by the user's area below.
        ancestors = selectors.ancestors_of(region) if region else []
        payload["ancestors"] = [{"code": a.code, "display_name": a.display_name} for a in ancestors]
        return payload

    payload = cache.get_or_build(key, build) if status.last_success_at else build()
    fresh = freshness.freshness(as_of=payload["as_of"], status=status, now=timezone.now())
    if status.last_success_at:  # before the first roll-up the page shows the master's counts, which may change
        pages.keep(request, fresh=fresh, day=today)
    context = {
        "title": region.display_name if region else _("Indonesia"),
        "region": region,
        "ancestors": [a for a in payload.get("ancestors", []) if access.in_area(user, a["code"])],
        "body": payload["html"],
        "freshness": fresh,
        "region_links": navigation.region_links(user, region) if region else [],
    }
    return render(request, "registry/dashboard/page.html", context)


def _export_prefix(code: str) -> str:
    if code:
        return reverse("dashboard_export", kwargs={"code": code, "table": "x", "fmt": "csv"}).removesuffix("x.csv")
    return reverse("dashboard_export_nation", kwargs={"table": "x", "fmt": "csv"}).removesuffix("x.csv")


@login_required
def export(request: HttpRequest, table: str, fmt: str, code: str = "") -> HttpResponse:
    """One table of a dashboard as CSV or XLSX: the same rows the page shows."""
    user = request.user
    access.require(user, "region.view")
    access.require(user, "dashboard.export")
    if fmt not in exports.FORMATS:
        raise Http404(_("Region not found."))
    if code:
        region = access.region_get_for(user=user, code=code)
        if region.level > RegionLevel.REGENCY:
            raise Http404(_("Region not found."))
        level = ProgressLevel(region.level)
    else:
        if access.area_code(user) != "":
            raise Http404(_("Region not found."))
        level = ProgressLevel.NATION
    form = ProjectionForm(request.GET or None)
    window, by = form.values()
    d = dashboard_for(code=code, today=timezone.localdate(), window=window, by=by, child_url=_child_url(user, level))
    found = d.table(table) if d else None
    if found is None:
        raise Http404(_("Region not found."))
    return exports.response(found, fmt=fmt, name=f"{table}-{code or 'indonesia'}")


# Public: no login, aggregates only (no NIK, no person, no link to a record).


def public_home(request: HttpRequest) -> HttpResponse:
    form = ProjectionForm(request.GET or None)
    window, by = form.values()
    today = timezone.localdate()
    status = freshness.rollup_status()
    key = cache.key(
        token=status.token,
        code="",
        variant=f"{today}|{window}|{by}|{form.is_bound and not form.is_valid()}",
        audience="public",
    )

    def build() -> dict:
        d = dashboard_for(code="", today=today, window=window, by=by, child_url=None, with_regencies=False)
        return _body(d=d, form=form, export_prefix=None, public=True)

    payload = cache.get_or_build(key, build) if status.last_success_at else build()
    return render(
        request,
        "registry/public_home.html",
        {
            "body": payload["html"],
            "freshness": freshness.freshness(as_of=payload["as_of"], status=status, now=timezone.now()),
        },
    )


OPEN_DATA_COLUMNS = [
    Column("level", _("Level"), Kind.TEXT),
    *REGION_COLUMNS,
    Column("as_of", _("Computed at"), Kind.DATETIME),
]


def open_data_table() -> Table:
    """The nation, the provinces and the regencies, one row each (public aggregates)."""
    nation = selectors.progress_for(code="")
    rows = [nation.row, *nation.children, *selectors.progress_rows_at_level(ProgressLevel.REGENCY)]
    table = regions_table("progres", _("Progress"), rows)
    for cells, row in zip(table.rows, rows, strict=True):
        cells["level"] = row.level
        cells["as_of"] = row.as_of
    return Table(key="progres", title=table.title, columns=OPEN_DATA_COLUMNS, rows=table.rows)


def open_data_csv(request: HttpRequest) -> HttpResponse:
    return exports.response(open_data_table(), fmt="csv", name="progres-koperasi-merah-putih")


def _column_help() -> dict[str, str]:
    stage_help = _("Active cooperatives that have reached this stage or a later one.")
    return {
        "level": _("nation, province or regency"),
        "code": _("Kemendagri region code (Kepmendagri 300.2.2-2138/2025); empty for the nation"),
        "name": _("Region name"),
        "villages": _("Villages and kelurahan in the region"),
        "villages_served": _("Villages that are the seat or a covered village of an active cooperative"),
        "target": _("Target number of cooperatives this year; empty: no target"),
        "cooperatives": _("Active cooperatives registered"),
        **{c.key: stage_help for c in REGION_COLUMNS if c.key.startswith("reached_")},
        "share": _(
            "Cooperatives at or beyond the founding meeting as a percentage of the target, one decimal; "
            "empty: no target"
        ),
        "as_of": _("When the roll-up computed the row (WIB)"),
    }


def open_data_dictionary(request: HttpRequest) -> HttpResponse:
    help_text = _column_help()
    kinds = {
        Kind.TEXT: _("text"),
        Kind.INT: _("whole number"),
        Kind.PERCENT: _("number with one decimal"),
        Kind.DATETIME: _("date and time, YYYY-MM-DD HH:MM:SS"),
    }
    columns = [
        {"label": str(c.label), "kind": kinds.get(c.kind, ""), "help": help_text.get(c.key, "")}
        for c in OPEN_DATA_COLUMNS
    ]
    return render(request, "registry/open_data.html", {"columns": columns})
