"""registry/codes.py: the one place for region-code arithmetic (levels, ancestors, subtree filter, pattern)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db.models import CharField, Count, Q, Value
from django.urls import Resolver404, resolve, reverse

from registry import codes
from registry.models import Region, RegionLevel, User
from tests.factories import UserFactory

VILLAGE = "16.03.01.2001"
EVERY_LEVEL = [
    ("16", RegionLevel.PROVINCE),
    ("16.03", RegionLevel.REGENCY),
    ("16.03.01", RegionLevel.KECAMATAN),
    (VILLAGE, RegionLevel.VILLAGE),
]
MALFORMED = [
    "",
    "1",
    "163",
    "16.",
    "16.3",
    "16.030",
    "16.03.1",
    "16.03.01.201",
    "16.03.01.20011",
    "16.03.01.2001.01",
    "16-03",
    "ab",
    "16.ab",
    " 16",
    "16.03\n",
    "١٦",  # Arabic-Indic digits are not region codes
]


# The level vocabulary


def test_kecamatan_is_level_3_and_called_kecamatan():
    assert RegionLevel.KECAMATAN == 3
    assert RegionLevel.KECAMATAN.label == "Kecamatan"


def test_the_models_module_uses_the_same_level_enum():
    from registry import models

    assert models.RegionLevel is codes.RegionLevel


@pytest.mark.parametrize(("code", "level"), EVERY_LEVEL)
def test_code_length_per_level(code, level):
    assert codes.CODE_LENGTH[level] == len(code)


# is_code / level / validators


@pytest.mark.parametrize(("code", "level"), EVERY_LEVEL)
def test_level_of_a_code(code, level):
    assert codes.level(code) is level


@pytest.mark.parametrize("code", MALFORMED)
def test_level_of_a_malformed_code_raises_value_error(code):
    with pytest.raises(ValueError, match="Not a region code"):
        codes.level(code)


def test_level_of_something_that_is_not_a_string_raises_value_error():
    with pytest.raises(ValueError, match="Not a region code"):
        codes.level(None)


@pytest.mark.parametrize(("code", "_level"), EVERY_LEVEL)
def test_is_code_accepts_every_level(code, _level):
    assert codes.is_code(code) is True


@pytest.mark.parametrize("code", [*MALFORMED, None, 16])
def test_is_code_refuses_anything_else(code):
    assert codes.is_code(code) is False


@pytest.mark.parametrize(("code", "_level"), EVERY_LEVEL)
def test_region_code_validator_accepts_every_level(code, _level):
    assert codes.region_code_validator(code) is None


@pytest.mark.parametrize("code", MALFORMED)
def test_region_code_validator_refuses_malformed_codes(code):
    with pytest.raises(ValidationError, match=re.escape("16.03.01.2001")):
        codes.region_code_validator(code)


@pytest.mark.parametrize(("code", "level"), EVERY_LEVEL)
def test_level_validator_accepts_a_code_of_its_level(code, level):
    assert codes.level_validator(level, "Wrong level.")(code) is None


@pytest.mark.parametrize(
    ("level", "code"),
    [
        (RegionLevel.VILLAGE, "16.03.01"),
        (RegionLevel.KECAMATAN, "16.03"),
        (RegionLevel.KECAMATAN, VILLAGE),
        (RegionLevel.REGENCY, "16.03\n"),
        (RegionLevel.REGENCY, "16"),
        (RegionLevel.PROVINCE, "16.03"),
        (RegionLevel.PROVINCE, "١٦"),
    ],
)
def test_level_validator_refuses_other_levels_with_its_message(level, code):
    with pytest.raises(ValidationError) as refused:
        codes.level_validator(level, "A kecamatan code looks like 16.03.01.")(code)

    assert refused.value.messages == ["A kecamatan code looks like 16.03.01."]


# Ancestry


@pytest.mark.parametrize(
    ("code", "province", "regency", "kecamatan"),
    [
        ("16", "16", None, None),
        ("16.03", "16", "16.03", None),
        ("16.03.01", "16", "16.03", "16.03.01"),
        (VILLAGE, "16", "16.03", "16.03.01"),
    ],
)
def test_province_regency_and_kecamatan_of_a_code(code, province, regency, kecamatan):
    assert codes.province_code(code) == province
    assert codes.regency_code(code) == regency
    assert codes.kecamatan_code(code) == kecamatan


@pytest.mark.parametrize(
    ("code", "level", "expected"),
    [
        (VILLAGE, RegionLevel.VILLAGE, VILLAGE),
        (VILLAGE, RegionLevel.PROVINCE, "16"),
        ("16.03", RegionLevel.REGENCY, "16.03"),
        ("16.03", RegionLevel.KECAMATAN, None),
        ("16", RegionLevel.VILLAGE, None),
    ],
)
def test_code_at_a_level(code, level, expected):
    assert codes.code_at(code, level) == expected


@pytest.mark.parametrize(
    ("level", "expected"),
    [(RegionLevel.PROVINCE, {"16"}), (RegionLevel.REGENCY, {"16.03"}), (RegionLevel.KECAMATAN, {"16.03.07"})],
)
def test_code_at_expression_groups_rows_by_the_code_of_a_level(db, level, expected):
    villages = Region.objects.filter(parent_id="16.03.07")

    groups = set(villages.annotate(group=codes.code_at_expression("code", level)).values_list("group", flat=True))

    assert groups == expected


def test_code_at_expression_counts_the_villages_of_each_kecamatan(db):
    rows = (
        Region.objects.filter(codes.subtree_q("code", "16.03"), level=RegionLevel.VILLAGE)
        .annotate(group=codes.code_at_expression("code", RegionLevel.KECAMATAN))
        .values("group")
        .annotate(n=Count("code"))
        .values_list("group", "n")
    )

    assert dict(rows) == {
        k: Region.objects.filter(parent_id=k).count()
        for k in Region.objects.filter(parent_id="16.03").values_list("code", flat=True)
    }


@pytest.mark.parametrize(
    ("code", "parent"),
    [("16", None), ("16.03", "16"), ("16.03.01", "16.03"), (VILLAGE, "16.03.01")],
)
def test_parent_code(code, parent):
    assert codes.parent_code(code) == parent


@pytest.mark.parametrize(
    ("code", "expected"),
    [("16", []), ("16.03", ["16"]), ("16.03.01", ["16", "16.03"]), (VILLAGE, ["16", "16.03", "16.03.01"])],
)
def test_ancestors_province_first(code, expected):
    assert codes.ancestors(code) == expected


def test_ancestors_match_the_parent_chain_in_the_master(db):
    village = Region.objects.filter(level=RegionLevel.VILLAGE, parent__parent_id="16.03").order_by("code").first()
    chain = []
    region = village.parent
    while region is not None:
        chain.insert(0, region.code)
        region = region.parent

    assert codes.ancestors(village.code) == chain
    assert village.ancestor_codes == chain
    assert village.regency_code == "16.03"
    assert village.province_code == "16"


def test_the_level_of_every_code_in_the_master_is_its_stored_level(db):
    rows = Region.objects.values_list("code", "level")

    assert [(code, level) for code, level in rows if codes.level(code) != level] == []


# is_in


@pytest.mark.parametrize(
    ("code", "root", "expected"),
    [
        ("16.03", "16.03", True),
        ("16.03.01", "16.03", True),
        (VILLAGE, "16.03", True),
        (VILLAGE, "16", True),
        (VILLAGE, VILLAGE, True),
        ("16.03", "", True),
        ("16.030", "16.03", False),
        ("16.04", "16.03", False),
        ("16.04.01", "16.03", False),
        ("16", "16.03", False),
        ("160", "16", False),
        ("1", "16", False),
        ("11.01", "1", False),
        ("16.03.01", VILLAGE, False),
    ],
)
def test_is_in_matches_whole_segments_of_the_subtree(code, root, expected):
    assert codes.is_in(code, root) is expected


# subtree_q: a range on the code, never LIKE


def _matches(q: Q, code: str) -> bool:
    """Whether the database keeps a row whose `code` is `code` (evaluated by the database, with its collation)."""
    return q.check({"code": Value(code, output_field=CharField())})


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("16.03", True),
        ("16.03.01", True),
        ("16.03.01.2001", True),
        ("16.03.99.9999", True),
        ("16.030", False),
        ("16.0300", False),
        ("16.031", False),
        ("16.04", False),
        ("16.04.01", False),
        ("16.02.99.9999", False),
        ("16", False),
        ("17", False),
        ("16.03/", False),
    ],
)
def test_subtree_q_keeps_the_root_and_its_descendants_only(code, expected):
    assert _matches(codes.subtree_q("code", "16.03"), code) is expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("16.03", False), ("16.03.01", True), ("16.03.01.2001", True), ("16.030", False), ("16.04", False)],
)
def test_subtree_q_without_the_root(code, expected):
    assert _matches(codes.subtree_q("code", "16.03", include_root=False), code) is expected


@pytest.mark.parametrize("include_root", [True, False])
def test_subtree_q_of_the_whole_country_is_no_filter(include_root):
    assert codes.subtree_q("code", "", include_root=include_root) == Q()


@pytest.mark.parametrize("root", ["11", "16", "16.03", "16.03.07", "91", "92"])
def test_subtree_q_on_the_master_finds_exactly_the_subtree(db, root):
    province = Region.objects.filter(code__startswith=codes.province_code(root)).values_list("code", flat=True)
    expected = {code for code in province if codes.is_in(code, root)}

    found = set(Region.objects.filter(codes.subtree_q("code", root)).values_list("code", flat=True))

    assert found == expected
    assert root in found


def test_subtree_q_sql_is_a_range_not_like():
    sql, params = Region.objects.filter(codes.subtree_q("code", "16.03")).query.sql_with_params()

    assert "LIKE" not in sql.upper()
    assert '"registry_region"."code" >= %s' in sql
    assert '"registry_region"."code" < %s' in sql
    assert params == ("16.03", "16.03/")


def test_subtree_q_without_the_root_starts_after_the_separator():
    _sql, params = Region.objects.filter(codes.subtree_q("code", "16.03", include_root=False)).query.sql_with_params()

    assert params == ("16.03.", "16.03/")


def test_subtree_q_on_a_foreign_key_column_makes_no_join(db):
    queryset = User.objects.filter(codes.subtree_q("region_id", "16"))
    sql, params = queryset.query.sql_with_params()

    assert " JOIN " not in sql.upper()
    assert "LIKE" not in sql.upper()
    assert '"registry_user"."region_id" >= %s' in sql
    assert params == ("16", "16/")


def test_subtree_q_on_a_foreign_key_column_filters_by_area(db):
    inside = [UserFactory(region_id="16.03"), UserFactory(region_id="16.04")]
    UserFactory(region_id="17.01")

    assert set(User.objects.filter(codes.subtree_q("region_id", "16"))) == set(inside)


# The URL converter


@pytest.mark.parametrize(("code", "_level"), EVERY_LEVEL)
def test_region_urls_take_a_code_of_any_level(code, _level):
    match = resolve(f"/wilayah/{code}/")

    assert match.url_name == "region_detail"
    assert match.kwargs == {"code": code}
    assert reverse("region_detail", kwargs={"code": code}) == f"/wilayah/{code}/"


@pytest.mark.parametrize("code", ["1", "163", "16.3", "16.030", "16.03.01.201", "16-03", "ab", "١٦"])
def test_region_urls_refuse_a_malformed_code(code):
    with pytest.raises(Resolver404):
        resolve(f"/wilayah/{code}/")
