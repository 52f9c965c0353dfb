"""The cooperatives file of one regency: one row per village, the profile through the registration service's own
checks (pattern, duplicates, evidence dates, the model's fields) and the Musdesus and founding meeting dates.
Cooperatives upsert by village (the village's first active cooperative is updated; empty cells keep what is stored).
A fixed number of queries whatever the number of rows."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cooperatives import evidence, rules
from cooperatives import field_messages as msg
from cooperatives.choices import MeetingKind
from cooperatives.data import CooperativeProfile
from cooperatives.forms import CooperativeForm
from cooperatives.imports.columns import COOPERATIVE_COLUMNS, Layout
from cooperatives.imports.files import Sheet
from cooperatives.imports.founders import field_problems, rows_of
from cooperatives.imports.report import Report
from cooperatives.imports.villages import Villages
from cooperatives.models import PROFILE_FIELDS, Cooperative, FoundingMember, Meeting
from cooperatives.services.cooperatives import _validate_pattern, kind_for, proposed_name
from registry import text
from registry.errors import ApplicationError
from registry.models import Region

HEADER = {c.key: c.header for c in COOPERATIVE_COLUMNS}
IDENTITY = frozenset({"village_code", "village_name", "kecamatan"})
MEETINGS = {"musdesus": MeetingKind.MUSDESUS, "founding": MeetingKind.FOUNDING}


@dataclass
class CooperativePlan:
    creates: list[Cooperative] = field(default_factory=list)
    updates: list[Cooperative] = field(default_factory=list)
    # (cooperative, kind, date, place, attendance); the cooperative may still lack its id
    meetings: list[tuple[Cooperative, str, object, str, int]] = field(default_factory=list)


def _copy(coop: Cooperative) -> Cooperative:
    copy = Cooperative(**{f.attname: getattr(coop, f.attname) for f in Cooperative._meta.concrete_fields})
    copy._state.adding = False
    return copy


def _meeting(values: dict, key: str, stored: Meeting | None) -> tuple[tuple | None, list[tuple[str, str]]]:
    """(date, place, attendance) of a meeting the row gives, and its problems (column key, message)."""
    date, place, attendance = values.get(f"{key}_date"), values.get(f"{key}_place"), values.get(f"{key}_attendance")
    if date is None:
        return None, []
    place = place or (stored.place if stored else "")
    attendance = attendance if attendance is not None else (stored.attendance if stored else None)
    problems = []
    if not place:
        problems.append((f"{key}_place", _("Write where the meeting was held.")))
    if attendance is None or attendance < 1:
        problems.append((f"{key}_attendance", _("Attendance must be at least 1.")))
    return (date, place, attendance), problems


def check_cooperatives(
    sheet: Sheet, layout: Layout, regency: Region, report: Report, tick: Callable[[int], None] = lambda n: None
) -> CooperativePlan:
    parsed = rows_of(sheet, layout, COOPERATIVE_COLUMNS, identity=IDENTITY)
    report.rows = len(parsed)
    villages = Villages(regency)
    villages.load_codes_elsewhere({v["village_code"] for _n, v, _f in parsed if v.get("village_code")})
    stored, named = {}, {}
    for coop in (
        Cooperative.objects.counted()
        .filter(village_id__in=villages.by_code)
        .select_related("village__parent")
        .prefetch_related("meetings")
        .order_by("village_id", "id")
    ):
        stored.setdefault(coop.village_id, coop)
        named.setdefault(coop.name_key, []).append(coop)
    plan = CooperativePlan()
    seen: dict[str, int] = {}
    for done, (number, values, failed) in enumerate(parsed, start=1):
        before = len(report.errors)
        for key, (raw, message) in failed.items():
            report.error(number, HEADER[key], raw, message)
        village, problem = villages.find(
            code=values["village_code"], name=values["village_name"], kecamatan=values["kecamatan"]
        )
        where = "village_code" if values["village_code"] else "village_name"
        if problem:
            report.error(number, HEADER[where], values[where], problem)
        elif village.code in seen:
            report.error(
                number, HEADER[where], values[where],
                _("This village is also on row %(row)s of this file.") % {"row": seen[village.code]},
            )  # fmt: skip
        if village is None or village.code in seen:
            tick(done) if done % 500 == 0 else None
            continue
        seen[village.code] = number
        current = stored.get(village.code)
        given = {n: values[n] for n in PROFILE_FIELDS if values.get(n) not in ("", None) and n not in failed}
        if current is None:
            profile = CooperativeProfile(**{"pattern": "", **given})
            coop = Cooperative(village=village, kind=kind_for(village), name="")
        else:
            profile = CooperativeProfile.of(current).changed(**given)
            coop = _copy(current)
            coop.village = village
        for name, value in dataclasses.asdict(profile).items():
            setattr(coop, name, value.strip() if isinstance(value, str) else value)
        coop.name = text.collapse_spaces(coop.name) or proposed_name(village, repeats=villages.repeats[village.code])
        problems: list[tuple[str, str]] = [] if coop.pattern else [("pattern", str(msg.PICK_PATTERN))]
        try:
            _validate_pattern(coop)
        except ApplicationError as exc:
            problems.append((exc.field or "pattern", exc.message))
        exclude = ["village", "covered_villages", "created_by", "stage_changed_at"]
        problems.extend(
            (p.field, p.message)
            for p in field_problems(coop, exclude=exclude, form_messages=CooperativeForm._meta.error_messages or {})
        )
        meetings = {m.kind: m for m in current.meetings.all()} if current else {}
        dates = evidence.evidence_dates(current) if current else dict.fromkeys(evidence.EVIDENCE_ORDER)
        given_meetings = {}
        for key, kind in MEETINGS.items():
            meeting, meeting_problems = _meeting(values, key, meetings.get(kind))
            problems.extend(meeting_problems)
            if meeting:
                given_meetings[kind] = meeting
                dates[key] = meeting[0]
        dates["sk_ahu"] = coop.sk_ahu_date
        for key, column in (("musdesus", "musdesus_date"), ("founding", "founding_date"), ("sk_ahu", "sk_ahu_date")):
            date_problem = evidence.date_problem(dates, key) if values.get(column) else None
            if date_problem:
                problems.append((column, date_problem))
        reported = set(failed)
        for name, message in problems:
            if name not in reported:
                reported.add(name)
                report.error(number, HEADER.get(name, HEADER["pattern"]), values.get(name, ""), message)
        if len(report.errors) == before:
            report.ok += 1
            changed = current is None or any(getattr(coop, n) != getattr(current, n) for n in PROFILE_FIELDS)
            meeting_rows = [
                (coop, kind, *m)
                for kind, m in given_meetings.items()
                if kind not in meetings
                or (meetings[kind].date, meetings[kind].place, meetings[kind].attendance) != tuple(m)
            ]
            if current is None:
                plan.creates.append(coop)
            elif changed:
                coop.version = current.version + 1
                plan.updates.append(coop)
            elif not meeting_rows:
                report.unchanged += 1
            plan.meetings.extend(meeting_rows)
            for message in _name_warnings(coop, current, named):
                report.warning(number, HEADER["name"], coop.name, message)
        if done % 500 == 0:
            tick(done)
    _check_founding_ages(plan, report, seen)
    report.created, report.updated = len(plan.creates), len(plan.updates)
    return plan


def _name_warnings(coop: Cooperative, current: Cooperative | None, named: dict) -> list[str]:
    """`selectors.name_warnings` for a whole file: a name another active cooperative of the regency (or an earlier row
    of the file) already has, when the row gives a new name; against the cooperatives loaded once."""
    key = text.name_key_of(coop.name)
    if current is not None and text.name_key_of(current.name) == key:
        return []
    others = [o for o in named.get(key, []) if current is None or o.pk != current.pk]
    named.setdefault(key, []).append(coop)
    return [
        _(
            "Another active cooperative of this regency/city has the same name: %(name)s, in %(village)s, "
            "%(kecamatan)s. The name is saved; to tell the two apart, add the kecamatan or another word to the name."
        )
        % {"name": other.name, "village": other.village.display_name, "kecamatan": other.village.parent.display_name}
        for other in others
    ]


def _check_founding_ages(plan: CooperativePlan, report: Report, rows: dict[str, int]) -> None:
    """A founding meeting dated in the file re-checks the age of the founders already recorded (as recording it on
    the meetings tab does), in one query for the whole file."""
    founding = {c.pk: (c, date) for c, kind, date, _p, _a in plan.meetings if kind == MeetingKind.FOUNDING and c.pk}
    if not founding:
        return
    members: dict[int, list[FoundingMember]] = {}
    for m in FoundingMember.objects.filter(cooperative_id__in=founding):
        members.setdefault(m.cooperative_id, []).append(m)
    for pk, (coop, date) in founding.items():
        underage = rules.underage_founders(coop, members.get(pk, []), on=date)
        if underage:
            row = rows[coop.village_id]
            message = " ".join([*underage, _("Check the meeting date, or remove these founders first.")])
            report.error(row, HEADER["founding_date"], date, message)
            report.ok -= 1
            plan.meetings = [m for m in plan.meetings if m[0] is not coop]
            plan.updates = [c for c in plan.updates if c is not coop]
