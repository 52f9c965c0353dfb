"""`/api/v1/imports/`: the same files, report and commit as the page, for Dinas systems; scoped like the pages."""

import pytest
from django.urls import reverse

from cooperatives.imports.models import Import, ImportStatus
from cooperatives.models import Cooperative, FoundingMember
from tests.cooperatives.imports.sheets import cooperative_row, csv_file, founder_rows, xlsx
from tests.factories import EMBAWANG

pytestmark = pytest.mark.usefixtures("media")


def test_a_founders_file_is_checked_then_committed(officer_api, coop):
    response = officer_api.post(
        reverse("api:imports"), {"kind": "pendiri", "cooperative": coop.pk, "file": xlsx(founder_rows(9))}
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["report"]["ok"], body["report"]["errors"]) == ("checked", 9, [])

    committed = officer_api.post(reverse("api:import_commit", args=[body["id"]]))

    assert (committed.status_code, committed.json()["status"], committed.json()["report"]["created"]) == (
        200,
        "saved",
        9,
    )
    assert FoundingMember.objects.filter(cooperative=coop).count() == 9


def test_a_cooperatives_file_goes_to_the_officers_regency(officer_api):
    response = officer_api.post(
        reverse("api:imports"), {"kind": "koperasi", "file": csv_file([cooperative_row(EMBAWANG)], name="k.csv")}
    )
    assert (response.status_code, response.json()["regency"]) == (201, "16.03")
    officer_api.post(reverse("api:import_commit", args=[response.json()["id"]]))
    assert Cooperative.objects.filter(village_id=EMBAWANG).exists()


def test_a_file_with_errors_cannot_be_committed(officer_api, coop):
    rows = founder_rows(9)
    rows[0]["NIK"] = "1.60301E+15"
    body = officer_api.post(
        reverse("api:imports"), {"kind": "pendiri", "cooperative": coop.pk, "file": csv_file(rows)}
    ).json()
    assert body["report"]["errors"][0]["row"] == 2
    response = officer_api.post(reverse("api:import_commit", args=[body["id"]]))
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Hanya berkas yang sudah diperiksa tanpa kesalahan yang dapat disimpan. Unggah berkasnya lagi."
    )


def test_a_big_file_answers_202_and_reports_its_progress(officer_api, coop, settings):
    settings.KDMP_IMPORT_TASK_ROWS = 5
    response = officer_api.post(
        reverse("api:imports"), {"kind": "pendiri", "cooperative": coop.pk, "file": xlsx(founder_rows(9))}
    )
    assert (response.status_code, response.json()["status"]) == (202, "checking")
    # In the test the task runs when the request's transaction would commit; here the test's never does.
    assert Import.objects.get().status == ImportStatus.CHECKING


def test_the_schema_documents_the_import_endpoints(officer_api):
    schema = officer_api.get("/api/schema/").content.decode()
    assert "/api/v1/imports/{id}/commit/" in schema
    assert "imports_create" in schema


@pytest.mark.parametrize("user", ["provincial_staff", "national_viewer", "notary"])
def test_the_import_api_is_404_for_other_roles(login, user, coop):
    api = login(user)
    assert api.get(reverse("api:imports")).status_code == 404
    response = api.post(
        reverse("api:imports"), {"kind": "pendiri", "cooperative": coop.pk, "file": xlsx(founder_rows(9))}
    )
    assert response.status_code == 404


def test_an_officer_of_another_regency_gets_404(login, officer_api, coop):
    body = officer_api.post(
        reverse("api:imports"), {"kind": "pendiri", "cooperative": coop.pk, "file": xlsx(founder_rows(9))}
    ).json()
    other = login("other_district_officer")
    assert other.get(reverse("api:import", args=[body["id"]])).status_code == 404
    assert other.post(reverse("api:import_commit", args=[body["id"]])).status_code == 404
    upload = {"kind": "pendiri", "cooperative": coop.pk, "file": xlsx(founder_rows(9))}
    assert other.post(reverse("api:imports"), upload).status_code == 404
    upload = {"kind": "koperasi", "regency": "16.03", "file": csv_file([cooperative_row(EMBAWANG)], name="k.csv")}
    assert other.post(reverse("api:imports"), upload).status_code == 404
