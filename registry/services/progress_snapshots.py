"""The only writer of the daily progress snapshots (`registry.models.ProgressSnapshot`), the trend's data points.

A snapshot copies the current roll-up rows (`Progress`) of the nation, the provinces and the regencies: kecamatan
are left out (about 7,300 rows a day for a level no trend is drawn for). The day is the date in Asia/Jakarta (WIB),
because the beat takes the snapshot at 23:55 WIB and a dashboard's "today" is a WIB day.
"""

from __future__ import annotations

import datetime
import logging
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

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
def progress_snapshots_write(rows, *, day: datetime.date, computed_at: datetime.datetime) -> int:
    """Write computed rows (the backfill's, from the history) as the snapshot of `day`, upserted like the daily one.
    Only the nation, provinces and regencies are kept."""
    snapshots = [
        ProgressSnapshot(
            code=row.code,
            day=day,
            **{f: getattr(row, f) for f in _COPIED if f != "computed_at"},
            computed_at=computed_at,
        )
        for row in rows
        if row.level in SNAPSHOT_LEVELS
    ]
    ProgressSnapshot.objects.bulk_create(
        snapshots,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["code", "day"],
        update_fields=list(_COPIED),
    )
    return len(snapshots)
