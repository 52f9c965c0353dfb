"""Two people editing the same record (optimistic locking through the pages), and personal data: where a full NIK
may appear, the log of each showing, and the history tab."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re

import pytest

from cooperatives import services
from cooperatives.models import FoundingMember, NikView, mask_nik
from registry.models import Role
from tests.cooperatives.builders import add_founders, register, with_board, with_musdesus
from tests.factories import UserFactory, make_nik

SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")


@pytest.fixture
def colleague(db):
    """A second district officer of Muara Enim, saving while the first one has the form open."""
    return UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.03", first_name="Rekan", last_name="Kerja")


@pytest.fixture
def officer_client(client, district_officer):
    client.force_login(district_officer)
    return client


# --- edit conflicts --------------------------------------------------------------------------------------------------


def conflict_rows(response) -> list[tuple]:
    """(yours, saved, differs) for each field of the conflict page."""
    return [(mine, theirs, differs) for _label, mine, theirs, differs in response.context["rows"]]


def test_saving_the_profile_over_a_newer_version_is_a_conflict_that_keeps_the_saved_value(
    officer_client, district_officer, colleague
):
    coop = register(district_officer, name="Koperasi Awal")
    opened = officer_client.get(f"/koperasi/{coop.pk}/ubah/").context["version"]
    services.cooperative_update(
        actor=colleague, cooperative=coop, expected_version=None, name="Koperasi Pilihan Rekan", phone="0711"
    )
    response = officer_client.post(
        f"/koperasi/{coop.pk}/ubah/",
        {"version": opened, "pattern": "pendirian_baru", "name": "Koperasi Pilihan Saya", "phone": "0812"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Koperasi Pilihan Saya" in html
    assert "Koperasi Pilihan Rekan" in html
    rows = conflict_rows(response)
    assert ("Koperasi Pilihan Saya", "Koperasi Pilihan Rekan", True) in rows
    assert ("0812", "0711", True) in rows
    assert html.count('class="differs"') == 2  # name and phone
    coop.refresh_from_db()
    assert (coop.name, coop.phone, coop.version) == ("Koperasi Pilihan Rekan", "0711", opened + 1)


def test_saving_the_profile_on_the_current_version_is_no_conflict(officer_client, district_officer, colleague):
    coop = register(district_officer, name="Koperasi Awal")
    services.cooperative_update(actor=colleague, cooperative=coop, expected_version=None, name="Koperasi Rekan")
    current = officer_client.get(f"/koperasi/{coop.pk}/ubah/").context["version"]
    response = officer_client.post(
        f"/koperasi/{coop.pk}/ubah/", {"version": current, "pattern": "pendirian_baru", "name": "Koperasi Saya"}
    )
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.name == "Koperasi Saya"


@pytest.fixture
def founder(district_officer):
    coop = register(district_officer)
    (member,) = add_founders(district_officer, coop, count=1)
    return coop, member


def member_post(member: FoundingMember, version: int, **changes) -> dict:
    return {
        "nik": member.nik,
        "full_name": member.full_name,
        "birth_place": member.birth_place,
        "address": member.address,
        "rt": member.rt,
        "rw": member.rw,
        "version": version,
        **changes,
    }


def test_saving_a_founder_over_a_newer_version_is_a_conflict_that_keeps_the_saved_value(
    officer_client, founder, colleague
):
    coop, member = founder
    url = f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/"
    page = officer_client.get(url)
    opened = member.version
    assert f'name="version" value="{opened}"' in page.content.decode()
    services.founding_member_update(
        actor=colleague, member=member, expected_version=None, full_name="Siti Aminah Rekan"
    )
    response = officer_client.post(url, member_post(member, opened, full_name="Siti Aminah Saya", phone="0813"))
    assert response.status_code == 409
    html = response.content.decode()
    assert "Siti Aminah Saya" in html
    assert "Siti Aminah Rekan" in html
    assert ("Siti Aminah Saya", "Siti Aminah Rekan", True) in conflict_rows(response)
    member.refresh_from_db()
    assert (member.full_name, member.phone, member.version) == ("Siti Aminah Rekan", "", opened + 1)


def test_the_conflict_page_shows_a_nik_saved_meanwhile_masked_and_logs_nothing(officer_client, founder, colleague):
    """A colleague corrected the NIK after the form was opened: the conflict page must not show the new NIK in full
    (that page does not log a showing)."""
    coop, member = founder
    url = f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/"
    corrected = make_nik(birth=member.birth_date, gender=member.gender, serial=99)
    officer_client.get(url)
    services.founding_member_update(actor=colleague, member=member, expected_version=None, nik=corrected)
    response = officer_client.post(url, member_post(member, 1, full_name="Siti"))
    assert response.status_code == 409
    html = response.content.decode()
    assert corrected not in html
    assert mask_nik(corrected) in html
    assert (member.nik, mask_nik(corrected), True) in conflict_rows(response)  # what I typed, what is saved
    assert NikView.objects.filter(member=member).count() == 1  # the GET only


# --- where a full NIK may appear -------------------------------------------------------------------------------------


@pytest.fixture
def roster(district_officer, colleague):
    """Nine founders with a board, one founder's NIK issued in Lahat (a warning on the founders tab), one NIK
    corrected (a change on the history tab)."""
    coop = with_musdesus(district_officer, register(district_officer))
    members = add_founders(district_officer, coop)
    with_board(district_officer, coop, members)
    lahat, _warnings = services.founding_member_add(
        actor=district_officer,
        cooperative=coop,
        nik=make_nik(regency="16.04", birth=dt.date(1982, 3, 3), serial=41),
        full_name="Yusuf Lahat",
        birth_place="Lahat",
        address="Dusun 1",
    )
    services.founding_member_update(
        actor=colleague, member=members[8], expected_version=None, nik=make_nik(birth=dt.date(1986, 2, 11), serial=88)
    )
    return coop


def all_niks(coop) -> list[str]:
    current = list(FoundingMember.objects.filter(cooperative=coop).values_list("nik", flat=True))
    past = list(FoundingMember.history.filter(cooperative_id=coop.pk).values_list("nik", flat=True))
    return sorted(set(current + past))


PAGES = {
    "founders": "/koperasi/{pk}/pendiri/",
    "history": "/koperasi/{pk}/riwayat/",
    "worklist": "/koperasi/wilayah/16.03/?q=Embawang",
    "profile": "/koperasi/{pk}/",
    "board": "/koperasi/{pk}/pengurus/",
}


@pytest.mark.parametrize("role", ["district_officer", "provincial_staff", "national_viewer", "national_admin"])
@pytest.mark.parametrize("page", list(PAGES))
def test_no_page_but_the_edit_form_shows_a_full_nik(request, client, roster, role, page):
    client.force_login(request.getfixturevalue(role))
    response = client.get(PAGES[page].format(pk=roster.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert [nik for nik in all_niks(roster) if nik in html] == []
    assert SIXTEEN_DIGITS.findall(html) == []


@pytest.mark.parametrize("role", ["district_officer", "provincial_staff", "national_viewer", "national_admin"])
def test_the_founders_tab_shows_masked_niks(request, client, roster, role):
    client.force_login(request.getfixturevalue(role))
    html = client.get(f"/koperasi/{roster.pk}/pendiri/").content.decode()
    masked = [mask_nik(m.nik) for m in roster.members.all()]
    assert len(masked) == 10
    assert [m for m in masked if m not in html] == []
    assert "1603••••••••0001" in html
    assert "1604••••••••0041" in html


# --- the founder edit page and the log of full-NIK showings ----------------------------------------------------------


def test_the_edit_page_shows_the_full_nik_and_logs_the_showing(officer_client, district_officer, founder):
    coop, member = founder
    response = officer_client.get(f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/")
    assert response.status_code == 200
    assert f'value="{member.nik}"' in response.content.decode()
    view = NikView.objects.get()
    assert (view.user, view.member, view.cooperative) == (district_officer, member, coop)
    assert view.member_label == f"{member.full_name} ({mask_nik(member.nik)})"
    assert member.nik not in view.member_label


def test_each_opening_of_the_edit_page_is_logged(officer_client, district_officer, founder):
    coop, member = founder
    url = f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/"
    officer_client.get(url)
    officer_client.get(url)
    assert NikView.objects.filter(user=district_officer, member=member).count() == 2


@pytest.mark.parametrize(("changes", "status"), [({"full_name": "Siti A."}, 302), ({"nik": "123"}, 400)])
def test_saving_the_edit_form_does_not_log_a_showing(officer_client, founder, changes, status):
    coop, member = founder
    response = officer_client.post(
        f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/", member_post(member, member.version, **changes)
    )
    assert response.status_code == status
    assert not NikView.objects.exists()


@pytest.mark.parametrize(
    "role", ["provincial_staff", "national_viewer", "national_admin", "other_district_officer", "notary"]
)
def test_nobody_but_the_regencys_officer_opens_the_edit_page_and_no_showing_is_logged(request, client, founder, role):
    coop, member = founder
    client.force_login(request.getfixturevalue(role))
    response = client.get(f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/")
    assert response.status_code == 404
    assert member.nik not in response.content.decode()
    assert not NikView.objects.exists()


def test_the_log_lists_who_saw_which_founder(client, national_admin, district_officer, founder):
    coop, member = founder
    officer = client
    officer.force_login(district_officer)
    officer.get(f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/")
    client.force_login(national_admin)
    response = client.get("/koperasi/log-nik/")
    assert response.status_code == 200
    html = response.content.decode()
    assert district_officer.username in html
    assert htmllib.escape(f"{member.full_name} ({mask_nik(member.nik)})") in html
    assert coop.name in html
    assert member.nik not in html
    assert [v.member for v in response.context["page"].object_list] == [member]


def test_the_log_keeps_the_label_after_the_founder_is_removed(client, national_admin, district_officer, founder):
    coop, member = founder
    label = f"{member.full_name} ({mask_nik(member.nik)})"
    client.force_login(district_officer)
    client.get(f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/")
    client.post(f"/koperasi/{coop.pk}/pendiri/{member.pk}/hapus/")
    assert not FoundingMember.objects.exists()
    client.force_login(national_admin)
    assert htmllib.escape(label) in client.get("/koperasi/log-nik/").content.decode()


@pytest.mark.parametrize("role", ["national_viewer", "provincial_staff", "district_officer", "notary"])
def test_only_the_national_admin_may_read_the_log(request, client, founder, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/koperasi/log-nik/").status_code == 403


def test_anonymous_users_are_sent_to_log_in_for_the_log(client, db):
    response = client.get("/koperasi/log-nik/")
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/")


def test_the_log_runs_a_bounded_number_of_queries(
    client, national_admin, district_officer, roster, django_assert_max_num_queries
):
    client.force_login(district_officer)
    for member in roster.members.all()[:6]:
        client.get(f"/koperasi/{roster.pk}/pendiri/{member.pk}/ubah/")
    client.force_login(national_admin)
    with django_assert_max_num_queries(8):
        response = client.get("/koperasi/log-nik/")
    assert len(response.context["page"].object_list) == 6


# --- history tab -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["district_officer", "provincial_staff", "national_admin"])
def test_the_history_tab_lists_founder_additions_and_stage_moves_by_the_officer(
    request, client, district_officer, roster, role
):
    client.force_login(request.getfixturevalue(role))
    response = client.get(f"/koperasi/{roster.pk}/riwayat/")
    assert response.status_code == 200
    added = {e.label: e.user for e in response.context["entries"] if e.kind == "+"}
    for member in roster.members.all():
        assert added[member.full_name] == district_officer
    moves = [(t.from_stage, t.to_stage, t.actor) for t in response.context["transitions"]]
    assert moves == [("belum", "musdesus", district_officer)]
    html = response.content.decode()
    assert 'data-testid="timeline"' in html
    assert htmllib.escape(district_officer.get_full_name()) in html


def test_the_history_tab_names_who_changed_a_founder(officer_client, colleague, roster):
    response = officer_client.get(f"/koperasi/{roster.pk}/riwayat/")
    changed = [e for e in response.context["entries"] if e.kind == "~" and e.label == "Hendra Gunawan"]
    assert [(e.user, e.changes) for e in changed] == [(colleague, ["NIK"])]
    assert htmllib.escape(colleague.get_full_name()) in response.content.decode()
