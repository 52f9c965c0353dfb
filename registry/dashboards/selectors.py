"""The dashboards of the nation, a province and a regency, built only from the roll-up rows and the daily series.

`dashboard_for` reads through a *source* (`STORED`: `registry.selectors`, a fixed handful of queries whatever the
data size). The bench passes a source that computes the same rows live from the base tables, to compare.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from registry import selectors
from registry.dashboards import projection, tables, tilemap
from registry.models import ProgressLevel
from registry.selectors import ProgressDay, ProgressRow, ProgressView
from registry.stages import Stage

SERIES_DAYS = 365  # the trend chart shows the last year of daily snapshots
TABLE_DAYS = 90  # its table (and export) the last 90 days: the page stays light; the progress API gives any range


class Source(Protocol):
    def view(self, code: str) -> ProgressView | None: ...

    def rows_at_level(self, level: ProgressLevel) -> list[ProgressRow]: ...

    def series(self, code: str, start: datetime.date, end: datetime.date) -> list[ProgressDay]: ...


class StoredSource:
    """The roll-up rows and snapshots as stored (what every page reads)."""

    def view(self, code: str) -> ProgressView | None:
        return selectors.progress_for(code=code)

    def rows_at_level(self, level: ProgressLevel) -> list[ProgressRow]:
        return selectors.progress_rows_at_level(level)

    def series(self, code: str, start: datetime.date, end: datetime.date) -> list[ProgressDay]:
        return selectors.progress_series(code=code, start=start, end=end)


STORED = StoredSource()


@dataclass(frozen=True)
class Headline:
    label: str
    value: int | None
    share: float | None = None  # percent, shown beside the value
    share_of: str = ""


@dataclass
class Dashboard:
    code: str
    name: str
    level: ProgressLevel
    row: ProgressRow
    headline: list[Headline]
    funnel: tables.Table
    regions: tables.Table
    lagging: list[tables.Table]
    trend: tables.Table
    projection: projection.Projection
    needed: projection.Needed | None
    today: datetime.date
    series: list[ProgressDay] = field(default_factory=list)
    charts: dict = field(default_factory=dict)
    tiles: list[dict] = field(default_factory=list)

    @property
    def as_of(self) -> datetime.datetime | None:
        return self.row.as_of

    def table(self, key: str) -> tables.Table | None:
        return next((t for t in self.all_tables() if t.key == key), None)

    def all_tables(self) -> list[tables.Table]:
        return [self.regions, self.funnel, *self.lagging, self.trend]


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{number_format(value, decimal_pos=1)}%"


def _num(value: int | None) -> str:
    return "–" if value is None else number_format(value, force_grouping=True)


def _headline(row: ProgressRow) -> list[Headline]:
    formed = tables.formed(row)
    return [
        Headline(
            _("Formed (founding meeting or beyond)"), formed, tables.share(formed, row.target), _("of the target")
        ),
        Headline(_("Target"), row.target),
        Headline(_("Villages and kelurahan"), row.villages, tables.share(formed, row.villages), _("have a formed one")),
        Headline(
            _("Villages served"),
            row.villages_served,
            tables.share(row.villages_served, row.villages),
            _("of the villages"),
        ),
        Headline(_("Cooperatives registered"), row.cooperatives),
        Headline(
            str(Stage.BADAN_HUKUM.label),
            row.reached[Stage.BADAN_HUKUM.value],
            tables.share(row.reached[Stage.BADAN_HUKUM.value], row.target),
            _("of the target"),
        ),
    ]


def _charts(d: Dashboard, ranked_children: bool) -> dict:
    funnel = {
        "labels": [f"{r['stage']}: {_num(r['count'])} ({_pct(r['of_target'])})" for r in d.funnel.rows],
        "values": [r["count"] for r in d.funnel.rows],
        "label": str(_("Cooperatives at or beyond the stage")),
    }
    labels = [day.day.isoformat() for day in d.series]
    formed = [tables.formed(day) for day in d.series]
    trend = {
        "labels": labels,
        "values": formed,
        "label": str(tables.FORMED.label),
        "target": d.row.target,
        "target_label": str(_("Target")),
        "projection_label": str(_("Projection at the recent pace")),
    }
    p = d.projection
    if p.outlook == projection.Outlook.PROJECTED:
        today = d.today.isoformat()
        if not labels or labels[-1] != today:
            labels.append(today)
            formed.append(p.current)
        trend["projection"] = [None] * (len(labels) - 1) + [p.current, p.target]
        labels.append(p.date.isoformat())
    charts = {"funnel": funnel, "trend": trend}
    if ranked_children:
        ranked = sorted(d.regions.rows, key=lambda r: (-(r["share"] or 0), r["code"]))
        charts["ranking"] = {
            "labels": [f"{r['name']}: {_pct(r['share'])}" for r in ranked],
            "values": [r["share"] or 0 for r in ranked],
            "label": str(_("Founding meeting or beyond, % of target")),
        }
    return charts


def dashboard_for(
    *,
    code: str,
    today: datetime.date,
    window: int = projection.DEFAULT_WINDOW,
    by: datetime.date | None = None,
    child_url: Callable[[str], str | None] | None = None,
    with_regencies: bool = True,
    source: Source = STORED,
) -> Dashboard | None:
    """The dashboard of the nation (""), a province or a regency; None for another code.

    `child_url(code)` links each child row (None: no links, the public page). Queries: the region's view (2), the
    series (1), and for the nation the regency rows (2; not `with_regencies=False`, the public page)."""
    view = source.view(code)
    if view is None or view.row.level not in ("nation", "province", "regency"):
        return None
    level = {"nation": ProgressLevel.NATION, "province": ProgressLevel.PROVINCE}.get(
        view.row.level, ProgressLevel.REGENCY
    )
    urls = {c.code: child_url(c.code) for c in view.children} if child_url else {}
    child_title = {
        ProgressLevel.NATION: _("Provinces"),
        ProgressLevel.PROVINCE: _("Regencies/cities"),
        ProgressLevel.REGENCY: _("Districts"),
    }[level]
    regions = tables.regions_table("wilayah", child_title, view.children, urls)
    if level == ProgressLevel.NATION and not with_regencies:
        lagging = [
            tables.lagging_table("tertinggal-provinsi", _("The ten most lagging provinces"), view.children, urls=urls)
        ]
    elif level == ProgressLevel.NATION:
        regencies = source.rows_at_level(ProgressLevel.REGENCY)
        provinces = {c.code: c.name for c in view.children}
        regency_urls = {r.code: child_url(r.code) for r in regencies} if child_url else {}
        lagging = [
            tables.lagging_table("tertinggal-provinsi", _("The ten most lagging provinces"), view.children, urls=urls),
            tables.lagging_table(
                "tertinggal-kabupaten",
                _("The ten most lagging regencies/cities"),
                regencies,
                parents=provinces,
                urls=regency_urls,
            ),
        ]
    else:
        lagging = [
            tables.lagging_table(
                "tertinggal", _("The ten most lagging: %(what)s") % {"what": child_title}, view.children, urls=urls
            )
        ]
    days = source.series(code, today - datetime.timedelta(days=SERIES_DAYS), today)
    points = tables.today_point(days, view.row, today)
    proj = projection.project(points, target=view.row.target, window=window)
    need = projection.needed(current=proj.current, target=view.row.target, today=today, by=by) if by else None
    d = Dashboard(
        code=code,
        name=view.row.name,
        level=level,
        row=view.row,
        headline=_headline(view.row),
        funnel=tables.funnel_table(view.row),
        regions=regions,
        lagging=lagging,
        trend=tables.trend_table(days[-TABLE_DAYS:]),
        series=days,
        projection=proj,
        needed=need,
        today=today,
    )
    d.charts = _charts(d, ranked_children=level != ProgressLevel.NATION)
    if level == ProgressLevel.NATION:
        d.tiles = tiles(view.children, urls)
    return d


def tiles(provinces: list[ProgressRow], urls: dict[str, str | None]) -> list[dict]:
    out = []
    for p in provinces:
        row, column, label = tilemap.TILES.get(p.code, (tilemap.ROWS, 0, p.code))
        value = tables.share(tables.formed(p), p.target)
        out.append(
            {
                "code": p.code,
                "name": p.name,
                "label": label,
                "row": row + 1,
                "column": column + 1,
                "share": value,
                "band": tilemap.band(value),
                "url": urls.get(p.code),
            }
        )
    return out


def region_url(code: str) -> str:
    return reverse("region_detail", kwargs={"code": code})
