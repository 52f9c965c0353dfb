"""cooperatives.views.common: what every page of a cooperative shares. Element ids are unique on each tab, and no
page but the founder edit form shows a full NIK."""

from __future__ import annotations

import re

import pytest

from cooperatives.models import FoundingMember
from tests.cooperatives.builders import add_founders, register, with_musdesus
from tests.cooperatives.views.pages import duplicate_ids

SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")


@pytest.mark.parametrize(
    "tab",
    [
        "",
        "ubah/",
        "pendiri/",
        "pengurus/",
        "rapat/",
        "dokumen/",
        "riwayat/",
    ],
)
def test_every_element_id_on_a_cooperative_page_is_unique(officer_client, district_officer, tab):
    coop = with_musdesus(district_officer, register(district_officer))
    add_founders(district_officer, coop, count=2)
    response = officer_client.get(f"/koperasi/{coop.pk}/{tab}")
    assert response.status_code == 200
    assert duplicate_ids(response.content.decode()) == []


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
