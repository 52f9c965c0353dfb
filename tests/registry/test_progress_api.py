"""The progress API: `/api/v1/progress/[<code>/][series/]`, its public and area-scoped rows, CSV, series and schema.

The roll-up rows are made here with the ORM (the cooperatives app computes them; this tests only the reading side).
"""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from registry.api_progress import spreadsheet_safe
from registry.models import Progress, ProgressLevel, ProgressSnapshot, Region, RegionLevel
from registry.stages import STAGE_ORDER
from tests.factories import UserFactory

NATION = "/api/v1/progress/"
NATION_SERIES = "/api/v1/progress/series/"
STAGES = [stage.value for stage in STAGE_ORDER]
COMPUTED_AT = datetime.datetime(2026, 11, 28, 10, 0, tzinfo=datetime.UTC)


def detail(code: str) -> str:
    return f"/api/v1/progress/{code}/"


def series(code: str) -> str:
    return f"/api/v1/progress/{code}/series/"


def _row(code: str, level: ProgressLevel, cooperatives: int, **extra) -> Progress:
    return Progress.objects.create(
        code=code,
        level=level,
        villages=extra.pop("villages", 10 * cooperatives + 5),
        villages_served=cooperatives,
        target=extra.pop("target", 10 * cooperatives + 5),
        cooperatives=cooperatives,
        # Only two stages written: the API must fill in the others with 0.
        reached={"belum": cooperatives, "musdesus": cooperatives // 2},
        by_pattern={"baru": cooperatives},
        by_kind={"KDMP": cooperatives, "KKMP": 0},
        founders=9 * cooperatives,
        founders_women=3 * cooperatives,
        computed_at=COMPUTED_AT,
        **extra,
    )


@pytest.fixture
def rollup(db):
    """The nation, Sumatera Selatan and Jawa Barat, Muara Enim and Lahat, two kecamatan of Muara Enim, one of Lahat."""
    rows = [
        _row("", ProgressLevel.NATION, 12),
        _row("16", ProgressLevel.PROVINCE, 8),
        _row("32", ProgressLevel.PROVINCE, 4),
        _row("16.03", ProgressLevel.REGENCY, 6, target=None),
        _row("16.04", ProgressLevel.REGENCY, 2),
        _row("16.03.01", ProgressLevel.KECAMATAN, 4),
        _row("16.03.02", ProgressLevel.KECAMATAN, 2),
        _row("16.04.01", ProgressLevel.KECAMATAN, 2),
    ]
    return {row.code: row for row in rows}


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def officer_api(api, district_officer):
    api.force_login(district_officer)
    return api


@pytest.fixture
def other_officer_api(api, other_district_officer):
    api.force_login(other_district_officer)
    return api


def _csv_rows(response) -> list[dict]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:])))


# Public aggregates


def test_nation_is_public_with_the_provinces_as_children(api, rollup):
    response = api.get(NATION)

    assert response.status_code == 200
    data = response.json()
    assert (data["code"], data["name"], data["level"], data["cooperatives"]) == ("", "Indonesia", "nation", 12)
    children = {c["code"]: c for c in data["children"]}
    assert len(children) == 38
    assert children["16"]["name"] == "Sumatera Selatan"
    assert children["16"]["level"] == "province"
    assert children["16"]["cooperatives"] == 8


def test_row_has_every_field_and_every_stage_in_reached(api, rollup):
    data = api.get(detail("16")).json()

    assert set(data) == {
        "code",
        "name",
        "level",
        "villages",
        "villages_served",
        "target",
        "cooperatives",
        "reached",
        "by_pattern",
        "by_kind",
        "founders",
        "founders_women",
        "as_of",
        "children",
        "children_hidden",
    }
    assert list(data["reached"]) == STAGES
    assert data["reached"] == {"belum": 8, "musdesus": 4} | {s: 0 for s in STAGES[2:]}
    assert data["by_kind"] == {"KDMP": 8, "KKMP": 0}
    assert (data["founders"], data["founders_women"]) == (72, 24)
    assert datetime.datetime.fromisoformat(data["as_of"]) == COMPUTED_AT


def test_province_is_public_with_its_regencies(api, rollup):
    response = api.get(detail("16"))

    assert response.status_code == 200
    children = {c["code"]: c for c in response.json()["children"]}
    assert children["16.03"]["name"] == "Kabupaten Muara Enim"
    assert children["16.03"]["level"] == "regency"
    assert children["16.03"]["cooperatives"] == 6
    assert children["16.04"]["cooperatives"] == 2


def test_regency_is_public_but_anonymous_users_do_not_get_its_kecamatan(api, rollup):
    response = api.get(detail("16.03"))

    assert response.status_code == 200
    data = response.json()
    assert (data["name"], data["level"], data["cooperatives"]) == ("Kabupaten Muara Enim", "regency", 6)
    assert data["children"] == []
    assert data["children_hidden"] is True


def test_no_target_stays_null_not_zero(api, rollup):
    assert api.get(detail("16.03")).json()["target"] is None


def test_district_officer_gets_the_kecamatan_of_their_regency(officer_api, rollup):
    data = officer_api.get(detail("16.03")).json()

    children = {c["code"]: c for c in data["children"]}
    assert data["children_hidden"] is False
    assert children["16.03.01"]["cooperatives"] == 4
    assert children["16.03.01"]["level"] == "kecamatan"
    assert children["16.03.01"]["name"] == "Tanjung Agung"
    assert len(children) == Region.objects.filter(parent_id="16.03").count()


def test_regions_without_a_row_show_zeros_from_the_region_master(officer_api, rollup):
    # Only two of Muara Enim's kecamatan have rows in the fixture; the others show zeros and their village count.
    data = officer_api.get(detail("16.03")).json()
    bare = next(c for c in data["children"] if c["code"] == "16.03.03")
    villages = Region.objects.filter(code__startswith="16.03.03.", level=RegionLevel.VILLAGE).count()

    assert bare["as_of"] is None
    assert bare["cooperatives"] == 0
    assert bare["villages"] == villages
    assert bare["target"] == villages
    assert bare["reached"] == {s: 0 for s in STAGES}


def test_another_regencys_officer_sees_the_regency_without_its_kecamatan(other_officer_api, rollup):
    data = other_officer_api.get(detail("16.03")).json()

    assert data["cooperatives"] == 6
    assert data["children"] == []
    assert data["children_hidden"] is True


def test_provincial_staff_see_the_kecamatan_of_their_province(api, provincial_staff, rollup):
    api.force_login(provincial_staff)

    assert api.get(detail("16.03.01")).status_code == 200
    assert len(api.get(detail("16.03")).json()["children"]) > 0


# Kecamatan: the user's area


def test_district_officer_gets_a_kecamatan_of_their_regency(officer_api, rollup):
    response = officer_api.get(detail("16.03.01"))

    assert response.status_code == 200
    data = response.json()
    assert (data["code"], data["level"], data["cooperatives"], data["children"]) == (
        "16.03.01",
        "kecamatan",
        4,
        [],
    )


def test_anonymous_user_gets_404_for_a_kecamatan(api, rollup):
    assert api.get(detail("16.03.01")).status_code == 404


def test_another_regencys_officer_gets_404_for_a_kecamatan_of_muara_enim(other_officer_api, rollup):
    assert other_officer_api.get(detail("16.03.01")).status_code == 404


def test_staff_of_another_province_get_404_for_a_kecamatan_of_muara_enim(api, other_provincial_staff, rollup):
    api.force_login(other_provincial_staff)

    assert api.get(detail("16.03.01")).status_code == 404


def test_user_without_a_role_gets_404_for_a_kecamatan_but_sees_the_public_rows(api, rollup):
    api.force_login(UserFactory(role="", region_id=None))

    assert api.get(detail("16.03.01")).status_code == 404
    assert api.get(detail("16.03")).status_code == 200


@pytest.mark.parametrize("code", ["99", "16.99", "16.03.99", "16.03.01.2001"])
def test_unknown_code_or_a_village_gets_404(api, rollup, code):
    assert api.get(detail(code)).status_code == 404


# Before the first roll-up


def test_without_any_rollup_the_nation_answers_200_with_zeros_and_no_as_of(api, db):
    response = api.get(NATION)

    assert response.status_code == 200
    data = response.json()
    assert data["as_of"] is None
    assert data["cooperatives"] == 0
    assert data["target"] == 80_000
    assert data["villages"] == Region.objects.filter(level=RegionLevel.VILLAGE).count()
    assert sum(c["villages"] for c in data["children"]) == data["villages"]


def test_without_any_rollup_a_kecamatan_answers_200_with_its_village_count(officer_api, db):
    data = officer_api.get(detail("16.03.01")).json()

    assert data["as_of"] is None
    assert data["villages"] == Region.objects.filter(parent_id="16.03.01").count()


# CSV


def test_csv_has_the_same_numbers_as_the_json(officer_api, rollup):
    data = officer_api.get(detail("16.03")).json()

    response = officer_api.get(detail("16.03"), {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="progres-16.03-')
    rows = _csv_rows(response)
    json_rows = [data, *data["children"]]
    assert [r["code"] for r in rows] == [r["code"] for r in json_rows]
    for row, expected in zip(rows, json_rows, strict=True):
        assert row["name"] == expected["name"]
        assert int(row["cooperatives"]) == expected["cooperatives"]
        assert int(row["villages"]) == expected["villages"]
        assert row["target"] == ("" if expected["target"] is None else str(expected["target"]))
        assert {s: int(row[f"reached_{s}"]) for s in STAGES} == expected["reached"]
        assert int(row["founders_women"]) == expected["founders_women"]


def test_csv_of_the_nation_is_a_download_of_the_nation_and_provinces(api, rollup):
    response = api.get(NATION, {"format": "csv"})

    assert response.status_code == 200
    assert 'filename="progres-indonesia-' in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert rows[0]["name"] == "Indonesia"
    assert len(rows) == 39


def test_csv_protects_text_cells_against_formulas(officer_api, rollup):
    Region.objects.filter(code="16.03.01").update(name='=HYPERLINK("http://x","klik")')

    rows = _csv_rows(officer_api.get(detail("16.03"), {"format": "csv"}))

    assert next(r for r in rows if r["code"] == "16.03.01")["name"] == '\'=HYPERLINK("http://x","klik")'


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_spreadsheet_safe_prefixes_formula_starts(value):
    assert spreadsheet_safe(value) == f"'{value}"


def test_spreadsheet_safe_leaves_plain_text_and_numbers(value="Muara Enim"):
    assert (spreadsheet_safe(value), spreadsheet_safe(-3)) == (value, -3)


def test_csv_for_a_kecamatan_out_of_area_is_404(api, rollup):
    assert api.get(detail("16.03.01"), {"format": "csv"}).status_code == 404


# Series


@pytest.fixture
def snapshots(rollup):
    today = timezone.localdate()
    for code in ("", "16.03"):
        for back in range(0, 100, 10):
            ProgressSnapshot.objects.create(
                code=code,
                level=ProgressLevel.NATION if code == "" else ProgressLevel.REGENCY,
                day=today - datetime.timedelta(days=back),
                cooperatives=100 - back,
                reached={"belum": 100 - back},
                villages_served=50,
                target=None if code else 80_000,
                founders=9,
                computed_at=COMPUTED_AT,
            )
    return today


def test_series_defaults_to_the_last_90_days_oldest_first(api, snapshots):
    response = api.get(series("16.03"))

    assert response.status_code == 200
    days = response.json()
    assert [d["day"] for d in days] == [
        (snapshots - datetime.timedelta(days=back)).isoformat() for back in range(80, -1, -10)
    ]
    assert days[-1] == {
        "day": snapshots.isoformat(),
        "cooperatives": 100,
        "reached": {"belum": 100} | {s: 0 for s in STAGES[1:]},
        "villages_served": 50,
        "target": None,
        "founders": 9,
    }


def test_series_of_the_nation(api, snapshots):
    days = api.get(NATION_SERIES, {"from": (snapshots - datetime.timedelta(days=10)).isoformat()}).json()

    assert [(d["cooperatives"], d["target"]) for d in days] == [(90, 80_000), (100, 80_000)]


def test_series_honours_from_and_to(api, snapshots):
    start = snapshots - datetime.timedelta(days=99)
    end = snapshots - datetime.timedelta(days=50)

    days = api.get(series("16.03"), {"from": start.isoformat(), "to": end.isoformat()}).json()

    assert [d["cooperatives"] for d in days] == [10, 20, 30, 40, 50]


@pytest.mark.parametrize("params", [{"from": "2026-13-01"}, {"to": "kemarin"}])
def test_series_rejects_a_bad_date_in_indonesian(api, snapshots, params):
    response = api.get(series("16.03"), params)

    assert response.status_code == 400
    (field,) = params
    assert response.json()[field] == ["Isi tanggal dengan format TTTT-BB-HH, mis. 2026-01-31."]


def test_series_rejects_from_after_to(api, snapshots):
    response = api.get(series("16.03"), {"from": "2026-02-01", "to": "2026-01-01"})

    assert response.status_code == 400
    assert response.json()["from"] == ["Tanggal awal jatuh sesudah tanggal akhir."]


@pytest.mark.parametrize("code", ["16.03.01", "16.99"])
def test_series_of_a_kecamatan_or_an_unknown_code_is_404(officer_api, snapshots, code):
    assert officer_api.get(series(code)).status_code == 404


# Queries and schema


@pytest.mark.parametrize("url", [NATION, detail("16"), detail("16.03"), detail("16.03.01"), series("16.03")])
def test_a_fixed_number_of_queries(officer_api, snapshots, url, django_assert_max_num_queries):
    # Session and user, the region's level, the region names, the rows; two more while some rows are missing.
    with django_assert_max_num_queries(7):
        response = officer_api.get(url)

    assert response.status_code == 200


def test_a_fixed_number_of_queries_before_the_first_rollup(api, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        response = api.get(NATION)

    assert response.status_code == 200


def test_schema_lists_the_progress_endpoints(api, db):
    schema = api.get("/api/schema/", {"format": "json"}).json()

    assert {
        "/api/v1/progress/",
        "/api/v1/progress/{code}/",
        "/api/v1/progress/series/",
        "/api/v1/progress/{code}/series/",
    } <= set(schema["paths"])
    row = schema["components"]["schemas"]["ProgressRow"]
    assert set(STAGES) <= set(schema["components"]["schemas"]["ProgressReached"]["properties"])
    assert row["properties"]["target"]["nullable"] is True


def test_schema_validates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
