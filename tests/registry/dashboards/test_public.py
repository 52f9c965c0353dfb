"""The public progress page `/` and the open data (CSV and its column dictionary): aggregates only, no NIK, no
person's name, no link to a record; numbers equal the roll-up rows."""

import csv
import io
import re

import pytest

from tests.registry.dashboards.conftest import FOUNDER_NAME, FOUNDER_NIK
from tests.registry.dashboards.test_pages import dotted, expected_cells, pct, table_rows


def no_personal_data(text: str) -> None:
    assert FOUNDER_NIK not in text
    assert FOUNDER_NIK[-4:] not in re.sub(r"\d{5,}", "", text)  # nor a masked NIK's last four digits
    assert FOUNDER_NAME not in text
    assert "Siti" not in text
    assert "/koperasi/" not in text
    assert "pendiri/" not in text


def test_public_page_shows_national_progress_without_login(client, seeded):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    formed = seeded[""].reached["rapat_pendirian"]
    assert f'<span class="n">{dotted(formed)}</span><span class="l">Terbentuk (rapat pendirian ke atas)</span>' in html
    assert '<span class="n">80.000</span><span class="l">Target</span>' in html
    assert 'id="chart-funnel-data"' in html
    assert 'id="chart-trend-data"' in html
    assert 'data-testid="tilemap"' in html


def test_public_page_province_table_equals_the_province_rows_without_links(client, seeded):
    html = client.get("/").content.decode()

    rows = table_rows(html, "wilayah")
    assert rows["16"] == expected_cells(seeded["16"], "Sumatera Selatan")
    assert 'href="/wilayah/16/"' not in html


def test_public_page_has_no_personal_data_and_no_record_link(client, seeded):
    html = client.get("/").content.decode()

    no_personal_data(html)
    assert "unduh/" not in html
    assert "tertinggal-kabupaten" not in html


def test_public_page_runs_few_queries(client, seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        assert client.get("/").status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get("/").status_code == 200


def test_open_data_csv_holds_the_nation_provinces_and_regencies(client, seeded):
    response = client.get("/data-terbuka/progres.csv")

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
    assert len(rows) == 1 + 38 + 514
    by_code = {r["Kode"]: r for r in rows}
    p = seeded["16.03"]
    assert by_code["16.03"]["Tingkat"] == "regency"
    assert by_code["16.03"]["Koperasi"] == str(p.cooperatives)
    assert by_code["16.03"]["Rapat pendirian terlaksana"] == str(p.reached["rapat_pendirian"])
    assert by_code["16.03"]["Rapat pendirian ke atas, % dari target"] == pct(
        p.reached["rapat_pendirian"], p.target
    ).replace(",", ".").rstrip("%")
    assert by_code[""]["Target"] == "80000"


def test_open_data_csv_has_no_personal_data(client, seeded):
    no_personal_data(client.get("/data-terbuka/progres.csv").content.decode("utf-8"))


def test_open_data_has_a_column_dictionary_naming_every_column(client, seeded):
    html = client.get("/data-terbuka/").content.decode()
    header = next(csv.reader(io.StringIO(client.get("/data-terbuka/progres.csv").content.decode().lstrip("\ufeff"))))

    dictionary = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", html)
    assert [name for name, _kind, _meaning in dictionary] == header
    assert all(meaning for _name, _kind, meaning in dictionary)
    assert ("Target", "bilangan bulat", "Target jumlah koperasi tahun ini; kosong: tanpa target") in dictionary


@pytest.mark.parametrize("url", ["/", "/data-terbuka/", "/data-terbuka/progres.csv"])
def test_public_pages_answer_without_login(client, db, url):
    assert client.get(url).status_code == 200
