"""Reads for the cooperative pages and the API: the worklist, one cooperative with everything its page shows,
founders with their warnings, history, the data-quality list, and the context the founder rules need. Each a fixed
number of queries. Selectors read; they never import the services."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives import rules
from cooperatives.choices import Body, MeetingKind, Position
from cooperatives.models import (
    BusinessUnit,
    Cooperative,
    Document,
    FoundingMember,
    Meeting,
    NikView,
    Officer,
    StageTransition,
)
from cooperatives.nik import normalize_nik
from registry import codes, text
from registry.models import Region, RegionLevel

NO_COOPERATIVE = "none"


def worklist(*, region: Region, search: str = "", kecamatan: str = "", stage: str = "", pattern: str = "") -> QuerySet:
    """Every village under `region`, filterable by kecamatan, stage (of one of its active cooperatives, or none),
    pattern and a search on the village or cooperative name or code. Villages only: page them first, then
    `worklist_rows` fetches the cooperatives of one page in one query (no subquery per village of the area)."""
    qs = Region.objects.filter(
        codes.subtree_q("code", region.code, include_root=False), level=RegionLevel.VILLAGE
    ).select_related("parent")
    seated = Cooperative.objects.counted().filter(village_id=OuterRef("code"))
    if kecamatan:
        qs = qs.filter(parent_id=kecamatan)
    if stage == NO_COOPERATIVE:
        qs = qs.filter(~Exists(seated))
    elif stage:
        qs = qs.filter(Exists(seated.filter(stage=stage)))
    if pattern:
        qs = qs.filter(Exists(seated.filter(pattern=pattern)))
    search = text.search_term(search)
    if search:
        qs = qs.filter(
            Q(name__icontains=search) | Q(code__startswith=search) | Exists(seated.filter(name__icontains=search))
        )
    return qs.order_by("code")


def worklist_rows(villages, *, stage: str = "", pattern: str = "") -> list[Region]:
    """The villages of one worklist page, each with the cooperative it is listed with: the first active one seated
    there (`shown_for_village`), or under a stage or pattern filter the first one that matches it. One query."""
    villages = list(villages)
    by_village: dict[str, list[Cooperative]] = {}
    for coop in (
        Cooperative.objects.counted()
        .filter(village_id__in=[v.code for v in villages])
        .only("id", "name", "stage", "pattern", "village_id")
        .order_by("village_id", "id")
    ):
        by_village.setdefault(coop.village_id, []).append(coop)
    for village in villages:
        seated = by_village.get(village.code, [])
        matching = [c for c in seated if (not stage or c.stage == stage) and (not pattern or c.pattern == pattern)]
        shown = (matching or seated or [None])[0]
        village.coop_id = shown.pk if shown else None
        village.coop_name = shown.name if shown else None
        village.coop_stage = shown.stage if shown else None
        village.coop_pattern = shown.pattern if shown else None
        village.coop_count = len(seated)
    return villages


def cooperative_page(cooperative: Cooperative) -> Cooperative:
    """The cooperative (as fetched through the scoping, with its village, kecamatan and regency) with its founders,
    officers, meetings, units and documents prefetched, one query each: what every tab of its page and the API's
    detail read."""
    prefetch_related_objects(
        [cooperative],
        Prefetch("members", queryset=FoundingMember.objects.prefetch_related("seats")),
        Prefetch("officers", queryset=Officer.objects.select_related("member")),
        Prefetch("meetings", queryset=Meeting.objects.select_related("minutes")),
        Prefetch("business_units", queryset=BusinessUnit.objects.all()),
        Prefetch("documents", queryset=Document.objects.select_related("uploaded_by")),
        Prefetch("covered_villages", queryset=Region.objects.select_related("parent")),
    )
    return cooperative


def cooperative_detail(cooperative: Cooperative) -> Cooperative:
    """The cooperative as the API's detail shows it: its relations prefetched, the founders only counted."""
    prefetch_related_objects(
        [cooperative],
        Prefetch("members", queryset=FoundingMember.objects.only("id", "cooperative_id")),
        Prefetch("officers", queryset=Officer.objects.select_related("member")),
        "meetings",
        "business_units",
        "documents",
        "covered_villages",
    )
    cooperative.founders_count = len(cooperative.members.all())
    return cooperative


def with_founders_count(cooperatives: QuerySet[Cooperative]) -> QuerySet[Cooperative]:
    """Each cooperative with its number of founders, counted per row returned: a page of fifty counts the founders
    of fifty cooperatives, never a join over every founder of the area before paging (a COUNT drops it)."""
    founders = (
        FoundingMember.objects.filter(cooperative=OuterRef("pk"))
        .order_by()
        .values("cooperative")
        .annotate(n=Count("id"))
        .values("n")
    )
    return cooperatives.annotate(founders_count=Coalesce(Subquery(founders), 0))


def active_in_village(village: Region) -> list[Cooperative]:
    """The active cooperatives seated in a village (the registration page warns about them)."""
    return list(Cooperative.objects.counted().filter(village=village).only("id", "name"))


def document_of(cooperative: Cooperative, pk) -> Document | None:
    return Document.objects.filter(pk=pk, cooperative=cooperative).first()


@dataclass(frozen=True)
class Seats:
    board: list[Officer]
    supervisors: list[Officer]

    @property
    def all(self) -> list[Officer]:
        return [*self.board, *self.supervisors]


def seats(cooperative: Cooperative) -> Seats:
    """The board, then the supervisors, each in the order of the positions (from the prefetched officers)."""
    order = {p: i for i, p in enumerate(Position)}
    officers = sorted(cooperative.officers.all(), key=lambda o: order[o.position])
    return Seats(
        board=[o for o in officers if o.body == Body.PENGURUS],
        supervisors=[o for o in officers if o.body == Body.PENGAWAS],
    )


@dataclass(frozen=True)
class MemberRow:
    member: FoundingMember
    errors: list[str]
    warnings: list[str]
    seats: list[str]


def member_rows(cooperative: Cooperative) -> list[MemberRow]:
    """Founders with what their NIK raises today, measured on the founding date (computed, not stored: the master
    and the founding date can change). An error here blocks the founding meeting stage."""
    rows = []
    for m in cooperative.members.all():
        check = rules.nik_check_for(cooperative, m.nik, birth_date=m.birth_date, gender=m.gender)
        rows.append(
            MemberRow(
                member=m,
                errors=check.errors,
                warnings=[] if check.errors else check.warnings,
                seats=[str(s.get_position_display()) for s in m.seats.all()],
            )
        )
    return rows


def founder_context(cooperative: Cooperative, *, niks: list[str]) -> rules.FounderContext:
    """What `rules.founder_problems` needs for these NIKs, in three queries whatever their number."""
    wanted = {normalize_nik(n) for n in niks}
    elsewhere = dict(
        FoundingMember.objects.filter(nik__in=wanted, cooperative__is_active=True)
        .exclude(cooperative=cooperative)
        .order_by("nik", "cooperative_id")
        .values_list("nik", "cooperative__village_id")
    )
    regency_codes = {codes.regency_code(v) for v in elsewhere.values()}
    names = dict(Region.objects.filter(code__in=regency_codes).values_list("code", "name"))
    meeting_date = (
        Meeting.objects.filter(cooperative=cooperative, kind=MeetingKind.FOUNDING)
        .values_list("date", flat=True)
        .first()
    )
    return rules.FounderContext(
        village_code=cooperative.village_id,
        founding_date=meeting_date or timezone.localdate(),
        niks_here=dict(cooperative.members.filter(nik__in=wanted).values_list("nik", "id")),
        niks_elsewhere={nik: names.get(codes.regency_code(v), codes.regency_code(v)) for nik, v in elsewhere.items()},
    )


@dataclass(frozen=True)
class HistoryEntry:
    at: object
    user: object
    kind: str  # "+", "~", "-"
    model: str
    label: str
    changes: list[str]


# Not worth a line in the history; the many-to-many covered villages would cost a query per row to compare.
HISTORY_SKIP = {"id", "version", "updated_at", "created_at", "cooperative", "covered_villages"}


def _entries(records: list, model, label_of) -> list[HistoryEntry]:
    """History rows of one model, each with the fields its change touched (simple-history's diff, in memory)."""
    order = {f.name: i for i, f in enumerate(model._meta.concrete_fields)}
    labels = {f.name: str(f.verbose_name) for f in model._meta.concrete_fields}
    by_object: dict[int, list] = {}
    for r in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        by_object.setdefault(r.id, []).append(r)
    entries = []
    model_label = str(model._meta.verbose_name)
    for rows in by_object.values():
        first = rows[0]
        entries.append(
            HistoryEntry(first.history_date, first.history_user, first.history_type, model_label, label_of(first), [])
        )
        for old, new in pairwise(rows):
            changed = sorted(new.diff_against(old, excluded_fields=HISTORY_SKIP).changed_fields, key=order.get)
            entries.append(
                HistoryEntry(
                    new.history_date,
                    new.history_user,
                    new.history_type,
                    model_label,
                    label_of(new),
                    [labels[name] for name in changed],
                )
            )
    return entries


def history(cooperative: Cooperative, limit: int = 200) -> list[HistoryEntry]:
    sources = [
        (Cooperative, Cooperative.history.filter(id=cooperative.pk), lambda r: r.name),
        (FoundingMember, FoundingMember.history.filter(cooperative_id=cooperative.pk), lambda r: r.full_name),
        (Officer, Officer.history.filter(cooperative_id=cooperative.pk), lambda r: r.get_position_display()),
        (Meeting, Meeting.history.filter(cooperative_id=cooperative.pk), lambda r: r.get_kind_display()),
        (
            BusinessUnit,
            BusinessUnit.history.filter(cooperative_id=cooperative.pk),
            lambda r: r.other_name or r.get_kind_display(),
        ),
        (Document, Document.history.filter(cooperative_id=cooperative.pk), lambda r: r.get_kind_display()),
    ]
    entries: list[HistoryEntry] = []
    for model, qs, label_of in sources:
        entries.extend(_entries(list(qs.select_related("history_user")), model, label_of))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries[:limit]


def transitions(cooperative: Cooperative) -> QuerySet[StageTransition]:
    return cooperative.transitions.select_related("actor").order_by("-at", "-id")


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

    One narrow pass over `cooperatives` (the user's area, made of whole regencies): a window count per (regency,
    stored name key), keeping the keys held more than once; then the wide rows of one page only."""
    active = cooperatives.counted().annotate(
        duplicate_key=Concat(
            codes.code_at_expression("village_id", RegionLevel.REGENCY),
            Value("|"),
            F("name_key"),
            output_field=CharField(),
        )
    )
    ids = list(
        active.annotate(same_name=Window(Count("id"), partition_by=[F("duplicate_key")]))
        .filter(same_name__gt=1)
        .order_by("duplicate_key", "village_id", "id")
        .values_list("id", flat=True)
    )
    return RowsByIds(ids, Cooperative.objects.select_related("village__parent"))


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


def nik_views() -> QuerySet[NikView]:
    return NikView.objects.select_related("user", "cooperative").order_by("-at", "-id")
