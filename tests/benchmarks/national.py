"""`make bench` on PostgreSQL: the portal at national scale (issue 8).

On a scratch database (BENCH_DATABASE, default `kdmp_bench`, on the server of DATABASE_URL; no other database is
touched): migrate, import the region master if missing, `seed_national` if not seeded (BENCH_RESEED=1 seeds again),
then the pages and API of the big lists for three users (a national viewer, provincial staff of Jawa Tengah, the
district officer of Aceh Utara) through Django's test client, and adding one founder through the service (rolled
back every round). Median of BENCH_ROUNDS rounds (5) after one warm-up, with the queries and HTTP status of the
warm-up. Writes bench/results.json and prints a table. BENCH_EXPLAIN=1 also writes bench/plans.txt: EXPLAIN ANALYZE
of the slowest query of every figure over its goal.

Reports; does not assert. Tests assert behaviour and query counts, this measures time.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results.json"
PLANS = ROOT / "bench" / "plans.txt"
# Goals of issue 8, on this 2-core machine: every page and API list ≤ 100 ms median, adding a founder ≤ 20 ms.
PAGE_GOAL_MS = 100
FOUNDER_GOAL_MS = 20
# Issue 11: the refresh of one regency ≤ 50 ms; the full roll-up ≤ 1.5 × the single SQL statement (the floor).
REFRESH_GOAL_MS = 50
PASSWORD = "bench-pass-123"  # noqa: S105 - scratch database, never a real account


@dataclass(frozen=True)
class Role:
    key: str
    label: str
    username: str
    role: str
    region: str | None
    area: str  # the region its worklist and region page show
    regency: str  # the regency its API list is filtered on


ROLES = [
    Role("national", "national viewer", "bench.nasional", "national_viewer", None, "33", "33.01"),
    Role("province", "provincial staff 33", "bench.jateng", "provincial_staff", "33", "33", "33.01"),
    Role("district", "district officer 11.08", "bench.acehutara", "district_officer", "11.08", "11.08", "11.08"),
]


@dataclass
class Figure:
    role: str
    what: str
    url: str
    status: int
    queries: int
    median_ms: float
    sql_ms: float  # median time the queries of one round took (the rest is Python: views, templates, serializers)
    goal_ms: int

    @property
    def over_goal(self) -> bool:
        return self.median_ms > self.goal_ms


def _scratch_database() -> str:
    """Point DATABASE_URL at the scratch database, created on the same server when missing."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("bench-national needs DATABASE_URL=postgres://… (the small bench runs on SQLite).")
    name = os.environ.get("BENCH_DATABASE", "kdmp_bench")
    parts = urlsplit(url)
    import psycopg2
    from psycopg2 import sql

    server = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"database {name} created")
    server.close()
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    return name


def _prepare() -> float | None:
    """Migrations, regions, the national seed. The seed's seconds when it ran now."""
    from django.core.management import call_command

    from cooperatives import seed

    call_command("migrate", verbosity=0)
    call_command("import_regions", skip_if_loaded=True)
    if os.environ.get("BENCH_RESEED") != "1" and seed.seeded_cooperatives() and not seed.real_cooperatives():
        print(f"seed_national: already seeded ({seed.seeded_cooperatives():,} cooperatives)")
        return None
    started = time.monotonic()
    call_command("seed_national", force=True)
    return time.monotonic() - started


def _users() -> dict[str, object]:
    from registry.models import Region, User
    from registry.services import user_create

    users = {}
    for r in ROLES:
        user = User.objects.filter(username=r.username).first()
        if user is None:
            region = Region.objects.get(code=r.region) if r.region else None
            user = user_create(username=r.username, password=PASSWORD, role=r.role, region=region)
        users[r.key] = user
    return users


def _cooperative_in(area: str):
    """One cooperative of the area as most are: active, past the SK AHU, about twenty founders."""
    from cooperatives.models import Cooperative
    from registry import codes

    return (
        Cooperative.objects.filter(codes.subtree_q("village_id", area), is_active=True, stage="terdaftar")
        .order_by("village_id", "id")
        .first()
    )


def _last_worklist_page(client, url: str, area: str) -> int:
    response = client.get(url)
    page = (response.context or {}).get("page")
    paginator = getattr(page, "paginator", None)
    if paginator is not None:
        return paginator.num_pages
    from cooperatives.views.common import PAGE_SIZE
    from registry import codes
    from registry.models import Region, RegionLevel

    villages = Region.objects.filter(codes.subtree_q("code", area), level=RegionLevel.VILLAGE).count()
    return max(1, math.ceil(villages / PAGE_SIZE))


def _measure(fn, rounds: int) -> tuple[float, float, int, list[dict]]:
    """Warm-up once (its queries are reported), then `rounds` timed runs: (median ms, median SQL ms, queries, the
    warm-up's queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as warm:
        fn()
    times, sql_times = [], []
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
        sql_times.append(sum(float(q["time"]) for q in ctx.captured_queries))
    return statistics.median(times) * 1000, statistics.median(sql_times) * 1000, len(warm), warm.captured_queries


def _founder_add(officer, rounds: int) -> tuple[Figure, list[dict]] | None:
    from django.db import transaction

    from cooperatives import services
    from cooperatives.models import Cooperative
    from cooperatives.nik import compose_nik
    from registry import codes

    coop = (
        Cooperative.objects.filter(
            codes.subtree_q("village_id", officer.region_id), is_active=True, stage__in=["belum", "musdesus"]
        )
        .order_by("id")
        .first()
    )
    if coop is None:
        return None
    # Serial 9999: the seed's serials stay far below, so the NIK is new in the country and the add succeeds.
    nik = compose_nik(
        kecamatan_code=codes.kecamatan_code(coop.village_id), birth=dt.date(1990, 1, 15), gender="L", serial=9999
    )
    founder = services.FounderData(nik=nik, full_name="Pendiri Uji", birth_place="Lhokseumawe", address="Dusun 1")

    def add() -> None:
        with transaction.atomic():
            services.founding_member_add(actor=officer, cooperative=coop, founder=founder)
            transaction.set_rollback(True)

    ms, sql_ms, queries, captured = _measure(add, rounds)
    figure = Figure(
        "district", "founding_member_add (service)", f"cooperative {coop.pk}", 0, queries, ms, sql_ms, FOUNDER_GOAL_MS
    )
    return figure, captured


def _floor_sql() -> str:
    """The single SQL statement that computes the roll-up's numbers for every kecamatan, regency, province and the
    nation (GROUPING SETS over the kecamatan sums), without writing them: the floor the roll-up is measured against."""
    from cooperatives.choices import CooperativeKind, Pattern
    from registry.stages import STAGE_ORDER

    reached = ", ".join(
        "count(*) FILTER (WHERE stage IN ({})) AS r_{}".format(
            ", ".join(f"'{later.value}'" for later in STAGE_ORDER[i:]), stage.value
        )
        for i, stage in enumerate(STAGE_ORDER)
    )
    pattern = ", ".join(f"count(*) FILTER (WHERE pattern = '{p.value}') AS p_{p.value}" for p in Pattern)
    kind = ", ".join(f"count(*) FILTER (WHERE kind = '{k.value}') AS k_{k.value}" for k in CooperativeKind)
    columns = [f"r_{s.value}" for s in STAGE_ORDER] + [f"p_{p.value}" for p in Pattern]
    columns += [f"k_{k.value}" for k in CooperativeKind] + ["n", "founders", "women"]
    sums = ", ".join(f"sum(coalesce({c}, 0))" for c in columns)
    return f"""
        WITH served AS (
            SELECT village_id AS code FROM cooperatives_cooperative WHERE is_active
            UNION
            SELECT cv.region_id FROM cooperatives_cooperative_covered_villages cv
            JOIN cooperatives_cooperative c ON c.id = cv.cooperative_id WHERE c.is_active
        ), v AS (
            SELECT substr(r.code, 1, 8) AS k, count(*) AS villages, count(s.code) AS served
            FROM registry_region r LEFT JOIN served s ON s.code = r.code WHERE r.level = 4 GROUP BY 1
        ), c AS (
            SELECT substr(village_id, 1, 8) AS k, count(*) AS n, {reached}, {pattern}, {kind}
            FROM cooperatives_cooperative WHERE is_active GROUP BY 1
        ), f AS (
            SELECT substr(c.village_id, 1, 8) AS k, count(*) AS founders,
                count(*) FILTER (WHERE m.gender = 'P') AS women
            FROM cooperatives_foundingmember m JOIN cooperatives_cooperative c ON c.id = m.cooperative_id
            WHERE c.is_active GROUP BY 1
        )
        SELECT v.k, substr(v.k, 1, 5), substr(v.k, 1, 2), sum(villages), sum(served), {sums}
        FROM v LEFT JOIN c USING (k) LEFT JOIN f USING (k)
        GROUP BY GROUPING SETS ((v.k), (substr(v.k, 1, 5)), (substr(v.k, 1, 2)), ())
    """  # noqa: S608 - built from the code's own vocabularies


def _progress(rounds: int) -> list[Figure]:
    """The progress roll-up (issue 11): the full roll-up beside the SQL floor, and the refresh of one regency."""
    from django.db import connection

    from cooperatives import rollup

    floor_sql = _floor_sql()

    def floor() -> None:
        with connection.cursor() as cursor:
            cursor.execute(floor_sql)
            cursor.fetchall()

    floor_ms, floor_sql_ms, floor_q, _ = _measure(floor, rounds)
    figures = [
        Figure(
            "national", "progress: SQL floor (1 statement)", "", 0, floor_q, floor_ms, floor_sql_ms, math.ceil(floor_ms)
        )
    ]
    goal = math.ceil(1.5 * floor_ms)
    ms, sql_ms, queries, _ = _measure(rollup.all_rows, rounds)
    figures.append(Figure("national", "progress: full roll-up, computed", "", 0, queries, ms, sql_ms, goal))
    ms, sql_ms, queries, _ = _measure(rollup.rollup_full, rounds)
    figures.append(Figure("national", "progress: full roll-up, written", "", 0, queries, ms, sql_ms, goal))
    for regency in ("11.08", "33.01"):
        ms, sql_ms, queries, _ = _measure(lambda regency=regency: rollup.refresh_regency(regency), rounds)
        figures.append(
            Figure("district", f"progress: refresh regency {regency}", "", 0, queries, ms, sql_ms, REFRESH_GOAL_MS)
        )
    for f in figures:
        print(f"{f.role:<22} {f.what:<36} {f.median_ms:8.1f} ms  sql {f.sql_ms:8.1f} ms  {f.queries:3d} q")
    return figures


def _deep_cursor(client) -> str:
    """The keyset cursor of the last page: continue after the first row of the page-number last page."""
    import base64
    import json

    first = client.get("/api/v1/cooperatives/?page=last").json()["results"][0]
    return base64.urlsafe_b64encode(json.dumps([first["village"], first["id"]]).encode()).decode()


def _cases(role: Role, coop_id: int, last_page: int, cursor: str = "") -> list[tuple[str, str]]:
    return [
        ("worklist, first page", f"/koperasi/wilayah/{role.area}/"),
        ("worklist, last page", f"/koperasi/wilayah/{role.area}/?page={last_page}"),
        ("worklist, ?stage=akta", f"/koperasi/wilayah/{role.area}/?stage=akta"),
        ("API list, first page", "/api/v1/cooperatives/"),
        ("API list, last page", "/api/v1/cooperatives/?page=last"),
        ("API list, keyset last page", f"/api/v1/cooperatives/?cursor={cursor}"),
        ("API list, ?regency=", f"/api/v1/cooperatives/?regency={role.regency}"),
        ("API list, ?regency= last page", f"/api/v1/cooperatives/?regency={role.regency}&page=last"),
        ("data quality", "/koperasi/kualitas-data/"),
        ("cooperative page", f"/koperasi/{coop_id}/"),
        ("founders page", f"/koperasi/{coop_id}/pendiri/"),
        ("API detail", f"/api/v1/cooperatives/{coop_id}/"),
        ("API members", f"/api/v1/cooperatives/{coop_id}/members/"),
        ("region page /wilayah/", "/wilayah/"),
        ("region page of the area", f"/wilayah/{role.area}/"),
    ]


def _explain(captured: list[dict]) -> str:
    from django.db import connection

    slowest = max(captured, key=lambda q: float(q["time"]))
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {slowest['sql']}")  # noqa: S608 - a query the portal just ran
        return "\n".join(row[0] for row in cursor.fetchall())


def _machine(seed_seconds: float | None) -> dict:
    from django.db import connection

    from cooperatives.models import Cooperative, FoundingMember
    from registry.models import Region

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
        cursor.execute("SHOW jit")
        jit = cursor.fetchone()[0]
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "postgresql": version,
        "jit": jit,
        "data": {
            "villages": Region.objects.filter(level=4).count(),
            "active cooperatives": Cooperative.objects.filter(is_active=True).count(),
            "founders": FoundingMember.objects.count(),
        },
        "seed_national_seconds": round(seed_seconds, 1) if seed_seconds is not None else None,
    }


def _table(figures: list[Figure]) -> str:
    """Markdown: one row per measured thing, one column per role, `ms (queries)`; over the goal marked ✗."""
    rows: dict[str, dict[str, Figure]] = {}
    for f in figures:
        rows.setdefault(f.what, {})[f.role] = f
    head = "| what | " + " | ".join(r.label for r in ROLES) + " |"
    lines = [head, "| --- |" + " ---: |" * len(ROLES)]
    for what, by_role in rows.items():
        cells = []
        for r in ROLES:
            f = by_role.get(r.key)
            if f is None:
                cells.append("")
                continue
            status = "" if f.status in (0, 200) else f" HTTP {f.status}"
            mark = " ✗" if f.over_goal else ""
            cells.append(f"{f.median_ms:,.1f} ms ({f.queries} q){status}{mark}")
        lines.append(f"| {what} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings.test")
    database = _scratch_database()
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    rounds = int(os.environ.get("BENCH_ROUNDS", "5"))
    explain = os.environ.get("BENCH_EXPLAIN") == "1"
    print(f"database: {database}")
    seed_seconds = _prepare()
    users = _users()
    figures: list[Figure] = []
    plans: list[str] = []
    for role in ROLES:
        client = Client()
        client.force_login(users[role.key])
        coop = _cooperative_in(role.area)
        last_page = _last_worklist_page(client, f"/koperasi/wilayah/{role.area}/", role.area)
        for what, url in _cases(role, coop.pk, last_page, _deep_cursor(client)):
            status = client.get(url).status_code
            ms, sql_ms, queries, captured = _measure(lambda url=url, client=client: client.get(url), rounds)
            figure = Figure(role.key, what, url, status, queries, ms, sql_ms, PAGE_GOAL_MS)
            figures.append(figure)
            print(f"{role.label:<22} {what:<30} {ms:8.1f} ms  sql {sql_ms:8.1f} ms  {queries:3d} q  HTTP {status}")
            if explain and figure.over_goal and captured:
                plans.append(f"## {role.label}: {what} ({url}), {ms:.1f} ms\n{_explain(captured)}\n")
        if role.key == "district":
            measured = _founder_add(users[role.key], rounds)
            if measured is not None:
                figure, captured = measured
                figures.append(figure)
                print(f"{role.label:<22} {figure.what:<30} {figure.median_ms:8.1f} ms  {figure.queries:3d} q")
                if explain and figure.over_goal:
                    plans.append(f"## {role.label}: {figure.what}, {figure.median_ms:.1f} ms\n{_explain(captured)}\n")
    figures += _progress(rounds)
    machine = _machine(seed_seconds)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "machine": machine,
                "rounds": rounds,
                "goals_ms": {
                    "pages": PAGE_GOAL_MS,
                    "founding_member_add": FOUNDER_GOAL_MS,
                    "progress_refresh_regency": REFRESH_GOAL_MS,
                    "progress_full": "1.5 x the SQL floor",
                },
                "figures": [
                    {
                        **asdict(f),
                        "median_ms": round(f.median_ms, 1),
                        "sql_ms": round(f.sql_ms, 1),
                        "over_goal": f.over_goal,
                    }
                    for f in figures
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    if plans:
        PLANS.write_text("\n".join(plans))
    print()
    print(
        f"{machine['date']}: {machine['cpus']} CPUs, PostgreSQL {machine['postgresql']} (jit {machine['jit']}), "
        f"median of {rounds} rounds after a warm-up; ✗ over the goal ({PAGE_GOAL_MS} ms a page, "
        f"{FOUNDER_GOAL_MS} ms a founder)"
    )
    print(_table(figures))
    print(f"\nwritten: {RESULTS.relative_to(ROOT)}" + (f", {PLANS.relative_to(ROOT)}" if plans else ""))


if __name__ == "__main__":
    main()
