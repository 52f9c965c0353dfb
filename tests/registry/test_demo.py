"""The demo accounts `make run` creates and prints."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from registry.models import Role, User
from registry.services import DEMO_LOGINS, demo_users_ensure


def test_demo_accounts_cover_each_role_in_sumatera_selatan_and_muara_enim(db):
    demo_users_ensure()
    users = {
        u.username: (u.role, u.region_id) for u in User.objects.filter(username__in=[d.username for d in DEMO_LOGINS])
    }
    assert users == {
        "admin.nasional": (Role.NATIONAL_ADMIN, None),
        "pemantau.nasional": (Role.NATIONAL_VIEWER, None),
        "staf.sumsel": (Role.PROVINCIAL_STAFF, "16"),
        "petugas.muaraenim": (Role.DISTRICT_OFFICER, "16.03"),
        "notaris.muaraenim": (Role.NOTARY, "16.03"),
    }


def test_second_run_creates_no_account(db):
    demo_users_ensure()
    assert [created for _login, created in demo_users_ensure()] == [False] * len(DEMO_LOGINS)


@pytest.mark.parametrize(
    ("username", "landing"),
    [
        ("admin.nasional", "/wilayah/"),
        ("pemantau.nasional", "/wilayah/"),
        ("staf.sumsel", "/wilayah/16/"),
        ("petugas.muaraenim", "/koperasi/wilayah/16.03/"),
        ("notaris.muaraenim", "/notaris/"),
    ],
)
def test_every_printed_login_works_and_lands_on_its_area(client, db, username, landing):
    demo_users_ensure()
    login = next(d for d in DEMO_LOGINS if d.username == username)
    response = client.post("/masuk/", {"username": login.username, "password": login.password}, follow=True)
    assert response.redirect_chain[-1][0] == landing
    assert response.status_code == 200


@override_settings(DEBUG=True)
def test_seed_demo_prints_each_login(db, capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert all(d.username in out and d.password in out for d in DEMO_LOGINS)


def test_seed_demo_refuses_to_run_without_debug(db):
    with pytest.raises(CommandError, match="hanya untuk pengembangan"):
        call_command("seed_demo")
