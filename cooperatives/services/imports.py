"""Batch writes for the spreadsheet import: the rows a file's check accepted, written in a fixed number of statements
(bulk_create/bulk_update, and the history rows copied in the database; simple-history's bulk helpers for the
few seats and meetings) whatever their number. The caller (`cooperatives.imports
.run`) checks every row with the same rules as the single-record services, inside the same transaction and under
the same locks, and calls these only for a file without errors; the progress refresh is announced once."""

from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from cooperatives.access import ensure_may_change
from cooperatives.choices import BOARD_POSITIONS, Body
from cooperatives.models import MEMBER_FIELDS, PROFILE_FIELDS, Cooperative, FoundingMember, Meeting, Officer
from cooperatives.services.common import ensure_active
from cooperatives.services.members import ensure_roster_open
from cooperatives.services.progress import progress_changed
from registry import text


def history_rows(model, ids: list[int], *, history_type: str, actor, reason: str) -> None:
    """The history rows of records just written in bulk, copied from the table in one INSERT … SELECT (the database
    does the copy: simple-history's bulk helper builds 10,000 Python objects for it and takes seconds). The same
    rows simple-history writes: every tracked column, when, who, why, and "+" or "~"."""
    if not ids:
        return
    history = model.history.model
    tracked = [f for f in history._meta.concrete_fields if not f.name.startswith("history_")]
    target = ", ".join(connection.ops.quote_name(f.column) for f in tracked)
    source = ", ".join(connection.ops.quote_name(model._meta.get_field(f.name).column) for f in tracked)
    extra = ", ".join(
        connection.ops.quote_name(history._meta.get_field(name).column)
        for name in ("history_date", "history_change_reason", "history_type", "history_user")
    )
    # Names from the models' metadata, quoted; every value is a parameter.
    into, table = connection.ops.quote_name(history._meta.db_table), connection.ops.quote_name(model._meta.db_table)
    head = f"INSERT INTO {into} ({target}, {extra}) SELECT {source}, %s, %s, %s, %s FROM {table} WHERE "  # noqa: S608
    values = [timezone.now(), reason, history_type, actor.pk if actor is not None else None]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"{head}id = ANY(%s)", [*values, list(ids)])
            return
        for start in range(0, len(ids), 500):  # SQLite (development): its limit on parameters
            chunk = ids[start : start + 500]
            cursor.execute(f"{head}id IN ({', '.join(['%s'] * len(chunk))})", [*values, *chunk])


def may_import(actor, village_code: str) -> None:
    """The services' own scope check; `actor` None is the command line, run on the server by its operator."""
    if actor is not None:
        ensure_may_change(actor, village_code)


def cooperative_locked_for_founders(*, actor, cooperative: Cooperative) -> Cooperative:
    """The cooperative read again under a row lock, open for founders (as `founding_member_add` reads it)."""
    coop = Cooperative.objects.select_for_update().select_related("village").get(pk=cooperative.pk)
    may_import(actor, coop.village_id)
    ensure_active(coop)
    ensure_roster_open(coop)
    return coop


@transaction.atomic
def founders_import_write(
    *,
    actor,
    cooperative: Cooperative,
    creates: list[FoundingMember],
    updates: list[FoundingMember],
    seats: list[tuple[str, str]],
    reason: str,
) -> None:
    """New founders, changed founders, and the seats of the file (NIK, position), with history saying `reason`."""
    may_import(actor, cooperative.village_id)
    now = timezone.now()
    for member in creates:
        member.created_at = now  # bulk_create does not run auto_now_add's pre_save on every path
    if creates:
        FoundingMember.objects.bulk_create(creates)
        history_rows(FoundingMember, [m.pk for m in creates], history_type="+", actor=actor, reason=reason)
    if updates:
        FoundingMember.objects.bulk_update(updates, [*MEMBER_FIELDS, "version"])
        history_rows(FoundingMember, [m.pk for m in updates], history_type="~", actor=actor, reason=reason)
    if seats:
        by_nik = {m.nik: m for m in [*creates, *updates]}
        missing = {nik for nik, _position in seats if nik not in by_nik}
        if missing:
            by_nik |= {m.nik: m for m in FoundingMember.objects.filter(cooperative=cooperative, nik__in=missing)}
        officers = [
            Officer(
                cooperative=cooperative,
                body=Body.PENGURUS if position in BOARD_POSITIONS else Body.PENGAWAS,
                position=position,
                member=by_nik[nik],
            )
            for nik, position in seats
        ]
        bulk_create_with_history(officers, Officer, default_user=actor, default_change_reason=reason)
    if creates or updates:
        progress_changed(regency_code=cooperative.regency_code)


@transaction.atomic
def cooperatives_import_write(
    *,
    actor,
    regency_code: str,
    creates: list[Cooperative],
    updates: list[Cooperative],
    meetings: list[tuple[Cooperative, str, object, str, int]],
    reason: str,
) -> None:
    """New and changed cooperatives of one regency, and their Musdesus and founding meeting (date, place,
    attendance), with history saying `reason`."""
    for coop in [*creates, *updates]:
        may_import(actor, coop.village_id)
        coop.name_key = text.name_key_of(coop.name)  # what Cooperative.save keeps; bulk writes skip save()
    now = timezone.now()
    for coop in creates:
        coop.created_by = actor
        coop.created_at = coop.updated_at = coop.stage_changed_at = now
    if creates:
        Cooperative.objects.bulk_create(creates)
        history_rows(Cooperative, [c.pk for c in creates], history_type="+", actor=actor, reason=reason)
    if updates:
        for coop in updates:
            coop.updated_at = now
        Cooperative.objects.bulk_update(updates, [*PROFILE_FIELDS, "name_key", "version", "updated_at"])
        history_rows(Cooperative, [c.pk for c in updates], history_type="~", actor=actor, reason=reason)
    if meetings:
        stored = {
            (m.cooperative_id, m.kind): m
            for m in Meeting.objects.filter(cooperative_id__in={c.pk for c, *_rest in meetings})
        }
        new, changed = [], []
        for coop, kind, date, place, attendance in meetings:
            meeting = stored.get((coop.pk, kind))
            if meeting is None:
                new.append(Meeting(cooperative=coop, kind=kind, date=date, place=place, attendance=attendance))
            else:
                meeting.date, meeting.place, meeting.attendance = date, place, attendance
                changed.append(meeting)
        if new:
            bulk_create_with_history(new, Meeting, default_user=actor, default_change_reason=reason)
        if changed:
            bulk_update_with_history(
                changed, Meeting, ["date", "place", "attendance"], default_user=actor, default_change_reason=reason
            )
    if creates or updates or meetings:
        progress_changed(regency_code=regency_code)
