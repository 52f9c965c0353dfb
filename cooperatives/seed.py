"""Synthetic national data for measuring the portal at the scale it must serve (`manage.py seed_national`).

About 80,000 active cooperatives over the 83,762 villages, 1.6 million founders, their boards, meetings with minutes,
business units, the timeline (May–December 2025) and a history row for every record: written with set-based
`INSERT … SELECT` over `generate_series`, never row by row, so the whole country takes about a minute. PostgreSQL
only. Everything is drawn from hashes of the row numbers, so two runs give the same data.

The data obeys the rules the services enforce: each stage has what it needs (`rules.stage_missing`), each pattern its
fields, every NIK is well formed for the kecamatan of the cooperative's village, encodes the founder's birth date and
gender, makes them at least 18 on the founding date, and is unique in the country (so no one founds two active
cooperatives). Seeded cooperatives are created by the inactive user `seed.nasional`: a database holding any other
cooperative is real and is not replaced unless forced.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection, transaction

from cooperatives import seed_names
from cooperatives.models import Cooperative
from cooperatives.seed_sql import (
    COOPERATIVES,
    COVERED_VILLAGES,
    DOCUMENTS,
    FINISH_PLAN,
    FOREIGN_KEYS,
    FOUNDERS,
    HISTORY,
    MEETINGS,
    OFFICERS,
    PLAIN_INDEXES,
    PLAN,
    SEQUENCES_OF,
    TIMELINE,
    UNITS,
    VILLAGES,
)
from registry import uploads
from registry.models import User
from registry.stages import STAGE_ORDER, Stage

SEED_USERNAME = "seed.nasional"

# Per 10,000 villages (drawn from a hash of the village code): no cooperative yet (the first COVERED of them served
# jointly by a neighbour's cooperative), a second active cooperative with a written reason, an extra cooperative
# registered twice and deactivated. Over 83,762 villages: ~79,760 + ~240 active cooperatives, ~2,000 covered villages,
# ~420 inactive ones.
NO_COOPERATIVE = 478
COVERED = 240
SECOND = (478, 507)
INACTIVE = (507, 557)

# Stage mix per 10,000 active cooperatives, cumulative: the national pace of 2025 (DOMAIN.md) put ~80,000 at the legal
# entity by August; a few are still early, most are past the SK AHU.
STAGE_MIX = {
    Stage.BELUM: 100,
    Stage.MUSDESUS: 250,
    Stage.RAPAT_PENDIRIAN: 500,
    Stage.AKTA: 1000,
    Stage.BADAN_HUKUM: 5000,
    Stage.TERDAFTAR: 8800,
    Stage.OPERASIONAL: 10000,
}
# The SQL numbers the stages 0–6 in their order (stage s is STAGES[s]).
STAGES = [stage.value for stage in STAGE_ORDER]

# Founder birth dates: 1955-01-01 + (m mod BIRTH_DAYS), the latest 30 April 2007, 18 on the first founding meeting.
# m = n · NIK_MULTIPLIER mod (BIRTH_DAYS · 9999) is a permutation of the founder numbers n (the multiplier is prime
# to the modulus), and (birth date, serial = m div BIRTH_DAYS + 1) determines m: every NIK is unique in the country
# whatever the kecamatan, and its serial runs 0001–9999, never 0000.
BIRTH_FIRST = dt.date(1955, 1, 1)
BIRTH_DAYS = 19113
NIK_MULTIPLIER = 1000003

Progress = Callable[[int, int, str], None]


class SeedRefused(Exception):
    """The seed does not run here (not PostgreSQL, no region master, real records); the message says why."""


@dataclass
class SeedReport:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def seed_user() -> User:
    user, created = User.objects.get_or_create(
        username=SEED_USERNAME, defaults={"first_name": "Data", "last_name": "sintetis", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def real_cooperatives() -> int:
    """Cooperatives not created by a seed run (a NULL creator, a deleted account, counts as real)."""
    return Cooperative.objects.exclude(created_by__username=SEED_USERNAME).count()


def seeded_cooperatives() -> int:
    return Cooperative.objects.filter(created_by__username=SEED_USERNAME).count()


def _cooperative_tables() -> list[str]:
    """Every table of the cooperatives app: records, many-to-many links, history, logs."""
    return sorted({m._meta.db_table for m in apps.get_app_config("cooperatives").get_models(include_auto_created=True)})


def _placeholder() -> tuple[int, str]:
    """The one small PDF every seeded document points at: (size, sha256)."""
    return uploads.stored_once(seed_names.PLACEHOLDER_PDF, seed_names.PLACEHOLDER_CONTENT)


def _run(cursor, sql: str, params: dict | None = None) -> int:
    """Execute one or more `;`-separated statements; the rows the last one touched."""
    rows = 0
    for statement in (s for s in sql.split(";\n") if s.strip()):
        cursor.execute(statement, params)
        rows = cursor.rowcount
    return rows


def _stage_bounds() -> list[int]:
    """The lower bounds of STAGE_MIX's buckets after the first: a draw u in 0–9999 reaches stage = #bounds ≤ u."""
    return [STAGE_MIX[stage] for stage in STAGE_ORDER[:-1]]


class _Load:
    """The steps of one seed run, in order, on one cursor inside the seed's transaction."""

    def __init__(self, cursor, params: dict, report: SeedReport) -> None:
        self.cursor = cursor
        self.params = params
        self.report = report
        self.tables = _cooperative_tables()
        self.foreign_keys: list[tuple[str, str, str]] = []
        self.indexes: list[tuple[str, str]] = []

    def steps(self) -> list[tuple[str, Callable[[], None]]]:
        history = [(f"riwayat {label}", lambda sql=sql: self.run(sql)) for label, sql in HISTORY.items()]
        return [
            ("menghapus data koperasi lama", self.clear),
            ("merencanakan desa dan koperasi", self.plan),
            ("koperasi", lambda: self.count("koperasi", COOPERATIVES, "desa dilayani bersama", COVERED_VILLAGES)),
            ("pendiri", lambda: self.count("pendiri", FOUNDERS)),
            ("pengurus dan pengawas", lambda: self.count("kursi pengurus dan pengawas", OFFICERS)),
            (
                "rapat, dokumen, unit usaha",
                lambda: self.count("dokumen", DOCUMENTS, "rapat", MEETINGS, "unit usaha", UNITS),
            ),
            ("linimasa tahap", lambda: self.count("entri linimasa", TIMELINE)),
            *history,
            ("indeks", self.build_indexes),
            ("kunci asing", self.add_foreign_keys),
            ("ANALYZE", self.analyze),
        ]

    def run(self, sql: str) -> int:
        return _run(self.cursor, sql, self.params)

    def count(self, *labelled: str) -> None:
        """Run each (label, sql) pair, keeping the rows it wrote under its label."""
        for label, sql in zip(labelled[::2], labelled[1::2], strict=True):
            self.report.counts[label] = self.run(sql)

    def clear(self) -> None:
        self.cursor.execute(f"TRUNCATE {', '.join(self.tables)} RESTART IDENTITY CASCADE")
        # Checked row by row at commit, the foreign keys of 5 million rows would cost a minute: dropped here and added
        # back at the end, where each is checked in one join.
        self.cursor.execute(FOREIGN_KEYS, [self.tables])
        self.foreign_keys = self.cursor.fetchall()
        for table, name, _definition in self.foreign_keys:
            self.cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        # Likewise the indexes that back no constraint (primary keys and unique constraints stay): built once from
        # the loaded rows at the end instead of updated 5 million times.
        self.cursor.execute(PLAIN_INDEXES, [self.tables])
        self.indexes = self.cursor.fetchall()
        for name, _definition in self.indexes:
            self.cursor.execute(f'DROP INDEX "{name}"')

    def plan(self) -> None:
        self.cursor.execute("DROP TABLE IF EXISTS seed_coop, seed_village")
        self.run(VILLAGES)
        self.cursor.execute("SELECT count(*) FROM seed_village")
        if not self.cursor.fetchone()[0]:
            raise SeedRefused(
                "Tidak ada desa/kelurahan untuk diisi: muat data wilayah dulu (manage.py import_regions), "
                "atau periksa --regencies."
            )
        self.run(PLAN)
        self.run(FINISH_PLAN)

    def build_indexes(self) -> None:
        for _name, definition in self.indexes:
            self.cursor.execute(definition)

    def add_foreign_keys(self) -> None:
        for table, name, definition in self.foreign_keys:
            self.cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        self.cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's default again, for the rest of a caller's work

    def analyze(self) -> None:
        for table in SEQUENCES_OF:
            self.cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) "  # noqa: S608
                f"FROM {table}"
            )
        history_rows = 0
        for table in self.tables:
            if "historical" in table:
                self.cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
                history_rows += self.cursor.fetchone()[0]
            self.cursor.execute(f"ANALYZE {table}")
        self.report.counts["baris riwayat"] = history_rows


def seed_national(
    *,
    force: bool = False,
    scale: float = 1.0,
    regencies: list[str] | None = None,
    progress: Progress | None = None,
) -> SeedReport:
    """Replace the cooperative records with synthetic national data (or the part of it in `regencies`, or a
    `scale` fraction of the villages). Refuses unless the database is PostgreSQL with the region master loaded and
    holds no cooperatives but seeded ones (`force` deletes every cooperative record anyway).

    One transaction: a failed run leaves the previous data as it was."""
    if connection.vendor != "postgresql":
        raise SeedRefused(
            "seed_national hanya untuk PostgreSQL (set DATABASE_URL=postgres://…); basis data ini "
            f"{connection.vendor}. Data nasional sintetis dipakai `make bench`, bukan SQLite."
        )
    say = progress or (lambda _done, _total, _label: None)
    started = time.monotonic()
    report = SeedReport()
    size, sha256 = _placeholder()
    params = {
        "stages": STAGES,
        "stage_bounds": _stage_bounds(),
        "regencies": regencies or None,
        "scale": round(scale * 10000),
        "no_coop": NO_COOPERATIVE,
        "covered": COVERED,
        "second_lo": SECOND[0],
        "second_hi": SECOND[1],
        "inactive_lo": INACTIVE[0],
        "inactive_hi": INACTIVE[1],
        "file": seed_names.PLACEHOLDER_PDF,
        "size": size,
        "sha256": sha256,
        "first_l": seed_names.FIRST_NAMES_L,
        "n_first_l": len(seed_names.FIRST_NAMES_L),
        "first_p": seed_names.FIRST_NAMES_P,
        "n_first_p": len(seed_names.FIRST_NAMES_P),
        "last": seed_names.LAST_NAMES,
        "n_last": len(seed_names.LAST_NAMES),
        "occupations": list(seed_names.OCCUPATIONS),
        "n_occupations": len(seed_names.OCCUPATIONS),
        "multiplier": NIK_MULTIPLIER,
        "modulus": BIRTH_DAYS * 9999,
        "birth_days": BIRTH_DAYS,
        "birth_first": BIRTH_FIRST.isoformat(),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        # Checks still pending in this transaction (a caller's own writes) run now: a table with pending trigger
        # events cannot be truncated or altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        # One seed at a time, and nobody writing cooperatives meanwhile.
        cursor.execute(f"LOCK TABLE {Cooperative._meta.db_table} IN EXCLUSIVE MODE")
        real = real_cooperatives()
        if real and not force:
            raise SeedRefused(
                f"Basis data ini berisi {real} koperasi yang bukan buatan seed_national (data sungguhan?). "
                "Tidak ada yang diubah. Pakai --force untuk menghapus semua data koperasi lalu mengisinya ulang."
            )
        params["user"] = seed_user().pk
        steps = _Load(cursor, params, report).steps()
        total = len(steps) + 1  # and the commit
        for done, (label, fn) in enumerate(steps):
            say(done, total, label)
            fn()
        say(len(steps), total, "COMMIT")
    say(total, total, "selesai")
    report.seconds = time.monotonic() - started
    return report
