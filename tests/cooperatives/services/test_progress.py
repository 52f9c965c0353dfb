"""The progress hook: every service that changes what progress counts announces one refresh per transaction and
regency, after commit, and none when the transaction rolls back."""

import datetime as dt
import io
import logging
import os
import time

import pytest
from django.core.management import call_command
from django.db import transaction

from cooperatives import services
from cooperatives.choices import MeetingKind
from cooperatives.models import Cooperative
from cooperatives.services.progress import _Refresh
from registry.errors import ApplicationError
from registry.models import Region, Role
from registry.stages import Stage
from tests.cooperatives.builders import add_founders, cooperative_at, founder, register, update, with_musdesus
from tests.factories import EMBAWANG, LAHAT_VILLAGE, UserFactory, make_nik, pdf_file

OTHER_MUARA_ENIM_VILLAGE = "16.03.01.2012"


def refreshes(callbacks) -> list[str]:
    return [c.regency_code for c in callbacks if isinstance(c, _Refresh)]


def arranged() -> None:
    """In real use the arrangement is a transaction of its own, committed before the change under test. Here the
    whole test runs in one transaction: drop the callbacks the arrangement queued, as its commit would have."""
    transaction.get_connection().run_on_commit.clear()


def _register(officer, coop):
    register(officer, OTHER_MUARA_ENIM_VILLAGE)


def _founder_add(officer, coop):
    services.founding_member_add(
        actor=officer, cooperative=coop, founder=founder(make_nik(serial=77), birth_date=dt.date(1985, 5, 12))
    )


def _founder_update(officer, coop):
    member = coop.members.first()
    services.founding_member_update(
        actor=officer,
        member=member,
        expected_version=member.version,
        founder=services.FounderData.of(member).changed(full_name="Nama Baru"),
    )


def _founder_remove(officer, coop):
    services.founding_member_remove(actor=officer, member=coop.members.first())


def _profile_update(officer, coop):
    update(officer, coop, pattern="pendirian_baru", address="Jalan Baru")


def _deactivate(officer, coop):
    services.cooperative_deactivate(actor=officer, cooperative=coop, reason="Salah input", expected_version=None)


def _reseat(officer, coop):
    services.cooperative_reseat(
        actor=officer,
        cooperative=coop,
        village=Region.objects.get(code=OTHER_MUARA_ENIM_VILLAGE),
        reason="Kedudukan salah dicatat",
        expected_version=None,
    )


def _stage_correct(officer, coop):
    services.cooperative_correct_stage(actor=officer, cooperative=coop, to_stage=Stage.BELUM, reason="Salah tahap")


def _deed_verified(officer, coop):
    services.cooperative_deed_verified(actor=officer, cooperative=coop, deed_number="12", deed_date=dt.date(2025, 7, 1))


# (what the service does, the stage the cooperative starts from)
ANNOUNCING = [
    pytest.param(_register, Stage.BELUM, id="cooperative_register"),
    pytest.param(_profile_update, Stage.BELUM, id="cooperative_update"),
    pytest.param(_deactivate, Stage.BELUM, id="cooperative_deactivate"),
    pytest.param(_reseat, Stage.BELUM, id="cooperative_reseat"),
    pytest.param(_stage_correct, Stage.MUSDESUS, id="cooperative_correct_stage"),
    pytest.param(_deed_verified, Stage.RAPAT_PENDIRIAN, id="cooperative_deed_verified"),
    pytest.param(_founder_add, Stage.MUSDESUS, id="founding_member_add"),
    pytest.param(_founder_remove, Stage.MUSDESUS, id="founding_member_remove"),
    pytest.param(_founder_update, Stage.MUSDESUS, id="founding_member_update"),
]


def _at(officer, stage: Stage) -> Cooperative:
    if stage == Stage.MUSDESUS:
        coop = with_musdesus(officer, register(officer))
        add_founders(officer, coop, count=2)
        return coop
    return cooperative_at(officer, stage)


@pytest.mark.parametrize(("change", "start"), ANNOUNCING)
def test_each_service_announces_exactly_one_refresh_of_its_regency(
    district_officer, django_capture_on_commit_callbacks, change, start
):
    coop = _at(district_officer, start)
    arranged()
    with django_capture_on_commit_callbacks() as callbacks:
        change(district_officer, coop)
    assert refreshes(callbacks) == ["16.03"]


def test_a_stage_move_announces_a_refresh(district_officer, django_capture_on_commit_callbacks):
    coop = register(district_officer)
    services.meeting_record(
        actor=district_officer,
        cooperative=coop,
        kind=MeetingKind.MUSDESUS,
        date=dt.date(2025, 5, 20),
        place="Balai Desa",
        attendance=50,
        minutes=pdf_file(),
    )
    arranged()
    with django_capture_on_commit_callbacks() as callbacks:
        services.cooperative_advance(actor=district_officer, cooperative=coop)
    assert refreshes(callbacks) == ["16.03"]


def test_many_changes_in_one_transaction_announce_one_refresh_per_regency(
    district_officer, other_district_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        coop = register(district_officer)
        update(district_officer, coop, address="Jalan Satu")
        register(district_officer, OTHER_MUARA_ENIM_VILLAGE)
        register(other_district_officer, LAHAT_VILLAGE)
    assert sorted(refreshes(callbacks)) == ["16.03", "16.04"]


def test_a_rolled_back_transaction_announces_nothing(district_officer, django_capture_on_commit_callbacks):
    class Abort(Exception):
        pass

    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(Abort), transaction.atomic():
            register(district_officer)
            raise Abort
    assert refreshes(callbacks) == []
    assert not Cooperative.objects.filter(village_id=EMBAWANG).exists()


def test_a_change_after_a_rolled_back_savepoint_announces_again(district_officer, django_capture_on_commit_callbacks):
    """The rolled-back savepoint's callback is gone, so the later change must register its own."""
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        try:
            with transaction.atomic():
                register(district_officer)
                raise ApplicationError("batal")
        except ApplicationError:
            pass
        register(district_officer, OTHER_MUARA_ENIM_VILLAGE)
    assert refreshes(callbacks) == ["16.03"]


def test_a_refused_change_announces_nothing(district_officer, django_capture_on_commit_callbacks):
    register(district_officer)
    arranged()
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(ApplicationError):
        register(district_officer)  # a second cooperative in the village without a reason
    assert refreshes(callbacks) == []


def test_the_refresh_runs_the_celery_task_on_commit(district_officer, django_capture_on_commit_callbacks, caplog):
    with caplog.at_level(logging.INFO, logger="cooperatives.tasks"):
        with django_capture_on_commit_callbacks(execute=True):
            register(district_officer)
    assert "Progress refresh requested for regency 16.03" in caplog.text


def test_refresh_progress_is_safe_to_run_twice():
    from cooperatives.tasks import refresh_progress

    assert refresh_progress.delay("16.03").get() == "16.03"
    assert refresh_progress.delay("16.03").get() == "16.03"


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis broker (CI sets REDIS_URL)")
def test_the_refresh_travels_through_redis_to_a_worker(transactional_db):
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun
    from django.db import connection

    from registry.celery import app

    seen: list[tuple] = []

    def record(sender=None, args=None, **kwargs):
        if sender is not None and sender.name == "cooperatives.tasks.refresh_progress":
            seen.append(tuple(args or ()))
        connection.close()  # the worker thread's own connection, so the test database can be dropped afterwards

    call_command("import_regions", only="16.03", verbosity=0, stdout=io.StringIO())  # the flush emptied the master
    officer = UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.03")
    app.conf.task_always_eager = False
    task_postrun.connect(record, weak=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            register(officer)  # autocommit: the hook's on_commit callback runs as the service's transaction ends
            deadline = time.monotonic() + 20
            while not seen and time.monotonic() < deadline:
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True
        task_postrun.disconnect(record)
    assert seen == [("16.03",)]
