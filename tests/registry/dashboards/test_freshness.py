"""Freshness: every dashboard says when its numbers were computed and warns when they are older than 30 minutes or
the last roll-up failed; the cached page is replaced as soon as the roll-up writes new rows."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from cooperatives import rollup, tasks
from registry.models import Progress, RollupStatus
from registry.services import progress_replace, progress_rollup_failed

MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
STALE = "Angka ini sudah lebih dari 30 menit: rekap mungkin berhenti."


def wib(moment: datetime.datetime) -> str:
    """A time as the page writes it: "29 November 2026 11.57"."""
    t = timezone.localtime(moment)
    return f"{t.day} {MONTHS[t.month - 1]} {t:%Y %H.%M}"


def freshness_note(html: str) -> str:
    start = html.index('data-testid="freshness">')
    return html[start : html.index("</p>", start)]


@pytest.fixture
def viewer(client, national_viewer):
    client.force_login(national_viewer)
    return client


@pytest.mark.parametrize("url", ["/wilayah/", "/wilayah/16/", "/wilayah/16.03/", "/"])
def test_dashboard_says_when_its_numbers_were_computed(client, national_viewer, seeded, url):
    client.force_login(national_viewer)
    computed = Progress.objects.get(code="").computed_at

    note = freshness_note(client.get(url, follow=True).content.decode())

    assert f"Angka per {wib(computed)} WIB." in note
    assert STALE not in note
    assert "gagal" not in note


def test_dashboard_warns_when_its_numbers_are_older_than_30_minutes(viewer, seeded):
    Progress.objects.update(computed_at=timezone.now() - datetime.timedelta(minutes=31))

    note = freshness_note(viewer.get("/wilayah/16/").content.decode())

    assert STALE in note
    assert 'class="freshness warn" role="alert"' in viewer.get("/wilayah/16/").content.decode()


def test_dashboard_warns_when_the_last_roll_up_failed(viewer, seeded):
    progress_rollup_failed(error="OperationalError: server closed the connection")
    failed = RollupStatus.objects.get().last_failure_at

    note = freshness_note(viewer.get("/wilayah/").content.decode())

    assert f"Rekap terakhir gagal pada {wib(failed)} WIB" in note


def test_a_successful_roll_up_after_the_failure_clears_the_warning(viewer, seeded):
    progress_rollup_failed(error="OperationalError")

    rollup.rollup_full()

    assert "gagal" not in freshness_note(viewer.get("/wilayah/").content.decode())


def test_dashboard_before_the_first_roll_up_says_there_are_no_numbers_yet(viewer, db):
    html = viewer.get("/wilayah/").content.decode()

    assert "Angka ini belum dihitung: rekap progres belum pernah berjalan." in freshness_note(html)


def test_a_failing_refresh_task_records_the_failure_and_raises(db):
    with mock.patch.object(rollup, "refresh_regency", side_effect=RuntimeError("boom")), pytest.raises(RuntimeError):
        tasks.refresh_progress("16.03")

    status = RollupStatus.objects.get()
    assert status.last_error == "RuntimeError: boom"
    assert status.last_failure_at is not None


def test_a_failing_full_roll_up_task_records_the_failure(db):
    with mock.patch.object(rollup, "rollup_full", side_effect=RuntimeError("down")), pytest.raises(RuntimeError):
        tasks.rollup_progress_full()

    assert RollupStatus.objects.get().last_error == "RuntimeError: down"


def test_roll_up_write_records_its_success(seeded):
    before = RollupStatus.objects.get().last_success_at

    rollup.refresh_regency("16.03")

    assert RollupStatus.objects.get().last_success_at > before
    assert RollupStatus.objects.get().last_success_at == Progress.objects.get(code="16.03").computed_at


# The cache


def test_dashboard_is_served_from_the_cache_until_the_roll_up_writes(viewer, seeded):
    viewer.get("/wilayah/16/")
    Progress.objects.filter(code="16.03").update(cooperatives=777)  # behind the roll-up's back: not seen

    cached = viewer.get("/wilayah/16/").content.decode()
    row = Progress.objects.get(code="16.03")
    row.cooperatives = 778
    progress_replace([row])  # the roll-up's writer
    fresh = viewer.get("/wilayah/16/").content.decode()

    assert ">777<" not in cached
    assert ">778<" in fresh


def test_cached_page_is_kept_per_language(viewer, seeded):
    viewer.get("/wilayah/16/")
    viewer.cookies["django_language"] = "en"

    html = viewer.get("/wilayah/16/").content.decode()

    assert "Formed (founding meeting or beyond)" in html
