"""cooperatives.api.transitions, /api/v1/cooperatives/{id}/transitions/: a stage forward, or a correction back.

Messages are asserted as the user reads them, in Indonesian (the language the API answers in by default)."""

import pytest

from cooperatives.models import StageTransition
from registry.stages import Stage
from tests.cooperatives import builders

NOT_WRITERS = ["national_admin", "national_viewer", "provincial_staff", "notary"]
CORRECTION = {"action": "correct", "to_stage": "belum", "reason": "Salah input"}


def transitions(coop) -> str:
    return f"/api/v1/cooperatives/{coop.pk}/transitions/"


# --- scope ----------------------------------------------------------------------------------------------------------


def test_request_without_credentials_gets_401(api, coop):
    assert api.get(transitions(coop)).status_code == 401


@pytest.mark.parametrize("body", [{"action": "advance"}, CORRECTION], ids=["advance", "correct"])
def test_officer_of_another_regency_gets_404(login, coop, body):
    response = login("other_district_officer").post(transitions(coop), body, format="json")

    assert response.status_code == 404
    assert coop.name not in response.content.decode()


@pytest.mark.parametrize("role", NOT_WRITERS)
def test_roles_that_may_not_write_get_404_on_a_correction_and_change_nothing(login, founded, role):
    before = (founded.version, founded.stage, founded.address, founded.members.count())

    response = login(role).post(transitions(founded), CORRECTION, format="json")

    assert response.status_code == 404
    founded.refresh_from_db()
    assert (founded.version, founded.stage, founded.address, founded.members.count()) == before


@pytest.mark.parametrize("role", NOT_WRITERS)
def test_roles_that_may_not_write_cannot_advance(login, coop, role):
    builders.record_musdesus(coop.created_by, coop)

    response = login(role).post(transitions(coop), {"action": "advance"}, format="json")

    assert response.status_code == 404
    coop.refresh_from_db()
    assert coop.stage == Stage.BELUM


# --- forward --------------------------------------------------------------------------------------------------------


def test_advance_without_the_evidence_gets_400_listing_what_is_missing(officer_api, coop):
    response = officer_api.post(transitions(coop), {"action": "advance", "version": coop.version}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Belum dapat maju ke “Musdesus terlaksana”: Catat Musdesus (tanggal, tempat, jumlah hadir)."
    }
    coop.refresh_from_db()
    assert (coop.stage, coop.version) == (Stage.BELUM, 1)


def test_advance_after_the_musdesus_is_recorded_moves_one_stage(officer_api, district_officer, coop):
    builders.record_musdesus(coop.created_by, coop)

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
    assert response.json()["detail"] == (
        "Orang lain sudah menyimpan data ini setelah Anda membukanya. Tidak ada yang ditimpa."
    )
    assert response.json()["current"]["stage"] == "musdesus"
    coop.refresh_from_db()
    assert (coop.stage, coop.version) == (Stage.MUSDESUS, 2)


def test_advance_to_the_deed_stage_is_refused_here(officer_api, founded):
    response = officer_api.post(transitions(founded), {"action": "advance", "version": founded.version}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Belum dapat maju ke “Akta pendirian”: "
        "Tahap akta hanya dicapai setelah petugas kabupaten/kota memverifikasi akta dari notaris."
    }
    founded.refresh_from_db()
    assert founded.stage == Stage.RAPAT_PENDIRIAN


# --- corrections ----------------------------------------------------------------------------------------------------


def test_correction_with_a_reason_goes_back_and_is_on_the_timeline(officer_api, district_officer, founded):
    body = {"action": "correct", "to_stage": "musdesus", "reason": "Daftar pendiri keliru", "version": founded.version}

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
    response = officer_api.post(transitions(founded), {**body, "version": founded.version}, format="json")

    assert response.status_code == 400
    assert response.json() == {"reason": ["Tuliskan alasan koreksi tahap."]}
    founded.refresh_from_db()
    assert founded.stage == Stage.RAPAT_PENDIRIAN


def test_a_correction_to_an_unknown_stage_says_what_to_do(officer_api, founded):
    body = {"action": "correct", "to_stage": "selesai", "reason": "x", "version": founded.version}

    response = officer_api.post(transitions(founded), body, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "to_stage": [
            "Pilih dari daftar tahap tujuan koreksi. Nilai yang diterima: "
            "belum, musdesus, rapat_pendirian, akta, badan_hukum, terdaftar, operasional."
        ]
    }


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
    response = officer_api.post(transitions(founded), {**body, "version": founded.version}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    founded.refresh_from_db()
    assert founded.stage == Stage.RAPAT_PENDIRIAN


# --- the version, for both actions (a correction over a newer save overwrote it before) -----------------------


def test_a_correction_with_a_stale_version_gets_409_and_changes_nothing(officer_api, founded):
    stale = founded.version - 1
    body = {"action": "correct", "to_stage": "musdesus", "reason": "Daftar pendiri keliru", "version": stale}

    response = officer_api.post(transitions(founded), body, format="json")

    assert response.status_code == 409
    assert response.json()["detail"] == (
        "Orang lain sudah menyimpan data ini setelah Anda membukanya. Tidak ada yang ditimpa."
    )
    founded.refresh_from_db()
    assert founded.stage == Stage.RAPAT_PENDIRIAN


@pytest.mark.parametrize("body", [{"action": "advance"}, CORRECTION], ids=["advance", "correct"])
def test_both_actions_require_the_version(officer_api, founded, body):
    response = officer_api.post(transitions(founded), body, format="json")

    assert response.status_code == 400
    assert response.json() == {"version": ["Bidang ini harus diisi."]}
    founded.refresh_from_db()
    assert founded.stage == Stage.RAPAT_PENDIRIAN


def test_the_schema_documents_the_version_as_required_for_both_actions(officer_api):
    schema = officer_api.get("/api/schema/?format=json").json()
    transition = schema["components"]["schemas"]["CooperativeTransitionRequest"]
    assert "version" in transition["required"]
    assert "kedua aksi" in transition["properties"]["version"]["description"]
