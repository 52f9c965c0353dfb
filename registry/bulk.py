"""Writing many rows in few statements, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max


def insert_values(head: str, rows: Sequence[Sequence], tail: str = "") -> None:
    """Run `<head> VALUES (…) <tail>` over `rows` (values ready for the driver): on SQLite one `executemany` (the
    driver's loop, in C), elsewhere multi-row `VALUES (…), (…), …` statements within the parameter limit (psycopg2's
    `executemany` makes one round trip per row). The Django ORM would spend ten times the insert preparing each value
    through its field."""
    if not rows:
        return
    width = len(rows[0])
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # The driver's cursor, past Django's query log (see below).
            cursor.cursor.executemany(f"{head} VALUES ({', '.join(['%s'] * width)}) {tail}", rows)
        return
    per_statement = max(1, (connection.features.max_query_params or 20000) // width)
    placeholder = f"({', '.join(['%s'] * width)})"
    with connection.cursor() as cursor:
        # The driver's cursor, past Django's query log: with DEBUG on (`make run`) the log renders every statement
        # with its parameters quoted (on SQLite, by another query), which costs more than the insert.
        raw = cursor.cursor
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            values = ", ".join([placeholder] * len(chunk))
            raw.execute(f"{head} VALUES {values} {tail}", [v for row in chunk for v in row])


def _adapt_datetime():
    """SQLite stores naive UTC text (what its backend's adapter writes, without its per-value checks); PostgreSQL's
    driver takes the aware datetime as it is."""
    if connection.vendor == "sqlite":
        return lambda value: None if value is None else str(value.astimezone(datetime.UTC).replace(tzinfo=None))
    return connection.ops.adapt_datetimefield_value


def insert_rows(model, rows: list[dict]) -> None:
    """Insert plain rows of `model` (dicts keyed by column attribute names, every row with the same keys, in the same
    order) with `insert_values`: no model instances, no signals, no `auto_now`; the caller gives every column."""
    if not rows:
        return
    by_name = {f.attname: f for f in model._meta.concrete_fields}
    fields = [by_name[name] for name in rows[0]]
    ops = connection.ops
    adapt = [
        _adapt_datetime()
        if isinstance(f, models.DateTimeField)
        else ops.adapt_datefield_value
        if isinstance(f, models.DateField)
        else None
        for f in fields
    ]
    insert_values(
        "INSERT INTO {} ({})".format(  # noqa: S608 - the names come from the model's metadata
            ops.quote_name(model._meta.db_table), ", ".join(ops.quote_name(f.column) for f in fields)
        ),
        [[a(v) if a else v for a, v in zip(adapt, row.values(), strict=True)] for row in rows],
    )


def next_id(model) -> int:
    """The id after the highest one of `model` (rows inserted with ids of their own; reset the sequence after)."""
    return (model.objects.aggregate(last=Max("id"))["last"] or 0) + 1


def ids_reset(*models_written) -> None:
    """Move the id sequences (PostgreSQL) past the ids `insert_rows` wrote itself; SQLite keeps its own."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(models_written)):
            cursor.execute(statement)
