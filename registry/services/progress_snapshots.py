"""The only writer of the daily progress snapshots (`registry.models.ProgressSnapshot`), the trend's data points.

A snapshot copies the current roll-up rows (`Progress`) of the nation, the provinces and the regencies: kecamatan
are left out (about 7,300 rows a day for a level no trend is drawn for). The day is the date in Asia/Jakarta (WIB),
because the beat takes the snapshot at 23:55 WIB and a dashboard's "today" is a WIB day.
"""

from __future__ import annotations

import datetime
import logging
from zoneinfo import ZoneInfo

from django.db import connection, models, transaction
from django.utils import timezone

from registry.bulk import insert_values
from registry.models import PROGRESS_METRICS, Progress, ProgressLevel, ProgressSnapshot

logger = logging.getLogger(__name__)

WIB = ZoneInfo("Asia/Jakarta")
SNAPSHOT_LEVELS = (ProgressLevel.NATION, ProgressLevel.PROVINCE, ProgressLevel.REGENCY)
_COPIED = ("level", *PROGRESS_METRICS, "computed_at")


@transaction.atomic
def progress_snapshot_take(*, now: datetime.datetime | None = None) -> int:
    """Copy the current rows into the snapshot of the WIB day of `now` (default: now). Returns the rows written.

    Safe to run twice: one row per (code, day), upserted, so a second run on the same day overwrites the first with
    the newer numbers. `computed_at` is the roll-up's time, not the copy's: it tells how fresh the day's figures are.
    """
    day = timezone.localdate(now or timezone.now(), timezone=WIB)
    snapshots = [
        ProgressSnapshot(code=row.code, day=day, **{f: getattr(row, f) for f in _COPIED})
        for row in Progress.objects.filter(level__in=SNAPSHOT_LEVELS)
    ]
    ProgressSnapshot.objects.bulk_create(
        snapshots,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["code", "day"],
        update_fields=list(_COPIED),
    )
    logger.info("Progress snapshot for %s: %s rows", day, len(snapshots))
    return len(snapshots)


@transaction.atomic
def progress_snapshots_write(
    rows, *, day: datetime.date, computed_at: datetime.datetime, through: datetime.date | None = None
) -> int:
    """Write computed rows (the backfill's, from the history) as the snapshot of `day`, and of every day after it up
    to `through` when given (days on which nothing changed), upserted like the daily one. Only the nation, provinces
    and regencies are kept. Returns the rows written."""
    # Plain values in multi-row INSERT … ON CONFLICT statements (SQLite ≥ 3.24 and PostgreSQL): a model instance per
    # row and each value prepared through its field cost 150 ms a day on SQLite, and a backfill writes hundreds of days.
    ops = connection.ops
    fields = [ProgressSnapshot._meta.get_field(name) for name in ("code", "day", *_COPIED)]
    json_fields = {f.name for f in fields if isinstance(f, models.JSONField)}
    fixed = {"day": None, "computed_at": ops.adapt_datetimefield_value(computed_at)}
    prepared = [
        [
            fixed[f.name]
            if f.name in fixed
            else ops.adapt_json_value(getattr(row, f.name), None)
            if f.name in json_fields
            else getattr(row, f.name)
            for f in fields
        ]
        for row in rows
        if row.level in SNAPSHOT_LEVELS
    ]
    days = [day + datetime.timedelta(days=n) for n in range(((through or day) - day).days + 1)]
    values = [[row[0], ops.adapt_datefield_value(each), *row[2:]] for each in days for row in prepared]
    columns = [ops.quote_name(f.column) for f in fields]
    insert_values(
        f"INSERT INTO {ops.quote_name(ProgressSnapshot._meta.db_table)} ({', '.join(columns)})",
        values,
        f"ON CONFLICT ({columns[0]}, {columns[1]}) DO UPDATE SET "
        + ", ".join(f"{c} = EXCLUDED.{c}" for c in columns[2:]),
    )
    return len(values)
