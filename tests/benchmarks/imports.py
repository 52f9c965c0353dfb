"""The spreadsheet import at scale (issue 10): 10,000 founder rows checked and committed in ≤ 10 s on PostgreSQL, with
the same number of queries as a file of 10 rows.

Part of `make bench` on PostgreSQL (`tests.benchmarks.national` calls `figures`), or alone on the same scratch
database: `python -m tests.benchmarks.imports` (migrates, imports the regions, seeds the nation when missing, like the
national bench, then measures only the import).

One cooperative holds the 10,000 founders: the rules set a minimum of founders (KDMP_MIN_FOUNDERS) and no maximum,
so one file of one cooperative is the case the founders template serves. Its NIKs are of the cooperative's kecamatan,
with serials from 5000 up (the seed's stay far below), so every row is new in the country and passes the rules; the
"already a founder of another active cooperative" check still looks all 10,000 up among the 1.6 million seeded
founders. Each round runs in a transaction that is rolled back, so every round writes the same 10,000 rows.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import time

ROWS = 10_000
SMALL_ROWS = 10
IMPORT_GOAL_MS = 10_000


def _workbook(coop, rows: int) -> bytes:
    """The founders template filled in as Excel saves it (shared strings, the sheet's dimension recorded)."""
    from openpyxl import Workbook

    from cooperatives.imports.columns import FOUNDER_COLUMNS
    from cooperatives.nik import compose_nik
    from registry import codes

    kecamatan = codes.kecamatan_code(coop.village_id)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Pendiri"
    sheet.append([c.header for c in FOUNDER_COLUMNS])
    for i in range(rows):
        gender = "P" if i % 2 else "L"
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=i % 5000 * 3)
        nik = compose_nik(kecamatan_code=kecamatan, birth=birth, gender=gender, serial=5000 + i // 5000)
        sheet.append(
            [nik, f"Pendiri Impor {i}", "Lhokseumawe", birth.strftime("%d/%m/%Y"), "", f"Dusun {i % 9 + 1}",
             "001", "002", "", "Petani", ""]
        )  # fmt: skip
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cooperative(officer):
    from cooperatives.models import Cooperative
    from registry import codes

    return (
        Cooperative.objects.filter(
            codes.subtree_q("village_id", officer.region_id), is_active=True, stage__in=["belum", "musdesus"]
        )
        .order_by("id")
        .first()
    )


def _round(officer, coop, content: bytes) -> dict[str, tuple[float, int]]:
    """One import from upload to commit in a transaction rolled back afterwards: (seconds, queries) of each step."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from cooperatives.imports import run
    from cooperatives.imports.models import ImportKind, ImportStatus

    steps = {}
    with transaction.atomic():
        imp = None
        for step in ("upload", "check", "commit"):
            with CaptureQueriesContext(connection) as captured:
                started, cpu = time.perf_counter(), time.process_time()
                if step == "upload":
                    upload = SimpleUploadedFile("pendiri.xlsx", content)
                    imp = run.import_upload(actor=officer, kind=ImportKind.MEMBERS, upload=upload, cooperative=coop)
                elif step == "check":
                    imp = run.import_check(imp=imp)
                    assert imp.status == ImportStatus.CHECKED, imp.report
                else:
                    imp = run.import_commit(actor=officer, imp=imp)
                    assert imp.status == ImportStatus.SAVED, imp.report
                steps[step] = (time.perf_counter() - started, len(captured.captured_queries))
                steps[f"{step} cpu"] = (time.process_time() - cpu, 0)
        transaction.set_rollback(True)
    imp.file.delete(save=False)  # the row is rolled back; its stored file goes too
    return steps


def figures(officer, rounds: int) -> list:
    """Upload (type and zip checks, read, stored), dry run and commit (rows checked again, then written) of 10,000
    founder rows: the median of `rounds` rounds after a warm-up, and the queries beside those of a 10-row file."""
    import statistics

    from tests.benchmarks.national import Figure

    coop = _cooperative(officer)
    if coop is None:
        print("import: skipped, no cooperative before the founding meeting in the officer's regency")
        return []
    small = _round(officer, coop, _workbook(coop, SMALL_ROWS))
    content = _workbook(coop, ROWS)
    results = [_round(officer, coop, content) for _ in range(rounds + 1)][1:]
    out = []
    labels = {
        "upload": "upload (checked, read, stored)",
        "check": "dry run",
        "commit": "commit (checked again, written)",
    }
    for step, what in labels.items():
        ms = statistics.median(r[step][0] for r in results) * 1000
        queries = results[0][step][1]
        note = f"{small[step][1]} q for {SMALL_ROWS} rows"
        out.append(Figure("district", f"import 10,000 founders: {what}", f"cooperative {coop.pk}", 0, queries, ms, 0.0,
                          0, note))  # fmt: skip
        print(f"import {ROWS:,} founders, {what:<32} {ms:8.0f} ms  {queries:3d} q  ({note})")
    total = statistics.median(sum(r[s][0] for s in labels) for r in results) * 1000
    cpu = statistics.median(sum(r[f"{s} cpu"][0] for s in labels) for r in results) * 1000
    queries = sum(results[0][s][1] for s in labels)
    note = f"{sum(small[s][1] for s in labels)} q for {SMALL_ROWS} rows; {cpu:,.0f} ms of it Python on the CPU"
    out.append(Figure("district", "import 10,000 founders: upload + dry run + commit", f"cooperative {coop.pk}", 0,
                      queries, total, 0.0, IMPORT_GOAL_MS, note))  # fmt: skip
    print(f"import {ROWS:,} founders, {'upload + dry run + commit':<32} {total:8.0f} ms  {queries:3d} q  ({note})")
    print(f"load average while measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return out


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings.test")
    from tests.benchmarks import national

    database = national._scratch_database()
    import django

    django.setup()
    print(f"database: {database}")
    national._prepare()
    users = national._users()
    figures(users["district"], int(os.environ.get("BENCH_ROUNDS", "3")))


if __name__ == "__main__":
    main()
