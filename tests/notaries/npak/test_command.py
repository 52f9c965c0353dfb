"""`python manage.py import_notaries FILE [--report PATH] [--dry-run]` (notaries/management/commands)."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from notaries.models import Notary
from tests.notaries.npak.conftest import npak_csv

ROWS = (
    ["Annies Diah Ratnawati, S.H.", "KAB. SLEMAN", "DAERAH ISTIMEWA YOGYAKARTA"],
    ["Annies Diah Ratnawati, S.H., M.Kn.", "KAB. SLEMAN", "DIY"],
    ["Ratna Puspitasari, S.H.", "KOTA KEDIRI/KAB. SLEMAN", "JAWA TIMUR"],
)


@pytest.fixture
def npak_file(tmp_path):
    path = tmp_path / "npak.csv"
    path.write_bytes(npak_csv(*ROWS))
    return path


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_notaries", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_prints_progress_summary_and_writes_the_report(npak_file, tmp_path, indonesian):
    report = tmp_path / "laporan.csv"
    out, err = _run(npak_file, "--report", report)
    assert "[" + "#" * 30 + "] 100.0% menyimpan 1/1" in err
    assert out.splitlines()[1:] == [
        "  baris: 3",
        "  terpetakan: 2",
        "  tingkat keterpetakan: 66.67%",
        "  dibuat: 1",
        "  diubah: 0",
        "  tidak berubah: 0",
        "  duplikat: 1",
        "  tidak terpetakan: 0",
        "  ambigu: 1",
        "  tidak sah: 0",
        "  peringatan: 0",
        f"Laporan (2 baris): {report}",
    ]
    lines = list(csv.reader(report.open(encoding="utf-8-sig")))
    assert [(line[0], line[2]) for line in lines[1:]] == [("3", "duplicate_row"), ("4", "seat_two")]
    assert Notary.objects.count() == 1


def test_dry_run_writes_no_notary(npak_file, tmp_path, indonesian):
    out, _err = _run(npak_file, "--dry-run", "--report", tmp_path / "r.csv")
    assert out.startswith("Impor NPAK (uji coba, tidak ada yang disimpan)")
    assert "  dibuat: 1" in out.splitlines()
    assert not Notary.objects.exists()


def test_report_goes_to_var_by_default(npak_file, settings, tmp_path):
    settings.BASE_DIR = tmp_path
    out, _err = _run(npak_file)
    assert list((tmp_path / "var").glob("npak-report-*.csv"))
    assert str(tmp_path / "var" / "npak-report-") in out


def test_missing_file_is_an_error(tmp_path, indonesian):
    with pytest.raises(CommandError, match="Berkas tidak ditemukan"):
        _run(tmp_path / "tidak-ada.csv")


def test_file_that_is_not_an_npak_list_is_an_error(tmp_path, indonesian):
    path = tmp_path / "lain.csv"
    path.write_bytes(b"NIK,Nama Lengkap\n1603,Budi\n")
    with pytest.raises(CommandError, match="bukan daftar NPAK"):
        _run(path)
