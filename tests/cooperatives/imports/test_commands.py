"""`import_members` and `import_cooperatives`: the same checks, report and all-or-nothing commit on the command
line, with --dry-run."""

import io

import pytest
from django.core.management import CommandError, call_command

from cooperatives.imports.models import Import
from cooperatives.models import Cooperative, FoundingMember
from tests.cooperatives.imports.sheets import cooperative_row, csv_file, founder_rows, xlsx
from tests.factories import EMBAWANG

pytestmark = pytest.mark.usefixtures("media")


def saved(tmp_path, upload) -> str:
    path = tmp_path / upload.name
    path.write_bytes(upload.read())
    return str(path)


def test_import_members_saves_a_clean_file_with_the_user_in_the_history(tmp_path, coop, district_officer):
    out = io.StringIO()
    path = saved(tmp_path, xlsx(founder_rows(9)))
    call_command("import_members", path, cooperative=coop.pk, user=district_officer.username, stdout=out,
                 stderr=io.StringIO())  # fmt: skip
    assert "9 dari 9 baris benar; 0 baris ada kesalahan; 0 peringatan." in out.getvalue()
    assert "Tersimpan: 9 ditambah, 0 diubah, 0 tetap." in out.getvalue()
    assert FoundingMember.history.filter(cooperative_id=coop.pk).first().history_user == district_officer


def test_dry_run_reports_and_saves_nothing(tmp_path, coop):
    out = io.StringIO()
    call_command("import_members", saved(tmp_path, xlsx(founder_rows(9))), cooperative=coop.pk, dry_run=True,
                 stdout=out, stderr=io.StringIO())  # fmt: skip
    assert "9 dari 9 baris benar" in out.getvalue()
    assert not FoundingMember.objects.exists()


def test_a_file_with_errors_prints_each_row_and_fails(tmp_path, coop):
    rows = founder_rows(9)
    rows[3]["Alamat"] = ""
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import_members", saved(tmp_path, csv_file(rows)), cooperative=coop.pk, stdout=out,
                     stderr=io.StringIO())  # fmt: skip
    assert "Baris 5 · Alamat · '': Tulis alamat." in out.getvalue()
    assert str(failed.value) == "Tidak ada yang disimpan: perbaiki baris di atas lalu jalankan perintah ini lagi."
    assert not FoundingMember.objects.exists()


def test_import_cooperatives_saves_the_regencys_rows_and_shows_a_progress_bar(tmp_path):
    err = io.StringIO()
    path = saved(tmp_path, xlsx([cooperative_row(EMBAWANG)], name="koperasi.xlsx"))
    call_command("import_cooperatives", path, regency="16.03", stdout=io.StringIO(), stderr=err)
    assert Cooperative.objects.filter(village_id=EMBAWANG).exists()
    assert "Menyimpan [##############################] 1/1" in err.getvalue()
    assert Import.objects.get().created_by is None


def test_import_cooperatives_refuses_a_row_of_another_regency(tmp_path):
    out = io.StringIO()
    path = saved(tmp_path, xlsx([cooperative_row("16.04.01.2001")], name="koperasi.xlsx"))
    with pytest.raises(CommandError):
        call_command("import_cooperatives", path, regency="16.03", stdout=out, stderr=io.StringIO())
    assert "berada di Kabupaten Lahat, bukan di Kabupaten Muara Enim" in out.getvalue()
