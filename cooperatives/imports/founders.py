"""The founders file of one cooperative: every row through `rules.founder_problems` (the forms' rules and
messages), the model's field checks, duplicates within the file, and the seats of the "Jabatan" column. Founders
upsert by NIK within the cooperative. A fixed number of queries whatever the number of rows."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import translation
from django.utils.translation import gettext as _

from cooperatives import rules, selectors
from cooperatives.choices import BOARD_POSITIONS, SINGLE_POSITIONS, Body, Position
from cooperatives.data import FounderData
from cooperatives.forms import MemberForm
from cooperatives.imports.cells import CellError, value_of
from cooperatives.imports.columns import FOUNDER_COLUMNS, Layout, is_example
from cooperatives.imports.files import Sheet
from cooperatives.imports.report import Report
from cooperatives.models import MEMBER_FIELDS, Cooperative, FoundingMember, Officer
from cooperatives.nik import normalize_nik

HEADER = {c.key: c.header for c in FOUNDER_COLUMNS}
MEMBER_MESSAGES = MemberForm._meta.error_messages or {}
# Not the row's to check: set by the service (the cooperative), or checked by the founder rules (the NIK).
EXCLUDED = frozenset({"cooperative", "nik"})


@dataclass
class FounderPlan:
    creates: list[FoundingMember] = field(default_factory=list)
    updates: list[FoundingMember] = field(default_factory=list)
    # (NIK of the founder, position): seated once the new founders have their ids.
    seats: list[tuple[str, str]] = field(default_factory=list)


def rows_of(
    sheet: Sheet, layout: Layout, columns=FOUNDER_COLUMNS, *, identity: frozenset[str] = frozenset()
) -> list[tuple[int, dict, dict]]:
    """(row number, {key: value}, {key: (raw cell, error)}) for every data row; a row holding nothing but the
    `identity` columns (a village of the pre-filled cooperatives template left as it was) is skipped."""
    parsed = []
    for number, cells in sheet.rows:
        if number <= layout.header_row or is_example(cells, layout):
            continue
        values, failed = {}, {}
        for index, column in layout.positions.items():
            cell = cells[index] if index < len(cells) else None
            try:
                values[column.key] = value_of(column, cell)
            except CellError as exc:
                values[column.key] = None if column.kind in {"date", "money", "int"} else ""
                failed[column.key] = (cell.value, exc.message)
        if identity and not any(v not in ("", None) for k, v in values.items() if k not in identity) and not failed:
            continue
        for column in columns:
            values.setdefault(column.key, None if column.kind in {"date", "money", "int"} else "")
        parsed.append((number, values, failed))
    return parsed


@functools.cache
def _field_rules(model, exclude: frozenset[str]) -> list[tuple]:
    """Per field: (attname, may be blank, choices, max length, other validators), read from the model once."""
    rules_ = []
    for f in model._meta.concrete_fields:
        if f.name in exclude:
            continue
        choices = frozenset(value for value, _label in f.flatchoices) if f.choices else None
        others = [v for v in f.validators if not isinstance(v, MaxLengthValidator)]
        rules_.append((f.attname, f.blank, f.empty_values, choices, f.max_length, others))
    return rules_


def _suspect(instance, exclude: frozenset[str], model=None) -> bool:
    """Whether `clean_fields` could refuse this instance: the model's own limits, checked without Django's per-field
    machinery (a tenth of the time on 10,000 rows); only a suspect row pays for `clean_fields` and its wording."""
    values = instance if isinstance(instance, dict) else instance.__dict__
    for attname, blank, empty, choices, max_length, others in _field_rules(model or type(instance), exclude):
        value = values.get(attname)
        if value in empty:
            if not blank:
                return True
            continue
        if (choices is not None and value not in choices) or (max_length and len(str(value)) > max_length):
            return True
        for validator in others:
            try:
                validator(value)
            except ValidationError:
                return True
    return False


def field_problems(instance, *, exclude: list[str], form_messages: dict) -> list[rules.Problem]:
    """The model's own field checks (lengths, digits, choices) as the services' full_clean runs them, worded as the
    form words them (`form_messages`: the form's Meta.error_messages). Uniqueness, which the services' constraints
    back, is checked against the rows loaded once instead (no query per row)."""
    if not _suspect(instance, frozenset(exclude)):
        return []
    try:
        instance.clean_fields(exclude=exclude)
    except ValidationError as exc:
        problems = []
        for name, errors in exc.error_dict.items():
            error = errors[0]
            worded = form_messages.get(name, {}).get(error.code)
            problems.append(rules.Problem(name, str(worded) if worded else " ".join(error.messages)))
        return problems
    return []


@dataclass
class RowCheck:
    """What a row's own values give before the registry is consulted (founder rules against an empty registry, the
    model's field checks): the same for the dry run and the commit while `RowChecks.basis` holds."""

    number: int
    values: dict
    failed: dict
    founder: FounderData
    check: rules.FounderCheck
    field_errors: list[rules.Problem]


@dataclass
class RowChecks:
    basis: tuple  # (village code, founding date, language): what the row checks depend on besides the row
    rows: list[RowCheck]


def _row_checks(parsed, empty: rules.FounderContext) -> list[RowCheck]:
    checks = []
    for number, values, failed in parsed:
        founder = FounderData(**{n: values.get(n) or (None if n == "birth_date" else "") for n in MEMBER_FIELDS})
        # Already trimmed by `cells.value_of` (what `FounderData.cleaned` does for a form), so not cleaned again.
        check = rules.founder_problems(founder, empty)
        field_errors = []
        if check.ok:
            fields = _fields(founder, check)
            if _suspect({"version": 1, **fields}, EXCLUDED, FoundingMember):
                probe = FoundingMember(**fields)
                field_errors = field_problems(probe, exclude=list(EXCLUDED), form_messages=MEMBER_MESSAGES)
        checks.append(RowCheck(number, values, failed, founder, check, field_errors))
    return checks


def _fields(founder: FounderData, check: rules.FounderCheck) -> dict:
    """A founder's fields as the service stores them: the NIK's digits, the birth date and gender from it if empty."""
    fields = {name: getattr(founder, name) for name in MEMBER_FIELDS}
    fields.update(
        nik=check.nik, birth_date=founder.birth_date or check.birth_date, gender=founder.gender or check.gender
    )
    return fields


def check_founders(
    rows: Callable[[], list[tuple[int, dict, dict]]],
    cooperative: Cooperative,
    report: Report,
    tick: Callable[[int], None] = lambda n: None,
    *,
    memo: RowChecks | None = None,
    build: bool = True,
) -> tuple[FounderPlan, RowChecks]:
    """Check every row (`rows` reads them: `rows_of` on the file); `memo` is the row checks of the dry run, reused by
    the commit when nothing they depend on changed (the registry-dependent rules run again in any case), so the file
    is not read again. `build`: make the model instances to write."""
    parsed = None if memo is not None else rows()
    niks = (
        [rc.check.nik or normalize_nik(rc.founder.nik) for rc in memo.rows]
        if memo is not None
        else [normalize_nik(v["nik"]) for _n, v, _f in parsed if v.get("nik")]
    )
    context = selectors.founder_context(cooperative, niks=niks)
    basis = (context.village_code, context.founding_date, translation.get_language())
    if memo is None or memo.basis != basis:
        parsed = parsed if parsed is not None else rows()
        empty = rules.FounderContext(village_code=context.village_code, founding_date=context.founding_date)
        memo = RowChecks(basis, _row_checks(parsed, empty))
    report.rows = len(memo.rows)
    existing = {m.nik: m for m in FoundingMember.objects.filter(cooperative=cooperative, nik__in=set(niks))}
    officers = list(Officer.objects.filter(cooperative=cooperative).select_related("member"))
    seat_of = {o.member_id: o for o in officers if o.member_id}
    holder = {o.position: o for o in officers if o.position in SINGLE_POSITIONS}
    plan = FounderPlan()
    seen_nik: dict[str, int] = {}
    seen_position: dict[str, int] = {}
    for done, rc in enumerate(memo.rows, start=1):
        number, values, failed, founder = rc.number, rc.values, rc.failed, rc.founder
        before = len(report.errors)
        for key, (raw, message) in failed.items():
            report.error(number, HEADER[key], raw, message)
        member = existing.get(rc.check.nik)
        check = rc.check
        if check.nik is not None and (check.nik in context.niks_here or check.nik in context.niks_elsewhere):
            # The registry holds this NIK: the rule runs again with what the registry says.
            check = rules.founder_problems(founder, context, member_id=member.pk if member else None)
        problems = [p for p in check.errors if p.field not in failed]
        if check.nik and check.nik in seen_nik and "nik" not in failed:
            problems.append(
                rules.Problem("nik", _("This NIK is also on row %(row)s of this file.") % {"row": seen_nik[check.nik]})
            )
        if check.nik:
            seen_nik.setdefault(check.nik, number)
        fields = _fields(founder, check) if check.ok else {}
        if check.ok:
            problems.extend(p for p in rc.field_errors if p.field not in failed)
        for p in problems:
            report.error(number, HEADER.get(p.field, HEADER["nik"]), values.get(p.field, founder.nik), p.message)
        position = values.get("position") or ""
        if position and "position" not in failed:
            seat_problem = _seat_problem(position, member, founder.full_name, seat_of, holder, seen_position, number)
            if seat_problem:
                report.error(number, HEADER["position"], position, seat_problem)
        for w in check.warnings:
            report.warning(number, HEADER["nik"], founder.nik, w)
        if len(report.errors) == before:
            report.ok += 1
            if member is None:
                report.created += 1
                if build:
                    plan.creates.append(FoundingMember(cooperative_id=cooperative.pk, **fields))
            elif any(getattr(member, name) != value for name, value in fields.items()):
                report.updated += 1
                if build:
                    target = _copy(member)
                    for name, value in fields.items():
                        setattr(target, name, value)
                    target.version = member.version + 1
                    plan.updates.append(target)
            else:
                report.unchanged += 1
            if position and not (member is not None and member.pk in seat_of):
                plan.seats.append((fields["nik"], position))
        if done % 500 == 0:
            tick(done)
    return plan, memo


def _copy(member: FoundingMember) -> FoundingMember:
    copy = FoundingMember(**{f.attname: getattr(member, f.attname) for f in FoundingMember._meta.concrete_fields})
    copy._state.adding = False
    return copy


def _seat_problem(position, member, name, seat_of, holder, seen_position, number) -> str | None:
    """The seat rules of `officer_assign`, with its messages, against the seats already held and the file's own."""
    current = seat_of.get(member.pk) if member is not None else None
    if current is not None:
        if current.position == position:
            return None
        return _("%(name)s already holds a seat.") % {"name": name}
    if position in SINGLE_POSITIONS:
        held = holder.get(position)
        label = Position(position).label
        if held is not None:
            return _("%(position)s is already held by %(name)s. Remove that seat first.") % {
                "position": label,
                "name": held.display_name,
            }
        if position in seen_position:
            return _("%(position)s is given to two founders in this file (rows %(first)s and %(row)s).") % {
                "position": label,
                "first": seen_position[position],
                "row": number,
            }
        seen_position[position] = number
    return None


def body_of(position: str) -> str:
    return Body.PENGURUS if position in BOARD_POSITIONS else Body.PENGAWAS
