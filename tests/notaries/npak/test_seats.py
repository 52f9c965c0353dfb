"""Seats of the NPAK list placed in the Kemendagri 2025 master (notaries/npak/seats.py), on the real region table."""

import pytest

from notaries.npak import reasons
from notaries.npak.seats import Seat, SeatIndex


@pytest.fixture
def index(db) -> SeatIndex:
    return SeatIndex.load()


def test_the_index_is_built_in_one_query(db, django_assert_num_queries):
    with django_assert_num_queries(1):
        index = SeatIndex.load()
    assert len(index.regencies) == 514


@pytest.mark.parametrize(
    ("seat", "province", "code"),
    [
        ("KAB. SLEMAN", "DAERAH ISTIMEWA YOGYAKARTA", "34.04"),
        ("KOTA YOGYAKARTA", "DAERAH ISTIMEWA YOGYAKARTA", "34.71"),
        ("KAB. BANDUNG", "JAWA BARAT", "32.04"),
        ("KOTA BANDUNG", "JAWA BARAT", "32.73"),
        ("KAB SLEMAN", "DI YOGYAKARTA", "34.04"),
        ("Kab.Sleman", "DIY", "34.04"),
        ("KABUPATEN  MUARA   ENIM", "SUMATERA SELATAN", "16.03"),
        ("KOTA PALEMBANG", "SUMSEL", "16.71"),
        ("KOTA ADM. JAKARTA SELATAN", "DKI JAKARTA", "31.74"),
        ("JAKARTA SELATAN", "DKI JAKARTA", "31.74"),
        ("KOTA ADMINISTRASI JAKARTA PUSAT", "DKI", "31.71"),
        ("KAB. ADM. KEP. SERIBU", "DKI JAKARTA", "31.01"),
        ("KEPULAUAN SERIBU", "DKI JAKARTA", "31.01"),
        ("KAB. TOLI TOLI", "SULAWESI TENGAH", "72.04"),
        ("KAB. MUKO MUKO", "BENGKULU", "17.06"),
        ("KOTA TANJUNG BALAI", "SUMATERA UTARA", "12.74"),
        ("KAB. SIAU TAGULANDANG BIARO", "SULAWESI UTARA", "71.09"),
        ("KAB. PANGKAJENE DAN KEPULAUAN", "SULAWESI SELATAN", "73.10"),
        ("KAB. KOTABARU", "KALIMANTAN SELATAN", "63.02"),
        ("KOTA KOTAMOBAGU", "SULAWESI UTARA", "71.74"),
        ("KAB. TIMOR TENGAH SELATAN", "NTT", "53.02"),
        ("kab. sleman", "Daerah Istimewa Yogyakarta", "34.04"),
        ("KAB, SLEMAN", "DIY", "34.04"),
        ("KAB. SLEMAN (DIY)", "DIY", "34.04"),
        ("KAB. SLEMAN - DIY", "DIY", "34.04"),
        ("KAB. SLEMAN", "PROVINSI D.I. YOGYAKARTA", "34.04"),
        ("KAB. MERAUKE", "PAPUA SELATAN", "93.01"),
    ],
)
def test_seat_is_placed_in_its_regency_without_a_warning(index, seat, province, code):
    assert index.resolve(seat, province) == Seat(code)


@pytest.mark.parametrize(
    ("seat", "province", "code"),
    [
        ("KAB. MIMIKA", "PAPUA", "94.04"),  # Papua Tengah since 2022
        ("KOTA SORONG", "PAPUA BARAT", "96.71"),  # Papua Barat Daya since 2022
        ("KAB. TANGERANG", "JAWA BARAT", "36.03"),  # Banten since 2000
        ("KOTA TARAKAN", "KALIMANTAN TIMUR", "65.71"),  # Kalimantan Utara since 2012
    ],
)
def test_seat_under_the_province_it_was_split_from_is_placed_and_reported(index, seat, province, code):
    assert index.resolve(seat, province) == Seat(code, (reasons.PROVINCE_SPLIT,))


def test_contradicting_province_is_overruled_by_a_seat_unique_nationally(index):
    assert index.resolve("KOTA KUPANG", "NUSA TENGGARA BARAT") == Seat("53.71", (reasons.PROVINCE_MISMATCH,))


def test_unknown_province_leaves_the_decision_to_a_seat_unique_nationally(index):
    assert index.resolve("KAB. SLEMAN", "N/A") == Seat("34.04", (reasons.PROVINCE_UNKNOWN,))


def test_seat_without_kind_found_as_kabupaten_and_kota_is_ambiguous(index):
    assert index.resolve("BANDUNG", "JAWA BARAT") == Seat(None, (reasons.SEAT_AMBIGUOUS,), ("32.04", "32.73"))


def test_seat_name_of_two_provinces_with_a_wrong_province_is_not_guessed(index):
    assert index.resolve("BANDUNG", "BALI") == Seat(None, (reasons.SEAT_AMBIGUOUS,), ("32.04", "32.73"))


@pytest.mark.parametrize(
    ("seat", "province", "code"),
    [
        ("KOTA PADANG SIDEMPUAN", "SUMATERA UTARA", "12.77"),
        ("KAB. SLEMN", "DAERAH ISTIMEWA YOGYAKARTA", "34.04"),
        ("KAB. MUARA ENIN", "SUMATERA SELATAN", "16.03"),
        ("KAB. BUTOM", "SULAWESI TENGGARA", "74.04"),
    ],
)
def test_small_typo_is_corrected_within_the_province_and_reported(index, seat, province, code):
    found = index.resolve(seat, province)
    assert (found.code, found.reasons) == (code, (reasons.SEAT_FUZZY,))


def test_typo_far_from_any_regency_is_unresolved_with_a_suggestion_only(index):
    found = index.resolve("KAB. SLMN", "DAERAH ISTIMEWA YOGYAKARTA")
    assert (found.code, found.reasons) == (None, (reasons.SEAT_UNKNOWN,))


def test_typo_under_a_wrong_province_is_suggested_not_taken(index):
    found = index.resolve("KAB. MUARA ENIN", "JAWA BARAT")
    assert (found.code, found.reasons, found.suggestions) == (None, (reasons.SEAT_UNKNOWN,), ("16.03",))


@pytest.mark.parametrize("seat", ["N/A", "", "  ", "-"])
def test_empty_seat_is_unresolved(index, seat):
    assert index.resolve(seat, "JAWA BARAT") == Seat(None, (reasons.SEAT_MISSING,))


@pytest.mark.parametrize(
    ("seat", "province", "suggestions"),
    [
        ("KOTA KEDIRI/KAB. SLEMAN", "JAWA TIMUR/DAERAH ISTIMEWA YOGYAKARTA", ("35.71", "34.04")),
        ("KAB. CIANJUR/KOTA TANGERANG SELATAN", "JAWA BARAT/BANTEN", ("32.03", "36.74")),
        ("KOTA CIREBON DAN KOTA BEKASI", "JAWA BARAT", ("32.74", "32.75")),
        ("KAB. BANDUNG; KOTA BANDUNG", "JAWA BARAT", ("32.04", "32.73")),
    ],
)
def test_cell_with_two_seats_is_reported_as_ambiguous_never_guessed(index, seat, province, suggestions):
    assert index.resolve(seat, province) == Seat(None, (reasons.SEAT_TWO,), suggestions)


def test_the_same_seat_written_twice_is_one_seat(index):
    assert index.resolve("KAB. SLEMAN/KAB. SLEMAN", "DIY") == Seat("34.04")


def test_a_province_written_after_the_seat_is_not_a_second_seat(index):
    assert index.resolve("KAB. MUARA ENIM, SUMATERA SELATAN", "SUMATERA SELATAN") == Seat("16.03")


def test_former_name_is_placed_and_reported(index):
    assert index.resolve("KAB. TOBA SAMOSIR", "SUMATERA UTARA") == Seat("12.12", (reasons.SEAT_OLD_NAME,))


def test_kota_written_for_the_only_kabupaten_of_that_name_is_placed_and_reported(index):
    assert index.resolve("KOTA SLEMAN", "DAERAH ISTIMEWA YOGYAKARTA") == Seat("34.04", (reasons.SEAT_KIND,))


def test_province_cell_with_two_provinces_names_both(index):
    assert index.provinces_of("JAWA BARAT/DKI JAKARTA") == {"32", "31"}


def test_short_and_old_province_names_are_known(index):
    cells = ["DKI JAKARTA", "DI YOGYAKARTA", "NAD", "JATENG", "Kep. Riau", "JAWA TENGGAH"]
    assert [sorted(index.provinces_of(cell)) for cell in cells] == [["31"], ["34"], ["11"], ["33"], ["21"], ["33"]]
