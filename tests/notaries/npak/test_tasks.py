"""The admin's import task (notaries/npak/tasks.py): state in the cache, the report stored, safe to run twice."""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from notaries.models import Notary
from notaries.npak import progress
from notaries.npak.tasks import npak_import_run
from tests.notaries.npak.conftest import npak_csv

ROWS = (["Annies Diah Ratnawati, S.H.", "KAB. SLEMAN", "DIY"], ["Budi, S.H.", "KOTA KEDIRI/KAB. SLEMAN", "JATIM"])


@pytest.fixture
def task_id(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    task_id = uuid.uuid4().hex
    default_storage.save(progress.upload_name(task_id), ContentFile(npak_csv(*ROWS)))
    return task_id


def test_task_imports_the_upload_and_keeps_the_summary_and_report(task_id, national_admin):
    summary = npak_import_run.apply(kwargs={"actor_id": national_admin.pk}, task_id=task_id).get()
    state = progress.state_of(task_id)
    assert (summary["created"], summary["ambiguous"], state["status"], state["percent"]) == (1, 1, "done", 100)
    assert default_storage.open(state["report"]).read().decode("utf-8-sig").count("\n") == 2
    assert Notary.history.get().history_user == national_admin


def test_task_run_twice_imports_once(task_id, national_admin):
    first = npak_import_run.apply(kwargs={"actor_id": national_admin.pk}, task_id=task_id).get()
    second = npak_import_run.apply(kwargs={"actor_id": national_admin.pk}, task_id=task_id).get()
    assert first == second
    assert Notary.history.count() == 1


def test_task_whose_upload_is_gone_fails_quietly(task_id, indonesian):
    default_storage.delete(progress.upload_name(task_id))
    assert npak_import_run.apply(task_id=task_id).get() is None
    assert progress.state_of(task_id) == {"status": "failed", "error": "Berkas yang diunggah sudah tidak ada."}


def test_task_refusing_a_file_that_is_not_an_npak_list_records_why(settings, tmp_path, indonesian):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    task_id = uuid.uuid4().hex
    default_storage.save(progress.upload_name(task_id), ContentFile(b"NIK,Nama Lengkap\n1603,Budi\n"))
    npak_import_run.apply(task_id=task_id).get()
    assert progress.state_of(task_id)["error"].startswith("Berkas ini bukan daftar NPAK")


def test_progress_fills_the_bar_by_stage():
    assert [
        progress.percent("resolve", 5, 10),
        progress.percent("write", 0, 10),
        progress.percent("write", 10, 10),
    ] == [
        20,
        40,
        100,
    ]
