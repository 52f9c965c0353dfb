"""`make bench` on PostgreSQL: the dashboards (issue 12) under load, cached beside live.

On the national seed (the scratch database of `tests.benchmarks.national`, BENCH_DATABASE, default kdmp_bench),
gunicorn with the production settings serves the national dashboard (`/wilayah/`, a national viewer) and a province
dashboard (`/wilayah/33/`, Jawa Tengah's provincial staff) to BENCH_CLIENTS (16) concurrent clients: p50, p95 and
throughput. Twice: as the portal serves them (summary rows, cached per area in Redis at BENCH_REDIS_URL), and computed
live from the base tables on every request (`tests.benchmarks.dashboards_live`). Goal: p95 ≤ 50 ms cached, and
≥ 10 × the live page's throughput. Writes bench/dashboards.json and prints a table. Reports; does not assert.

Without a daily series in the scratch database, BENCH_SERIES_DAYS (365) days of snapshots are written from the
current rows (scaled down linearly to the first day), so the trend reads a year of points as it will in production.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.benchmarks import national

ROOT = national.ROOT
RESULTS = ROOT / "bench" / "dashboards.json"
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))  # per cached run
LIVE_REQUESTS = int(os.environ.get("BENCH_LIVE_REQUESTS", "2"))  # per client, live runs
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", "4"))
SERIES_DAYS = int(os.environ.get("BENCH_SERIES_DAYS", "365"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
P95_GOAL_MS = 50
SPEEDUP_GOAL = 10
PAGES = [("national", "/wilayah/", "national"), ("province", "/wilayah/33/", "province")]
# The machine's reference under the same load: the login page, a plain template (the issue quotes 283 req/s, p95 72 ms).
REFERENCE = ("login page (reference)", "/masuk/")


def _series_ensure() -> int:
    """A year of daily snapshots of the nation, provinces and regencies when the scratch database has none."""
    from django.db import connection

    from registry.models import ProgressSnapshot

    if ProgressSnapshot.objects.filter(code="").exists():
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO registry_progresssnapshot (code, level, day, computed_at, villages, villages_served, target,
                target_is_default, cooperatives, reached, by_pattern, by_kind, founders, founders_women)
            SELECT p.code, p.level, d.day, now(), p.villages, (p.villages_served * d.f)::int, p.target,
                p.target_is_default, (p.cooperatives * d.f)::int,
                (SELECT jsonb_object_agg(key, (value::int * d.f)::int) FROM jsonb_each_text(p.reached)),
                p.by_pattern, p.by_kind, (p.founders * d.f)::int, (p.founders_women * d.f)::int
            FROM registry_progress p,
                LATERAL (SELECT (current_date - g)::date AS day, (%s - g)::float / %s AS f
                         FROM generate_series(1, %s) g) d
            WHERE p.level <= 2
            """,
            [SERIES_DAYS, SERIES_DAYS, SERIES_DAYS],
        )
        return cursor.rowcount


def _session_cookie(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    # A browser also holds the CSRF cookie its first page set (the logout form's token comes from it).
    csrf = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"


def _secret_key() -> str:
    from django.conf import settings

    return settings.SECRET_KEY


class _Gunicorn:
    def __init__(self, app: str, static_root: str) -> None:
        self.log = Path(tempfile.mkdtemp(prefix="kdmp-bench-gunicorn-")) / "gunicorn.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "registry.settings.production",
            # The bench's own key: the session cookies it makes are signed with it.
            "SECRET_KEY": _secret_key(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "REDIS_URL": national.BENCH_REDIS_URL,
            "STATIC_ROOT": static_root,
            "LOG_LEVEL": "WARNING",
        }
        command = [str(Path(sys.executable).with_name("gunicorn")), app, "--bind", f"127.0.0.1:{PORT}"]
        command += ["--workers", str(WORKERS), "--timeout", "600", "--log-file", str(self.log)]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log.read_text()[-2000:]}")
            try:
                if _get("/healthz", "")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer /healthz")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _get(path: str, cookie: str) -> tuple[int, float]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=900)
    try:
        conn.request("GET", path, headers={"Cookie": cookie, "X-Forwarded-Proto": "https", "Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        conn.close()


def _load(path: str, cookie: str, *, seconds: float | None = None, per_client: int | None = None) -> dict:
    """CLIENTS threads requesting `path` back to back, for `seconds` or `per_client` requests each."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    deadline = time.perf_counter() + (seconds or 0)

    def client() -> None:
        done = 0
        while (per_client is not None and done < per_client) or (
            seconds is not None and time.perf_counter() < deadline
        ):
            status, took = _get(path, cookie)
            done += 1
            with lock:
                latencies.append(took)
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "statuses": statuses,
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000, 1),
        "rps": round(len(latencies) / wall, 1),
        "seconds": round(wall, 1),
    }


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings.test")
    database = national._scratch_database()
    if not national._redis_reachable():
        raise SystemExit(f"the dashboards bench needs Redis at {national.BENCH_REDIS_URL} (the per-area cache)")
    import django

    django.setup()
    import redis
    from django.core.management import call_command

    from cooperatives import rollup
    from registry.models import Progress

    print(f"database: {database}; {CLIENTS} clients, gunicorn {WORKERS} workers")
    national._prepare()
    if not Progress.objects.filter(code="").exists():
        rollup.rollup_full()
    written = _series_ensure()
    if written:
        print(f"daily series: {written:,} snapshots written ({SERIES_DAYS} days)")
    users = national._users()
    cookies = {key: _session_cookie(users[key]) for key in ("national", "province")}
    static_root = tempfile.mkdtemp(prefix="kdmp-bench-static-")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "registry.settings.production", "STATIC_ROOT": static_root}
    env |= {"SECRET_KEY": _secret_key(), "ALLOWED_HOSTS": "127.0.0.1"}
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    del call_command
    for key, cookie in cookies.items():  # the pages must answer 200 to the bench users, not a login redirect
        assert cookie, key
    results: dict[str, dict] = {}
    for mode, app in (
        ("cached", "registry.wsgi:application"),
        ("live", "tests.benchmarks.dashboards_live:application"),
    ):
        redis.Redis.from_url(national.BENCH_REDIS_URL).flushdb()
        server = _Gunicorn(app, static_root)
        try:
            for key, path, user in PAGES:
                cookie = cookies[user]
                status = _get(path, cookie)[0]  # warm-up (and the first render into the cache)
                if mode == "cached":
                    _load(path, cookie, seconds=2)
                    figures = _load(path, cookie, seconds=SECONDS)
                else:
                    figures = _load(path, cookie, per_client=LIVE_REQUESTS)
                results[f"{key}:{mode}"] = {"url": path, "warm_up_status": status, **figures}
                print(
                    f"{key:<9} {mode:<7} {path:<13} p50 {figures['p50_ms']:9.1f} ms  p95 {figures['p95_ms']:9.1f} ms "
                    f"{figures['rps']:8.1f} req/s  ({figures['requests']} requests, HTTP {figures['statuses']})"
                )
            if mode == "cached":
                key, path = REFERENCE
                _load(path, "", seconds=2)
                results[key] = {"url": path, **_load(path, "", seconds=SECONDS)}
                f = results[key]
                print(
                    f"{key:<22} {path:<10} p50 {f['p50_ms']:9.1f} ms  p95 {f['p95_ms']:9.1f} ms {f['rps']:8.1f} req/s"
                )
        finally:
            server.stop()
    redis.Redis.from_url(national.BENCH_REDIS_URL).flushdb()
    lines = [
        "| page | cached p50 | cached p95 | cached req/s | live p50 | live p95 | live req/s | × live |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, path, _user in PAGES:
        c, live = results[f"{key}:cached"], results[f"{key}:live"]
        speedup = c["rps"] / live["rps"] if live["rps"] else float("inf")
        results[f"{key}:speedup"] = round(speedup, 1)
        mark = "" if c["p95_ms"] <= P95_GOAL_MS and speedup >= SPEEDUP_GOAL else " ✗"
        lines.append(
            f"| {key} `{path}` | {c['p50_ms']:,.1f} ms | {c['p95_ms']:,.1f} ms | {c['rps']:,.1f} | "
            f"{live['p50_ms']:,.0f} ms | {live['p95_ms']:,.0f} ms | {live['rps']:,.2f} | {speedup:,.0f} ×{mark} |"
        )
    ref = results[REFERENCE[0]]
    lines.append(
        f"| {REFERENCE[0]} `{REFERENCE[1]}` | {ref['p50_ms']:,.1f} ms | {ref['p95_ms']:,.1f} ms | "
        f"{ref['rps']:,.1f} | | | | |"
    )
    machine = national._machine(None)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "machine": machine,
                "clients": CLIENTS,
                "gunicorn_workers": WORKERS,
                "goals": {"p95_ms": P95_GOAL_MS, "speedup": SPEEDUP_GOAL},
                "results": results,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    print()
    print(
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d}: {machine['cpus']} CPUs, {CLIENTS} clients, gunicorn {WORKERS} sync "
        f"workers (production settings); goal p95 ≤ {P95_GOAL_MS} ms and ≥ {SPEEDUP_GOAL} × live (✗ missed)"
    )
    print("\n".join(lines))
    print(f"\nwritten: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
