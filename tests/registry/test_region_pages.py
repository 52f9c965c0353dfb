"""The region pages: public home, landing by role, region browser, village list, scoping (404), targets, queries."""

import re
from urllib.parse import urlencode

import pytest
from django.conf import settings

from registry.models import ProgrammeSettings, Region, RegionLevel, Target
from registry.selectors import current_year
from tests.factories import UserFactory

NOT_FOUND = "Halaman tidak ditemukan"
ROLE_NOT_ALLOWED = "Peran Anda tidak mengizinkan tindakan ini."


def html_of(response) -> str:
    return response.content.decode()


def dotted(n: int) -> str:
    """A number as Indonesian writes it: 83762 → "83.762"."""
    return f"{n:,}".replace(",", ".")


def table_row(html: str, code: str) -> str:
    """The inside of the table row whose first cell is `code` (a village list, or a dashboard's sortable table)."""
    return re.search(rf'<tr>\s*<td(?: data-value="[^"]*")?>{re.escape(code)}</td>(.*?)</tr>', html, re.S).group(1)


def number_cells(row: str) -> list[str]:
    """The texts of the number cells of a row (a progress bar's markup left out)."""
    cells = re.findall(r'<td class="num"[^>]*>(.*?)</td>', row, re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


def village_codes(html: str) -> list[str]:
    return re.findall(r"<td>(\d{2}\.\d{2}\.\d{2}\.\d{4})</td>", html)


def muara_enim_villages():
    return Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE).order_by("code")


@pytest.fixture
def user_without_role(db):
    return UserFactory(role="", region_id=None)


@pytest.fixture
def logged_in(client, request):
    """A test client logged in as the user fixture named by the test's `logged_in` parameter."""
    client.force_login(request.getfixturevalue(request.param))
    return client


@pytest.fixture
def lahat_village(db) -> Region:
    return Region.objects.filter(code__startswith="16.04.", level=RegionLevel.VILLAGE).first()


# Public home


def test_anonymous_home_shows_the_national_target_and_villages_in_indonesian(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert response["Content-Language"] == "id"
    html = html_of(response)
    assert '<span class="n">80.000</span><span class="l">Target</span>' in html
    villages = Region.objects.filter(level=RegionLevel.VILLAGE).count()
    assert f'<span class="n">{dotted(villages)}</span><span class="l">Desa dan kelurahan</span>' in html
    assert len(re.findall(r'<td data-value="\d{2}">\d{2}</td>', html)) == 38
    assert 'href="/masuk/"' in html


def test_anonymous_home_in_english_when_chosen_groups_thousands_with_commas(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = html_of(client.get("/"))

    assert '<span class="n">80,000</span><span class="l">Target</span>' in html


def test_anonymous_home_follows_the_national_target_in_programme_settings(client, db):
    ProgrammeSettings.objects.update(national_target=75_500)

    html = html_of(client.get("/"))

    assert '<span class="n">75.500</span>' in html
    assert "80.000" not in html


def test_anonymous_home_runs_few_queries(client, db, django_assert_max_num_queries):
    # Before the first roll-up: the progress rows from the region master (see tests/registry/dashboards for after).
    with django_assert_max_num_queries(8):
        response = client.get("/")

    assert response.status_code == 200


# Landing after login


@pytest.mark.parametrize(
    ("logged_in", "location"),
    [
        ("national_admin", "/wilayah/"),
        ("national_viewer", "/wilayah/"),
        ("provincial_staff", "/wilayah/16/"),
        ("other_provincial_staff", "/wilayah/32/"),
        ("district_officer", "/koperasi/wilayah/16.03/"),
        ("other_district_officer", "/koperasi/wilayah/16.04/"),
        ("notary", "/notaris/"),
        ("user_without_role", "/tanpa-peran/"),
    ],
    indirect=["logged_in"],
)
def test_home_redirects_a_logged_in_user_to_their_landing_page(logged_in, location):
    response = logged_in.get("/")

    assert response.status_code == 302
    assert response["Location"] == location


@pytest.mark.parametrize("logged_in", ["user_without_role"], indirect=True)
def test_user_without_role_lands_on_the_no_role_page(logged_in):
    response = logged_in.get("/", follow=True)

    assert response.status_code == 403
    assert response.redirect_chain == [("/tanpa-peran/", 302)]
    assert "Akun Anda belum memiliki peran" in html_of(response)


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_no_role_page_sends_a_user_with_a_role_home(logged_in):
    response = logged_in.get("/tanpa-peran/", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [("/", 302), ("/koperasi/wilayah/16.03/", 302)]


@pytest.mark.parametrize("url", ["/wilayah/", "/wilayah/16/", "/wilayah/16.03/desa/"])
@pytest.mark.parametrize("logged_in", ["user_without_role"], indirect=True)
def test_user_without_role_may_not_open_region_pages(logged_in, url):
    response = logged_in.get(url)

    assert response.status_code == 403
    assert ROLE_NOT_ALLOWED in html_of(response)


# Region index


@pytest.mark.parametrize("logged_in", ["national_admin", "national_viewer"], indirect=True)
def test_region_index_lists_the_38_provinces_for_national_roles(logged_in):
    response = logged_in.get("/wilayah/")

    assert response.status_code == 200
    html = html_of(response)
    assert len(re.findall(r'<td data-value="[^"]*"><a href="/wilayah/\d{2}/">', html)) == 38
    assert '<a href="/wilayah/16/">Sumatera Selatan</a>' in html
    assert '<a href="/wilayah/32/">Jawa Barat</a>' in html


def test_region_index_shows_national_totals_grouped_the_indonesian_way(client, national_viewer):
    client.force_login(national_viewer)

    html = html_of(client.get("/wilayah/"))

    villages = Region.objects.filter(level=RegionLevel.VILLAGE).count()
    assert f'<span class="n">{dotted(villages)}</span><span class="l">Desa dan kelurahan</span>' in html
    assert '<span class="n">80.000</span>' in html


@pytest.mark.parametrize(
    ("logged_in", "location"),
    [
        ("provincial_staff", "/wilayah/16/"),
        ("other_provincial_staff", "/wilayah/32/"),
        ("district_officer", "/wilayah/16.03/"),
        ("notary", "/wilayah/16/"),
    ],
    indirect=["logged_in"],
)
def test_region_index_redirects_regional_roles_to_their_own_area(logged_in, location):
    response = logged_in.get("/wilayah/")

    assert response.status_code == 302
    assert response["Location"] == location


# Region detail


@pytest.mark.parametrize("logged_in", ["national_viewer", "provincial_staff", "district_officer"], indirect=True)
def test_regency_page_lists_its_22_kecamatan(logged_in):
    response = logged_in.get("/wilayah/16.03/")

    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>Kabupaten Muara Enim" in html
    # Each kecamatan leads to the cooperatives worklist filtered to it (the regency dashboard).
    table = html.split('data-testid="table-wilayah"')[1].split("</table>")[0]
    assert len(re.findall(r'<a href="/koperasi/wilayah/16\.03/\?kecamatan=16\.03\.\d{2}">', table)) == 22
    assert '<a href="/koperasi/wilayah/16.03/?kecamatan=16.03.07">Lawang Kidul</a>' in html


def test_province_page_lists_its_regencies_with_village_counts(client, provincial_staff):
    client.force_login(provincial_staff)

    html = html_of(client.get("/wilayah/16/"))

    regencies = Region.objects.filter(parent_id="16").count()
    assert len(re.findall(r'<td data-value="[^"]*"><a href="/wilayah/16\.\d{2}/">', html)) == regencies
    villages = Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE).count()
    assert number_cells(table_row(html, "16.03"))[0] == str(villages)


def test_breadcrumbs_show_only_ancestors_inside_the_users_area(client, district_officer):
    client.force_login(district_officer)

    html = html_of(client.get("/wilayah/16.03.07/"))

    assert '<a href="/wilayah/16.03/">Kabupaten Muara Enim</a>' in html
    assert 'href="/wilayah/16/"' not in html
    assert 'href="/wilayah/"' not in html


def test_kecamatan_page_lists_its_villages(client, district_officer):
    client.force_login(district_officer)

    html = html_of(client.get("/wilayah/16.03.07/"))

    expected = list(Region.objects.filter(parent_id="16.03.07").order_by("code").values_list("code", flat=True))
    assert village_codes(html) == expected


def test_village_page_shows_kind_kecamatan_and_postal_code(client, district_officer):
    village = muara_enim_villages().exclude(postal_code="").first()
    client.force_login(district_officer)

    response = client.get(f"/wilayah/{village.code}/")

    assert response.status_code == 200
    html = html_of(response)
    assert f"<h1>{village.display_name}" in html
    assert f"<dd>{village.postal_code}</dd>" in html
    assert f"<dd>{village.parent.display_name}</dd>" in html
    assert f"<dd>{village.get_kind_display()}</dd>" in html


@pytest.mark.parametrize(
    "url", ["/wilayah/99/", "/wilayah/16.99/", "/wilayah/16.03.99.2001/", "/wilayah/16.03/desa/x/"]
)
@pytest.mark.parametrize("logged_in", ["national_viewer"], indirect=True)
def test_unknown_region_gets_the_friendly_404_page(logged_in, url):
    response = logged_in.get(url)

    assert response.status_code == 404
    assert NOT_FOUND in html_of(response)


@pytest.mark.parametrize("logged_in", ["national_viewer"], indirect=True)
def test_village_list_of_a_village_gets_404(logged_in):
    village = muara_enim_villages().first()

    assert logged_in.get(f"/wilayah/{village.code}/desa/").status_code == 404


# Village list


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_first_page_shows_50_villages_in_code_order(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/"))

    assert village_codes(html) == list(muara_enim_villages().values_list("code", flat=True)[:50])
    assert f"{muara_enim_villages().count()} desa/kelurahan" in html


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_page_2_shows_the_next_50_villages(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"page": 2}))

    pages = -(-muara_enim_villages().count() // 50)
    assert village_codes(html) == list(muara_enim_villages().values_list("code", flat=True)[50:100])
    assert f"Halaman 2 dari {pages}" in html
    assert 'href="?page=1"' in html
    assert 'href="?page=3"' in html


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_searches_by_name(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"q": "tanjung enim"}))

    expected = muara_enim_villages().filter(name__icontains="tanjung enim")
    assert village_codes(html) == list(expected.values_list("code", flat=True))
    assert expected.count() > 0
    assert 'value="tanjung enim"' in html


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_searches_by_code_prefix(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"q": "16.03.07."}))

    assert village_codes(html) == list(
        muara_enim_villages().filter(code__startswith="16.03.07.").values_list("code", flat=True)
    )


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_filters_by_kecamatan(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"kecamatan": "16.03.07"}))

    assert village_codes(html) == list(
        Region.objects.filter(parent_id="16.03.07").order_by("code").values_list("code", flat=True)
    )
    assert '<option value="16.03.07" selected>Lawang Kidul</option>' in html


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_combines_search_and_kecamatan(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"q": "tanjung", "kecamatan": "16.03.07"}))

    expected = Region.objects.filter(parent_id="16.03.07", name__icontains="tanjung").order_by("code")
    assert village_codes(html) == list(expected.values_list("code", flat=True))
    assert 0 < expected.count() < Region.objects.filter(parent_id="16.03.07").count()


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_offers_the_22_kecamatan_of_the_regency(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/"))

    assert len(re.findall(r'<option value="16\.03\.\d{2}"', html)) == 22


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_ignores_a_kecamatan_outside_the_region(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"kecamatan": "16.04.01"}))

    codes = village_codes(html)
    assert len(codes) == 50
    assert all(code.startswith("16.03.") for code in codes)


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_pagination_keeps_the_search(logged_in):
    matches = muara_enim_villages().filter(name__icontains="an")
    pages = -(-matches.count() // 50)

    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"q": "an", "page": 2}))

    assert pages >= 3
    assert village_codes(html) == list(matches.values_list("code", flat=True)[50:100])
    assert f"Halaman 2 dari {pages}" in html
    assert 'href="?q=an&amp;page=1"' in html
    assert 'href="?q=an&amp;page=3"' in html


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_search_without_match_shows_the_empty_state(logged_in):
    response = logged_in.get("/wilayah/16.03/desa/", {"q": "Xyzzyplugh"})

    assert response.status_code == 200
    html = html_of(response)
    assert "Tidak ada desa/kelurahan yang cocok dengan “Xyzzyplugh”" in html
    assert village_codes(html) == []


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_search_by_a_code_of_another_regency_finds_nothing(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"q": "16.04"}))

    assert village_codes(html) == []
    assert "Tidak ada desa/kelurahan yang cocok" in html


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_escapes_the_search_text(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"q": "<script>alert(1)</script>"}))

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Search as officers type it: any spacing and case, "Ds."/"Desa"/"Kel." in front; same-name villages


PAGAR_DEWA = ["16.03.01.2012", "16.03.19.2003", "16.03.25.2006"]  # in Tanjung Agung, Benakat and Lubai Ulu


@pytest.mark.parametrize(
    "q", ["PAGAR  DEWA", " pagar\tdewa ", "Ds. Pagar Dewa", "Ds.Pagar Dewa", "DESA PAGAR  DEWA", "desa pagar dewa"]
)
@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_search_reads_past_spacing_case_and_the_desa_prefix(logged_in, q):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"q": q}))

    assert village_codes(html) == PAGAR_DEWA


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_village_list_shows_the_kecamatan_of_each_same_name_village(logged_in):
    html = html_of(logged_in.get("/wilayah/16.03/desa/", {"q": "pagar dewa"}))

    kecamatan = [
        re.search(r"<td>([^<]*)</td>\s*<td>[^<]*</td>\s*$", table_row(html, code)).group(1) for code in PAGAR_DEWA
    ]
    assert kecamatan == ["Tanjung Agung", "Benakat", "Lubai Ulu"]


@pytest.mark.parametrize("q", ["PAGAR  DEWA", "Ds. pagar dewa"])
@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_kecamatan_page_search_reads_past_spacing_case_and_the_desa_prefix(logged_in, q):
    html = html_of(logged_in.get("/wilayah/16.03.01/", {"q": q}))

    assert village_codes(html) == ["16.03.01.2012"]


@pytest.mark.parametrize("q", ["Kel. GELUMBANG", "kelurahan  gelumbang", "KEL.gelumbang"])
@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_kecamatan_page_search_drops_the_kelurahan_prefix(logged_in, q):
    html = html_of(logged_in.get("/wilayah/16.03.06/", {"q": q}))

    assert village_codes(html) == ["16.03.06.1010"]


# Scoping: outside the area is 404, never a hint


@pytest.mark.parametrize("url", ["/wilayah/16.04/", "/wilayah/16.04/desa/", "/wilayah/16/", "/wilayah/16/desa/"])
@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_district_officer_gets_404_outside_their_regency(logged_in, url):
    response = logged_in.get(url)

    assert response.status_code == 404
    assert NOT_FOUND in html_of(response)
    assert "Lahat" not in html_of(response)


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_district_officer_gets_404_for_a_village_of_lahat(logged_in, lahat_village):
    response = logged_in.get(f"/wilayah/{lahat_village.code}/")

    assert response.status_code == 404
    assert lahat_village.name not in html_of(response)
    assert NOT_FOUND in html_of(response)


@pytest.mark.parametrize("logged_in", ["other_district_officer"], indirect=True)
def test_lahat_officer_gets_404_for_muara_enim_but_reaches_lahat(logged_in, lahat_village):
    assert logged_in.get("/wilayah/16.03/").status_code == 404
    assert logged_in.get(f"/wilayah/{lahat_village.code}/").status_code == 200


@pytest.mark.parametrize("url", ["/wilayah/16/", "/wilayah/16.03/", "/wilayah/16.03/desa/"])
@pytest.mark.parametrize("logged_in", ["other_provincial_staff"], indirect=True)
def test_provincial_staff_of_jawa_barat_gets_404_for_sumatera_selatan(logged_in, url):
    response = logged_in.get(url)

    assert response.status_code == 404
    assert NOT_FOUND in html_of(response)


@pytest.mark.parametrize("logged_in", ["provincial_staff"], indirect=True)
def test_provincial_staff_reaches_every_regency_of_their_province(logged_in):
    assert logged_in.get("/wilayah/16.04/").status_code == 200
    assert logged_in.get("/wilayah/32/").status_code == 404


# Notary


@pytest.mark.parametrize("logged_in", ["notary"], indirect=True)
def test_notary_opens_the_notary_area_with_seat_and_province(logged_in):
    response = logged_in.get("/notaris/")

    assert response.status_code == 200
    html = html_of(response)
    assert "Ruang notaris" in html
    assert "Kabupaten Muara Enim" in html
    assert "Sumatera Selatan" in html
    assert 'href="/wilayah/16/desa/"' in html


@pytest.mark.parametrize("url", ["/wilayah/16/desa/", "/wilayah/16/", "/wilayah/16.04/desa/"])
@pytest.mark.parametrize("logged_in", ["notary"], indirect=True)
def test_notary_opens_village_lists_of_the_province_of_the_seat(logged_in, url):
    assert logged_in.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/wilayah/32/", "/wilayah/32/desa/", "/wilayah/17/"])
@pytest.mark.parametrize("logged_in", ["notary"], indirect=True)
def test_notary_gets_404_outside_the_province_of_the_seat(logged_in, url):
    response = logged_in.get(url)

    assert response.status_code == 404
    assert NOT_FOUND in html_of(response)


@pytest.mark.parametrize(
    "logged_in",
    ["national_admin", "national_viewer", "provincial_staff", "district_officer", "user_without_role"],
    indirect=True,
)
def test_non_notary_roles_get_403_on_the_notary_area(logged_in):
    response = logged_in.get("/notaris/")

    assert response.status_code == 403
    assert ROLE_NOT_ALLOWED in html_of(response)


# Anonymous users


@pytest.mark.parametrize(
    "url",
    [
        "/wilayah/",
        "/wilayah/16/",
        "/wilayah/16.03/",
        "/wilayah/16.03.07/",
        "/wilayah/16.03.07.1001/",
        "/wilayah/16.03/desa/",
        "/wilayah/16.03/desa/?q=tanjung&page=2",
        "/notaris/",
        "/tanpa-peran/",
    ],
)
def test_anonymous_user_is_sent_to_login_with_next(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == "/masuk/?" + urlencode({"next": url}, safe="/")


def test_unknown_url_gets_the_friendly_indonesian_404_page(client, db):
    response = client.get("/tidak-ada-halaman-ini/")

    assert response.status_code == 404
    html = html_of(response)
    assert "<h1>Halaman tidak ditemukan</h1>" in html
    assert 'lang="id"' in html


# Query counts


@pytest.mark.parametrize(
    ("logged_in", "url"),
    [
        ("district_officer", "/wilayah/16.03.07/"),
        ("district_officer", "/koperasi/wilayah/16.03/"),
        ("district_officer", "/wilayah/16.03/desa/?q=an&page=2"),
        ("district_officer", "/wilayah/16.03/desa/?kecamatan=16.03.06"),
        ("notary", "/wilayah/16/desa/"),
        ("notary", "/notaris/"),
    ],
    indirect=["logged_in"],
)
def test_region_pages_run_a_small_fixed_number_of_queries(logged_in, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(11):
        response = logged_in.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("logged_in", "url"),
    [
        ("national_viewer", "/wilayah/"),
        ("national_viewer", "/wilayah/16/"),
        ("provincial_staff", "/wilayah/16/"),
        ("district_officer", "/wilayah/16.03/"),
    ],
    indirect=["logged_in"],
)
def test_dashboards_before_the_first_roll_up_stay_within_15_queries(logged_in, url, django_assert_max_num_queries):
    # The dashboards' bound (issue 12); with roll-up rows and the cache: tests/registry/dashboards/test_pages.py.
    with django_assert_max_num_queries(15):
        response = logged_in.get(url)

    assert response.status_code == 200


# Targets


@pytest.mark.parametrize("logged_in", ["provincial_staff"], indirect=True)
def test_regency_without_target_row_shows_its_village_count_as_default_target(logged_in):
    villages = Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE).count()

    row = table_row(html_of(logged_in.get("/wilayah/16/")), "16.03")

    assert number_cells(row)[2] == f"{villages} *"
    assert 'title="Bawaan: satu koperasi per desa/kelurahan">*</span>' in row


@pytest.mark.parametrize("logged_in", ["provincial_staff"], indirect=True)
def test_regency_with_empty_target_row_shows_no_target_never_zero_percent(logged_in):
    Target.objects.create(region_id="16.03", year=current_year(), value=None)

    row = table_row(html_of(logged_in.get("/wilayah/16/")), "16.03")

    assert number_cells(row)[2] == "Tanpa target"
    assert number_cells(row)[-1] == "Tanpa target"
    assert "0,0%" not in row


@pytest.mark.parametrize("logged_in", ["provincial_staff"], indirect=True)
def test_regency_with_a_numeric_target_row_shows_that_number(logged_in):
    Target.objects.create(region_id="16.03", year=current_year(), value=1250)

    row = table_row(html_of(logged_in.get("/wilayah/16/")), "16.03")

    assert number_cells(row)[2] == "1.250"


@pytest.mark.parametrize("logged_in", ["provincial_staff"], indirect=True)
def test_a_target_of_another_year_does_not_apply(logged_in):
    Target.objects.create(region_id="16.03", year=current_year() + 1, value=None)
    villages = Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE).count()

    row = table_row(html_of(logged_in.get("/wilayah/16/")), "16.03")

    assert number_cells(row)[2].startswith(f"{villages} ")


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_regency_page_headline_shows_no_target_when_the_target_row_is_empty(logged_in):
    Target.objects.create(region_id="16.03", year=current_year(), value=None)

    html = html_of(logged_in.get("/wilayah/16.03/"))

    assert '<span class="n">Tanpa target</span><span class="l">Target</span>' in html


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_regency_page_headline_defaults_to_its_village_count(logged_in):
    villages = Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE).count()

    html = html_of(logged_in.get("/wilayah/16.03/"))

    assert f'<span class="n">{villages}</span><span class="l">Target</span>' in html


@pytest.mark.parametrize("logged_in", ["district_officer"], indirect=True)
def test_kecamatan_rows_default_to_their_own_village_count(logged_in):
    villages = Region.objects.filter(parent_id="16.03.07").count()

    row = table_row(html_of(logged_in.get("/wilayah/16.03/")), "16.03.07")

    assert number_cells(row)[0] == str(villages)
    assert number_cells(row)[2] == f"{villages} *"
