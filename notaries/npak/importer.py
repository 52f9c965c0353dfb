"""The import of the NPAK list: the only writer of imported notaries (the command, the admin task and the demo all
call `npak_import`).

All or nothing in one transaction. Speed on the real list (17,355 rows) comes from doing per row only what is
in memory: the region master is read once (`SeatIndex.load`), seats are resolved once per distinct (seat, province)
pair, the notaries already imported are read in one query, and the writes are `bulk_create_with_history` /
`bulk_update_with_history` in batches, so that every created or changed notary gets its history row. A notary whose
values are the list's already is not written at all: a second run of the same file creates, changes and records
nothing.

`full_clean()` is replaced by `clean_fields()` without the seat, province and user: the seat and province come from
the region master just read (full_clean would query them again, twice per row), and the rest is checked per object.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from notaries.models import Notary
from notaries.npak import cells, reasons
from notaries.npak.keys import natural_key
from notaries.npak.records import COMPARED_FIELDS, Record, finish, row_values
from notaries.npak.result import ImportResult, Issue
from notaries.npak.seats import SeatIndex

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
TICK = 500  # rows between two progress reports
CHANGE_REASON = "NPAK import"
Progress = Callable[[str, int, int], None]


def _quiet(_stage: str, _done: int, _total: int) -> None:
    return None


def _read(source: str | Path | bytes | BinaryIO) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    return source.read()


def npak_import(
    *,
    source: str | Path | bytes | BinaryIO,
    actor=None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the list from a path, bytes or a binary file. ApplicationError when the file is not an NPAK list.

    `progress(stage, done, total)` is called while it runs (stages "resolve" then "write"). With `dry_run` nothing is
    written; the counts say what a real run would do."""
    tick = progress or _quiet
    table = cells.read(_read(source))
    index = SeatIndex.load()
    result = ImportResult(headers=table.headers, dry_run=dry_run)
    records = _records(table, index, result, tick)
    with transaction.atomic():
        _write(records, result, actor=actor, dry_run=dry_run, tick=tick)
    logger.info(
        "NPAK import: %s rows, %s resolved, %s created, %s changed (dry run: %s)",
        result.rows,
        result.resolved,
        result.created,
        result.changed,
        dry_run,
    )
    return result


def _records(table: cells.Table, index: SeatIndex, result: ImportResult, tick: Progress) -> dict[str, Record]:
    """The notaries of the file by natural key; every row that is not imported as it stands goes to the report."""
    records: dict[str, Record] = {}
    total = len(table.rows)
    for done, row in enumerate(table.rows, start=1):
        if done % TICK == 0:
            tick("resolve", done, total)
        result.rows += 1
        seat = index.resolve(row.raw.get("seat", ""), row.raw.get("province", ""))
        if not seat.resolved:
            result.add(Issue.of(row, seat.reasons[0], suggestions=seat.suggestions, index=index, score=seat.score))
            continue
        result.resolved += 1
        values, cell_warnings = row_values(row, seat_code=seat.code)
        key = natural_key(seat_code=seat.code, name=values["name"])
        warnings = [
            Issue.of(row, code, suggestions=(seat.code,), index=index, score=seat.score, key=key)
            for code in seat.reasons
        ]
        warnings += [
            Issue.of(row, code, key=key, detail=_columns(table, names)) for code, names in cell_warnings.items()
        ]
        for issue in warnings:
            result.add(issue)
        result.warnings += bool(warnings)
        if not key:
            result.add(Issue.of(row, reasons.NAME_MISSING, suggestions=(seat.code,), index=index))
            continue
        first = records.get(key)
        if first is None:
            records[key] = Record(key=key, row=row, values=values, rows=[row.number])
            continue
        conflicts = first.merge(values)
        first.rows.append(row.number)
        code = reasons.DUPLICATE_CONFLICT if conflicts else reasons.DUPLICATE_ROW
        detail = _("same as row %(row)s") % {"row": first.row.number}
        if conflicts:
            detail = _("same as row %(row)s; differs in: %(columns)s") % {
                "row": first.row.number,
                "columns": _columns(table, conflicts),
            }
        result.add(Issue.of(row, code, key=key, detail=detail))
    tick("resolve", total, total)
    return records


def _columns(table: cells.Table, fields: list[str]) -> str:
    """The file's own headers of these fields: "No. AHU, Alamat Kantor"."""
    return ", ".join(table.headers[table.fields.index(name)] for name in fields if name in table.fields)


def _write(records: dict[str, Record], result: ImportResult, *, actor, dry_run: bool, tick: Progress) -> None:
    existing, entered = {}, {}
    for notary in Notary.objects.only("pk", "name", "import_key", *COMPARED_FIELDS):
        if notary.import_key:
            existing[notary.import_key] = notary
        else:
            # A notary entered by hand before the list named them is the same person: the list adopts the record
            # (gives it its key) rather than adding a second notary of that name and seat.
            entered.setdefault(natural_key(seat_code=notary.seat_id, name=notary.name), notary)
    now = timezone.now()
    created, changed = [], []
    for key, record in records.items():
        values = finish(record)
        notary = existing.get(key)
        if notary is None and key in entered:
            notary = entered[key]
            notary.import_key = key
            for name in COMPARED_FIELDS:
                setattr(notary, name, values[name])
            notary.updated_at = now
            if _valid(notary, record, result):
                changed.append(notary)
            continue
        if notary is None:
            notary = Notary(import_key=key, **values)
            if _valid(notary, record, result):
                created.append(notary)
        elif any(getattr(notary, name) != values[name] for name in COMPARED_FIELDS):
            for name in COMPARED_FIELDS:
                setattr(notary, name, values[name])
            notary.updated_at = now
            if _valid(notary, record, result):
                changed.append(notary)
        else:
            result.unchanged += 1
    result.created, result.changed = len(created), len(changed)
    result.absent = len(existing.keys() - records.keys())
    if dry_run:
        return
    total = len(created) + len(changed)
    for start in range(0, len(created), BATCH_SIZE):
        bulk_create_with_history(
            created[start : start + BATCH_SIZE],
            Notary,
            batch_size=BATCH_SIZE,
            default_user=actor,
            default_change_reason=CHANGE_REASON,
        )
        tick("write", min(start + BATCH_SIZE, len(created)), total)
    for start in range(0, len(changed), BATCH_SIZE):
        bulk_update_with_history(
            changed[start : start + BATCH_SIZE],
            Notary,
            fields=[*COMPARED_FIELDS, "import_key", "updated_at"],
            batch_size=BATCH_SIZE,
            default_user=actor,
            default_change_reason=CHANGE_REASON,
        )
        tick("write", len(created) + min(start + BATCH_SIZE, len(changed)), total)
    tick("write", total, total)


def _valid(notary: Notary, record: Record, result: ImportResult) -> bool:
    try:
        notary.clean_fields(exclude=["seat", "province", "user"])
    except ValidationError as error:
        result.add(Issue.of(record.row, reasons.VALUE_INVALID, key=record.key, detail="; ".join(error.messages)))
        return False
    return True
