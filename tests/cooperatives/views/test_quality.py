"""cooperatives.views.quality: the data-quality page, every registered list for the user's area, each paged on its
own, each row linking to its record."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from cooperatives.models import Cooperative
from registry.models import Progress, ProgressLevel, Region, RegionLevel
from registry.stages import Stage
from tests.cooperatives.builders import register, with_musdesus
from tests.factories import EMBAWANG

DATA_QUALITY = "/koperasi/kualitas-data/"
PAGAR_DEWA = "16.03.01.2012"  # Tanjung Agung


def section(response, key: str):
    return next(s for s in response.context["sections"] if s.list.key == key)


def listed(response, key: str) -> list:
    return list(section(response, key).page.object_list)


def villages(prefix: str) -> list[str]:
    return list(
        Region.objects.filter(level=RegionLevel.VILLAGE, code__startswith=f"{prefix}.")
        .order_by("code")
        .values_list("code", flat=True)
    )


# --- a second cooperative in a village -------------------------------------------------------------------------------


@pytest.fixture
def duplicate(district_officer):
    first = register(district_officer, name="Koperasi Embawang Pertama")
    second = register(
        district_officer, name="Koperasi Embawang Kedua", duplicate_reason="Dua dusun terpisah oleh sungai"
    )
    single = register(district_officer, PAGAR_DEWA)
    return first, second, single


@pytest.mark.parametrize("role", ["district_officer", "provincial_staff", "national_viewer", "national_admin"])
def test_the_data_quality_list_shows_both_cooperatives_of_the_village(request, client, duplicate, role):
    first, second, single = duplicate
    client.force_login(request.getfixturevalue(role))
    response = client.get(DATA_QUALITY)
    assert response.status_code == 200
    assert listed(response, "villages") == [first, second]
    html = response.content.decode()
    assert f'href="/koperasi/{first.pk}/"' in html
    assert f'href="/koperasi/{second.pk}/"' in html
    assert "Dua dusun terpisah oleh sungai" in html
    assert f'href="/koperasi/{single.pk}/"' not in html


@pytest.mark.parametrize("role", ["other_district_officer", "other_provincial_staff"])
def test_the_data_quality_list_of_another_area_does_not_show_them(request, client, duplicate, role):
    first, second, _single = duplicate
    client.force_login(request.getfixturevalue(role))
    response = client.get(DATA_QUALITY)
    assert response.status_code == 200
    assert listed(response, "villages") == []
    assert first.name not in response.content.decode()
    assert second.name not in response.content.decode()


def test_the_notary_may_not_open_the_data_quality_list(client, notary, duplicate):
    client.force_login(notary)
    assert client.get(DATA_QUALITY).status_code == 403


def test_anonymous_users_are_sent_to_log_in_for_the_data_quality_list(client, duplicate):
    response = client.get(DATA_QUALITY)
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/")


def test_the_data_quality_list_of_villages_names_their_kecamatan(officer_client, duplicate):
    html = officer_client.get(DATA_QUALITY).content.decode()
    assert f"<td>Embawang ({EMBAWANG})</td><td>Tanjung Agung</td>" in html


# --- the same cooperative name twice in a regency ---------------------------------------------------------------------

SAME_NAME = "Koperasi Desa Merah Putih Pagar Dewa"
LAHAT_PAGAR_DEWA = "16.04.06.2023"  # Kecamatan Jarai, Kabupaten Lahat


def names_listed(response) -> list[Cooperative]:
    return listed(response, "names")


@pytest.fixture
def same_names(district_officer, other_district_officer):
    """Two active cooperatives of Muara Enim with one name (spelled with other case and spacing), an inactive third,
    one of that name in Lahat (another regency), and one with a name of its own."""
    first = register(district_officer, PAGAR_DEWA, name=SAME_NAME)
    second = register(district_officer, "16.03.19.2003", name="KOPERASI DESA  merah putih Pagar Dewa")
    inactive = register(district_officer, "16.03.25.2006", name=SAME_NAME)
    Cooperative.objects.filter(pk=inactive.pk).update(is_active=False)
    lahat = register(other_district_officer, LAHAT_PAGAR_DEWA, name=SAME_NAME)
    own = register(district_officer, name="Koperasi Embawang Jaya")
    return {"first": first, "second": second, "inactive": inactive, "lahat": lahat, "own": own}


@pytest.mark.parametrize("role", ["district_officer", "provincial_staff", "national_viewer", "national_admin"])
def test_the_data_quality_page_lists_the_cooperatives_sharing_a_name_in_a_regency(request, client, same_names, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(DATA_QUALITY)
    assert response.status_code == 200
    assert names_listed(response) == [same_names["first"], same_names["second"]]
    html = response.content.decode()
    assert "Nama koperasi ganda di satu kabupaten/kota" in html
    section = html.split('data-testid="duplicate-names"', 1)[1].split("</table>", 1)[0]
    first, second = same_names["first"], same_names["second"]
    assert (
        f'<td><a href="/koperasi/{first.pk}/">{SAME_NAME}</a></td><td>Pagar Dewa ({PAGAR_DEWA})</td>'
        "<td>Tanjung Agung</td>" in section
    )
    assert f'<a href="/koperasi/{second.pk}/">' in section
    assert "<td>Pagar Dewa (16.03.19.2003)</td><td>Benakat</td>" in section
    for other in ("inactive", "lahat", "own"):
        assert f'href="/koperasi/{same_names[other].pk}/"' not in section


def test_the_same_name_in_another_regency_is_not_a_duplicate(client, other_district_officer, same_names):
    client.force_login(other_district_officer)
    response = client.get(DATA_QUALITY)
    assert response.status_code == 200
    assert names_listed(response) == []
    assert "Tidak ada dua koperasi aktif di satu kabupaten/kota dalam wilayah Anda yang bernama sama." in (
        response.content.decode()
    )


def test_the_list_of_same_names_of_another_province_is_empty(client, other_provincial_staff, same_names):
    client.force_login(other_provincial_staff)
    response = client.get(DATA_QUALITY)
    assert names_listed(response) == []
    assert SAME_NAME not in response.content.decode()


def test_the_list_of_same_names_is_paginated_on_its_own(officer_client, district_officer, same_names, monkeypatch):
    monkeypatch.setattr("cooperatives.views.quality.PAGE_SIZE", 2)
    third = register(district_officer, "16.03.22.2007", name=f" {SAME_NAME} ")
    first_page = officer_client.get(DATA_QUALITY)
    assert names_listed(first_page) == [same_names["first"], same_names["second"]]
    assert 'href="?names_page=2#names"' in first_page.content.decode()
    second_page = officer_client.get(DATA_QUALITY, {"names_page": 2})
    assert names_listed(second_page) == [third]
    assert 'href="?names_page=1#names"' in second_page.content.decode()


# --- bounded queries -------------------------------------------------------------------------------------------------


@pytest.fixture
def many(district_officer):
    """A cooperative in each of the first 30 villages, some advanced, and a duplicate."""
    coops = []
    for i, code in enumerate(villages("16.03")[:30]):
        coop = register(district_officer, code)
        coops.append(with_musdesus(district_officer, coop) if i % 3 == 0 else coop)
    register(district_officer, villages("16.03")[0], duplicate_reason="Uji")
    return coops


def test_the_data_quality_list_runs_a_bounded_number_of_queries(officer_client, many, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = officer_client.get(DATA_QUALITY)
    assert response.status_code == 200
    assert len(listed(response, "villages")) == 2


def test_the_data_quality_page_with_both_lists_runs_a_bounded_number_of_queries(
    officer_client, district_officer, many, django_assert_max_num_queries
):
    for code in villages("16.03")[30:40]:
        register(district_officer, code, name="Koperasi Produsen Merah Putih")
    with django_assert_max_num_queries(12):
        response = officer_client.get(DATA_QUALITY)
    assert response.status_code == 200
    assert len(listed(response, "villages")) == 2
    assert len(listed(response, "names")) == 2 + 10  # `many`'s second cooperative has the first's name


def test_the_page_with_every_list_filled_runs_a_bounded_number_of_queries(
    officer_client, district_officer, many, django_assert_max_num_queries
):
    for code in villages("16.03")[30:40]:
        register(district_officer, code, name="Koperasi Produsen Merah Putih")
    stalled_since(many[:20], days=90)
    Progress.objects.create(**progress_row("16.03", villages=256, villages_served=300))
    with django_assert_max_num_queries(14):
        response = officer_client.get(DATA_QUALITY)
    assert response.status_code == 200
    assert [len(listed(response, key)) for key in ("villages", "names", "stalled", "served")] == [2, 12, 20, 1]


# --- cooperatives stalled in one stage -------------------------------------------------------------------------------


def stalled_since(coops: list[Cooperative], *, days: int) -> None:
    Cooperative.objects.filter(pk__in=[c.pk for c in coops]).update(
        stage_changed_at=timezone.now() - dt.timedelta(days=days)
    )


@pytest.fixture
def stalling(district_officer, other_district_officer):
    """In Muara Enim: at Musdesus for 90 days, registered 61 days ago, at Musdesus for 59 days, operational for a year,
    inactive for 90 days; in Lahat: one registered 100 days ago."""
    codes = villages("16.03.02")  # Kecamatan Semendo Darat Laut: none of the other fixtures' villages
    at_musdesus = with_musdesus(district_officer, register(district_officer, codes[0]))
    belum = register(district_officer, codes[1])
    recent = with_musdesus(district_officer, register(district_officer, codes[2]))
    operational = register(district_officer, codes[3])
    inactive = register(district_officer, codes[4])
    lahat = register(other_district_officer, "16.04.01.2001")
    Cooperative.objects.filter(pk=operational.pk).update(stage=Stage.OPERASIONAL)
    Cooperative.objects.filter(pk=inactive.pk).update(is_active=False)
    stalled_since([at_musdesus, inactive], days=90)
    stalled_since([belum], days=61)
    stalled_since([recent], days=59)
    stalled_since([operational], days=365)
    stalled_since([lahat], days=100)
    return {"musdesus": at_musdesus, "belum": belum, "recent": recent, "lahat": lahat}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("district_officer", ["musdesus", "belum"]),
        ("other_district_officer", ["lahat"]),
        ("provincial_staff", ["lahat", "musdesus", "belum"]),
        ("national_viewer", ["lahat", "musdesus", "belum"]),
        ("national_admin", ["lahat", "musdesus", "belum"]),
    ],
)
def test_the_stalled_list_holds_active_unfinished_cooperatives_of_the_area_longest_first(
    request, client, stalling, role, expected
):
    client.force_login(request.getfixturevalue(role))
    assert listed(client.get(DATA_QUALITY), "stalled") == [stalling[key] for key in expected]


def test_the_stalled_list_of_another_province_is_empty(client, other_provincial_staff, stalling):
    client.force_login(other_provincial_staff)
    response = client.get(DATA_QUALITY)
    assert listed(response, "stalled") == []
    assert "Tidak ada koperasi aktif di wilayah Anda yang selama itu berada di satu tahap." in response.content.decode()


def test_the_stalled_list_links_each_cooperative_and_says_since_when(officer_client, stalling):
    html = officer_client.get(DATA_QUALITY).content.decode()
    assert "Koperasi tertahan 60 hari di satu tahap" in html
    table = html.split('data-testid="stalled"', 1)[1].split("</table>", 1)[0]
    coop = Cooperative.objects.get(pk=stalling["musdesus"].pk)
    with translation.override("id"):
        since = date_format(timezone.localtime(coop.stage_changed_at), "j F Y")
    assert f'<a href="/koperasi/{coop.pk}/">{coop.name}</a>' in table
    assert f"<td>Musdesus terlaksana</td><td>{since} (" in table


# --- a regency serving more villages than it has ---------------------------------------------------------------------


def progress_row(code: str, *, villages: int, villages_served: int) -> dict:
    return {
        "code": code,
        "level": ProgressLevel.REGENCY,
        "villages": villages,
        "villages_served": villages_served,
        "target": villages,
        "computed_at": timezone.now(),
    }


@pytest.fixture
def over_served(db):
    Progress.objects.create(**progress_row("16.03", villages=256, villages_served=257))
    Progress.objects.create(**progress_row("16.04", villages=100, villages_served=100))
    Progress.objects.create(**progress_row("32.01", villages=400, villages_served=401))


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("district_officer", ["16.03"]),
        ("other_district_officer", []),
        ("provincial_staff", ["16.03"]),
        ("other_provincial_staff", ["32.01"]),
        ("national_viewer", ["16.03", "32.01"]),
    ],
)
def test_the_served_list_holds_the_regencies_of_the_area_serving_more_villages_than_they_have(
    request, client, over_served, role, expected
):
    client.force_login(request.getfixturevalue(role))
    assert [row.code for row in listed(client.get(DATA_QUALITY), "served")] == expected


def test_the_served_list_links_the_regency_to_its_worklist(officer_client, over_served):
    html = officer_client.get(DATA_QUALITY).content.decode()
    table = html.split('data-testid="served-over-villages"', 1)[1].split("</table>", 1)[0]
    assert '<a href="/koperasi/wilayah/16.03/">Kabupaten Muara Enim</a> (16.03)' in table
    assert '<td class="num">256</td><td class="num">257</td>' in table


def test_the_served_list_says_when_there_is_no_such_regency(client, other_district_officer, over_served):
    client.force_login(other_district_officer)
    html = client.get(DATA_QUALITY).content.decode()
    assert "Tidak ada kabupaten/kota di wilayah Anda yang melayani lebih banyak desa daripada jumlah desanya." in html


# --- the page as a whole ---------------------------------------------------------------------------------------------


def test_the_page_opens_with_the_count_of_every_list(officer_client, duplicate, stalling, over_served):
    html = officer_client.get(DATA_QUALITY).content.decode()
    summary = html.split('data-testid="quality-summary"', 1)[1].split("</ul>", 1)[0]
    assert '<a href="#villages">Desa/kelurahan dengan lebih dari satu koperasi aktif</a>: ' in summary
    assert '<strong data-testid="count-villages">2</strong>' in summary
    assert '<strong data-testid="count-stalled">2</strong>' in summary
    assert '<strong data-testid="count-served">1</strong>' in summary
    assert '<strong data-testid="count-names">0</strong>' in summary


def test_each_list_pages_on_its_own_and_keeps_the_others_page(officer_client, stalling, monkeypatch):
    monkeypatch.setattr("cooperatives.views.quality.PAGE_SIZE", 1)
    response = officer_client.get(DATA_QUALITY, {"stalled_page": 2, "names_page": 3})
    assert listed(response, "stalled") == [stalling["belum"]]
    assert 'href="?stalled_page=1&amp;names_page=3#stalled"' in response.content.decode()
