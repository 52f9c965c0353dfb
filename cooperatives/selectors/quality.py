"""Data-quality lists: second cooperatives in a village, duplicate names in a regency, cooperatives stalled in one
stage, regencies serving more villages than they have, and the warning an officer gets when a name repeats."""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Window
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives.models import NOT_STALLING, Cooperative
from registry import codes, text
from registry.models import Progress, ProgressLevel, Region, RegionLevel

# A cooperative this long in one stage is listed as stalled (never an operational one: `NOT_STALLING`).
STALLED_DAYS = 60


def duplicate_villages(cooperatives: QuerySet[Cooperative]) -> QuerySet[Cooperative]:
    """Active cooperatives sharing their seat village with another active one: for a person to resolve.

    A second cooperative always carries a reason, so the search starts from those few rows."""
    active = cooperatives.counted()
    with_reason = active.exclude(duplicate_reason="").values("village_id")
    another = Cooperative.objects.counted().filter(village_id=OuterRef("village_id")).exclude(pk=OuterRef("pk"))
    return (
        active.filter(village_id__in=Subquery(with_reason))
        .filter(Exists(another))
        .select_related("village__parent")
        .order_by("village_id", "id")
    )


class RowsByIds:
    """A list of ids, in display order, that yields whole rows slice by slice: a paginator counts the ids and loads
    only the rows of its page (one query), so the pass that found the ids runs once per page view."""

    def __init__(self, ids: list[int], rows: QuerySet) -> None:
        self.ids, self.rows = ids, rows

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        by_id = self.rows.in_bulk(ids)
        found = [by_id[pk] for pk in ids if pk in by_id]
        return found if isinstance(index, slice) else found[0]

    def __iter__(self):
        return iter(self[:])


def duplicate_names(cooperatives: QuerySet[Cooperative]) -> RowsByIds:
    """Active cooperatives sharing their name (case and spacing aside) with another active one of the same regency.

    One narrow pass: a window count per (name key, regency), read in the order of the index on active cooperatives'
    (name key, regency, village, id) (`coop_active_name_regency_idx`) without the table and without sorting them all;
    only the duplicates are sorted for display. Then the rows of one page are loaded whole."""
    regency = codes.code_at_expression("village_id", RegionLevel.REGENCY)
    ids = list(
        cooperatives.counted()
        .annotate(regency=regency, same_name=Window(Count("*"), partition_by=[F("name_key"), regency]))
        .filter(same_name__gt=1)
        .order_by("regency", "name_key", "village_id", "id")
        .values_list("id", flat=True)
    )
    return RowsByIds(ids, Cooperative.objects.select_related("village__parent"))


def stalled(
    cooperatives: QuerySet[Cooperative], *, days: int = STALLED_DAYS, now: datetime.datetime | None = None
) -> QuerySet[Cooperative]:
    """Active cooperatives in the same stage for `days` or more (`stage_changed_at`), the longest waiting first."""
    since = (now or timezone.now()) - datetime.timedelta(days=days)
    return (
        cooperatives.counted()
        .exclude(stage__in=NOT_STALLING)
        .filter(stage_changed_at__lte=since)
        .select_related("village__parent")
        .order_by("stage_changed_at", "id")
    )


def served_over_villages(area: Q) -> QuerySet[Progress]:
    """Regency progress rows (in `area`, a filter on the code) counting more villages served than villages: an error
    of the roll-up or of the master, never a real state."""
    return (
        Progress.objects.filter(area, level=ProgressLevel.REGENCY, villages_served__gt=F("villages"))
        .annotate(name=Subquery(Region.objects.filter(code=OuterRef("code")).values("name")[:1]))
        .order_by("code")
    )


def name_duplicates(cooperative: Cooperative) -> list[Cooperative]:
    """The other active cooperatives of the cooperative's regency with the same name (case and spacing aside)."""
    return list(
        Cooperative.objects.counted()
        .filter(codes.subtree_q("village_id", cooperative.regency_code, include_root=False))
        .exclude(pk=cooperative.pk)
        .filter(name_key=text.name_key_of(cooperative.name))
        .select_related("village__parent")
        .order_by("id")
    )


def name_warnings(cooperative: Cooperative, *, renamed_from: str | None = None) -> list[str]:
    """What to tell the officer who just gave a cooperative a name another active one of the regency already has:
    the name is kept, but the two are easy to mix up. After an edit (`renamed_from` the name before it) only when
    the name changed beyond case and spacing: the officer was told at the time, and the data-quality page lists it."""
    if renamed_from is not None and text.name_key_of(renamed_from) == text.name_key_of(cooperative.name):
        return []
    return [
        _(
            "Another active cooperative of this regency/city has the same name: %(name)s, in %(village)s, "
            "%(kecamatan)s. The name is saved; to tell the two apart, add the kecamatan or another word to the name."
        )
        % {"name": other.name, "village": other.village.display_name, "kecamatan": other.village.parent.display_name}
        for other in name_duplicates(cooperative)
    ]
