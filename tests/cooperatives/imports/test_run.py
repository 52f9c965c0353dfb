"""Big files run as a Celery task (eager here; through Redis to a real worker when REDIS_URL is set), safe to run
twice and never partial; the progress refresh is announced once per import; queries do not grow with the rows."""

import io
import os
import time

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from cooperatives.imports import run
from cooperatives.imports.models import Import, ImportKind, ImportStatus
from cooperatives.imports.tasks import import_run
from cooperatives.models import FoundingMember
from cooperatives.services.progress import _Refresh
from registry.models import Role
from tests.cooperatives import builders
from tests.cooperatives.imports.sheets import founder_rows, xlsx
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("indonesian")


def queries_of(fn) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured.captured_queries)


def _rows_per_insert(wanted: int) -> int:
    """`wanted`, or fewer where the database caps one INSERT's parameters (SQLite with Django 5.2: 999, so ~80 founder
    rows): past that, `bulk_create` itself splits the insert, one more query per slice of rows."""
    models = (FoundingMember, FoundingMember.history.model)
    return min(wanted, *(connection.ops.bulk_batch_size(m._meta.concrete_fields, [None] * wanted) for m in models))


@pytest.mark.parametrize("step", ["check", "commit"])
def test_the_queries_do_not_grow_with_the_rows(district_officer, step):
    counts = []
    many = _rows_per_insert(100)  # 100 on PostgreSQL
    for n, village, offset in ((10, "16.03.01.2011", 1000), (many, "16.03.01.2012", 2000)):
        coop = builders.register(district_officer, village)
        imp = run.import_upload(
            actor=district_officer,
            kind=ImportKind.MEMBERS,
            upload=xlsx(founder_rows(n, serial_offset=offset)),
            cooperative=coop,
        )
        if step == "check":
            counts.append(queries_of(lambda imp=imp: run.import_check(imp=imp)))
        else:
            imp = run.import_check(imp=imp)
            counts.append(queries_of(lambda imp=imp: run.import_commit(actor=district_officer, imp=imp)))
            assert FoundingMember.objects.filter(cooperative=coop).count() == n
    assert counts[0] == counts[1]


def test_a_big_file_runs_in_the_task_and_is_saved_whole(
    district_officer, coop, settings, django_capture_on_commit_callbacks
):
    settings.KDMP_IMPORT_TASK_ROWS = 20
    imp = run.import_upload(
        actor=district_officer, kind=ImportKind.MEMBERS, upload=xlsx(founder_rows(30)), cooperative=coop
    )
    with django_capture_on_commit_callbacks(execute=True) as queued:
        started = run.start(actor=district_officer, imp=imp, step="check")
    assert started.status == ImportStatus.CHECKING  # the page shows the progress bar
    assert len(queued) == 1
    assert Import.objects.get(pk=imp.pk).status == ImportStatus.CHECKED

    with django_capture_on_commit_callbacks(execute=True) as queued:
        started = run.start(actor=district_officer, imp=Import.objects.get(pk=imp.pk), step="commit")
    assert started.status == ImportStatus.SAVING
    assert [c for c in queued if isinstance(c, _Refresh)] == []  # inside the task's own transaction
    assert Import.objects.get(pk=imp.pk).status == ImportStatus.SAVED
    assert FoundingMember.objects.filter(cooperative=coop).count() == 30


def test_the_task_is_safe_to_run_twice(district_officer, coop, upload_members):
    imp = upload_members(xlsx(founder_rows(9)), coop)
    run.import_commit_request(actor=district_officer, imp=imp)
    assert import_run.delay(imp.pk, "commit", district_officer.pk).get() == ImportStatus.SAVED
    assert import_run.delay(imp.pk, "commit", district_officer.pk).get() == ImportStatus.SAVED
    assert FoundingMember.objects.filter(cooperative=coop).count() == 9
    assert import_run.delay(imp.pk, "check", district_officer.pk).get() == ImportStatus.SAVED


def test_an_import_that_breaks_half_way_writes_nothing(district_officer, coop, upload_members, monkeypatch):
    imp = upload_members(xlsx(founder_rows(9)), coop)

    def broken(**kwargs):
        FoundingMember.objects.bulk_create(kwargs["creates"][:3])
        raise RuntimeError("disk full")

    monkeypatch.setattr(run, "founders_import_write", broken)
    with pytest.raises(RuntimeError):
        run.run_step(imp=imp, step="commit", actor=district_officer)

    assert FoundingMember.objects.filter(cooperative=coop).count() == 0
    assert Import.objects.get(pk=imp.pk).status == ImportStatus.FAILED


def test_the_progress_refresh_is_announced_once_per_import(
    district_officer, coop, upload_members, django_capture_on_commit_callbacks
):
    imp = upload_members(xlsx(founder_rows(9)), coop)
    transaction.get_connection().run_on_commit.clear()  # the arrangement's own, as its commit would have run them
    with django_capture_on_commit_callbacks() as callbacks:
        run.import_commit(actor=district_officer, imp=imp)
    assert [c.regency_code for c in callbacks if isinstance(c, _Refresh)] == ["16.03"]


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis broker (CI sets REDIS_URL)")
def test_a_big_file_travels_through_redis_to_a_worker(transactional_db, settings, tmp_path):
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun

    from registry.celery import app

    settings.MEDIA_ROOT = str(tmp_path)
    settings.KDMP_IMPORT_TASK_ROWS = 5
    call_command("import_regions", only="16.03", verbosity=0, stdout=io.StringIO())
    officer = UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.03")
    coop = builders.register(officer)
    done: list[str] = []

    def record(sender=None, retval=None, **kwargs):
        if sender is not None and sender.name == "cooperatives.imports.tasks.import_run":
            done.append(retval)
        connection.close()

    app.conf.task_always_eager = False
    task_postrun.connect(record, weak=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            imp = run.import_upload(
                actor=officer, kind=ImportKind.MEMBERS, upload=xlsx(founder_rows(9)), cooperative=coop
            )
            run.start(actor=officer, imp=imp, step="check")
            deadline = time.monotonic() + 20
            while not done and time.monotonic() < deadline:
                time.sleep(0.2)
            run.start(actor=officer, imp=Import.objects.get(pk=imp.pk), step="commit")
            while len(done) < 2 and time.monotonic() < deadline + 20:
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True
        task_postrun.disconnect(record)
    assert done == [ImportStatus.CHECKED, ImportStatus.SAVED]
    assert FoundingMember.objects.filter(cooperative=coop).count() == 9


def test_a_database_briefly_away_leaves_the_import_to_the_tasks_retry(
    district_officer, coop, upload_members, monkeypatch
):
    from celery.exceptions import Retry
    from django.db import OperationalError

    imp = upload_members(xlsx(founder_rows(9)), coop)
    run.import_commit_request(actor=district_officer, imp=imp)
    write = run.founders_import_write
    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return write(**kwargs)

    monkeypatch.setattr(run, "founders_import_write", flaky)
    with pytest.raises(Retry):
        import_run.delay(imp.pk, "commit", district_officer.pk).get()
    assert Import.objects.get(pk=imp.pk).status == ImportStatus.SAVING  # not failed: the retry will run it
    assert not FoundingMember.objects.filter(cooperative=coop).exists()

    assert import_run.delay(imp.pk, "commit", district_officer.pk).get() == ImportStatus.SAVED
    assert FoundingMember.objects.filter(cooperative=coop).count() == 9
