"""cooperatives.views.worklist: the worklist (every village of an area with its cooperative) and the national admin's
log of full-NIK showings. The data-quality lists: test_quality.py."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from cooperatives.choices import Pattern
from cooperatives.models import Cooperative, FoundingMember
from registry.models import Region, RegionLevel
from registry.stages import Stage
from tests.cooperatives.builders import register, with_musdesus
from tests.factories import EMBAWANG, PASSWORD

WORKLIST = "/koperasi/wilayah/16.03/"
PAGAR_DEWA = "16.03.01.2012"  # Tanjung Agung
GELUMBANG_KECAMATAN = "16.03.06"
GELUMBANG = "16.03.06.1010"  # Kelurahan Gelumbang, the first village of its kecamatan


def villages(prefix: str) -> list[str]:
    return list(
        Region.objects.filter(level=RegionLevel.VILLAGE, code__startswith=f"{prefix}.")
        .order_by("code")
        .values_list("code", flat=True)
    )


def listed(response) -> list[str]:
    return [v.code for v in response.context["page"].object_list]


def row_html(html: str, code: str) -> str:
    """The <tr> of one village in the worklist table."""
    match = re.search(rf"<tr>\s*<td>{re.escape(code)}</td>.*?</tr>", html, flags=re.DOTALL)
    assert match, f"no row for {code}"
    return match.group(0)


# --- the whole regency, page by page --------------------------------------------------------------------------------


def test_the_worklist_counts_every_village_of_the_regency(officer_client):
    response = officer_client.get(WORKLIST)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == len(villages("16.03")) == 256


def test_the_worklist_shows_fifty_villages_a_page_in_code_order(officer_client):
    codes = villages("16.03")
    html = officer_client.get(WORKLIST).content.decode()
    shown = re.findall(r"<tr>\s*<td>(16\.03\.\d{2}\.\d{4})</td>", html)
    assert shown == codes[:50]


def test_the_last_page_holds_the_rest(officer_client):
    codes = villages("16.03")
    last = (len(codes) - 1) // 50 + 1
    response = officer_client.get(WORKLIST, {"page": last})
    assert listed(response) == codes[(last - 1) * 50 :]


def test_a_page_number_past_the_end_shows_the_last_page(officer_client):
    codes = villages("16.03")
    response = officer_client.get(WORKLIST, {"page": 999})
    assert response.status_code == 200
    assert listed(response)[-1] == codes[-1]


def test_the_worklist_shows_each_villages_cooperative_and_stage(officer_client, district_officer):
    coop = with_musdesus(district_officer, register(district_officer))
    row = row_html(officer_client.get(WORKLIST).content.decode(), EMBAWANG)
    assert f'href="/koperasi/{coop.pk}/"' in row
    assert coop.name in row
    assert f"stage-{Stage.MUSDESUS}" in row


# --- filters ---------------------------------------------------------------------------------------------------------


def test_the_kecamatan_filter_keeps_its_villages_only(officer_client):
    response = officer_client.get(WORKLIST, {"kecamatan": GELUMBANG_KECAMATAN})
    assert listed(response) == villages(GELUMBANG_KECAMATAN)[:50]
    assert response.context["page"].paginator.count == len(villages(GELUMBANG_KECAMATAN))


def test_a_kecamatan_of_another_regency_is_ignored(officer_client):
    response = officer_client.get(WORKLIST, {"kecamatan": "16.04.01"})
    assert response.context["filters"]["kecamatan"] == ""
    assert response.context["page"].paginator.count == len(villages("16.03"))


@pytest.fixture
def spread(district_officer):
    """Three cooperatives in three kecamatan: one per stage and pattern of interest."""
    belum = register(district_officer, name="Koperasi Embawang Jaya")
    musdesus = with_musdesus(
        district_officer, register(district_officer, PAGAR_DEWA, name="Koperasi Sejahtera Bersama")
    )
    revit = register(
        district_officer,
        GELUMBANG,
        pattern=Pattern.REVITALISASI,
        name="Koperasi Tani Makmur",
        revitalisation_method="reaktivasi",
        revitalised_cooperatives="KUD Makmur",
    )
    return {"belum": belum, "musdesus": musdesus, "revit": revit}


@pytest.mark.parametrize(
    ("stage", "expected"),
    [(Stage.BELUM, [EMBAWANG, GELUMBANG]), (Stage.MUSDESUS, [PAGAR_DEWA]), (Stage.AKTA, [])],
)
def test_the_stage_filter_keeps_villages_whose_cooperative_is_at_that_stage(officer_client, spread, stage, expected):
    assert listed(officer_client.get(WORKLIST, {"stage": stage})) == expected


def test_the_stage_filter_none_lists_the_villages_without_a_cooperative(officer_client, spread):
    response = officer_client.get(WORKLIST, {"stage": "none"})
    with_coop = {c.village_id for c in spread.values()}
    assert response.context["page"].paginator.count == len(villages("16.03")) - 3
    everything = [
        code for p in range(1, 7) for code in listed(officer_client.get(WORKLIST, {"stage": "none", "page": p}))
    ]
    assert with_coop.isdisjoint(everything)
    assert len(set(everything)) == len(villages("16.03")) - 3


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (Pattern.REVITALISASI, [GELUMBANG]),
        (Pattern.PENDIRIAN_BARU, [EMBAWANG, PAGAR_DEWA]),
        (Pattern.PENGEMBANGAN, []),
    ],
)
def test_the_pattern_filter(officer_client, spread, pattern, expected):
    assert listed(officer_client.get(WORKLIST, {"pattern": pattern})) == expected


def test_filters_combine(officer_client, spread):
    response = officer_client.get(WORKLIST, {"kecamatan": "16.03.01", "stage": Stage.BELUM})
    assert listed(response) == [EMBAWANG]


@pytest.mark.parametrize(
    ("value", "name"),
    [("bogus", "stage"), ("bogus", "pattern"), ("16.99.99", "kecamatan")],
)
def test_an_unknown_filter_value_is_dropped(officer_client, spread, value, name):
    response = officer_client.get(WORKLIST, {name: value})
    assert response.status_code == 200
    assert response.context["filters"][name] == ""
    assert response.context["page"].paginator.count == len(villages("16.03"))


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Embawang", [EMBAWANG]),
        ("embawang", [EMBAWANG]),
        ("sejahtera", [PAGAR_DEWA]),  # the cooperative's name, not the village's
        ("Tani Makmur", [GELUMBANG]),
        ("16.03.01.201", [f"16.03.01.201{i}" for i in range(1, 10)]),  # a code prefix
    ],
)
def test_search_by_village_name_cooperative_name_or_code(officer_client, spread, q, expected):
    assert listed(officer_client.get(WORKLIST, {"q": q})) == expected


def test_search_for_a_code_lists_every_village_under_it(officer_client):
    response = officer_client.get(WORKLIST, {"q": "16.03.01"})
    assert response.context["page"].paginator.count == len(villages("16.03.01"))


PAGAR_DEWAS = {PAGAR_DEWA: "Tanjung Agung", "16.03.19.2003": "Benakat", "16.03.25.2006": "Lubai Ulu"}  # 3 kecamatan


@pytest.mark.parametrize("q", ["PAGAR  DEWA", "  pagar\tdewa ", "Ds. Pagar Dewa", "desa pagar  dewa", "Ds.PAGAR DEWA"])
def test_search_reads_past_spacing_case_and_the_desa_prefix(officer_client, q):
    assert listed(officer_client.get(WORKLIST, {"q": q})) == list(PAGAR_DEWAS)


def test_search_for_a_kelurahan_drops_the_kelurahan_prefix(officer_client):
    assert listed(officer_client.get(WORKLIST, {"q": "Kel. GELUMBANG", "kecamatan": GELUMBANG_KECAMATAN})) == [
        GELUMBANG
    ]


def test_search_for_a_cooperative_name_reads_past_spacing_and_case(officer_client, spread):
    assert listed(officer_client.get(WORKLIST, {"q": "KOPERASI   sejahtera"})) == [PAGAR_DEWA]


def test_villages_of_the_same_name_are_told_apart_by_their_kecamatan(officer_client):
    html = officer_client.get(WORKLIST, {"q": "pagar dewa"}).content.decode()
    for code, kecamatan in PAGAR_DEWAS.items():
        assert re.search(rf"<td>Pagar Dewa <span[^>]*>[^<]*</span></td><td>{kecamatan}</td>", row_html(html, code))


def test_the_page_links_keep_the_filters(officer_client):
    html = officer_client.get(WORKLIST, {"stage": "none"}).content.decode()
    assert "stage=none" in html
    assert "page=2" in html


# --- a second cooperative in a village -------------------------------------------------------------------------------


@pytest.fixture
def duplicate(district_officer):
    first = register(district_officer, name="Koperasi Embawang Pertama")
    second = register(
        district_officer, name="Koperasi Embawang Kedua", duplicate_reason="Dua dusun terpisah oleh sungai"
    )
    single = register(district_officer, PAGAR_DEWA)
    return first, second, single


def test_a_village_with_two_active_cooperatives_shows_a_count_badge(officer_client, duplicate):
    first, _second, single = duplicate
    response = officer_client.get(WORKLIST)
    html = response.content.decode()
    row = row_html(html, EMBAWANG)
    assert f'href="/koperasi/{first.pk}/"' in row  # the first one registered
    assert re.search(r'<span class="badge"[^>]*>[^<]*2[^<]*</span>', row)
    assert 'class="badge"' not in row_html(html, single.village_id)
    counts = {v.code: v.coop_count for v in response.context["page"].object_list}
    assert counts[EMBAWANG] == 2
    assert counts[PAGAR_DEWA] == 1


def test_the_village_is_listed_once_however_many_cooperatives_it_has(officer_client, duplicate):
    response = officer_client.get(WORKLIST, {"q": "Embawang"})
    assert listed(response) == [EMBAWANG]


def test_an_inactive_cooperative_does_not_count(officer_client, duplicate):
    _first, second, _single = duplicate
    Cooperative.objects.filter(pk=second.pk).update(is_active=False)
    row = row_html(officer_client.get(WORKLIST).content.decode(), EMBAWANG)
    assert 'class="badge"' not in row


# --- landing and scope -----------------------------------------------------------------------------------------------


def test_the_district_officer_lands_on_the_worklist_of_the_regency_after_login(client, district_officer):
    response = client.post("/masuk/", {"username": district_officer.username, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1] == ("/koperasi/wilayah/16.03/", 302)
    assert response.status_code == 200
    assert response.context["region"].code == "16.03"


@pytest.mark.parametrize("role", ["provincial_staff", "national_viewer"])
def test_the_province_worklist_lists_every_village_of_the_province(request, client, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get("/koperasi/wilayah/16/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == len(villages("16"))


def test_the_province_worklist_filters_by_any_kecamatan_of_the_province(client, provincial_staff):
    client.force_login(provincial_staff)
    response = client.get("/koperasi/wilayah/16/", {"kecamatan": "16.03.01"})
    assert listed(response) == villages("16.03.01")


def test_a_kecamatan_worklist_lists_its_villages(officer_client):
    response = officer_client.get("/koperasi/wilayah/16.03.01/")
    assert response.status_code == 200
    assert listed(response) == villages("16.03.01")


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


@pytest.mark.parametrize(
    "params",
    [{}, {"page": 2}, {"stage": Stage.MUSDESUS}, {"stage": "none"}, {"q": "a"}, {"kecamatan": "16.03.01"}],
)
def test_the_worklist_runs_a_bounded_number_of_queries(officer_client, many, params, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = officer_client.get(WORKLIST, params)
    assert response.status_code == 200


def test_the_province_worklist_runs_a_bounded_number_of_queries(
    client, provincial_staff, many, django_assert_max_num_queries
):
    client.force_login(provincial_staff)
    with django_assert_max_num_queries(12):
        response = client.get("/koperasi/wilayah/16/")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 50


# --- the log of full-NIK showings ------------------------------------------------------------------------------------


def test_the_log_lists_who_saw_which_founder(client, national_admin, district_officer, one_founder):
    coop, member = one_founder
    officer = client
    officer.force_login(district_officer)
    officer.get(f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/")
    client.force_login(national_admin)
    response = client.get("/koperasi/log-nik/")
    assert response.status_code == 200
    html = response.content.decode()
    assert district_officer.username in html
    assert htmllib.escape("Siti Aminah (••••••••••••0001)") in html
    assert coop.name in html
    assert member.nik not in html
    assert [v.member for v in response.context["page"].object_list] == [member]


def test_the_log_keeps_the_label_after_the_founder_is_removed(client, national_admin, district_officer, one_founder):
    coop, member = one_founder
    label = "Siti Aminah (••••••••••••0001)"
    client.force_login(district_officer)
    client.get(f"/koperasi/{coop.pk}/pendiri/{member.pk}/ubah/")
    client.post(f"/koperasi/{coop.pk}/pendiri/{member.pk}/hapus/")
    assert not FoundingMember.objects.exists()
    client.force_login(national_admin)
    assert htmllib.escape(label) in client.get("/koperasi/log-nik/").content.decode()


@pytest.mark.parametrize("role", ["national_viewer", "provincial_staff", "district_officer", "notary"])
def test_only_the_national_admin_may_read_the_log(request, client, one_founder, role):
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
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 6
