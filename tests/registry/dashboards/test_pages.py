"""The dashboards /wilayah/, /wilayah/<province>/, /wilayah/<regency>/: their numbers equal the roll-up rows, on the
page, in the exports and in the progress API; scope; drill-down links; the projection form; query bounds."""

import csv
import datetime
import io
import json
import math
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from openpyxl import load_workbook

from registry.models import Progress, Target
from registry.selectors import current_year
from registry.stages import STAGE_ORDER
from tests.factories import UserFactory
from tests.registry.dashboards.conftest import SERIES_DAYS

FUNNEL = [s.value for s in STAGE_ORDER[1:]]
NOT_FOUND = "Halaman tidak ditemukan"


def dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def pct(value: int, target: int) -> str:
    return f"{round(100 * value / target, 1):.1f}".replace(".", ",") + "%"


def table_rows(html: str, key: str) -> dict[str, list[str]]:
    """The rows of a dashboard table, keyed by their code cell, as the texts of their cells."""
    body = re.search(rf'<table[^>]*data-testid="table-{key}">(.*?)</table>', html, re.S).group(1)
    rows = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>")[1], re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
        rows[cells[0]] = cells
    return rows


def expected_cells(p: Progress, name: str) -> list[str]:
    return [
        p.code,
        name,
        dotted(p.villages),
        dotted(p.villages_served),
        dotted(p.target) + " *" * p.target_is_default,  # a default target (the village count) is marked
        dotted(p.cooperatives),
        *(dotted(p.reached[s]) for s in FUNNEL),
        pct(p.reached["rapat_pendirian"], p.target),
    ]


@pytest.fixture
def viewer(client, national_viewer):
    client.force_login(national_viewer)
    return client


@pytest.fixture
def sumsel(client, provincial_staff):
    client.force_login(provincial_staff)
    return client


def test_national_dashboard_headline_equals_the_nation_row(viewer, seeded):
    nation = seeded[""]

    html = viewer.get("/wilayah/").content.decode()

    formed = nation.reached["rapat_pendirian"]
    assert (
        f'<span class="n">{dotted(formed)}</span><span class="l">Terbentuk (rapat pendirian ke atas)</span>'
        f'<span class="s">{pct(formed, 80_000)} dari target</span>'
    ) in html
    assert '<span class="n">80.000</span><span class="l">Target</span>' in html
    assert '<span class="n">83.762</span><span class="l">Desa dan kelurahan</span>' in html
    assert f'<span class="n">{dotted(nation.villages_served)}</span><span class="l">Desa terlayani</span>' in html


def test_national_dashboard_province_table_equals_the_province_rows(viewer, seeded):
    html = viewer.get("/wilayah/").content.decode()

    rows = table_rows(html, "wilayah")
    assert len(rows) == 38
    assert rows["16"] == expected_cells(seeded["16"], "Sumatera Selatan")
    assert rows["32"] == expected_cells(seeded["32"], "Jawa Barat")
    assert '<a href="/wilayah/16/">Sumatera Selatan</a>' in html


def test_national_dashboard_funnel_counts_and_percentages(viewer, seeded):
    nation = seeded[""]

    rows = table_rows(viewer.get("/wilayah/").content.decode(), "tahapan")

    assert rows["Rapat pendirian terlaksana"] == [
        "Rapat pendirian terlaksana",
        dotted(nation.reached["rapat_pendirian"]),
        pct(nation.reached["rapat_pendirian"], 80_000),
        pct(nation.reached["rapat_pendirian"], nation.cooperatives),
    ]
    assert len(rows) == 6


def test_national_dashboard_tile_map_links_every_province_with_its_share(viewer, seeded):
    html = viewer.get("/wilayah/").content.decode()

    tiles = re.search(r'data-testid="tilemap">(.*?)</ol>', html, re.S).group(1)
    assert len(re.findall(r'<a href="/wilayah/\d{2}/"', tiles)) == 38
    share = pct(seeded["16"].reached["rapat_pendirian"], seeded["16"].target)
    assert f'aria-label="Sumatera Selatan: {share}"' in tiles
    assert f'<abbr title="Sumatera Selatan">SUMSEL</abbr><span class="v">{share}</span>' in tiles


def test_national_dashboard_ranks_the_most_lagging_provinces_and_regencies(viewer, seeded):
    html = viewer.get("/wilayah/").content.decode()

    provinces = table_rows(html, "tertinggal-provinsi")
    regencies = table_rows(html, "tertinggal-kabupaten")
    assert list(provinces)[:3] == ["1", "2", "3"]  # the rank is the first cell
    assert [r[1] for r in provinces.values()][:2] == ["11", "12"]  # all at 0%: by code
    assert "16" not in [r[1] for r in provinces.values()]
    assert "32" not in [r[1] for r in provinces.values()]
    assert len(regencies) == 10
    assert regencies["1"][1:4] == ["11.01", "Kabupaten Aceh Selatan", "Aceh"]


def test_province_dashboard_regency_table_equals_the_regency_rows(sumsel, seeded):
    html = sumsel.get("/wilayah/16/").content.decode()

    rows = table_rows(html, "wilayah")
    assert rows["16.03"] == expected_cells(seeded["16.03"], "Kabupaten Muara Enim")
    assert rows["16.04"] == expected_cells(seeded["16.04"], "Kabupaten Lahat")
    assert '<a href="/wilayah/16.03/">Kabupaten Muara Enim</a>' in html
    assert 'data-testid="tilemap"' not in html
    assert 'id="chart-ranking-data"' in html


def test_province_dashboard_ranking_chart_data_is_labelled_with_percentages(sumsel, seeded):
    html = sumsel.get("/wilayah/16/").content.decode()

    data = re.search(r'<script id="chart-ranking-data" type="application/json">(.*?)</script>', html).group(1)
    share = pct(seeded["16.03"].reached["rapat_pendirian"], seeded["16.03"].target)
    assert data.startswith(f'{{"labels": ["Kabupaten Muara Enim: {share}"')


def test_regency_dashboard_links_each_kecamatan_to_the_worklist_filtered_to_it(sumsel, seeded):
    html = sumsel.get("/wilayah/16.03/").content.decode()

    rows = table_rows(html, "wilayah")
    assert len(rows) == 22
    assert rows["16.03.07"] == expected_cells(seeded["16.03.07"], "Lawang Kidul")
    assert '<a href="/koperasi/wilayah/16.03/?kecamatan=16.03.07">Lawang Kidul</a>' in html


def test_regency_dashboard_shows_breadcrumbs_back_to_the_nation_for_national_staff(viewer, seeded):
    html = viewer.get("/wilayah/16.03/").content.decode()

    assert '<a href="/wilayah/">Indonesia</a> ›' in html
    assert '<a href="/wilayah/16/">Sumatera Selatan</a> ›' in html


def test_regency_with_empty_target_shows_no_target_never_zero_percent(sumsel, seeded):
    Target.objects.create(region_id="16.03", year=current_year(), value=None)
    from cooperatives import rollup

    rollup.rollup_full()

    rows = table_rows(sumsel.get("/wilayah/16/").content.decode(), "wilayah")

    assert rows["16.03"][4] == "Tanpa target"
    assert rows["16.03"][-1] == "Tanpa target"


# Exports and API: the same numbers


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_province_export_has_the_numbers_of_the_page(sumsel, seeded, fmt):
    page = table_rows(sumsel.get("/wilayah/16/").content.decode(), "wilayah")

    response = sumsel.get(f"/wilayah/16/unduh/wilayah.{fmt}")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="wilayah-16-')
    rows = READERS[fmt](response.content)
    header, muara_enim = rows[0], next(r for r in rows if r[0] == "16.03")
    assert header[:3] == ["Kode", "Wilayah", "Desa/kelurahan"]
    assert len(rows) == 1 + len(page)
    p = seeded["16.03"]
    numbers = [p.villages, p.villages_served, p.target, p.cooperatives, *(p.reached[s] for s in FUNNEL)]
    assert [int(v) for v in muara_enim[2:-1]] == numbers
    assert float(muara_enim[-1]) == round(100 * p.reached["rapat_pendirian"] / p.target, 1)


def _csv(body: bytes) -> list[list]:
    return list(csv.reader(io.StringIO(body.decode("utf-8").lstrip("\ufeff"))))


def _xlsx(body: bytes) -> list[list]:
    return [list(r) for r in load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True)]


READERS = {"csv": _csv, "xlsx": _xlsx}


def test_xlsx_export_cells_are_numbers(sumsel, seeded):
    ws = load_workbook(io.BytesIO(sumsel.get("/wilayah/16/unduh/wilayah.xlsx").content)).active

    assert ws["C2"].data_type == "n"
    assert ws["A2"].data_type == "s"


@pytest.mark.parametrize("table", ["tahapan", "tertinggal", "tren"])
def test_every_table_of_the_province_dashboard_downloads(sumsel, seeded, table):
    response = sumsel.get(f"/wilayah/16/unduh/{table}.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"


@pytest.mark.parametrize("table", ["wilayah", "tahapan", "tertinggal-provinsi", "tertinggal-kabupaten", "tren"])
def test_every_table_of_the_national_dashboard_downloads(viewer, seeded, table):
    assert viewer.get(f"/wilayah/unduh/{table}.xlsx").status_code == 200


def test_unknown_table_or_format_is_404(sumsel, seeded):
    assert sumsel.get("/wilayah/16/unduh/nope.csv").status_code == 404
    assert sumsel.get("/wilayah/16/unduh/wilayah.pdf").status_code == 404


def test_progress_api_gives_the_numbers_of_the_province_dashboard(sumsel, seeded):
    page = table_rows(sumsel.get("/wilayah/16/").content.decode(), "wilayah")

    api = {c["code"]: c for c in sumsel.get("/api/v1/progress/16/").json()["children"]}

    for code, cells in page.items():
        row = api[code]
        numbers = [row["villages"], row["villages_served"], row["target"], row["cooperatives"]]
        numbers += [row["reached"][s] for s in FUNNEL]
        assert [c.removesuffix(" *") for c in cells[2:-1]] == [dotted(n) for n in numbers]


# Scope


@pytest.mark.parametrize(
    "url",
    [
        "/wilayah/16/",
        "/wilayah/16.03/",
        "/wilayah/16/unduh/wilayah.csv",
        "/wilayah/16/unduh/wilayah.xlsx",
        "/wilayah/16.03/unduh/wilayah.xlsx",
        "/wilayah/unduh/wilayah.csv",
    ],
)
def test_provincial_officer_of_jawa_barat_gets_404_for_sumatera_selatan(client, other_provincial_staff, seeded, url):
    client.force_login(other_provincial_staff)

    response = client.get(url)

    assert response.status_code == 404
    assert NOT_FOUND in response.content.decode()


def test_provincial_officer_cannot_get_the_kecamatan_rows_of_another_province_from_the_api(
    client, other_provincial_staff, seeded
):
    client.force_login(other_provincial_staff)

    assert client.get("/api/v1/progress/16.03.07/").status_code == 404
    assert client.get("/api/v1/progress/16.03/").json()["children"] == []


@pytest.mark.parametrize("url", ["/wilayah/16/", "/wilayah/16/unduh/wilayah.csv"])
def test_district_officer_gets_404_for_the_province_dashboard(client, district_officer, seeded, url):
    client.force_login(district_officer)

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/wilayah/", "/wilayah/16/", "/wilayah/16/unduh/wilayah.csv"])
def test_user_without_role_gets_403(client, seeded, url):
    client.force_login(UserFactory(role="", region_id=None))

    response = client.get(url)

    assert response.status_code == 403
    assert "Peran Anda tidak mengizinkan tindakan ini." in response.content.decode()


def test_notary_sees_the_dashboard_of_the_province_of_the_seat_but_may_not_export(client, notary, seeded):
    client.force_login(notary)

    assert client.get("/wilayah/16/").status_code == 200
    assert client.get("/wilayah/16/unduh/wilayah.csv").status_code == 403
    assert "unduh/" not in client.get("/wilayah/16/").content.decode()


def test_anonymous_export_is_sent_to_login(client, seeded):
    response = client.get("/wilayah/16/unduh/wilayah.csv")

    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/?next=")


# Projection form


def test_projection_form_gives_the_pace_needed_for_a_chosen_date(viewer, seeded):
    html = viewer.get("/wilayah/", {"by": "2030-12-31", "window": "28"}).content.decode()

    assert 'data-testid="needed">Agar target tercapai pada 31 Desember 2030, dibutuhkan' in html
    assert '<option value="28" selected>28 hari terakhir</option>' in html


def test_projection_form_with_a_bad_date_says_how_to_write_it(viewer, seeded):
    html = viewer.get("/wilayah/", {"by": "31-12-2030"}).content.decode()

    assert "Isi tanggal dengan format TTTT-BB-HH, mis. 2026-01-31." in html
    assert 'data-testid="needed"' not in html


# Query bounds (cold cache, then warm)


@pytest.mark.parametrize(
    ("user", "url"),
    [
        ("national_viewer", "/wilayah/"),
        ("national_viewer", "/wilayah/16/"),
        ("provincial_staff", "/wilayah/16/"),
        ("provincial_staff", "/wilayah/16.03/"),
        ("district_officer", "/wilayah/16.03/"),
        ("national_viewer", "/wilayah/unduh/tertinggal-kabupaten.xlsx"),
        ("provincial_staff", "/wilayah/16.03/unduh/wilayah.csv"),
    ],
)
def test_dashboard_pages_run_at_most_15_queries(client, seeded, request, user, url, django_assert_max_num_queries):
    client.force_login(request.getfixturevalue(user))
    cache.clear()

    with django_assert_max_num_queries(15):
        cold = client.get(url)
    with django_assert_max_num_queries(15):
        warm = client.get(url)

    assert cold.status_code == warm.status_code == 200


# Trend


def test_national_dashboard_projects_the_target_date_from_the_series_and_todays_row(viewer, seeded):
    today = timezone.localdate()
    formed = seeded[""].reached["rapat_pendirian"]
    base = (SERIES_DAYS - 14) // 2  # the snapshot 14 days ago (the fixture's series grows by one every two days)
    pace = (formed - base) / 14
    date = today + datetime.timedelta(days=math.ceil((80_000 - formed) / pace))
    months = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()

    html = viewer.get("/wilayah/").content.decode()

    assert (
        f"Dengan laju 14 hari terakhir ({f'{pace:.1f}'.replace('.', ',')} per hari), sisa {dotted(80_000 - formed)} "
        f"tercapai pada {date.day} {months[date.month - 1]} {date.year}."
    ) in html


def test_trend_chart_and_table_hold_the_daily_snapshots_and_today(viewer, seeded):
    html = viewer.get("/wilayah/").content.decode()

    data = json.loads(re.search(r'<script id="chart-trend-data" type="application/json">(.*?)</script>', html).group(1))
    today = timezone.localdate()
    assert data["labels"][0] == (today - datetime.timedelta(days=SERIES_DAYS)).isoformat()
    assert data["labels"][SERIES_DAYS] == today.isoformat()
    assert data["values"][SERIES_DAYS] == seeded[""].reached["rapat_pendirian"]
    assert len(table_rows(html, "tren")) == SERIES_DAYS
