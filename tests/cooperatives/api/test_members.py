"""cooperatives.api.members, /api/v1/cooperatives/{id}/members/: the founders with masked NIKs, and adding one.

Messages are asserted as the user reads them, in Indonesian (the language the API answers in by default)."""

import datetime as dt

import pytest

from cooperatives import services
from cooperatives.models import FoundingMember
from registry import codes
from tests.cooperatives import builders
from tests.factories import make_nik, nik_candidates

READERS = ["national_admin", "national_viewer", "provincial_staff", "district_officer"]
NOT_WRITERS = ["national_admin", "national_viewer", "provincial_staff", "notary"]
OTHER_REGENCY = (
    "NIK ini diterbitkan di Kabupaten Lahat (16.04), bukan di Kabupaten Muara Enim; pendiri tetap dapat dicatat."
)


def members(coop) -> str:
    return f"/api/v1/cooperatives/{coop.pk}/members/"


def founder_data(**overrides) -> dict:
    return {
        "nik": make_nik(serial=77),
        "full_name": "Siti Rahmawati",
        "birth_place": "Muara Enim",
        "address": "Dusun II",
        "rt": "003",
        "rw": "001",
        **overrides,
    }


def add(officer, coop, nik: str = make_nik(serial=77)) -> None:
    """Siti Rahmawati of founder_data, added through the service."""
    services.founding_member_add(
        actor=officer,
        cooperative=coop,
        founder=builders.founder(nik, "Siti Rahmawati", address="Dusun II", rt="003", rw="001"),
    )


# --- scope ----------------------------------------------------------------------------------------------------------


def test_request_without_credentials_gets_401(api, coop):
    assert api.get(members(coop)).status_code == 401


@pytest.mark.parametrize(("method", "body"), [("get", None), ("post", founder_data())], ids=["get", "post"])
def test_officer_of_another_regency_gets_404(login, coop, method, body):
    response = getattr(login("other_district_officer"), method)(members(coop), body, format="json")

    assert response.status_code == 404
    assert coop.name not in response.content.decode()


@pytest.mark.parametrize("role", ["notary", "other_provincial_staff"])
def test_reading_outside_role_or_area_gets_404(login, coop, role):
    assert login(role).get(members(coop)).status_code == 404


@pytest.mark.parametrize("role", NOT_WRITERS)
def test_roles_that_may_not_write_get_404_on_post_and_change_nothing(login, founded, role):
    before = (founded.version, founded.stage, founded.address, founded.members.count())

    response = login(role).post(members(founded), founder_data(), format="json")

    assert response.status_code == 404
    founded.refresh_from_db()
    assert (founded.version, founded.stage, founded.address, founded.members.count()) == before


# --- the list: masked NIKs ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_the_list_holds_no_full_nik(login, founded, role):
    niks = list(founded.members.values_list("nik", flat=True))

    response = login(role).get(members(founded))

    assert response.status_code == 200
    assert all(nik.encode() not in response.content for nik in niks)


def test_members_list_shows_masked_niks_and_the_founders(officer_api, founded):
    data = officer_api.get(members(founded)).json()

    assert data["count"] == 9
    # builders.FOUNDERS in name order, each with the serial of their place in that list.
    assert [(r["full_name"], r["nik_masked"]) for r in data["results"]] == [
        ("Agus Salim", "••••••••••••0005"),
        ("Budi Santoso", "••••••••••••0002"),
        ("Dewi Lestari", "••••••••••••0004"),
        ("Hendra Gunawan", "••••••••••••0009"),
        ("Joko Prasetyo", "••••••••••••0007"),
        ("Nur Aini", "••••••••••••0006"),
        ("Rahmat Hidayat", "••••••••••••0003"),
        ("Siti Aminah", "••••••••••••0001"),
        ("Sri Wahyuni", "••••••••••••0008"),
    ]
    assert all(r["nik_masked"].startswith("•" * 12) for r in data["results"])
    assert all(r["warnings"] == [] for r in data["results"])


def test_members_list_computes_the_warning_of_a_nik_from_another_regency(officer_api, district_officer, coop):
    add(district_officer, coop, make_nik(regency="16.04", serial=5))

    row = officer_api.get(members(coop)).json()["results"][0]

    assert row["nik_masked"] == "••••••••••••0005"
    assert row["warnings"] == [OTHER_REGENCY]


# --- the list: birth year, and the birth date only for the regency's officer ---------------------------------------


@pytest.mark.parametrize(
    ("role", "siti_birth_date"),
    [
        ("district_officer", "1980-03-14"),
        ("provincial_staff", None),
        ("national_viewer", None),
        ("national_admin", None),
    ],
)
def test_the_list_gives_the_birth_year_and_the_birth_date_only_to_the_regencys_officer(
    login, founded, role, siti_birth_date
):
    rows = {r["full_name"]: r for r in login(role).get(members(founded)).json()["results"]}

    assert (rows["Siti Aminah"]["birth_year"], rows["Siti Aminah"]["birth_date"]) == (1980, siti_birth_date)


def test_what_the_list_gives_a_provincial_officer_does_not_give_the_nik_back(login, founded):
    """Issue 7 B: with the birth date, the gender, the masked NIK and the kecamatan of the cooperative's village, a
    provincial officer rebuilt every founder's NIK. Try it again with what the API answers now."""
    response = login("provincial_staff").get(members(founded))
    rows = response.json()["results"]
    kecamatan = codes.kecamatan_code(founded.village_id)  # the best guess: the founders live in the village
    rebuilt = {
        r["full_name"]: nik_candidates(
            kecamatan_code=kecamatan, year=r["birth_year"], gender=r["gender"], serial=int(r["nik_masked"][-4:])
        )
        for r in rows
    }
    niks = dict(founded.members.values_list("full_name", "nik"))
    births = founded.members.values_list("birth_date", flat=True)
    body = response.content.decode()

    assert len(rebuilt) == 9
    assert [name for name, nik in niks.items() if nik not in rebuilt[name]] == []  # every guess is in its year…
    assert min(len(candidates) for candidates in rebuilt.values()) >= 365  # …among hundreds of others
    assert [r["birth_date"] for r in rows] == [None] * 9
    assert [nik for nik in niks.values() if nik[:12] in body or nik[4:12] in body] == []
    assert [b for b in births if b.isoformat() in body] == []


def test_the_schema_documents_birth_year_and_the_birth_date_kept_for_the_regencys_officer(officer_api):
    schema = officer_api.get("/api/schema/", {"format": "json"}).json()
    founder = schema["components"]["schemas"]["CooperativeFounder"]["properties"]

    assert founder["birth_year"]["type"] == "integer"
    assert founder["birth_date"]["nullable"] is True
    assert "null untuk peran lain" in founder["birth_date"]["description"]


# --- adding founders ------------------------------------------------------------------------------------------------


def test_member_post_adds_the_founder_and_answers_with_the_masked_nik(officer_api, coop):
    nik = make_nik(birth=dt.date(1990, 3, 4), gender="P", serial=12)

    response = officer_api.post(members(coop), founder_data(nik=nik), format="json")

    assert response.status_code == 201
    member = FoundingMember.objects.get(cooperative=coop)
    assert (member.nik, member.birth_date, member.gender) == (nik, dt.date(1990, 3, 4), "P")
    assert response.json() == {
        "id": member.pk,
        "nik_masked": "••••••••••••0012",
        "full_name": "Siti Rahmawati",
        "birth_place": "Muara Enim",
        "birth_date": "1990-03-04",
        "birth_year": 1990,
        "gender": "P",
        "address": "Dusun II",
        "rt": "003",
        "rw": "001",
        "phone": "",
        "occupation": "",
        "version": 1,
        "errors": [],
        "warnings": [],
    }
    assert nik.encode() not in response.content


@pytest.mark.parametrize(
    ("bad_nik", "message"),
    [
        ("160301120585", "NIK harus 16 digit angka (spasi, titik, dan tanda hubung diabaikan); yang diisi 12 digit."),
        ("9903011205850001", "NIK diawali 99, yang bukan kode provinsi."),
        ("1603011205850000", "Empat digit terakhir NIK (nomor urut) tidak boleh 0000."),
        (
            "1603019913850001",
            "Digit ke-7 sampai 12 NIK (991385) bukan tanggal lahir yang benar (untuk perempuan tanggal ditambah 40).",
        ),
        ("1603 0112 0585 000X", "NIK hanya berisi angka; hapus huruf dan tanda lainnya."),
        (
            "1,60301E+15",
            "NIK ini terpotong oleh spreadsheet: 1,60301E+15 adalah angka dalam notasi ilmiah, dan digit terakhirnya "
            "sudah hilang. Ketik ulang NIK dari KTP, dan format kolom NIK sebagai teks di spreadsheet.",
        ),
    ],
)
def test_member_post_refuses_a_bad_nik_under_the_nik_field_and_creates_nothing(officer_api, coop, bad_nik, message):
    response = officer_api.post(members(coop), founder_data(nik=bad_nik), format="json")

    assert response.status_code == 400
    assert response.json() == {"nik": [message]}
    assert not FoundingMember.objects.exists()


def test_member_post_refuses_a_nik_already_among_the_founders(officer_api, district_officer, coop):
    add(district_officer, coop)

    response = officer_api.post(members(coop), founder_data(full_name="Orang Lain"), format="json")

    assert response.status_code == 400
    assert response.json() == {"nik": ["NIK ini sudah tercatat sebagai pendiri koperasi ini."]}
    assert coop.members.count() == 1


def test_member_post_refuses_a_date_of_birth_that_contradicts_the_nik(officer_api, coop):
    response = officer_api.post(members(coop), founder_data(birth_date="1970-01-01"), format="json")

    assert response.status_code == 400
    assert response.json() == {"nik": ["Tanggal lahir tidak sesuai dengan NIK, yang berisi 12 Mei 1985."]}
    assert not FoundingMember.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "gender",
            "W",
            "Pilih laki-laki atau perempuan, atau kosongkan agar dibaca dari NIK. Nilai yang diterima: L, P.",
        ),
        ("birth_date", "14-03-1980", "Tanggal tidak terbaca: tulis sebagai tahun-bulan-tanggal, mis. 2025-07-15."),
    ],
)
def test_member_post_says_what_to_do_with_a_refused_field(officer_api, coop, field, value, message):
    response = officer_api.post(members(coop), founder_data(**{field: value}), format="json")

    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_member_post_returns_the_warning_for_a_nik_from_another_regency(officer_api, coop):
    nik = make_nik(regency="16.04", serial=9)

    response = officer_api.post(members(coop), founder_data(nik=nik), format="json")

    assert response.status_code == 201
    assert response.json()["warnings"] == [OTHER_REGENCY]
    assert coop.members.get().nik == nik


def test_member_post_after_the_founding_meeting_is_refused(officer_api, founded):
    response = officer_api.post(members(founded), founder_data(nik=make_nik(serial=99)), format="json")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Daftar pendiri sudah ditetapkan pada rapat pendirian. Untuk mengubahnya, koreksi dulu tahap "
        "kembali ke Musdesus dengan alasan."
    }
    assert founded.members.count() == 9


# --- query counts ---------------------------------------------------------------------------------------------------


def test_members_list_runs_a_fixed_small_number_of_queries(officer_api, founded, django_assert_max_num_queries):
    # Session, user, the cooperative, its meetings (the founding date), COUNT, one page.
    with django_assert_max_num_queries(6):
        response = officer_api.get(members(founded))

    assert response.status_code == 200
    assert len(response.json()["results"]) == 9
