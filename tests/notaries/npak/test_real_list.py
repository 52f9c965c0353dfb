"""The import on the real published list (../shared/data/npak_reference.csv, 17,355 rows), imported once for the
module (twice, for idempotency) and cleaned up after it. The tricky rows below are taken from the import's report."""

import csv
import io

import pytest

from notaries.models import Notary
from notaries.npak import reasons
from notaries.npak.demo import reference_path
from notaries.npak.importer import npak_import
from notaries.npak.report import write_report

REFERENCE = reference_path()


@pytest.fixture(scope="module")
def runs(django_db_setup, django_db_blocker):
    if not REFERENCE.is_file():
        pytest.skip(f"The shared NPAK list is not at {REFERENCE} (CI has it beside the repository).")
    with django_db_blocker.unblock():
        first = npak_import(source=REFERENCE)
        history_after_first = Notary.history.count()
        second = npak_import(source=REFERENCE)
        history_after_second = Notary.history.count()
        yield {
            "first": first,
            "second": second,
            "history": (history_after_first, history_after_second),
        }
        Notary.objects.all().delete()
        Notary.history.all().delete()  # after the notaries: deleting them records history rows too


def _issues(result, row):
    return [(issue.reason, issue.suggestions) for issue in result.issues if issue.row == row]


def test_real_list_resolves_at_least_99_5_percent_of_its_rows(runs):
    first = runs["first"]
    assert first.rows == 17_355
    assert first.resolution_rate >= 99.5
    assert first.resolved + first.unresolved + first.ambiguous == first.rows
    assert first.created + first.duplicates + first.invalid == first.resolved


@pytest.mark.parametrize(
    ("row", "key", "warnings"),
    [
        (2, "34.04|annies diah ratnawati", []),  # KAB. SLEMAN, DAERAH ISTIMEWA YOGYAKARTA
        (47, "16.71|adlia ghanie", []),  # KOTA PALEMBANG
        (731, "31.74|diah anggraini", []),  # KOTA ADM. JAKARTA SELATAN under the short DKI JAKARTA
        (13683, "31.01|anak agung ayu ari widhyasari", []),  # KAB. ADM. KEP. SERIBU
        (2592, "15.01|irwan dahmuri", []),  # "KAB.  KERINCI", two spaces
        (2942, "53.02|ida bagus putra wijaya", []),  # "KAB TIMOR TENGAH SELATAN", no dot
        (5044, "72.04|helmi alatas", []),  # KAB. TOLI TOLI for Toli-Toli
        (413, "12.74|effendi winarwanto", []),  # KOTA TANJUNG BALAI for Tanjungbalai
        (921, "94.04|jemmy wangke", [(reasons.PROVINCE_SPLIT, ("94.04",))]),  # Mimika under pre-2022 PAPUA
        (8469, "53.71|erick wisan", [(reasons.PROVINCE_MISMATCH, ("53.71",))]),  # KOTA KUPANG under NTB
        (5768, "12.77|misbahuddin", [(reasons.SEAT_FUZZY, ("12.77",))]),  # KOTA PADANG SIDEMPUAN (typo)
    ],
)
def test_tricky_rows_resolve_to_the_right_regency(runs, row, key, warnings):
    assert Notary.objects.filter(import_key=key, seat_id=key.split("|")[0]).exists()
    assert _issues(runs["first"], row) == warnings


@pytest.mark.parametrize(
    ("row", "suggestions"),
    [
        (11825, ("35.71", "34.04")),  # KOTA KEDIRI/KAB. SLEMAN
        (10264, ("32.04", "32.73")),  # KAB. BANDUNG/KOTA BANDUNG
        (17124, ("32.13", "32.16")),  # KAB. SUBANG/KAB. BEKASI
    ],
)
def test_cells_with_two_seats_are_reported_not_guessed(runs, row, suggestions):
    assert _issues(runs["first"], row) == [(reasons.SEAT_TWO, suggestions)]


def test_second_run_creates_changes_and_records_nothing(runs):
    second = runs["second"]
    assert (second.created, second.changed, second.unchanged) == (0, 0, runs["first"].created)
    assert runs["history"] == (runs["first"].created, runs["first"].created)
    assert Notary.objects.count() == runs["first"].created


def test_report_has_a_line_per_reported_row_with_reason_suggestion_and_cells(runs, indonesian):
    buffer = io.StringIO()
    write_report(runs["first"], buffer)
    lines = list(csv.reader(io.StringIO(buffer.getvalue())))
    by_row = {line[0]: line for line in lines[1:] if line[2] == reasons.SEAT_TWO}
    assert lines[0][:8] == [
        "baris",
        "kategori",
        "kode alasan",
        "alasan",
        "keterangan",
        "kode yang disarankan",
        "wilayah yang disarankan",
        "kunci",
    ]
    assert lines[0][8:] == [
        "Nama",
        "Tempat Kedudukan",
        "Provinsi",
        "No. AHU",
        "SK Pengangkatan Notaris",
        "Sertifikat Pelatihan NPAK",
        "Email",
        "No.HP-1",
        "No.HP-2",
        "No. Kantor",
        "Alamat Kantor",
    ]
    assert by_row["11825"][:11] == [
        "11825",
        "ambigu",
        "seat_two",
        "Sel berisi lebih dari satu tempat kedudukan: tidak ditebak, pilih salah satu.",
        "",
        "35.71 34.04",
        "Kota Kediri; Kabupaten Sleman",
        "",
        "Ratna Puspitasari, S.H., M.Kn.",
        "KOTA KEDIRI/KAB. SLEMAN",
        "JAWA TIMUR/DAERAH ISTIMEWA YOGYAKARTA",
    ]
    categories = [line[1] for line in lines[1:]]
    first = runs["first"]
    assert (categories.count("ambigu"), categories.count("duplikat"), categories.count("tidak terpetakan")) == (
        first.ambiguous,
        first.duplicates,
        first.unresolved,
    )
