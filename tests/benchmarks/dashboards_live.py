"""Bench only: the WSGI application with the dashboards computed live from the base tables, uncached.

`gunicorn tests.benchmarks.dashboards_live:application` serves the same pages as `registry.wsgi`, except that the
dashboard selectors read a `LiveSource` (the roll-up's own functions, `cooperatives.rollup`, run on every request)
instead of the stored summary rows, and nothing is cached (neither the body nor the whole page): the baseline the
cached dashboards are measured against.
The daily series has no live equivalent short of replaying the history (`rollup_progress --backfill-from`, ~22 s a
day), so both read the stored snapshots.
"""

# isort: skip_file
# (registry.wsgi first: it sets Django up before the models are imported.)
from __future__ import annotations

from registry.wsgi import application  # noqa: F401 - what gunicorn serves

from django.utils import timezone  # noqa: E402

from cooperatives import rollup  # noqa: E402
from registry import codes, dashboard_views, selectors  # noqa: E402
from registry.dashboards import cache as dashboard_cache  # noqa: E402
from registry.dashboards import pages as dashboard_pages  # noqa: E402
from registry.dashboards.selectors import dashboard_for as stored_dashboard_for  # noqa: E402
from registry.models import ProgressLevel, Region, RegionLevel  # noqa: E402
from registry.selectors.progress import NATION_NAME, ProgressView, _progress_row  # noqa: E402

_LEVEL = {0: ProgressLevel.NATION, 1: ProgressLevel.PROVINCE, 2: ProgressLevel.REGENCY, 3: ProgressLevel.KECAMATAN}


class LiveSource:
    """The rows of one dashboard computed from the base tables (cooperatives, villages, founders) on each call."""

    def __init__(self) -> None:
        self._nation: dict | None = None

    def _rows(self, code: str) -> dict:
        if code == "":
            if self._nation is None:
                self._nation = {r.code: r for r in rollup.all_rows()}
            return self._nation
        if codes.level(code) == RegionLevel.PROVINCE:
            kecamatan = rollup._kecamatan_rows(code)
            regencies = rollup._sum_up(kecamatan.values(), RegionLevel.REGENCY)
            province = rollup._sum_up(regencies.values(), RegionLevel.PROVINCE)
            targets = rollup._targets([*regencies, *province])
            rows = [rollup._set_target(r, targets) for r in (*regencies.values(), *province.values())]
        else:
            rows = rollup.regency_rows(code)
        return {r.code: r for r in rows}

    def _row(self, p, name: str):
        p.computed_at = timezone.now()
        return _progress_row(code=p.code, name=name, level=_LEVEL[p.level], row=p, fallback_villages=0, target=None)

    def view(self, code: str) -> ProgressView | None:
        rows = self._rows(code)
        if code not in rows:
            return None
        child_level = RegionLevel.PROVINCE if code == "" else RegionLevel(codes.level(code) + 1)
        children = Region.objects.filter(codes.subtree_q("code", code), level=child_level).order_by("code")
        names = dict(children.values_list("code", "name"))
        name = NATION_NAME if code == "" else Region.objects.get(code=code).name
        return ProgressView(
            row=self._row(rows[code], name),
            children=[self._row(rows[c], n) for c, n in names.items() if c in rows],
            children_hidden=False,
        )

    def rows_at_level(self, level: ProgressLevel) -> list:
        names = dict(Region.objects.filter(level=RegionLevel.REGENCY).values_list("code", "name"))
        return [self._row(r, names.get(c, c)) for c, r in sorted(self._rows("").items()) if r.level == level]

    def series(self, code, start, end):
        return selectors.progress_series(code=code, start=start, end=end)


def _live_dashboard_for(**kwargs):
    return stored_dashboard_for(**kwargs, source=LiveSource())


dashboard_views.dashboard_for = _live_dashboard_for
dashboard_cache.get_or_build = lambda key, build: build()
dashboard_pages.MAX_PAGES = 0  # no whole page kept either
