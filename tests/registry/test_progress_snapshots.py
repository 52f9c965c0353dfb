"""Daily progress snapshots: `registry.services.progress_snapshot_take` and the beat task that runs it at 23:55 WIB."""

import datetime

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.utils import timezone

from registry import services, tasks
from registry.models import Progress, ProgressLevel, ProgressSnapshot

COMPUTED_AT = datetime.datetime(2026, 11, 29, 16, 40, tzinfo=datetime.UTC)
# 23:56 WIB on 29 November 2026, and four minutes later 00:00 WIB on 30 November (UTC is still the 29th).
BEFORE_MIDNIGHT_WIB = datetime.datetime(2026, 11, 29, 16, 56, tzinfo=datetime.UTC)
AFTER_MIDNIGHT_WIB = datetime.datetime(2026, 11, 29, 17, 0, tzinfo=datetime.UTC)


def _row(code: str, level: ProgressLevel, cooperatives: int) -> Progress:
    return Progress.objects.create(
        code=code,
        level=level,
        villages=100,
        villages_served=cooperatives,
        target=None if code == "16.03" else 100,
        target_is_default=code != "",
        cooperatives=cooperatives,
        reached={"belum": cooperatives, "musdesus": 1},
        by_pattern={"baru": cooperatives},
        by_kind={"KDMP": cooperatives, "KKMP": 0},
        founders=9 * cooperatives,
        founders_women=2,
        computed_at=COMPUTED_AT,
    )


@pytest.fixture
def rollup(db):
    return [
        _row("", ProgressLevel.NATION, 7),
        _row("16", ProgressLevel.PROVINCE, 7),
        _row("16.03", ProgressLevel.REGENCY, 5),
        _row("16.04", ProgressLevel.REGENCY, 2),
        _row("16.03.01", ProgressLevel.KECAMATAN, 5),
        _row("16.04.01", ProgressLevel.KECAMATAN, 2),
    ]


def test_snapshot_copies_the_nation_provinces_and_regencies(rollup):
    written = services.progress_snapshot_take(now=BEFORE_MIDNIGHT_WIB)

    assert written == 4
    snap = ProgressSnapshot.objects.get(code="16.03")
    assert snap.day == datetime.date(2026, 11, 29)
    assert (snap.level, snap.cooperatives, snap.villages_served, snap.target, snap.founders) == (
        ProgressLevel.REGENCY,
        5,
        5,
        None,
        45,
    )
    assert snap.reached == {"belum": 5, "musdesus": 1}
    assert (snap.by_pattern, snap.by_kind, snap.founders_women) == ({"baru": 5}, {"KDMP": 5, "KKMP": 0}, 2)
    assert snap.computed_at == COMPUTED_AT
    assert ProgressSnapshot.objects.get(code="").target_is_default is False


def test_kecamatan_rows_are_not_snapshotted(rollup):
    services.progress_snapshot_take(now=BEFORE_MIDNIGHT_WIB)

    assert set(ProgressSnapshot.objects.values_list("code", flat=True)) == {"", "16", "16.03", "16.04"}
    assert not ProgressSnapshot.objects.filter(level=ProgressLevel.KECAMATAN).exists()


def test_the_day_is_the_date_in_jakarta_near_midnight(rollup):
    services.progress_snapshot_take(now=BEFORE_MIDNIGHT_WIB)
    services.progress_snapshot_take(now=AFTER_MIDNIGHT_WIB)

    assert sorted(set(ProgressSnapshot.objects.values_list("day", flat=True))) == [
        datetime.date(2026, 11, 29),
        datetime.date(2026, 11, 30),
    ]


def test_running_twice_on_one_day_keeps_one_row_per_region_with_the_newer_numbers(rollup):
    services.progress_snapshot_take(now=BEFORE_MIDNIGHT_WIB)
    Progress.objects.filter(code="16.03").update(cooperatives=6, reached={"belum": 6})

    services.progress_snapshot_take(now=BEFORE_MIDNIGHT_WIB + datetime.timedelta(minutes=1))

    assert ProgressSnapshot.objects.count() == 4
    snap = ProgressSnapshot.objects.get(code="16.03")
    assert (snap.cooperatives, snap.reached) == (6, {"belum": 6})


def test_an_earlier_day_is_left_alone(rollup):
    services.progress_snapshot_take(now=BEFORE_MIDNIGHT_WIB - datetime.timedelta(days=1))
    Progress.objects.filter(code="16.03").update(cooperatives=6)

    services.progress_snapshot_take(now=BEFORE_MIDNIGHT_WIB)

    by_day = dict(ProgressSnapshot.objects.filter(code="16.03").values_list("day", "cooperatives"))
    assert by_day == {datetime.date(2026, 11, 28): 5, datetime.date(2026, 11, 29): 6}


def test_without_rollup_rows_nothing_is_written(db):
    assert services.progress_snapshot_take(now=BEFORE_MIDNIGHT_WIB) == 0
    assert not ProgressSnapshot.objects.exists()


def test_task_run_twice_takes_todays_snapshot_once(rollup):
    tasks.progress_snapshot_take.delay()
    tasks.progress_snapshot_take.delay()

    today = timezone.localdate()
    assert ProgressSnapshot.objects.filter(day=today).count() == 4
    assert ProgressSnapshot.objects.count() == 4


def test_beat_takes_the_snapshot_at_2355_wib():
    entry = next(
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "registry.tasks.progress_snapshot_take"
    )

    assert entry["schedule"] == crontab(hour=23, minute=55)
    assert settings.CELERY_TIMEZONE == "Asia/Jakarta"
