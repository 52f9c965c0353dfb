"""The region API: `/api/v1/regions/` and `/api/v1/regions/<code>/`, its auth, filters, pagination, scope and docs."""

import pytest
from django.contrib.staticfiles import finders
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from registry.models import Region, RegionLevel
from tests.factories import UserFactory

LIST = "/api/v1/regions/"


def detail(code: str) -> str:
    return f"/api/v1/regions/{code}/"


def _resolved(schema: dict, node: dict) -> dict:
    """A schema node with its `$ref` (if any) looked up in the components."""
    ref = node.get("$ref", "")
    return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else node


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def as_user(api, request):
    """An API client logged in (session) as the user fixture named by the test's `role` parameter."""
    api.force_login(request.getfixturevalue(request.param))
    return api


@pytest.fixture
def viewer_api(api, national_viewer):
    api.force_login(national_viewer)
    return api


@pytest.fixture
def officer_api(api, district_officer):
    api.force_login(district_officer)
    return api


@pytest.fixture
def user_without_role(db):
    return UserFactory(role="", region_id=None)


@pytest.fixture
def lahat_village(db) -> Region:
    return Region.objects.filter(code__startswith="16.04.", level=RegionLevel.VILLAGE).first()


# Authentication


@pytest.mark.parametrize("url", [LIST, detail("16.03")])
def test_anonymous_request_gets_401_with_a_token_challenge(api, db, url):
    response = api.get(url)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_an_unknown_token_gets_401(api, db):
    response = api.get(LIST, HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")

    assert response.status_code == 401


def test_token_authentication_works(api, national_viewer):
    token = Token.objects.create(user=national_viewer)

    response = api.get(detail("16"), HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 200
    assert response.json()["code"] == "16"


def test_token_of_a_district_officer_is_scoped_to_their_regency(api, district_officer):
    token = Token.objects.create(user=district_officer)

    response = api.get(LIST, {"level": 2}, HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 200
    assert [r["code"] for r in response.json()["results"]] == ["16.03"]


def test_session_authentication_works(viewer_api):
    response = viewer_api.get(LIST, {"level": 1})

    assert response.status_code == 200
    assert response.json()["count"] == 38


@pytest.mark.parametrize("url", [LIST, detail("16")])
def test_user_without_role_gets_403(api, user_without_role, url):
    api.force_login(user_without_role)

    response = api.get(url)

    assert response.status_code == 403


def test_user_without_role_gets_403_with_token_too(api, user_without_role):
    token = Token.objects.create(user=user_without_role)

    response = api.get(LIST, HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 403


# Detail


def test_regency_detail_returns_muara_enim_with_its_22_kecamatan(viewer_api):
    response = viewer_api.get(detail("16.03"))

    assert response.status_code == 200
    data = response.json()
    assert data["code"] == "16.03"
    assert data["name"] == "Kabupaten Muara Enim"
    assert data["level"] == RegionLevel.REGENCY
    assert data["kind"] == "kabupaten"
    assert data["parent"] == "16"
    assert len(data["children"]) == 22
    assert {c["level"] for c in data["children"]} == {RegionLevel.KECAMATAN}
    assert all(c["code"].startswith("16.03.") for c in data["children"])
    assert [c["code"] for c in data["children"]] == sorted(c["code"] for c in data["children"])


def test_province_detail_has_no_parent(viewer_api):
    data = viewer_api.get(detail("16")).json()

    assert data["parent"] is None
    assert data["name"] == "Sumatera Selatan"
    assert len(data["children"]) == Region.objects.filter(parent_id="16").count()


def test_village_detail_has_its_postal_code_and_no_children(officer_api):
    villages = Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE)
    village = villages.exclude(postal_code="").first()

    data = officer_api.get(detail(village.code)).json()

    assert data["postal_code"] == village.postal_code
    assert data["parent"] == village.parent_id
    assert data["children"] == []


def test_unknown_code_gets_404(viewer_api):
    assert viewer_api.get(detail("16.99")).status_code == 404


def test_malformed_code_is_not_routed(viewer_api):
    assert viewer_api.get("/api/v1/regions/16.3/").status_code == 404


@pytest.mark.parametrize("code", ["16.04", "16.04.01", "16", "32"])
def test_district_officer_gets_404_for_a_region_outside_their_regency(officer_api, code):
    response = officer_api.get(detail(code))

    assert response.status_code == 404
    assert Region.objects.get(code=code).name not in response.content.decode()


def test_district_officer_gets_404_for_a_village_of_lahat(officer_api, lahat_village):
    response = officer_api.get(detail(lahat_village.code))

    assert response.status_code == 404
    assert lahat_village.name not in response.content.decode()


def test_district_officer_gets_their_own_village(officer_api):
    village = Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE).first()

    assert officer_api.get(detail(village.code)).json()["name"] == village.name


@pytest.mark.parametrize("as_user", ["notary"], indirect=True)
def test_notary_reaches_regions_of_the_whole_province_of_the_seat(as_user):
    assert as_user.get(detail("16.04")).status_code == 200
    assert as_user.get(detail("32")).status_code == 404


@pytest.mark.parametrize("as_user", ["other_provincial_staff"], indirect=True)
def test_provincial_staff_of_jawa_barat_gets_404_for_sumatera_selatan(as_user):
    assert as_user.get(detail("16")).status_code == 404
    assert as_user.get(detail("32")).status_code == 200


# List filters


def test_list_filters_by_parent(viewer_api):
    data = viewer_api.get(LIST, {"parent": "16.03"}).json()

    assert data["count"] == 22
    assert {r["parent"] for r in data["results"]} == {"16.03"}


@pytest.mark.parametrize(
    ("level", "expected_count"),
    [(1, 38), (2, 514), (3, 7285)],
)
def test_list_filters_by_level(viewer_api, level, expected_count):
    data = viewer_api.get(LIST, {"level": level}).json()

    assert data["count"] == expected_count
    assert {r["level"] for r in data["results"]} == {level}


def test_list_level_4_counts_every_village(viewer_api):
    data = viewer_api.get(LIST, {"level": 4}).json()

    assert data["count"] == Region.objects.filter(level=RegionLevel.VILLAGE).count()


@pytest.mark.parametrize("kind", ["kota", "kelurahan", "distrik"])
def test_list_filters_by_kind(viewer_api, kind):
    data = viewer_api.get(LIST, {"kind": kind, "page_size": 500}).json()

    assert data["count"] == Region.objects.filter(kind=kind).count()
    assert data["count"] > 0
    assert {r["kind"] for r in data["results"]} == {kind}


def test_list_combines_filters(viewer_api):
    data = viewer_api.get(LIST, {"parent": "16", "kind": "kota"}).json()

    assert data["count"] == Region.objects.filter(parent_id="16", kind="kota").count()
    assert {(r["parent"], r["kind"]) for r in data["results"]} == {("16", "kota")}


def test_list_search_by_name_is_case_insensitive_and_partial(viewer_api):
    data = viewer_api.get(LIST, {"q": "muara en", "page_size": 500}).json()

    names = [r["name"] for r in data["results"]]
    assert "Kabupaten Muara Enim" in names
    assert data["count"] == Region.objects.filter(name__icontains="muara en").count()
    assert all("muara en" in name.lower() for name in names)


def test_list_search_by_code_prefix(viewer_api):
    data = viewer_api.get(LIST, {"q": "16.03.07", "page_size": 500}).json()

    expected = 1 + Region.objects.filter(code__startswith="16.03.07.").count()
    assert data["count"] == expected
    assert data["results"][0]["code"] == "16.03.07"
    assert all(r["code"].startswith("16.03.07") for r in data["results"])


def test_list_search_ignores_surrounding_whitespace(viewer_api):
    padded = viewer_api.get(LIST, {"q": "  16.03.07  "}).json()

    assert padded["count"] == 1 + Region.objects.filter(code__startswith="16.03.07.").count()


# Three villages of Muara Enim are called Pagar Dewa, each in another kecamatan.
PAGAR_DEWA = {
    "16.03.01.2012": ("16.03.01", "Tanjung Agung"),
    "16.03.19.2003": ("16.03.19", "Benakat"),
    "16.03.25.2006": ("16.03.25", "Lubai Ulu"),
}


@pytest.mark.parametrize(
    "q", ["PAGAR  DEWA", "pagar\u00a0dewa", "Ds. Pagar Dewa", "DESA  pagar dewa", "Desa.Pagar Dewa"]
)
def test_list_search_reads_past_spacing_case_and_the_desa_prefix(officer_api, q):
    data = officer_api.get(LIST, {"q": q}).json()

    assert [r["code"] for r in data["results"]] == list(PAGAR_DEWA)


def test_list_search_drops_the_kelurahan_prefix(officer_api):
    data = officer_api.get(LIST, {"q": "Kel.  Gelumbang", "level": 4}).json()

    assert [r["code"] for r in data["results"]] == ["16.03.06.1010"]


def test_village_rows_carry_their_kecamatan(officer_api):
    data = officer_api.get(LIST, {"q": "pagar dewa"}).json()

    assert {r["code"]: (r["kecamatan"], r["kecamatan_name"]) for r in data["results"]} == PAGAR_DEWA


def test_rows_above_the_village_carry_no_kecamatan(officer_api):
    data = officer_api.get(LIST, {"level": 3, "page_size": 3}).json()

    assert [(r["kecamatan"], r["kecamatan_name"]) for r in data["results"]] == [(None, None)] * 3


@pytest.mark.parametrize("params", [{"level": 9}, {"level": "provinsi"}, {"kind": "negara"}])
def test_invalid_filter_value_gets_400_naming_the_field(viewer_api, params):
    response = viewer_api.get(LIST, params)

    assert response.status_code == 400
    assert set(response.json()) == set(params)


# Pagination


def test_list_is_paginated_with_count_next_previous_and_results(viewer_api):
    data = viewer_api.get(LIST).json()

    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] == Region.objects.count()
    assert len(data["results"]) == 50
    assert data["previous"] is None
    assert "page=2" in data["next"]
    assert data["results"][0]["code"] == "11"


def test_page_size_parameter_and_following_pages(viewer_api):
    first = viewer_api.get(LIST, {"parent": "16.03", "page_size": 10}).json()
    last = viewer_api.get(LIST, {"parent": "16.03", "page_size": 10, "page": 3}).json()

    assert first["count"] == 22
    assert len(first["results"]) == 10
    assert "page_size=10" in first["next"]
    assert "parent=16.03" in first["next"]
    assert len(last["results"]) == 2
    assert last["next"] is None
    assert "page=2" in last["previous"]


def test_pages_do_not_overlap(viewer_api):
    first = viewer_api.get(LIST, {"parent": "16.03", "page_size": 10}).json()
    second = viewer_api.get(LIST, {"parent": "16.03", "page_size": 10, "page": 2}).json()

    assert not {r["code"] for r in first["results"]} & {r["code"] for r in second["results"]}


def test_page_size_is_capped_at_500(viewer_api):
    data = viewer_api.get(LIST, {"level": 4, "page_size": 5000}).json()

    assert len(data["results"]) == 500


def test_page_past_the_end_gets_404(viewer_api):
    assert viewer_api.get(LIST, {"parent": "16.03", "page": 99}).status_code == 404


# Scope of the list


def test_district_officer_list_holds_only_muara_enim_subtree(officer_api):
    data = officer_api.get(LIST, {"page_size": 500}).json()

    assert data["count"] == 1 + Region.objects.filter(code__startswith="16.03.").count()
    assert all(r["code"] == "16.03" or r["code"].startswith("16.03.") for r in data["results"])


def test_district_officer_filtering_level_2_gets_only_their_regency(officer_api):
    data = officer_api.get(LIST, {"level": 2}).json()

    assert data["count"] == 1
    assert data["results"][0]["code"] == "16.03"


@pytest.mark.parametrize("params", [{"parent": "16.04"}, {"q": "16.04"}, {"q": "Lahat"}, {"level": 1}])
def test_district_officer_cannot_reach_other_regions_through_filters(officer_api, params):
    data = officer_api.get(LIST, params).json()

    assert data["count"] == 0
    assert data["results"] == []


@pytest.mark.parametrize("as_user", ["provincial_staff"], indirect=True)
def test_provincial_staff_list_of_regencies_is_their_province(as_user):
    data = as_user.get(LIST, {"level": 2}).json()

    assert data["count"] == Region.objects.filter(parent_id="16").count()
    assert all(r["parent"] == "16" for r in data["results"])


# Query counts


@pytest.mark.parametrize("params", [{}, {"page_size": 500}, {"level": 4, "page_size": 500}, {"q": "muara"}])
def test_list_runs_a_fixed_small_number_of_queries(viewer_api, django_assert_max_num_queries, params):
    # Session, user, COUNT, one page: however many rows the page holds (no query per row).
    with django_assert_max_num_queries(4):
        response = viewer_api.get(LIST, params)

    assert response.status_code == 200


def test_list_with_token_runs_a_fixed_small_number_of_queries(api, district_officer, django_assert_max_num_queries):
    token = Token.objects.create(user=district_officer)

    with django_assert_max_num_queries(3):
        response = api.get(LIST, {"page_size": 500}, HTTP_AUTHORIZATION=f"Token {token.key}")

    assert len(response.json()["results"]) > 250


def test_detail_runs_a_fixed_small_number_of_queries(viewer_api, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = viewer_api.get(detail("16"))

    assert len(response.json()["children"]) > 10


# Schema and docs


def test_schema_is_an_openapi_document_with_both_region_paths(api, db):
    response = api.get("/api/schema/", {"format": "json"})

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/regions/", "/api/v1/regions/{code}/"} <= set(schema["paths"])


def test_schema_default_format_is_yaml_with_both_region_paths(api, db):
    response = api.get("/api/schema/")

    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith("openapi: 3.")
    assert "/api/v1/regions/:" in body
    assert "/api/v1/regions/{code}/:" in body


def test_schema_documents_the_list_filters(api, db):
    schema = api.get("/api/schema/", {"format": "json"}).json()

    parameters = {p["name"] for p in schema["paths"]["/api/v1/regions/"]["get"]["parameters"]}
    assert {"parent", "level", "kind", "q"} <= parameters


def test_schema_describes_the_list_as_the_paginated_object_it_returns(api, db):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/regions/"]["get"]

    resolved = _resolved(schema, operation["responses"]["200"]["content"]["application/json"]["schema"])
    assert {"count", "next", "previous", "results"} <= set(resolved.get("properties", {}))
    assert {"page", "page_size"} <= {p["name"] for p in operation["parameters"]}


def test_api_docs_serve_swagger_ui_from_local_static_files(api, db):
    response = api.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css" in html
    assert 'url: "/api/schema/"' in html


@pytest.mark.parametrize("cdn", ["cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "//cdn."])
def test_api_docs_load_nothing_from_a_cdn(api, db, cdn):
    html = api.get("/api/docs/").content.decode()

    assert cdn not in html


def test_swagger_ui_bundle_is_available_as_a_local_static_file():
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js") is not None
