"""cooperatives.api.cooperatives, /api/v1/cooperatives/ and /api/v1/cooperatives/{id}/: auth, scope per role and
area, filters, the detail, registering, editing with optimistic locking, rupiah input, the schema, and query counts.

Messages are asserted as the user reads them, in Indonesian (the language the API answers in by default)."""

import datetime as dt

import pytest
from rest_framework.authtoken.models import Token

from cooperatives import services
from cooperatives.models import Cooperative
from registry.models import Region, RegionLevel, Role
from registry.stages import Stage
from tests.cooperatives import builders
from tests.factories import EMBAWANG, LAHAT_VILLAGE, UserFactory

LIST = "/api/v1/cooperatives/"
READERS = ["national_admin", "national_viewer", "provincial_staff", "district_officer"]
NOT_WRITERS = ["national_admin", "national_viewer", "provincial_staff", "notary"]
CONFLICT = "Orang lain sudah menyimpan data ini setelah Anda membukanya. Tidak ada yang ditimpa."
INVALID_RUPIAH = "Jumlah rupiah tidak valid: tulis angka saja, mis. 1.500.000."
DEED_BY_VERIFICATION = "Tahap akta hanya dicapai setelah petugas kabupaten/kota memverifikasi akta dari notaris."


def detail(coop) -> str:
    return f"{LIST}{coop.pk}/"


def village_in(prefix: str) -> Region:
    return Region.objects.filter(code__startswith=f"{prefix}.", level=RegionLevel.VILLAGE).order_by("code").first()


@pytest.fixture
def jawa_barat_coop(db) -> Cooperative:
    officer = UserFactory(role=Role.DISTRICT_OFFICER, region_id="32.01")
    return builders.register(officer, village_code=village_in("32.01").code)


@pytest.fixture
def coops(coop, lahat_coop, jawa_barat_coop) -> dict[str, Cooperative]:
    return {"muara_enim": coop, "lahat": lahat_coop, "jawa_barat": jawa_barat_coop}


# --- authentication and role ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url_of", [lambda c: LIST, detail], ids=["list", "detail"])
def test_request_without_credentials_gets_401(api, coop, url_of):
    response = api.get(url_of(coop))

    assert response.status_code == 401


def test_token_authentication_lists_the_cooperatives_of_the_officers_regency(api, district_officer, coops):
    token = Token.objects.create(user=district_officer)

    response = api.get(LIST, HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [coops["muara_enim"].pk]


def test_notary_gets_403_on_the_list(login, coop):
    response = login("notary").get(LIST)

    assert response.status_code == 403


def test_user_without_role_gets_403_on_the_list(api, coop):
    api.force_login(UserFactory(role="", region_id=None))

    assert api.get(LIST).status_code == 403


# --- scope of the list and of one cooperative -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("national_admin", {"muara_enim", "lahat", "jawa_barat"}),
        ("national_viewer", {"muara_enim", "lahat", "jawa_barat"}),
        ("provincial_staff", {"muara_enim", "lahat"}),
        ("district_officer", {"muara_enim"}),
        ("other_district_officer", {"lahat"}),
        ("other_provincial_staff", {"jawa_barat"}),
    ],
)
def test_list_holds_the_cooperatives_of_the_users_area(login, coops, role, expected):
    data = login(role).get(LIST).json()

    assert data["count"] == len(expected)
    assert {r["id"] for r in data["results"]} == {coops[name].pk for name in expected}


def test_lahat_cooperative_is_absent_for_the_muara_enim_officer(officer_api, lahat_coop):
    data = officer_api.get(LIST, {"regency": "16.04"}).json()

    assert data["count"] == 0
    assert lahat_coop.name not in officer_api.get(LIST).content.decode()


@pytest.mark.parametrize("role", READERS)
def test_readers_of_the_area_get_the_detail(login, coop, role):
    response = login(role).get(detail(coop))

    assert response.status_code == 200
    assert response.json()["id"] == coop.pk


@pytest.mark.parametrize(
    ("method", "body"), [("get", None), ("patch", {"version": 1, "address": "Jl. Lintas"})], ids=["get", "patch"]
)
def test_officer_of_another_regency_gets_404_on_the_detail(login, coop, method, body):
    response = getattr(login("other_district_officer"), method)(detail(coop), body, format="json")

    assert response.status_code == 404
    assert coop.name not in response.content.decode()


@pytest.mark.parametrize("role", ["notary", "other_provincial_staff"])
def test_reading_the_detail_outside_role_or_area_gets_404(login, coop, role):
    assert login(role).get(detail(coop)).status_code == 404


@pytest.mark.parametrize("role", NOT_WRITERS)
def test_roles_that_may_not_write_get_404_on_patch_and_change_nothing(login, founded, role):
    before = (founded.version, founded.stage, founded.address, founded.members.count())

    response = login(role).patch(detail(founded), {"version": 1, "address": "Jl. Lintas"}, format="json")

    assert response.status_code == 404
    founded.refresh_from_db()
    assert (founded.version, founded.stage, founded.address, founded.members.count()) == before


@pytest.mark.parametrize("role", NOT_WRITERS)
def test_roles_that_may_not_write_get_404_on_register(login, role):
    response = login(role).post(LIST, {"village": EMBAWANG, "pattern": "pendirian_baru"}, format="json")

    assert response.status_code == 404
    assert not Cooperative.objects.exists()


# --- filters and list content ---------------------------------------------------------------------------------------


@pytest.fixture
def muara_enim_coops(district_officer) -> dict[str, Cooperative]:
    """Embawang (Kecamatan Tanjung Agung) at Musdesus; a revitalisation in another kecamatan of Muara Enim."""
    embawang = builders.with_musdesus(district_officer, builders.register(district_officer))
    other = builders.register(
        district_officer,
        village_in("16.03.02").code,
        pattern="revitalisasi",
        name="Koperasi Tani Sejahtera",
        revitalisation_method="reaktivasi",
        revitalised_cooperatives="KUD Sejahtera",
    )
    return {"embawang": embawang, "other": other}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"village": EMBAWANG}, {"embawang"}),
        ({"regency": "16.03"}, {"embawang", "other"}),
        ({"regency": "16.04"}, {"lahat"}),
        ({"kecamatan": "16.03.01"}, {"embawang"}),
        ({"kecamatan": "16.03.02"}, {"other"}),
        ({"district": "16.03.01"}, {"embawang"}),  # the deprecated name of `kecamatan`, kept for one release
        ({"district": "16.03.02"}, {"other"}),
        ({"stage": "musdesus"}, {"embawang"}),
        ({"stage": "belum"}, {"other", "lahat"}),
        ({"pattern": "revitalisasi"}, {"other"}),
        ({"q": "tani sejah"}, {"other"}),
        ({"q": "  merah putih "}, {"embawang", "lahat"}),
        ({"q": "KOPERASI  TANI\tsejahtera"}, {"other"}),  # spacing and case aside, as every search box
        ({"regency": "16.03", "stage": "belum"}, {"other"}),
    ],
)
def test_list_filters(login, muara_enim_coops, lahat_coop, params, expected):
    by_name = {**muara_enim_coops, "lahat": lahat_coop}

    data = login("national_viewer").get(LIST, params).json()

    assert {r["id"] for r in data["results"]} == {by_name[name].pk for name in expected}


@pytest.mark.parametrize(
    "params",
    [
        {"regency": "1603"},
        {"kecamatan": "16.03"},
        {"district": "16.03"},
        {"village": "16.03.01"},
        {"stage": "selesai"},
        {"pattern": "baru"},
    ],
)
def test_malformed_filter_gets_400_naming_the_filter(officer_api, coop, params):
    response = officer_api.get(LIST, params)

    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_list_item_holds_the_summary_with_the_founders_count(officer_api, district_officer, coop):
    builders.add_founders(district_officer, coop, count=3)

    item = officer_api.get(LIST).json()["results"][0]

    coop.refresh_from_db()
    assert item == {
        "id": coop.pk,
        "village": EMBAWANG,
        "village_name": "Embawang",
        "kecamatan": "16.03.01",
        "kecamatan_name": "Tanjung Agung",
        "regency": "16.03",
        "kind": "KDMP",
        "name": "Koperasi Desa Merah Putih Embawang",
        "pattern": "pendirian_baru",
        "stage": "belum",
        "is_active": True,
        "version": 1,
        "founders_count": 3,
        "updated_at": item["updated_at"],
    }
    assert dt.datetime.fromisoformat(item["updated_at"]) == coop.updated_at


# --- detail ---------------------------------------------------------------------------------------------------------


def test_detail_of_a_founded_cooperative_shows_meetings_board_and_what_the_deed_stage_needs(officer_api, founded):
    data = officer_api.get(detail(founded)).json()

    assert (data["stage"], data["next_stage"], data["founders_count"], data["version"]) == (
        "rapat_pendirian",
        "akta",
        9,
        3,
    )
    assert data["missing_for_next_stage"] == [DEED_BY_VERIFICATION]
    # builders.founded: the Musdesus with 85 present, the founding meeting with 42.
    assert [(m["kind"], m["has_minutes"], m["attendance"]) for m in data["meetings"]] == [
        ("musdesus", True, 85),
        ("rapat_pendirian", True, 42),
    ]
    assert len(data["officers"]) == 7  # five on the board, the kepala desa and one founder as supervisors
    assert {"position": "ketua_pengawas", "body": "pengawas", "name": "Kepala Desa"} in data["officers"]
    assert {"position": "ketua", "body": "pengurus", "name": "Siti Aminah"} in data["officers"]
    assert {"position": "anggota_pengawas", "body": "pengawas", "name": "Nur Aini"} in data["officers"]


def test_detail_of_a_new_cooperative_lists_what_the_musdesus_needs(officer_api, coop):
    data = officer_api.get(detail(coop)).json()

    assert data["next_stage"] == "musdesus"
    assert data["missing_for_next_stage"] == ["Catat Musdesus (tanggal, tempat, jumlah hadir)."]
    assert (data["covered_villages"], data["business_units"], data["meetings"], data["officers"]) == ([], [], [], [])


def test_detail_at_the_last_stage_has_no_next_stage(officer_api, coop):
    Cooperative.objects.filter(pk=coop.pk).update(stage=Stage.OPERASIONAL)

    data = officer_api.get(detail(coop)).json()

    assert (data["next_stage"], data["missing_for_next_stage"]) == (None, [])


def test_detail_shows_profile_fields_units_and_covered_villages(officer_api, district_officer, coop):
    neighbour = village_in("16.03.02").code
    builders.update(
        district_officer,
        coop,
        expected_version=1,
        covered_villages=[Region.objects.get(code=neighbour)],
        simpanan_pokok=100_000,
        npwp="0123456789012345",
    )
    services.business_unit_set(actor=district_officer, cooperative=coop, kind="lainnya", status="running",
                               other_name="Wisata desa")  # fmt: skip

    data = officer_api.get(detail(coop)).json()

    assert (data["simpanan_pokok"], data["npwp"], data["version"]) == (100_000, "0123456789012345", 2)
    assert data["covered_villages"] == [neighbour]
    assert data["business_units"] == [{"kind": "lainnya", "other_name": "Wisata desa", "status": "running"}]


@pytest.mark.parametrize("role", READERS)
def test_the_detail_holds_no_full_nik(login, founded, role):
    niks = list(founded.members.values_list("nik", flat=True))

    response = login(role).get(detail(founded))

    assert response.status_code == 200
    assert all(nik.encode() not in response.content for nik in niks)


# --- registering ----------------------------------------------------------------------------------------------------


def test_district_officer_registers_a_cooperative_with_rupiah_written_as_text(officer_api, district_officer):
    body = {"village": EMBAWANG, "pattern": "pendirian_baru", "simpanan_pokok": "Rp1.500.000", "grants": 0}

    response = officer_api.post(LIST, body, format="json")

    assert response.status_code == 201
    coop = Cooperative.objects.get()
    data = response.json()
    assert (data["id"], data["name"], data["stage"], data["version"]) == (
        coop.pk,
        "Koperasi Desa Merah Putih Embawang",
        "belum",
        1,
    )
    assert (coop.simpanan_pokok, coop.grants, coop.created_by) == (1_500_000, 0, district_officer)


def test_register_in_a_village_of_another_regency_gets_404(officer_api):
    response = officer_api.post(LIST, {"village": LAHAT_VILLAGE, "pattern": "pendirian_baru"}, format="json")

    assert response.status_code == 404
    assert not Cooperative.objects.exists()


def test_register_refusal_from_the_service_names_the_field(officer_api):
    response = officer_api.post(LIST, {"village": EMBAWANG, "pattern": "pengembangan"}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "existing_nik_koperasi": [
            "Pola pengembangan berangkat dari NIK Koperasi koperasi yang sudah ada: isi NIK Koperasi tersebut."
        ]
    }
    assert not Cooperative.objects.exists()


def test_register_without_pattern_gets_400(officer_api):
    response = officer_api.post(LIST, {"village": EMBAWANG}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["pattern"]


# --- editing --------------------------------------------------------------------------------------------------------


def test_patch_changes_the_profile_and_bumps_the_version(officer_api, coop):
    response = officer_api.patch(detail(coop), {"version": 1, "address": "Jl. Lintas Sumatera"}, format="json")

    assert response.status_code == 200
    coop.refresh_from_db()
    assert (coop.address, coop.version) == ("Jl. Lintas Sumatera", 2)
    assert (response.json()["address"], response.json()["version"]) == ("Jl. Lintas Sumatera", 2)


def test_patch_with_a_stale_version_gets_409_with_the_saved_record_and_changes_nothing(
    officer_api, district_officer, coop
):
    builders.update(district_officer, coop, expected_version=1, address="Dusun I")

    response = officer_api.patch(detail(coop), {"version": 1, "address": "Dusun III"}, format="json")

    assert response.status_code == 409
    body = response.json()
    assert body["detail"] == CONFLICT
    assert (body["current"]["id"], body["current"]["version"], body["current"]["address"]) == (coop.pk, 2, "Dusun I")
    coop.refresh_from_db()
    assert (coop.address, coop.version) == ("Dusun I", 2)


def test_patch_without_version_gets_400(officer_api, coop):
    response = officer_api.patch(detail(coop), {"address": "Dusun III"}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["version"]
    coop.refresh_from_db()
    assert coop.version == 1


@pytest.mark.parametrize("amount", [1500000, "1500000", "1.500.000", "Rp1.500.000", "Rp 1.500.000", " rp. 1.500.000 "])
def test_money_fields_accept_digits_or_rupiah_text(officer_api, coop, amount):
    response = officer_api.patch(detail(coop), {"version": 1, "simpanan_wajib": amount}, format="json")

    assert response.status_code == 200
    coop.refresh_from_db()
    assert coop.simpanan_wajib == 1_500_000


@pytest.mark.parametrize("amount", ["satu juta", "1,5 juta", "1.500.000,00", "1.50.000", "Rp", "", True, 1.5])
def test_money_fields_refuse_other_text_with_a_message(officer_api, coop, amount):
    response = officer_api.patch(detail(coop), {"version": 1, "simpanan_wajib": amount}, format="json")

    assert response.status_code == 400
    assert response.json() == {"simpanan_wajib": [INVALID_RUPIAH]}
    coop.refresh_from_db()
    assert (coop.simpanan_wajib, coop.version) == (None, 1)


def test_money_field_refuses_a_negative_amount(officer_api, coop):
    response = officer_api.patch(detail(coop), {"version": 1, "grants": -5}, format="json")

    assert response.status_code == 400
    # Not the framework's "Isi bidang ini harus lebih atau sama dengan 0".
    assert response.json() == {"grants": ["Jumlah uang tidak boleh negatif: tulis 0 atau lebih, mis. 1.500.000."]}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "pattern",
            "koperasi_lain",
            "Pilih salah satu pola pembentukan dari daftar. "
            "Nilai yang diterima: pendirian_baru, pengembangan, revitalisasi.",
        ),
        ("existing_grade", "E", "Pilih grade koperasi yang sudah ada: A, B, C, atau D."),
        (
            "simpanan_wajib_period",
            "harian",
            "Pilih dari daftar seberapa sering simpanan wajib dibayar. "
            "Nilai yang diterima: bulanan, triwulan, tahunan.",
        ),
        ("sk_ahu_date", "15/07/2025", "Tanggal tidak terbaca: tulis sebagai tahun-bulan-tanggal, mis. 2025-07-15."),
    ],
)
def test_a_refused_profile_field_says_what_to_do(officer_api, coop, field, value, message):
    response = officer_api.patch(detail(coop), {"version": 1, field: value}, format="json")

    assert response.status_code == 400
    assert response.json() == {field: [message]}
    coop.refresh_from_db()
    assert coop.version == 1


def test_register_with_an_unknown_pattern_says_what_to_do(officer_api):
    response = officer_api.post(LIST, {"village": EMBAWANG, "pattern": "baru"}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "pattern": [
            "Pilih salah satu pola pembentukan dari daftar. "
            "Nilai yang diterima: pendirian_baru, pengembangan, revitalisasi."
        ]
    }


def test_money_field_may_be_cleared_with_null(officer_api, district_officer, coop):
    builders.update(district_officer, coop, expected_version=1, grants=5_000_000)

    response = officer_api.patch(detail(coop), {"version": 2, "grants": None}, format="json")

    assert response.status_code == 200
    coop.refresh_from_db()
    assert coop.grants is None


def test_patch_sets_covered_villages_of_the_same_regency(officer_api, coop):
    neighbour = village_in("16.03.02").code

    response = officer_api.patch(detail(coop), {"version": 1, "covered_villages": [neighbour]}, format="json")

    assert response.status_code == 200
    assert response.json()["covered_villages"] == [neighbour]
    assert list(coop.covered_villages.values_list("code", flat=True)) == [neighbour]


def test_patch_with_a_covered_village_outside_the_regency_gets_404_and_changes_nothing(officer_api, coop):
    response = officer_api.patch(detail(coop), {"version": 1, "covered_villages": [LAHAT_VILLAGE]}, format="json")

    assert response.status_code == 404
    coop.refresh_from_db()
    assert (coop.version, coop.covered_villages.count()) == (1, 0)


def test_patch_refusal_from_the_service_names_the_field(officer_api, coop):
    response = officer_api.patch(detail(coop), {"version": 1, "pattern": "revitalisasi"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"revitalisation_method": ["Pilih cara revitalisasi (reaktivasi atau penggabungan)."]}
    coop.refresh_from_db()
    assert (coop.pattern, coop.version) == ("pendirian_baru", 1)


# --- same-name villages and the same cooperative name twice (issue 7, formation 5 and 6) ----------------------------

# "Pagar Dewa" names a village in three kecamatan of Muara Enim.
PAGAR_DEWAS = {
    "16.03.01.2012": ("16.03.01", "Tanjung Agung"),
    "16.03.19.2003": ("16.03.19", "Benakat"),
    "16.03.25.2006": ("16.03.25", "Lubai Ulu"),
}
SAME_NAME = "Koperasi Desa Merah Putih Pagar Dewa"
NAME_WARNING = (
    "Nama ini sudah dipakai koperasi aktif lain di kabupaten/kota ini: Koperasi Desa Merah Putih Pagar Dewa, di Desa "
    "Pagar Dewa, Kecamatan Tanjung Agung. Nama tetap disimpan; agar keduanya tidak tertukar, tambahkan nama "
    "kecamatan atau kata lain pada nama koperasi."
)


@pytest.fixture
def pagar_dewas(district_officer) -> list[Cooperative]:
    return [builders.register(district_officer, village_code=code) for code in PAGAR_DEWAS]


def test_list_items_carry_the_kecamatan_of_their_village(officer_api, pagar_dewas):
    results = officer_api.get(LIST).json()["results"]

    assert {r["village"]: (r["kecamatan"], r["kecamatan_name"]) for r in results} == PAGAR_DEWAS


def test_the_detail_carries_the_kecamatan_of_its_village(officer_api, pagar_dewas):
    data = officer_api.get(detail(pagar_dewas[1])).json()

    assert (data["village_name"], data["kecamatan"], data["kecamatan_name"]) == ("Pagar Dewa", "16.03.19", "Benakat")
    assert data["name"] == "Koperasi Desa Merah Putih Pagar Dewa Benakat"
    assert "warnings" not in data


def test_registering_a_name_the_regency_already_has_gets_201_with_a_warning(officer_api, district_officer):
    builders.register(district_officer, village_code="16.03.01.2012", name=SAME_NAME)

    response = officer_api.post(
        LIST,
        {"village": "16.03.19.2003", "pattern": "pendirian_baru", "name": " koperasi desa merah putih  PAGAR DEWA"},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["warnings"] == [NAME_WARNING]
    assert Cooperative.objects.filter(name__iexact=SAME_NAME).count() == 2


def test_registering_with_the_proposed_name_gets_no_warning(officer_api, district_officer):
    builders.register(district_officer, village_code="16.03.01.2012", name=SAME_NAME)

    response = officer_api.post(LIST, {"village": "16.03.19.2003", "pattern": "pendirian_baru"}, format="json")

    assert response.status_code == 201
    assert (response.json()["name"], response.json()["warnings"]) == (
        "Koperasi Desa Merah Putih Pagar Dewa Benakat",
        [],
    )


def test_renaming_to_a_name_the_regency_already_has_gets_200_with_a_warning(officer_api, district_officer):
    builders.register(district_officer, village_code="16.03.01.2012", name=SAME_NAME)
    coop = builders.register(district_officer, village_code="16.03.19.2003")

    renamed = officer_api.patch(detail(coop), {"version": 1, "name": SAME_NAME.upper()}, format="json")
    kept = officer_api.patch(detail(coop), {"version": 2, "address": "Dusun II"}, format="json")

    assert (renamed.status_code, renamed.json()["warnings"]) == (200, [NAME_WARNING])
    assert (kept.status_code, kept.json()["warnings"]) == (200, [])


def test_schema_documents_the_kecamatan_and_the_warnings(schema):
    components = schema["components"]["schemas"]

    assert {"kecamatan", "kecamatan_name"} <= set(components["CooperativeListItem"]["properties"])
    assert {"kecamatan", "kecamatan_name"} <= set(components["CooperativeDetail"]["properties"])
    assert "warnings" in components["CooperativeSaved"]["properties"]
    create = schema["paths"]["/api/v1/cooperatives/"]["post"]["responses"]["201"]
    assert create["content"]["application/json"]["schema"]["$ref"].endswith("/CooperativeSaved")


# --- schema ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def schema(api, db) -> dict:
    return api.get("/api/schema/", {"format": "json"}).json()


def test_schema_documents_the_cooperative_paths_and_operations(schema):
    operations = {
        (path, method): op["operationId"]
        for path, ops in schema["paths"].items()
        if path.startswith("/api/v1/cooperatives/")
        for method, op in ops.items()
    }
    assert operations == {
        ("/api/v1/cooperatives/", "get"): "cooperatives_list",
        ("/api/v1/cooperatives/", "post"): "cooperatives_create",
        ("/api/v1/cooperatives/{id}/", "get"): "cooperatives_retrieve",
        ("/api/v1/cooperatives/{id}/", "patch"): "cooperatives_partial_update",
        ("/api/v1/cooperatives/{id}/members/", "get"): "cooperatives_members_list",
        ("/api/v1/cooperatives/{id}/members/", "post"): "cooperatives_members_create",
        ("/api/v1/cooperatives/{id}/transitions/", "post"): "cooperatives_transitions_create",
        ("/api/v1/cooperatives/{id}/deactivate/", "post"): "cooperatives_deactivate",
        ("/api/v1/cooperatives/{id}/reseat/", "post"): "cooperatives_reseat",
    }
    founder = schema["components"]["schemas"]["CooperativeFounder"]["properties"]
    assert "nik_masked" in founder
    assert "nik" not in founder


def test_schema_documents_the_list_filters(schema):
    filters = {p["name"] for p in schema["paths"]["/api/v1/cooperatives/"]["get"]["parameters"]}

    assert {"village", "regency", "kecamatan", "district", "stage", "pattern", "q", "page", "page_size"} <= filters


def test_schema_marks_the_district_filter_deprecated(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/cooperatives/"]["get"]["parameters"]}

    assert parameters["district"].get("deprecated") is True
    assert parameters["kecamatan"].get("deprecated") is not True


# --- query counts ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 6])
def test_list_runs_a_fixed_small_number_of_queries(officer_api, district_officer, django_assert_max_num_queries, count):
    villages = Region.objects.filter(code__startswith="16.03.01.", level=RegionLevel.VILLAGE).order_by("code")
    for i, village in enumerate(villages[:count]):
        coop = builders.register(district_officer, village_code=village.code)
        builders.add_founders(district_officer, coop, count=2, serial_offset=10 * i)

    # Session, user, COUNT, one page: however many rows the page holds.
    with django_assert_max_num_queries(4):
        response = officer_api.get(LIST)

    assert response.status_code == 200
    assert [r["founders_count"] for r in response.json()["results"]] == [2] * count


def test_detail_runs_a_fixed_small_number_of_queries(officer_api, founded, django_assert_max_num_queries):
    # Session, user, the cooperative, then one query for each relation it shows.
    with django_assert_max_num_queries(9):
        response = officer_api.get(detail(founded))

    assert response.status_code == 200
    assert len(response.json()["officers"]) == 7


def test_the_list_never_joins_the_founders_table(officer_api, founded):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = officer_api.get(LIST)
    assert response.status_code == 200
    assert response.json()["results"][0]["founders_count"] == 9
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert 'JOIN "cooperatives_foundingmember"' not in sql
    count_sql = next(q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper())
    assert "cooperatives_foundingmember" not in count_sql


# --- keyset paging (national scale: deep pages cost as little as the first) ---------------------------------------


@pytest.fixture
def villages() -> list[str]:
    """Seven villages of one kecamatan of Muara Enim, in code order."""
    return list(
        Region.objects.filter(parent_id="16.03.01", level=RegionLevel.VILLAGE)
        .order_by("code")
        .values_list("code", flat=True)[:7]
    )


def _walk(api, url: str) -> list[int]:
    seen = []
    while url:
        data = api.get(url).json()
        seen.extend(r["id"] for r in data["results"])
        url = data["next"]
    return seen


def test_keyset_paging_walks_the_list_in_the_same_order_as_the_page_numbers(officer_api, district_officer, villages):
    for code in villages[0:5]:
        builders.register(district_officer, code)
    by_pages = _walk(officer_api, f"{LIST}?page_size=2")
    by_keyset = _walk(officer_api, f"{LIST}?page_size=2&cursor=")
    assert by_keyset == by_pages
    assert len(by_keyset) == len(set(by_keyset)) == 5


def test_keyset_paging_neither_repeats_nor_skips_rows_while_rows_are_added(officer_api, district_officer, villages):
    existing = [builders.register(district_officer, code).pk for code in villages[1:6:2]]
    first = officer_api.get(f"{LIST}?page_size=2&cursor=").json()
    # Meanwhile another officer registers one before the page just read and one after it.
    before = builders.register(district_officer, villages[0]).pk
    after = builders.register(district_officer, villages[6]).pk
    seen = [r["id"] for r in first["results"]] + _walk(officer_api, first["next"])
    assert seen == [*existing, after]
    assert before not in seen


def test_a_keyset_page_reads_no_offset_and_a_fixed_number_of_queries(officer_api, district_officer, villages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for code in villages[:4]:
        builders.register(district_officer, code)
    first = officer_api.get(f"{LIST}?page_size=2&cursor=").json()
    with CaptureQueriesContext(connection) as captured:
        response = officer_api.get(first["next"])
    assert response.status_code == 200
    assert len(response.json()["results"]) == 2
    assert len(captured.captured_queries) <= 4
    assert not any("OFFSET" in q["sql"].upper() for q in captured.captured_queries)


@pytest.mark.parametrize("cursor", ["bukan-kursor", "W10=", "WyIxNi4wMyJd"])
def test_a_broken_cursor_is_refused_with_a_message(officer_api, cursor):
    response = officer_api.get(f"{LIST}?cursor={cursor}")
    assert response.status_code == 400
    assert response.json() == {"cursor": ["Kursor ini tidak sah: mulai lagi dengan ?cursor= ."]}
