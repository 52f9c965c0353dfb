"""The cooperative API under /api/v1/cooperatives/: auth, scope per role and area, filters, NIK masking, founders,
optimistic locking, rupiah input, stage moves, the schema, and query counts.

Expected messages are computed with the functions that word them, in the language the API answers in (Indonesian,
the default): the tests hold whether or not the catalogue has the translation yet."""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from cooperatives import services
from cooperatives.api import RupiahField
from cooperatives.models import Cooperative, FoundingMember, MeetingKind, StageTransition
from cooperatives.nik import check_nik
from cooperatives.rules import stage_missing
from cooperatives.services.common import conflict
from registry.models import Region, RegionLevel, Role
from registry.stages import Stage
from tests.cooperatives import builders
from tests.factories import EMBAWANG, LAHAT_VILLAGE, UserFactory, make_nik, pdf_file

LIST = "/api/v1/cooperatives/"
READERS = ["national_admin", "national_viewer", "provincial_staff", "district_officer"]
NOT_WRITERS = ["national_admin", "national_viewer", "provincial_staff", "notary"]


def detail(coop) -> str:
    return f"{LIST}{coop.pk}/"


def members(coop) -> str:
    return f"{LIST}{coop.pk}/members/"


def transitions(coop) -> str:
    return f"{LIST}{coop.pk}/transitions/"


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


def village_in(prefix: str) -> Region:
    return Region.objects.filter(code__startswith=f"{prefix}.", level=RegionLevel.VILLAGE).order_by("code").first()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def login(api, request):
    """`login("provincial_staff")` → the API client with a session for that user fixture."""

    def as_user(fixture_name: str) -> APIClient:
        api.force_login(request.getfixturevalue(fixture_name))
        return api

    return as_user


@pytest.fixture
def officer_api(login):
    return login("district_officer")


@pytest.fixture
def coop(district_officer) -> Cooperative:
    return builders.register(district_officer)


@pytest.fixture
def lahat_coop(other_district_officer) -> Cooperative:
    return builders.register(other_district_officer, village_code=LAHAT_VILLAGE)


@pytest.fixture
def jawa_barat_coop(db) -> Cooperative:
    officer = UserFactory(role=Role.DISTRICT_OFFICER, region_id="32.01")
    return builders.register(officer, village_code=village_in("32.01").code)


@pytest.fixture
def coops(coop, lahat_coop, jawa_barat_coop) -> dict[str, Cooperative]:
    return {"muara_enim": coop, "lahat": lahat_coop, "jawa_barat": jawa_barat_coop}


@pytest.fixture
def founded(district_officer) -> Cooperative:
    return builders.founded(district_officer)


# Authentication and role


@pytest.mark.parametrize("url_of", [lambda c: LIST, detail, members, transitions])
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


# Scope of the list and of one cooperative


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
    ("method", "url_of", "body"),
    [
        ("get", detail, None),
        ("get", members, None),
        ("patch", detail, {"version": 1, "address": "Jl. Lintas"}),
        ("post", members, founder_data()),
        ("post", transitions, {"action": "advance"}),
        ("post", transitions, {"action": "correct", "to_stage": "belum", "reason": "Salah input"}),
    ],
)
def test_officer_of_another_regency_gets_404(login, coop, method, url_of, body):
    response = getattr(login("other_district_officer"), method)(url_of(coop), body, format="json")

    assert response.status_code == 404
    assert coop.name not in response.content.decode()


@pytest.mark.parametrize("role", ["notary", "other_provincial_staff"])
@pytest.mark.parametrize("url_of", [detail, members])
def test_reading_outside_role_or_area_gets_404(login, coop, role, url_of):
    assert login(role).get(url_of(coop)).status_code == 404


@pytest.mark.parametrize("role", NOT_WRITERS)
@pytest.mark.parametrize(
    ("method", "url_of", "body"),
    [
        ("patch", detail, {"version": 1, "address": "Jl. Lintas"}),
        ("post", members, founder_data()),
        ("post", transitions, {"action": "correct", "to_stage": "belum", "reason": "Salah input"}),
    ],
)
def test_roles_that_may_not_write_get_404_and_change_nothing(login, founded, role, method, url_of, body):
    before = (founded.version, founded.stage, founded.address, founded.members.count())

    response = getattr(login(role), method)(url_of(founded), body, format="json")

    assert response.status_code == 404
    founded.refresh_from_db()
    assert (founded.version, founded.stage, founded.address, founded.members.count()) == before


@pytest.mark.parametrize("role", NOT_WRITERS)
def test_roles_that_may_not_write_cannot_advance(login, coop, role):
    services.meeting_record(
        actor=coop.created_by, cooperative=coop, kind=MeetingKind.MUSDESUS, date=dt.date(2025, 5, 20),
        place="Balai Desa", attendance=80, minutes=pdf_file(),
    )  # fmt: skip

    response = login(role).post(transitions(coop), {"action": "advance"}, format="json")

    assert response.status_code == 404
    coop.refresh_from_db()
    assert coop.stage == Stage.BELUM


@pytest.mark.parametrize("role", NOT_WRITERS)
def test_roles_that_may_not_write_get_404_on_register(login, role):
    response = login(role).post(LIST, {"village": EMBAWANG, "pattern": "pendirian_baru"}, format="json")

    assert response.status_code == 404
    assert not Cooperative.objects.exists()


# Filters and list content


@pytest.fixture
def muara_enim_coops(district_officer) -> dict[str, Cooperative]:
    """Embawang (Kecamatan Tanjung Agung) at Musdesus; a revitalisation in another kecamatan of Muara Enim."""
    embawang = builders.with_musdesus(district_officer, builders.register(district_officer))
    other = services.cooperative_register(
        actor=district_officer,
        village=village_in("16.03.02"),
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
        ({"district": "16.03.01"}, {"embawang"}),
        ({"district": "16.03.02"}, {"other"}),
        ({"stage": "musdesus"}, {"embawang"}),
        ({"stage": "belum"}, {"other", "lahat"}),
        ({"pattern": "revitalisasi"}, {"other"}),
        ({"q": "tani sejah"}, {"other"}),
        ({"q": "  merah putih "}, {"embawang", "lahat"}),
        ({"regency": "16.03", "stage": "belum"}, {"other"}),
    ],
)
def test_list_filters(login, muara_enim_coops, lahat_coop, params, expected):
    by_name = {**muara_enim_coops, "lahat": lahat_coop}

    data = login("national_viewer").get(LIST, params).json()

    assert {r["id"] for r in data["results"]} == {by_name[name].pk for name in expected}


@pytest.mark.parametrize(
    "params",
    [{"regency": "1603"}, {"district": "16.03"}, {"village": "16.03.01"}, {"stage": "selesai"}, {"pattern": "baru"}],
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


# Detail


def test_detail_of_a_founded_cooperative_shows_meetings_board_and_what_the_deed_stage_needs(officer_api, founded):
    data = officer_api.get(detail(founded)).json()

    assert (data["stage"], data["next_stage"], data["founders_count"], data["version"]) == (
        "rapat_pendirian",
        "akta",
        9,
        3,
    )
    assert data["missing_for_next_stage"] == stage_missing(founded, Stage.AKTA)
    assert [(m["kind"], m["has_minutes"], m["attendance"]) for m in data["meetings"]] == [
        ("musdesus", True, 120),
        ("rapat_pendirian", True, 40),
    ]
    assert len(data["officers"]) == 6
    assert {"position": "ketua_pengawas", "body": "pengawas", "name": "H. Sulaiman"} in data["officers"]
    assert {"position": "ketua", "body": "pengurus", "name": "Siti Aminah"} in data["officers"]


def test_detail_of_a_new_cooperative_lists_what_the_musdesus_needs(officer_api, coop):
    data = officer_api.get(detail(coop)).json()

    assert data["next_stage"] == "musdesus"
    assert data["missing_for_next_stage"] == stage_missing(coop, Stage.MUSDESUS)
    assert data["missing_for_next_stage"] != []
    assert (data["covered_villages"], data["business_units"], data["meetings"], data["officers"]) == ([], [], [], [])


def test_detail_at_the_last_stage_has_no_next_stage(officer_api, coop):
    Cooperative.objects.filter(pk=coop.pk).update(stage=Stage.OPERASIONAL)

    data = officer_api.get(detail(coop)).json()

    assert (data["next_stage"], data["missing_for_next_stage"]) == (None, [])


def test_detail_shows_profile_fields_units_and_covered_villages(officer_api, district_officer, coop):
    neighbour = village_in("16.03.02").code
    services.cooperative_update(
        actor=district_officer,
        cooperative=coop,
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


# NIK masking


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("url_of", [detail, members])
def test_no_response_holds_a_full_nik(login, founded, role, url_of):
    niks = list(founded.members.values_list("nik", flat=True))

    response = login(role).get(url_of(founded))

    assert response.status_code == 200
    assert all(nik.encode() not in response.content for nik in niks)


def test_members_list_shows_masked_niks_and_the_founders(officer_api, founded):
    data = officer_api.get(members(founded)).json()

    by_name = {m.full_name: m for m in founded.members.all()}
    assert data["count"] == 9
    assert [r["full_name"] for r in data["results"]] == sorted(by_name)
    assert all(r["nik_masked"] == by_name[r["full_name"]].masked_nik for r in data["results"])
    assert all("•" * 8 in r["nik_masked"] for r in data["results"])
    assert all(r["warnings"] == [] for r in data["results"])


def test_members_list_computes_the_warning_of_a_nik_from_another_regency(officer_api, district_officer, coop):
    nik = make_nik(regency="16.04", serial=5)
    services.founding_member_add(actor=district_officer, cooperative=coop, **founder_data(nik=nik))

    row = officer_api.get(members(coop)).json()["results"][0]

    expected = check_nik(nik, village_code=EMBAWANG, founding_date=timezone.localdate()).warnings
    assert row["warnings"] == expected
    assert row["warnings"] != []


# Adding founders


def test_member_post_adds_the_founder_and_answers_with_the_masked_nik(officer_api, coop):
    nik = make_nik(birth=dt.date(1990, 3, 4), gender="P", serial=12)

    response = officer_api.post(members(coop), founder_data(nik=nik), format="json")

    assert response.status_code == 201
    member = FoundingMember.objects.get(cooperative=coop)
    assert (member.nik, member.birth_date, member.gender) == (nik, dt.date(1990, 3, 4), "P")
    assert response.json() == {
        "id": member.pk,
        "nik_masked": member.masked_nik,
        "full_name": "Siti Rahmawati",
        "birth_place": "Muara Enim",
        "birth_date": "1990-03-04",
        "gender": "P",
        "address": "Dusun II",
        "rt": "003",
        "rw": "001",
        "phone": "",
        "occupation": "",
        "version": 1,
        "warnings": [],
    }
    assert nik.encode() not in response.content


@pytest.mark.parametrize(
    "bad_nik",
    ["160301120585", "9903011205850001", "1603011205850000", "1603019913850001", "1603 0112 0585 000X"],
)
def test_member_post_refuses_a_bad_nik_under_the_nik_field_and_creates_nothing(officer_api, coop, bad_nik):
    response = officer_api.post(members(coop), founder_data(nik=bad_nik), format="json")

    assert response.status_code == 400
    check = check_nik(bad_nik, village_code=EMBAWANG, founding_date=timezone.localdate())
    assert response.json() == {"nik": [" ".join(check.errors)]}
    assert not FoundingMember.objects.exists()


def test_member_post_refuses_a_nik_already_among_the_founders(officer_api, district_officer, coop):
    services.founding_member_add(actor=district_officer, cooperative=coop, **founder_data())

    response = officer_api.post(members(coop), founder_data(full_name="Orang Lain"), format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["nik"]
    assert coop.members.count() == 1


def test_member_post_refuses_a_date_of_birth_that_contradicts_the_nik(officer_api, coop):
    response = officer_api.post(members(coop), founder_data(birth_date="1970-01-01"), format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["nik"]
    assert not FoundingMember.objects.exists()


def test_member_post_returns_the_warning_for_a_nik_from_another_regency(officer_api, coop):
    nik = make_nik(regency="16.04", serial=9)

    response = officer_api.post(members(coop), founder_data(nik=nik), format="json")

    assert response.status_code == 201
    expected = check_nik(nik, village_code=EMBAWANG, founding_date=timezone.localdate()).warnings
    assert response.json()["warnings"] == expected
    assert "16.04" in response.json()["warnings"][0]
    assert coop.members.get().nik == nik


def test_member_post_after_the_founding_meeting_is_refused(officer_api, founded):
    response = officer_api.post(members(founded), founder_data(nik=make_nik(serial=99)), format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["detail"]
    assert founded.members.count() == 9


# Registering


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
    assert list(response.json()) == ["existing_nik_koperasi"]
    assert not Cooperative.objects.exists()


def test_register_without_pattern_gets_400(officer_api):
    response = officer_api.post(LIST, {"village": EMBAWANG}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["pattern"]


# Editing


def test_patch_changes_the_profile_and_bumps_the_version(officer_api, coop):
    response = officer_api.patch(detail(coop), {"version": 1, "address": "Jl. Lintas Sumatera"}, format="json")

    assert response.status_code == 200
    coop.refresh_from_db()
    assert (coop.address, coop.version) == ("Jl. Lintas Sumatera", 2)
    assert (response.json()["address"], response.json()["version"]) == ("Jl. Lintas Sumatera", 2)


def test_patch_with_a_stale_version_gets_409_with_the_saved_record_and_changes_nothing(
    officer_api, district_officer, coop
):
    services.cooperative_update(actor=district_officer, cooperative=coop, expected_version=1, address="Dusun I")

    response = officer_api.patch(detail(coop), {"version": 1, "address": "Dusun III"}, format="json")

    assert response.status_code == 409
    body = response.json()
    assert body["detail"] == conflict(coop).message
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
    assert response.json() == {"simpanan_wajib": [str(RupiahField.default_error_messages["invalid"])]}
    coop.refresh_from_db()
    assert (coop.simpanan_wajib, coop.version) == (None, 1)


def test_money_field_refuses_a_negative_amount(officer_api, coop):
    response = officer_api.patch(detail(coop), {"version": 1, "grants": -5}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["grants"]


def test_money_field_may_be_cleared_with_null(officer_api, district_officer, coop):
    services.cooperative_update(actor=district_officer, cooperative=coop, expected_version=1, grants=5_000_000)

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
    assert list(response.json()) == ["revitalisation_method"]
    coop.refresh_from_db()
    assert (coop.pattern, coop.version) == ("pendirian_baru", 1)


# Stage moves


def test_advance_without_the_evidence_gets_400_listing_what_is_missing(officer_api, coop):
    response = officer_api.post(transitions(coop), {"action": "advance"}, format="json")

    assert response.status_code == 400
    detail_message = response.json()["detail"]
    missing = stage_missing(coop, Stage.MUSDESUS)
    assert missing != []
    assert all(m in detail_message for m in missing)
    coop.refresh_from_db()
    assert (coop.stage, coop.version) == (Stage.BELUM, 1)


def test_advance_after_the_musdesus_is_recorded_moves_one_stage(officer_api, district_officer, coop):
    services.meeting_record(
        actor=district_officer, cooperative=coop, kind=MeetingKind.MUSDESUS, date=dt.date(2025, 5, 20),
        place="Balai Desa", attendance=80, minutes=pdf_file(),
    )  # fmt: skip

    response = officer_api.post(transitions(coop), {"action": "advance", "version": 1}, format="json")

    assert response.status_code == 200
    assert (response.json()["stage"], response.json()["version"], response.json()["next_stage"]) == (
        "musdesus",
        2,
        "rapat_pendirian",
    )
    coop.refresh_from_db()
    assert coop.stage == Stage.MUSDESUS
    assert coop.transitions.get().actor == district_officer


def test_advance_with_a_stale_version_gets_409(officer_api, district_officer, coop):
    builders.with_musdesus(district_officer, coop)

    response = officer_api.post(transitions(coop), {"action": "advance", "version": 1}, format="json")

    assert response.status_code == 409
    assert response.json()["current"]["stage"] == "musdesus"
    coop.refresh_from_db()
    assert (coop.stage, coop.version) == (Stage.MUSDESUS, 2)


def test_advance_to_the_deed_stage_is_refused_here(officer_api, founded):
    response = officer_api.post(transitions(founded), {"action": "advance"}, format="json")

    assert response.status_code == 400
    assert stage_missing(founded, Stage.AKTA)[0] in response.json()["detail"]
    founded.refresh_from_db()
    assert founded.stage == Stage.RAPAT_PENDIRIAN


def test_correction_with_a_reason_goes_back_and_is_on_the_timeline(officer_api, district_officer, founded):
    body = {"action": "correct", "to_stage": "musdesus", "reason": "Daftar pendiri keliru"}

    response = officer_api.post(transitions(founded), body, format="json")

    assert response.status_code == 200
    assert response.json()["stage"] == "musdesus"
    last = StageTransition.objects.filter(cooperative=founded).order_by("-id").first()
    assert (last.from_stage, last.to_stage, last.is_correction, last.reason, last.actor) == (
        Stage.RAPAT_PENDIRIAN,
        Stage.MUSDESUS,
        True,
        "Daftar pendiri keliru",
        district_officer,
    )


@pytest.mark.parametrize(
    "body",
    [
        {"action": "correct", "to_stage": "musdesus"},
        {"action": "correct", "to_stage": "musdesus", "reason": ""},
        {"action": "correct", "to_stage": "musdesus", "reason": "   "},
    ],
)
def test_correction_without_a_reason_gets_400_and_changes_nothing(officer_api, founded, body):
    response = officer_api.post(transitions(founded), body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["reason"]
    founded.refresh_from_db()
    assert founded.stage == Stage.RAPAT_PENDIRIAN


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"action": "correct", "to_stage": "akta", "reason": "Maju"}, "to_stage"),
        ({"action": "correct", "reason": "Tanpa tujuan"}, "to_stage"),
        ({"action": "correct", "to_stage": "selesai", "reason": "x"}, "to_stage"),
        ({"action": "lompat"}, "action"),
        ({}, "action"),
    ],
)
def test_invalid_transition_request_gets_400_naming_the_field(officer_api, founded, body, field):
    response = officer_api.post(transitions(founded), body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    founded.refresh_from_db()
    assert founded.stage == Stage.RAPAT_PENDIRIAN


# Schema


def test_schema_documents_the_cooperative_paths_and_operations(api, db):
    schema = api.get("/api/schema/", {"format": "json"}).json()

    paths = schema["paths"]
    operations = {
        (path, method): op["operationId"]
        for path, ops in paths.items()
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
    }
    filters = {p["name"] for p in paths["/api/v1/cooperatives/"]["get"]["parameters"]}
    assert {"village", "regency", "district", "stage", "pattern", "q", "page", "page_size"} <= filters
    founder = schema["components"]["schemas"]["CooperativeFounder"]["properties"]
    assert "nik_masked" in founder
    assert "nik" not in founder


# Query counts


@pytest.mark.parametrize("count", [1, 6])
def test_list_runs_a_fixed_small_number_of_queries(officer_api, district_officer, django_assert_max_num_queries, count):
    villages = Region.objects.filter(code__startswith="16.03.01.", level=RegionLevel.VILLAGE).order_by("code")
    for i, village in enumerate(villages[:count]):
        coop = builders.register(district_officer, village_code=village.code)
        builders.add_founders(district_officer, coop, count=2, serial_offset=10 * i)

    # Session, user, COUNT, one page: however many rows the page holds.
    with django_assert_max_num_queries(4):
        response = officer_api.get(LIST)

    assert [r["founders_count"] for r in response.json()["results"]] == [2] * count


def test_members_list_runs_a_fixed_small_number_of_queries(officer_api, founded, django_assert_max_num_queries):
    # Session, user, the cooperative, its meetings (the founding date), COUNT, one page.
    with django_assert_max_num_queries(6):
        response = officer_api.get(members(founded))

    assert len(response.json()["results"]) == 9


def test_detail_runs_a_fixed_small_number_of_queries(officer_api, founded, django_assert_max_num_queries):
    # Session, user, the cooperative, then one query for each relation it shows.
    with django_assert_max_num_queries(9):
        response = officer_api.get(detail(founded))

    assert len(response.json()["officers"]) == 6
