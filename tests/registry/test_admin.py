"""User, role, target and programme-settings management in the Django admin (national admins only)."""

import pytest

from registry.models import ProgrammeSettings, Role, Target, User


def _add_user(client, **overrides):
    data = {
        "username": "petugas.lahat",
        "password1": "koperasi-lahat-2026",
        "password2": "koperasi-lahat-2026",
        "role": Role.DISTRICT_OFFICER,
        "region": "16.04",
        "first_name": "Petugas",
        "last_name": "Lahat",
        "email": "",
        "_save": "Simpan",
    }
    return client.post("/admin/registry/user/add/", {**data, **overrides})


def test_national_admin_creates_a_district_officer_in_the_admin(client, national_admin):
    client.force_login(national_admin)
    response = _add_user(client)
    assert response.status_code == 302
    user = User.objects.get(username="petugas.lahat")
    assert (user.role, user.region_id, user.is_staff) == (Role.DISTRICT_OFFICER, "16.04", False)


def test_admin_refuses_a_district_officer_tied_to_a_province(client, national_admin):
    client.force_login(national_admin)
    response = _add_user(client, region="16")
    assert response.status_code == 200
    assert "Peran ini memerlukan wilayah tingkat" in response.text
    assert not User.objects.filter(username="petugas.lahat").exists()


def test_admin_refuses_a_national_role_with_a_region(client, national_admin):
    client.force_login(national_admin)
    response = _add_user(client, role=Role.NATIONAL_VIEWER, region="16")
    assert "Peran nasional mencakup seluruh Indonesia" in response.text
    assert not User.objects.filter(username="petugas.lahat").exists()


def test_new_national_admin_gets_admin_access_from_the_role(client, national_admin):
    client.force_login(national_admin)
    _add_user(client, username="admin.kedua", role=Role.NATIONAL_ADMIN, region="")
    assert User.objects.get(username="admin.kedua").is_staff is True


@pytest.mark.parametrize("fixture", ["national_viewer", "provincial_staff", "district_officer", "notary"])
def test_only_national_admins_enter_the_admin(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_national_admin_changes_the_headline_target_and_it_is_recorded_in_history(client, national_admin):
    client.force_login(national_admin)
    row = ProgrammeSettings.objects.get()
    response = client.post(f"/admin/registry/programmesettings/{row.pk}/change/", {"national_target": "83762"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.national_target == 83762
    assert row.history.count() == 1


def test_national_admin_sets_no_target_for_a_regency(client, national_admin):
    client.force_login(national_admin)
    response = client.post(
        "/admin/registry/target/add/", {"region": "16.03", "year": "2026", "value": "", "note": "dikecualikan"}
    )
    assert response.status_code == 302
    assert Target.objects.get(region_id="16.03", year=2026).value is None


def test_one_target_per_region_and_year(client, national_admin):
    Target.objects.create(region_id="16.03", year=2026, value=10)
    client.force_login(national_admin)
    response = client.post("/admin/registry/target/add/", {"region": "16.03", "year": "2026", "value": "5"})
    assert response.status_code == 200
    assert Target.objects.filter(region_id="16.03", year=2026).count() == 1


def test_region_master_is_read_only_in_the_admin(client, national_admin):
    client.force_login(national_admin)
    assert client.get("/admin/registry/region/add/").status_code == 403
    assert client.get("/admin/registry/region/?q=muara+enim").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/registry/target/abc/history/",
        "/admin/registry/target/1/history/abc/",
        "/admin/registry/programmesettings/abc/history/",
        "/admin/registry/programmesettings/1/history/abc/",
    ],
)
def test_admin_history_with_an_id_that_is_not_a_number_is_not_found(client, national_admin, url):
    client.force_login(national_admin)
    assert client.get(url).status_code == 404


def test_admin_history_of_a_target_and_one_of_its_versions_open(client, national_admin):
    target = Target.objects.create(region_id="16.03", year=2026, value=10)
    version = target.history.get()
    client.force_login(national_admin)
    assert client.get(f"/admin/registry/target/{target.pk}/history/").status_code == 200
    assert client.get(f"/admin/registry/target/{target.pk}/history/{version.history_id}/").status_code == 200
