"""The only writer of the progress roll-up rows (`registry.models.Progress`).

The numbers are computed by the cooperatives app (`cooperatives.rollup`), which hands the finished rows here. Rows
are replaced in one transaction, so a reader sees either the previous roll-up or the new one, never half of each.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from registry.codes import subtree_q as codes_subtree_q
from registry.models import PROGRESS_METRICS, Progress, RollupStatus

logger = logging.getLogger(__name__)

# What a row holds besides its code and time: a row whose values are all equal is kept (only its time moves).
_VALUES = [*PROGRESS_METRICS, "level"]


@transaction.atomic(savepoint=False)
def progress_replace(rows: Iterable[Progress], *, codes: Iterable[str] = (), subtree: str | None = None) -> int:
    """Replace Progress rows by `rows` in one transaction, all stamped now.

    Replaced: the rows of `codes` and of the new rows, and every row in the subtree of `subtree` when given ("" is
    everything, the nation included), so a region without a new row (it left the master) loses its old one. Rows
    whose numbers did not change are kept and only get the new `computed_at` (most of a full roll-up: far fewer
    writes). Returns the rows whose numbers changed.
    """
    rows = list(rows)
    now = timezone.now()
    for row in rows:
        row.computed_at = now
    affected = Q(code__in={*codes, *(row.code for row in rows)})
    if subtree == "":
        affected = Q(pk__isnull=False)  # everything (an empty Q would be dropped from the OR)
    elif subtree is not None:
        affected |= codes_subtree_q("code", subtree)
    stored = {values[0]: values[1:] for values in Progress.objects.filter(affected).values_list("code", *_VALUES)}
    changed = [row for row in rows if stored.get(row.code) != tuple(getattr(row, name) for name in _VALUES)]
    fresh = {row.code for row in rows}
    doomed = [code for code in stored if code not in fresh] + [row.code for row in changed if row.code in stored]
    if doomed:
        Progress.objects.filter(code__in=doomed).delete()
    Progress.objects.filter(affected).update(computed_at=now)  # the kept rows (the changed ones are gone)
    Progress.objects.bulk_create(changed, batch_size=2000)
    # The dashboards key their cache on this time (registry.dashboards.cache): committing it replaces every cached
    # page, in every process, with the same transaction that replaces the rows.
    if not RollupStatus.objects.filter(singleton=True).update(last_success_at=now):
        RollupStatus.objects.create(singleton=True, last_success_at=now)
    return len(changed)


def progress_rollup_failed(*, error: str) -> None:
    """Record that a roll-up failed (the dashboards warn until the next success). Outside the failed transaction;
    never raises (the database may be what failed)."""
    now = timezone.now()
    try:
        with transaction.atomic():
            if not RollupStatus.objects.filter(singleton=True).update(last_failure_at=now, last_error=error[:500]):
                RollupStatus.objects.create(singleton=True, last_failure_at=now, last_error=error[:500])
    except DatabaseError:
        logger.exception("Could not record the failed progress roll-up")
