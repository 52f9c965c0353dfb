"""`POST /api/v1/cooperatives/{id}/deactivate/` and `/reseat/`: scoped like every endpoint, reasons required,
409 on a stale version."""

import pytest
from rest_framework.test import APIClient

from cooperatives.models import Cooperative, StageTransition
from tests.cooperatives.builders import register
from tests.factories import EMBAWANG

ANOTHER_DESA = "16.03.01.2012"


@pytest.fixture
def client_as(request):
    def as_user(fixture_name: str) -> APIClient:
        api = APIClient()
        api.force_login(request.getfixturevalue(fixture_name))
        return api

    return as_user


@pytest.fixture
def coop(district_officer):
    return register(district_officer)


def test_deactivate_takes_the_cooperative_out_and_returns_it(client_as, coop):
    response = client_as("district_officer").post(
        f"/api/v1/cooperatives/{coop.pk}/deactivate/",
        {"version": coop.version, "reason": "Terdaftar ganda"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["is_active"] is False
    assert StageTransition.objects.get(cooperative=coop).reason == "Terdaftar ganda"


def test_deactivate_without_a_reason_is_refused_with_a_message(client_as, coop):
    response = client_as("district_officer").post(
        f"/api/v1/cooperatives/{coop.pk}/deactivate/", {"version": coop.version, "reason": "  "}, format="json"
    )
    assert response.status_code == 400
    assert Cooperative.objects.get(pk=coop.pk).is_active


def test_deactivate_with_a_stale_version_answers_409_with_the_current_record(client_as, coop):
    response = client_as("district_officer").post(
        f"/api/v1/cooperatives/{coop.pk}/deactivate/",
        {"version": coop.version + 5, "reason": "Terdaftar ganda"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["current"]["version"] == coop.version
    assert Cooperative.objects.get(pk=coop.pk).is_active


def test_reseat_moves_the_seat_and_returns_the_cooperative(client_as, coop):
    response = client_as("district_officer").post(
        f"/api/v1/cooperatives/{coop.pk}/reseat/",
        {"version": coop.version, "village": ANOTHER_DESA, "reason": "Salah catat kedudukan"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["village"] == ANOTHER_DESA


def test_reseat_to_a_village_of_another_regency_is_404(client_as, coop):
    response = client_as("district_officer").post(
        f"/api/v1/cooperatives/{coop.pk}/reseat/",
        {"version": coop.version, "village": "16.04.01.2001", "reason": "Salah catat"},
        format="json",
    )
    assert response.status_code == 404
    assert Cooperative.objects.get(pk=coop.pk).village_id == EMBAWANG


def test_reseat_into_an_occupied_village_without_a_reason_is_refused_with_the_services_message(
    client_as, coop, district_officer
):
    register(district_officer, ANOTHER_DESA)
    response = client_as("district_officer").post(
        f"/api/v1/cooperatives/{coop.pk}/reseat/",
        {"version": coop.version, "village": ANOTHER_DESA, "reason": "Salah catat"},
        format="json",
    )
    assert response.status_code == 400
    assert "sudah memiliki koperasi aktif" in str(response.json())


@pytest.mark.parametrize("action", ["deactivate", "reseat"])
@pytest.mark.parametrize("who", ["other_district_officer", "provincial_staff", "national_viewer", "notary"])
def test_lifecycle_actions_are_404_for_other_regencies_and_roles_that_may_not_write(client_as, coop, action, who):
    response = client_as(who).post(
        f"/api/v1/cooperatives/{coop.pk}/{action}/",
        {"version": coop.version, "village": ANOTHER_DESA, "reason": "Alasan"},
        format="json",
    )
    assert response.status_code == 404
    stored = Cooperative.objects.get(pk=coop.pk)
    assert (stored.is_active, stored.village_id) == (True, EMBAWANG)


@pytest.mark.parametrize("action", ["deactivate", "reseat"])
def test_lifecycle_actions_need_a_login(coop, action):
    assert APIClient().post(f"/api/v1/cooperatives/{coop.pk}/{action}/", {}, format="json").status_code in {401, 403}
