"""cooperatives.views.officers: the board tab, seating founders and the kepala desa, and removing a seat."""

from __future__ import annotations

import pytest

from cooperatives.models import Officer
from tests.cooperatives.builders import add_founders, register, with_musdesus
from tests.cooperatives.views.pages import field_errors


@pytest.fixture
def with_founders(district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    return coop, add_founders(district_officer, coop, count=3)


def test_the_officer_seats_the_chair(officer_client, with_founders):
    coop, members = with_founders
    response = officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua", "member": members[1].pk})
    assert response.status_code == 302
    assert response["Location"] == f"/koperasi/{coop.pk}/pengurus/"
    seat = Officer.objects.get(cooperative=coop)
    assert (seat.body, seat.position, seat.member) == ("pengurus", "ketua", members[1])
    html = officer_client.get(response["Location"]).content.decode()
    assert members[1].full_name in html


def test_a_second_chair_is_refused(officer_client, with_founders):
    coop, members = with_founders
    officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua", "member": members[0].pk})
    response = officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua", "member": members[1].pk})
    assert response.status_code == 400
    assert field_errors(response, "position")
    assert list(Officer.objects.values_list("member", flat=True)) == [members[0].pk]


def test_a_founder_of_another_cooperative_cannot_be_seated(officer_client, district_officer, with_founders):
    coop, _members = with_founders
    other = register(district_officer, "16.03.01.2012")
    (stranger,) = add_founders(district_officer, other, count=1, serial_offset=30)
    response = officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua", "member": stranger.pk})
    assert response.status_code == 400
    assert field_errors(response, "member")
    assert not Officer.objects.exists()


def test_the_kepala_desa_chairs_the_supervisors_by_name(officer_client, with_founders):
    coop, _members = with_founders
    response = officer_client.post(f"/koperasi/{coop.pk}/pengurus/", {"position": "ketua_pengawas", "name": "H. Umar"})
    assert response.status_code == 302
    seat = Officer.objects.get()
    assert (seat.body, seat.member, seat.name) == ("pengawas", None, "H. Umar")
    assert officer_client.post(f"/koperasi/{coop.pk}/pengurus/{seat.pk}/hapus/").status_code == 302
    assert not Officer.objects.exists()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("pengurus/", {"position": "anggota_pengurus", "member": ""}),
        ("pendiri/", {"nik": "1603011205850077", "full_name": "Tamu", "birth_place": "Muara Enim", "address": "Dusun"}),
    ],
    ids=["seat", "founder"],
)
def test_a_form_sent_after_the_roster_closed_shows_why_it_was_refused(officer_client, founded, path, data):
    """A page opened before the founding meeting stage, or a double submit: the form is gone, the reason is not."""
    response = officer_client.post(f"/koperasi/{founded.pk}/{path}", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-testid="refusals"' in html
    assert "Daftar pendiri sudah ditetapkan pada rapat pendirian." in html
