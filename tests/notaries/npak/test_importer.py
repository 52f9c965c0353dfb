"""The import service on small lists (notaries/npak/importer.py): what it creates, merges, reports and leaves alone."""

import pytest

from notaries.models import Notary
from notaries.npak import reasons
from notaries.npak.importer import npak_import
from registry.errors import ApplicationError
from tests.notaries.factories import NotaryFactory
from tests.notaries.npak.conftest import npak_csv

SLEMAN = ["Annies Diah Ratnawati, S.H.", "KAB. SLEMAN", "DAERAH ISTIMEWA YOGYAKARTA", "N/A", "N/A", "1/KEP/M.KUKM/X/24"]
MUARA_ENIM = ["Hj. Affuroh, S.H., M.Kn.", "KAB.  MUARA ENIM", "SUMATERA SELATAN", "C-1276.HT.3.1-TH.1999"]
MIMIKA = ["Yosef Kareth, S.H.", "KAB. MIMIKA", "PAPUA", "AHU-12.AH.02.01-Tahun 2019"]
TWO_SEATS = ["Ratna Puspitasari, S.H., M.Kn.", "KOTA KEDIRI/KAB. SLEMAN", "JAWA TIMUR/DAERAH ISTIMEWA YOGYAKARTA"]


def _reasons(result):
    return [(issue.row, issue.reason) for issue in result.issues]


def test_import_creates_notaries_with_seat_province_key_and_search_name():
    result = npak_import(source=npak_csv(SLEMAN, MUARA_ENIM))
    notary = Notary.objects.get(seat_id="16.03")
    assert (result.created, result.rows, result.resolved) == (2, 2, 2)
    assert (notary.name, notary.province_id, notary.ahu_number, notary.npak_certificate, notary.email) == (
        "Hj. Affuroh, S.H., M.Kn.",
        "16",
        "C-1276.HT.3.1-TH.1999",
        "",
        "",
    )
    assert (notary.import_key, notary.search_name) == ("16.03|affuroh", "affuroh")


def test_import_records_history_for_every_created_notary():
    npak_import(source=npak_csv(SLEMAN, MUARA_ENIM))
    assert Notary.history.filter(history_type="+").count() == 2


def test_second_run_of_the_same_list_creates_changes_and_records_nothing():
    npak_import(source=npak_csv(SLEMAN, MUARA_ENIM, MIMIKA))
    again = npak_import(source=npak_csv(SLEMAN, MUARA_ENIM, MIMIKA))
    assert (again.created, again.changed, again.unchanged) == (0, 0, 3)
    assert Notary.history.count() == 3


def test_a_changed_cell_updates_the_notary_and_records_it():
    npak_import(source=npak_csv(SLEMAN))
    result = npak_import(source=npak_csv([*SLEMAN[:5], "9/KEP/M.KUKM/X/24"]))
    assert (result.created, result.changed) == (0, 1)
    assert Notary.objects.get().npak_certificate == "9/KEP/M.KUKM/X/24"
    assert list(Notary.history.values_list("history_type", flat=True).order_by("history_id")) == ["+", "~"]


def test_rows_of_one_notary_are_merged_and_reported_as_duplicates():
    later = ["Annies Diah Ratnawati, S.H., M.Kn.", "KAB. SLEMAN", "DIY", "AHU-1.AH.02.01-Tahun 2010"]
    result = npak_import(source=npak_csv(SLEMAN, later))
    notary = Notary.objects.get()
    assert (result.created, result.duplicates) == (1, 1)
    assert (notary.name, notary.ahu_number, notary.npak_certificate) == (
        "Annies Diah Ratnawati, S.H.",
        "AHU-1.AH.02.01-Tahun 2010",
        "1/KEP/M.KUKM/X/24",
    )
    assert _reasons(result) == [(3, reasons.DUPLICATE_ROW)]


def test_duplicate_with_other_values_keeps_the_first_and_names_the_columns(indonesian):
    later = [*SLEMAN[:5], "2/KEP/M.KUKM/X/24"]
    result = npak_import(source=npak_csv(SLEMAN, later))
    issue = result.issues[0]
    assert (issue.reason, issue.detail) == (
        reasons.DUPLICATE_CONFLICT,
        "sama dengan baris 2; berbeda pada: Sertifikat Pelatihan NPAK",
    )
    assert Notary.objects.get().npak_certificate == "1/KEP/M.KUKM/X/24"


def test_exact_duplicate_rows_give_one_notary():
    result = npak_import(source=npak_csv(SLEMAN, SLEMAN, SLEMAN))
    assert (Notary.objects.count(), result.duplicates) == (1, 2)


def test_same_name_in_two_regencies_is_two_notaries():
    npak_import(source=npak_csv(SLEMAN, [SLEMAN[0], "KOTA YOGYAKARTA", "DAERAH ISTIMEWA YOGYAKARTA"]))
    assert sorted(Notary.objects.values_list("seat_id", flat=True)) == ["34.04", "34.71"]


def test_row_that_cannot_be_placed_is_reported_and_not_imported():
    result = npak_import(source=npak_csv(SLEMAN, TWO_SEATS, ["Budi, S.H.", "N/A", "JAWA BARAT"]))
    assert (result.created, result.ambiguous, result.unresolved, result.resolved) == (1, 1, 1, 1)
    assert _reasons(result) == [(3, reasons.SEAT_TWO), (4, reasons.SEAT_MISSING)]
    assert result.issues[0].suggestions == ("35.71", "34.04")


def test_row_without_a_name_is_reported_as_invalid():
    result = npak_import(source=npak_csv(["N/A", "KAB. SLEMAN", "DIY"]))
    assert (result.created, result.invalid, _reasons(result)) == (0, 1, [(2, reasons.NAME_MISSING)])


def test_resolved_row_with_warnings_is_imported_and_reported():
    result = npak_import(source=npak_csv(MIMIKA, ["Linda, S.H.", "KOTA PADANG SIDEMPUAN", "SUMATERA UTARA"]))
    assert sorted(Notary.objects.values_list("seat_id", flat=True)) == ["12.77", "94.04"]
    assert (result.warnings, _reasons(result)) == (2, [(2, reasons.PROVINCE_SPLIT), (3, reasons.SEAT_FUZZY)])


def test_invalid_email_and_overlong_number_are_dropped_or_shortened_and_reported():
    row = ["Budi, S.H.", "KAB. SLEMAN", "DIY", "Keputusan Menteri " * 20, "N/A", "N/A", "bukan-email"]
    result = npak_import(source=npak_csv(row))
    notary = Notary.objects.get()
    assert (notary.email, notary.ahu_number) == ("", ("Keputusan Menteri " * 20)[:255].rstrip())
    assert _reasons(result) == [(2, reasons.VALUE_DROPPED)]


def test_broken_characters_are_removed_and_reported():
    row = [
        "Abdul Rafi\ufffdI, S.H.",
        "KOTA SAMARINDA",
        "KALIMANTAN TIMUR",
        "N/A",
        "N/A",
        "\ufffd\ufffd../SERT/2/II/216",
    ]
    result = npak_import(source=npak_csv(row))
    notary = Notary.objects.get()
    assert (notary.name, notary.npak_certificate, notary.search_name) == (
        "Abdul Rafi'I, S.H.",
        "../SERT/2/II/216",
        "abdul rafii",
    )
    assert _reasons(result) == [(2, reasons.BROKEN_CHARACTERS)]


def test_dry_run_counts_and_writes_nothing():
    result = npak_import(source=npak_csv(SLEMAN, MUARA_ENIM), dry_run=True)
    assert (result.created, Notary.objects.count()) == (2, 0)


def test_import_leaves_the_registry_own_fields_alone(django_user_model):
    npak_import(source=npak_csv(SLEMAN))
    Notary.objects.update(is_active=False)
    result = npak_import(source=npak_csv(SLEMAN))
    assert (result.unchanged, Notary.objects.get().is_active) == (1, False)


def test_notary_of_an_earlier_list_missing_from_this_one_is_kept_and_counted():
    npak_import(source=npak_csv(SLEMAN, MUARA_ENIM))
    result = npak_import(source=npak_csv(SLEMAN))
    assert (result.absent, Notary.objects.count()) == (1, 2)


def test_progress_is_reported_up_to_the_end():
    seen = []
    npak_import(source=npak_csv(SLEMAN), progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert seen == [("resolve", 1, 1), ("write", 1, 1), ("write", 1, 1)]


def test_file_that_is_not_an_npak_list_is_refused_and_nothing_is_written():
    with pytest.raises(ApplicationError):
        npak_import(source=b"NIK,Nama Lengkap\n1603,Budi\n")
    assert not Notary.objects.exists()


def test_import_runs_in_a_bounded_number_of_queries(django_assert_max_num_queries):
    rows = [[f"Notaris {n}, S.H.", "KAB. SLEMAN", "DIY"] for n in range(300)]
    # Batches, not rows: SQLite cuts a batch by its limit of bound parameters (about 55 notaries an INSERT).
    with django_assert_max_num_queries(30):
        npak_import(source=npak_csv(*rows))
    assert Notary.objects.count() == 300


def test_notary_entered_by_hand_is_adopted_by_the_list_not_doubled():
    entered = NotaryFactory(name="Hj. Affuroh, S.H.", seat_id="16.03", npak_certificate="")
    result = npak_import(source=npak_csv(MUARA_ENIM))
    notary = Notary.objects.get(seat_id="16.03")
    assert (notary.pk, notary.import_key, notary.ahu_number) == (entered.pk, "16.03|affuroh", "C-1276.HT.3.1-TH.1999")
    assert (result.created, result.changed, Notary.objects.count()) == (0, 1, 1)
