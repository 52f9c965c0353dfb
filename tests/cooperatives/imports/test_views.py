"""The import pages: template downloads, upload with the dry-run report, commit, progress, report XLSX, list; for
the district officer of the regency only (404 for other roles and other regencies)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from cooperatives.imports.models import Import, ImportStatus
from cooperatives.models import FoundingMember
from tests.cooperatives.imports.sheets import founder_rows, xlsx

pytestmark = pytest.mark.usefixtures("media")


@pytest.fixture
def checked(officer_client, coop):
    """An import of nine clean founders, uploaded through the page and checked."""
    officer_client.post(
        reverse("cooperatives:imports"), {"kind": "pendiri", "cooperative": coop.pk, "file": xlsx(founder_rows(9))}
    )
    return Import.objects.get()


def test_the_officer_downloads_both_templates(officer_client):
    for kind, sheet in (("pendiri", "Pendiri"), ("koperasi", "Koperasi")):
        response = officer_client.get(reverse("cooperatives:import_template", args=[kind]))
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="templat-{kind}.xlsx"'
        assert load_workbook(io.BytesIO(response.content)).sheetnames == [sheet, "Petunjuk"]


def test_an_upload_shows_the_report_row_by_row_and_saves_nothing(officer_client, coop):
    rows = founder_rows(9)
    rows[1]["Nama Lengkap"] = ""
    response = officer_client.post(
        reverse("cooperatives:imports"),
        {"kind": "pendiri", "cooperative": coop.pk, "file": xlsx(rows)},
        follow=True,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tulis nama lengkap pendiri." in page
    assert 'data-testid="rows-ok">8<' in page
    assert 'data-testid="commit"' not in page
    assert not FoundingMember.objects.exists()


def test_a_checked_file_is_saved_on_commit(officer_client, checked, coop):
    assert checked.status == ImportStatus.CHECKED
    response = officer_client.post(reverse("cooperatives:import_commit", args=[checked.pk]), follow=True)
    assert "Berkas tersimpan: 9 ditambah, 0 diubah, 0 tetap." in response.content.decode()
    assert FoundingMember.objects.filter(cooperative=coop).count() == 9


def test_a_file_refused_before_reading_is_a_form_error(officer_client, coop):
    response = officer_client.post(
        reverse("cooperatives:imports"),
        {"kind": "pendiri", "cooperative": coop.pk, "file": SimpleUploadedFile("a.xlsx", b"%PDF-1.4 ...")},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == [
        "Berkas ini bernama .xlsx tetapi bukan buku kerja Excel. Simpan dari Excel sebagai .xlsx."
    ]


def test_the_report_downloads_as_xlsx(officer_client, checked):
    response = officer_client.get(reverse("cooperatives:import_report", args=[checked.pk]))
    assert response.status_code == 200
    assert list(load_workbook(io.BytesIO(response.content)).active.values)[0][-2:] == ("kesalahan", "peringatan")


def test_the_progress_fragment_reloads_the_page_once_done(officer_client, checked):
    response = officer_client.get(reverse("cooperatives:import_progress", args=[checked.pk]))
    assert response["HX-Refresh"] == "true"


def test_the_list_shows_past_imports_in_bounded_queries(officer_client, checked, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = officer_client.get(reverse("cooperatives:imports"))
    assert list(response.context["page"].object_list) == [checked]


IMPORT_PAGES = ["import_detail", "import_progress", "import_report"]


@pytest.mark.parametrize("user", ["provincial_staff", "national_viewer", "notary", "other_district_officer"])
@pytest.mark.parametrize("name", IMPORT_PAGES)
def test_an_import_is_404_for_other_roles_and_regencies(client, request, checked, user, name):
    client.force_login(request.getfixturevalue(user))
    assert client.get(reverse(f"cooperatives:{name}", args=[checked.pk])).status_code == 404


@pytest.mark.parametrize("user", ["provincial_staff", "national_viewer", "notary", "other_district_officer"])
def test_a_commit_is_404_for_other_roles_and_regencies(client, request, checked, user):
    client.force_login(request.getfixturevalue(user))
    assert client.post(reverse("cooperatives:import_commit", args=[checked.pk])).status_code == 404
    checked.refresh_from_db()
    assert checked.status == ImportStatus.CHECKED


@pytest.mark.parametrize("user", ["provincial_staff", "national_viewer", "notary"])
def test_the_import_page_and_templates_are_404_for_other_roles(client, request, user):
    client.force_login(request.getfixturevalue(user))
    assert client.get(reverse("cooperatives:imports")).status_code == 404
    assert client.get(reverse("cooperatives:import_template", args=["pendiri"])).status_code == 404


def test_an_officer_of_another_regency_cannot_upload_into_this_cooperative(client, other_district_officer, coop):
    client.force_login(other_district_officer)
    response = client.post(
        reverse("cooperatives:imports"), {"kind": "pendiri", "cooperative": coop.pk, "file": xlsx(founder_rows(9))}
    )
    assert response.status_code == 400
    assert "cooperative" in response.context["form"].errors


def test_an_officer_of_another_regency_does_not_see_its_imports(client, other_district_officer, checked):
    client.force_login(other_district_officer)
    assert list(client.get(reverse("cooperatives:imports")).context["page"].object_list) == []
