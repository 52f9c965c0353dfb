"""The dashboards' tables, as columns and rows: the page, the CSV and the XLSX export all render these objects, so
the numbers cannot drift apart. Each metric is computed once here from the roll-up rows (`ProgressRow`)."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from registry.selectors import ProgressDay, ProgressRow
from registry.stages import STAGE_ORDER, Stage

# The stage whose share of the target ranks the regions (the "formed" cooperatives: founding meeting or beyond).
FORMED = Stage.RAPAT_PENDIRIAN
FUNNEL_STAGES = STAGE_ORDER[1:]  # "belum" is every registered cooperative: the funnel's base, not a stage of it


class Kind(enum.StrEnum):
    TEXT = "text"
    INT = "int"
    PERCENT = "percent"  # percentage points, one decimal (12.3 = 12.3%); None: no target
    DATE = "date"
    DATETIME = "datetime"


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    kind: Kind = Kind.INT
    bar: bool = False  # drawn with a progress bar on the page

    @property
    def numeric(self) -> bool:
        return self.kind in (Kind.INT, Kind.PERCENT)


@dataclass(frozen=True)
class Table:
    key: str  # the export's name in the URL
    title: str | Promise
    columns: Sequence[Column]
    rows: list[dict]
    # Row links on the page (never exported): the column key that carries the link, and the row key of its URL.
    link_column: str | None = None
    sortable: bool = False
    notes: list[str | Promise] = field(default_factory=list)


def share(value: int, target: int | None) -> float | None:
    """`value` as a percentage of `target`, one decimal; None for no target (never 0%)."""
    if not target:
        return None
    return round(100 * value / target, 1)


def formed(row: ProgressRow | ProgressDay) -> int:
    return row.reached[FORMED.value]


CODE = Column("code", _("Code"), Kind.TEXT)
DEFAULT_TARGET_NOTE = _(
    "Default target: one cooperative per village. National admins can set another in the administration."
)
NAME = Column("name", _("Region"), Kind.TEXT)
STAGE_COLUMNS = [Column(f"reached_{s.value}", s.label) for s in FUNNEL_STAGES]
REGION_COLUMNS = [
    CODE,
    NAME,
    Column("villages", _("Villages")),
    Column("villages_served", _("Villages served")),
    Column("target", _("Target")),
    Column("cooperatives", _("Cooperatives")),
    *STAGE_COLUMNS,
    Column("share", _("Founding meeting or beyond, % of target"), Kind.PERCENT, bar=True),
]


def region_cells(row: ProgressRow) -> dict:
    cells = {
        "code": row.code,
        "name": row.name,
        "villages": row.villages,
        "villages_served": row.villages_served,
        "target": row.target,
        "cooperatives": row.cooperatives,
        **{f"reached_{s.value}": row.reached[s.value] for s in FUNNEL_STAGES},
        "share": share(formed(row), row.target),
    }
    return cells


def regions_table(key: str, title, rows: Sequence[ProgressRow], urls: dict[str, str] | None = None) -> Table:
    urls = urls or {}
    return Table(
        key=key,
        title=title,
        columns=REGION_COLUMNS,
        rows=[{**region_cells(r), "_url": urls.get(r.code), "_target_default": r.target_is_default} for r in rows],
        link_column="name",
        sortable=True,
        notes=[DEFAULT_TARGET_NOTE] if any(r.target_is_default and r.target is not None for r in rows) else [],
    )


def funnel_table(row: ProgressRow) -> Table:
    base = row.reached[Stage.BELUM.value]
    rows = [
        {
            "stage": str(stage.label),
            "count": row.reached[stage.value],
            "of_target": share(row.reached[stage.value], row.target),
            "of_cooperatives": share(row.reached[stage.value], base),
        }
        for stage in FUNNEL_STAGES
    ]
    columns = [
        Column("stage", _("Stage"), Kind.TEXT),
        Column("count", _("Cooperatives at or beyond it")),
        Column("of_target", _("% of target"), Kind.PERCENT, bar=True),
        Column("of_cooperatives", _("% of registered cooperatives"), Kind.PERCENT),
    ]
    return Table(key="tahapan", title=_("Formation stages"), columns=columns, rows=rows)


def lagging_table(
    key: str,
    title,
    rows: Sequence[ProgressRow],
    *,
    parents: dict[str, str] | None = None,
    urls: dict[str, str] | None = None,
    limit: int = 10,
) -> Table:
    """The `limit` regions with the lowest share of their target at or beyond the founding meeting (regions without a
    target cannot lag and are left out); ties by code."""
    urls = urls or {}
    ranked = sorted((r for r in rows if r.target), key=lambda r: (formed(r) / r.target, r.code))[:limit]
    columns = [
        Column("rank", _("Rank")),
        CODE,
        NAME,
        *([Column("parent", _("Province"), Kind.TEXT)] if parents is not None else []),
        Column("target", _("Target")),
        Column("formed", FORMED.label),
        Column("share", _("% of target"), Kind.PERCENT, bar=True),
    ]
    out = []
    for i, r in enumerate(ranked, start=1):
        cells = {"rank": i, "code": r.code, "name": r.name, "target": r.target, "formed": formed(r)}
        if parents is not None:
            cells["parent"] = parents.get(r.code[:2], "")
        cells["share"] = share(formed(r), r.target)
        cells["_url"] = urls.get(r.code)
        out.append(cells)
    return Table(key=key, title=title, columns=columns, rows=out, link_column="name")


def trend_table(days: Sequence[ProgressDay]) -> Table:
    columns = [
        Column("day", _("Date"), Kind.DATE),
        Column("cooperatives", _("Cooperatives")),
        Column("formed", FORMED.label),
        Column("legal", Stage.BADAN_HUKUM.label),
        Column("villages_served", _("Villages served")),
        Column("target", _("Target")),
    ]
    rows = [
        {
            "day": d.day,
            "cooperatives": d.cooperatives,
            "formed": formed(d),
            "legal": d.reached[Stage.BADAN_HUKUM.value],
            "villages_served": d.villages_served,
            "target": d.target,
        }
        for d in days
    ]
    return Table(key="tren", title=_("Daily trend, last 90 days"), columns=columns, rows=rows)


def as_of_column() -> Column:
    return Column("as_of", _("Computed at"), Kind.DATETIME)


def today_point(days: Sequence[ProgressDay], row: ProgressRow, today: datetime.date) -> list[tuple[datetime.date, int]]:
    """The series as (day, formed) points with today's current value in place of today's snapshot."""
    points = [(d.day, formed(d)) for d in days if d.day < today]
    points.append((today, formed(row)))
    return points
