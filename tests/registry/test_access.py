"""Unit tests of registry.access, the one scoping module: roles, areas, visible regions, permissions."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404

from notaries.access import RULES as NOTARY_RULES
from registry import access
from registry.models import Region, RegionLevel, Role, User
from tests.factories import UserFactory

ROLE_FIXTURES = ["national_admin", "national_viewer", "provincial_staff", "district_officer", "notary"]


@pytest.fixture
def user_without_role(db):
    return UserFactory(role="", region_id=None)


@pytest.fixture
def superuser_without_role(db):
    return UserFactory(role="", region_id=None, is_superuser=True, is_staff=True)


@pytest.fixture
def inactive_national_admin(db):
    return UserFactory(role=Role.NATIONAL_ADMIN, region_id=None, is_active=False)


@pytest.fixture
def inactive_district_officer(db):
    return UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.03", is_active=False)


def _subtree_count(code: str) -> int:
    """The region itself plus everything whose code starts with "<code>."."""
    return 1 + Region.objects.filter(code__startswith=f"{code}.").count()


# role_of


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("national_admin", Role.NATIONAL_ADMIN),
        ("national_viewer", Role.NATIONAL_VIEWER),
        ("provincial_staff", Role.PROVINCIAL_STAFF),
        ("district_officer", Role.DISTRICT_OFFICER),
        ("other_district_officer", Role.DISTRICT_OFFICER),
        ("notary", Role.NOTARY),
    ],
)
def test_role_of_returns_the_role_stored_on_the_user(request, fixture, expected):
    assert access.role_of(request.getfixturevalue(fixture)) == expected


def test_role_of_treats_a_superuser_without_role_as_national_admin(superuser_without_role):
    assert access.role_of(superuser_without_role) == Role.NATIONAL_ADMIN


def test_superuser_with_a_regional_role_still_acts_as_national_admin_over_the_whole_country(db):
    user = UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.03", is_superuser=True)

    assert access.role_of(user) == Role.NATIONAL_ADMIN
    assert access.area_code(user) == ""
    assert access.in_area(user, "32")


def test_role_of_anonymous_user_is_none():
    assert access.role_of(AnonymousUser()) is None


def test_role_of_none_is_none():
    assert access.role_of(None) is None


@pytest.mark.parametrize("fixture", ["inactive_national_admin", "inactive_district_officer"])
def test_role_of_inactive_user_is_none(request, fixture):
    assert access.role_of(request.getfixturevalue(fixture)) is None


def test_role_of_user_without_role_is_none(user_without_role):
    assert access.role_of(user_without_role) is None


# area_code


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("national_admin", ""),
        ("national_viewer", ""),
        ("provincial_staff", "16"),
        ("other_provincial_staff", "32"),
        ("district_officer", "16.03"),
        ("other_district_officer", "16.04"),
        ("notary", "16"),
        ("superuser_without_role", ""),
    ],
)
def test_area_code_is_the_root_of_the_users_area(request, fixture, expected):
    assert access.area_code(request.getfixturevalue(fixture)) == expected


def test_notary_area_is_the_province_of_the_seat_not_the_seat_itself(db):
    lahat_notary = UserFactory(role=Role.NOTARY, region_id="16.04")

    assert access.area_code(lahat_notary) == "16"
    assert access.in_area(lahat_notary, "16.03.01")


@pytest.mark.parametrize("fixture", ["user_without_role", "inactive_district_officer", "inactive_national_admin"])
def test_area_code_is_none_without_an_acting_role(request, fixture):
    assert access.area_code(request.getfixturevalue(fixture)) is None


def test_area_code_is_none_for_anonymous_user():
    assert access.area_code(AnonymousUser()) is None


def test_area_code_is_none_for_a_regional_role_missing_its_region():
    # The database refuses this combination; an unsaved instance checks that access does not fall back to "".
    user = User(username="tanpa-wilayah", role=Role.PROVINCIAL_STAFF, region=None, is_active=True)

    assert access.area_code(user) is None
    assert access.in_area(user, "16") is False


# in_area


@pytest.mark.parametrize(
    ("fixture", "code", "expected"),
    [
        ("national_viewer", "16", True),
        ("national_viewer", "94.71.01.1001", True),
        ("provincial_staff", "16", True),
        ("provincial_staff", "16.04.01.2001", True),
        ("provincial_staff", "32", False),
        ("provincial_staff", "32.01", False),
        ("district_officer", "16.03", True),
        ("district_officer", "16.03.01", True),
        ("district_officer", "16.03.01.2011", True),
        ("district_officer", "16", False),
        ("district_officer", "16.04", False),
        ("district_officer", "16.04.01.2001", False),
        ("notary", "16", True),
        ("notary", "16.04.01", True),
        ("notary", "32", False),
        ("user_without_role", "16.03", False),
    ],
)
def test_in_area_is_true_only_inside_the_users_subtree(request, fixture, code, expected):
    assert access.in_area(request.getfixturevalue(fixture), code) is expected


def test_in_area_matches_whole_code_segments_only(db):
    # A province "11" must not swallow "11x" lookalikes; only the dotted prefix counts.
    aceh_staff = UserFactory(role=Role.PROVINCIAL_STAFF, region_id="11")

    assert access.in_area(aceh_staff, "11.01")
    assert not access.in_area(aceh_staff, "110")
    assert not access.in_area(aceh_staff, "1")


def test_in_area_is_false_for_anonymous_user():
    assert access.in_area(AnonymousUser(), "16") is False


# regions_visible_to


@pytest.mark.parametrize("fixture", ["national_admin", "national_viewer", "superuser_without_role"])
def test_national_roles_see_every_region(request, fixture):
    assert access.regions_visible_to(request.getfixturevalue(fixture)).count() == Region.objects.count()


@pytest.mark.parametrize(("fixture", "root"), [("provincial_staff", "16"), ("other_provincial_staff", "32")])
def test_provincial_staff_sees_exactly_their_province_subtree(request, fixture, root):
    visible = access.regions_visible_to(request.getfixturevalue(fixture))

    assert visible.count() == _subtree_count(root)
    assert not visible.exclude(code=root).exclude(code__startswith=f"{root}.").exists()


def test_district_officer_sees_exactly_the_muara_enim_subtree(district_officer):
    visible = access.regions_visible_to(district_officer)
    villages = Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE).count()

    per_level = dict(visible.values_list("level").annotate(n=Count("code")))

    assert per_level == {RegionLevel.REGENCY: 1, RegionLevel.KECAMATAN: 22, RegionLevel.VILLAGE: villages}
    assert visible.count() == 1 + 22 + villages
    assert visible.filter(level=RegionLevel.REGENCY).get().code == "16.03"


def test_district_officer_does_not_see_the_neighbouring_regency_or_the_province(district_officer):
    visible = access.regions_visible_to(district_officer)

    assert not visible.filter(code="16").exists()
    assert not visible.filter(code="16.04").exists()
    assert not visible.filter(code__startswith="16.04.").exists()


def test_notary_sees_the_whole_province_of_the_seat(notary):
    assert access.regions_visible_to(notary).count() == _subtree_count("16")
    assert access.regions_visible_to(notary).filter(code__startswith="16.04.").exists()


@pytest.mark.parametrize("fixture", ["user_without_role", "inactive_national_admin"])
def test_users_without_an_acting_role_see_no_region(request, fixture):
    assert access.regions_visible_to(request.getfixturevalue(fixture)).count() == 0


def test_anonymous_user_sees_no_region(db):
    assert access.regions_visible_to(AnonymousUser()).count() == 0


# code_in_area_q


def test_code_in_area_q_filters_on_a_foreign_key_field_path(district_officer):
    # Regions whose *parent* lies in Muara Enim: its 22 kecamatan and all its villages, not the regency itself.
    villages = Region.objects.filter(code__startswith="16.03.", level=RegionLevel.VILLAGE).count()

    rows = Region.objects.filter(access.code_in_area_q(district_officer, "parent__code"))

    assert rows.count() == 22 + villages
    assert not rows.filter(code="16.03").exists()


def test_code_in_area_q_on_a_related_pk_path_includes_direct_children_and_deeper_descendants(provincial_staff):
    # Children of province 16 (parent "16") are included as well as deeper levels (parent "16.xx...").
    rows = Region.objects.filter(access.code_in_area_q(provincial_staff, "parent__code"))

    assert rows.count() == _subtree_count("16") - 1
    assert rows.filter(level=RegionLevel.REGENCY).count() == Region.objects.filter(parent_id="16").count()


def test_code_in_area_q_works_on_a_foreign_key_id_field_as_documented(provincial_staff):
    # The docstring promises `village_id`; `parent_id` is the same kind of field (a ForeignKey's attname).
    rows = Region.objects.filter(access.code_in_area_q(provincial_staff, "parent_id"))

    assert rows.count() == _subtree_count("16") - 1
    assert rows.filter(level=RegionLevel.REGENCY).count() == Region.objects.filter(parent_id="16").count()


def test_code_in_area_q_is_unrestricted_for_national_roles(national_viewer):
    assert access.code_in_area_q(national_viewer, "village_id") == Q()
    assert Region.objects.filter(access.code_in_area_q(national_viewer, "parent__code")).count() == (
        Region.objects.count()
    )


def test_code_in_area_q_matches_nothing_without_a_role(user_without_role):
    assert Region.objects.filter(access.code_in_area_q(user_without_role, "code")).count() == 0


# region_get_for


@pytest.mark.parametrize(
    ("fixture", "code"),
    [
        ("national_viewer", "32"),
        ("provincial_staff", "16.04"),
        ("district_officer", "16.03"),
        ("district_officer", "16.03.07.1001"),
        ("notary", "16.04.01"),
    ],
)
def test_region_get_for_returns_a_region_inside_the_area(request, fixture, code):
    region = access.region_get_for(user=request.getfixturevalue(fixture), code=code)

    assert region.code == code


@pytest.mark.parametrize(
    ("fixture", "code"),
    [
        ("district_officer", "16.04"),
        ("district_officer", "16.04.01.2001"),
        ("district_officer", "16"),
        ("provincial_staff", "32"),
        ("other_provincial_staff", "16.03"),
        ("notary", "32.01"),
        ("user_without_role", "16.03"),
    ],
)
def test_region_get_for_raises_404_for_an_existing_region_outside_the_area(db, request, fixture, code):
    assert Region.objects.filter(code=code).exists()

    with pytest.raises(Http404):
        access.region_get_for(user=request.getfixturevalue(fixture), code=code)


@pytest.mark.parametrize(
    ("fixture", "code"), [("national_viewer", "99"), ("district_officer", "16.03.99"), ("provincial_staff", "16.99")]
)
def test_region_get_for_raises_404_for_an_unknown_code(request, fixture, code):
    with pytest.raises(Http404):
        access.region_get_for(user=request.getfixturevalue(fixture), code=code)


def test_region_get_for_raises_404_when_the_level_does_not_match(national_viewer):
    with pytest.raises(Http404):
        access.region_get_for(user=national_viewer, code="16.03", level=RegionLevel.PROVINCE)


def test_region_get_for_returns_the_region_when_the_level_matches(national_viewer):
    region = access.region_get_for(user=national_viewer, code="16.03", level=RegionLevel.REGENCY)

    assert region.name == "Kabupaten Muara Enim"
    assert region.parent.code == "16"


# can / require / ROLE_RULES


@pytest.mark.parametrize("fixture", ROLE_FIXTURES)
def test_every_role_may_view_regions(request, fixture):
    assert access.can(request.getfixturevalue(fixture), "region.view")


@pytest.mark.parametrize(
    ("fixture", "action", "expected"),
    [
        ("national_admin", "admin.view", True),
        ("superuser_without_role", "admin.view", True),
        ("national_viewer", "admin.view", False),
        ("provincial_staff", "admin.view", False),
        ("district_officer", "admin.view", False),
        ("notary", "admin.view", False),
    ],
)
def test_can_follows_role_rules(request, fixture, action, expected):
    assert access.can(request.getfixturevalue(fixture), action) is expected


@pytest.mark.parametrize("action", ["region.view", "admin.view"])
def test_user_without_role_may_do_nothing(user_without_role, action):
    assert access.can(user_without_role, action) is False


@pytest.mark.parametrize("action", ["region.view", "admin.view"])
def test_inactive_national_admin_may_do_nothing(inactive_national_admin, action):
    assert access.can(inactive_national_admin, action) is False


def test_anonymous_user_may_not_view_regions():
    assert access.can(AnonymousUser(), "region.view") is False


def test_can_raises_key_error_for_an_undeclared_action(national_admin):
    with pytest.raises(KeyError, match="no.such.action"):
        access.can(national_admin, "no.such.action")


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("notary", True),
        ("national_admin", False),
        ("national_viewer", False),
        ("provincial_staff", False),
        ("district_officer", False),
    ],
)
def test_can_uses_an_apps_own_rule_map(request, fixture, expected):
    assert access.can(request.getfixturevalue(fixture), "notary.home", NOTARY_RULES) is expected


def test_an_apps_rule_map_does_not_fall_back_to_role_rules(notary):
    with pytest.raises(KeyError):
        access.can(notary, "region.view", NOTARY_RULES)


@pytest.mark.parametrize(
    ("fixture", "action"),
    [
        ("national_viewer", "admin.view"),
        ("provincial_staff", "admin.view"),
        ("district_officer", "admin.view"),
        ("notary", "admin.view"),
        ("user_without_role", "region.view"),
    ],
)
def test_require_raises_permission_denied_when_the_role_is_not_allowed(request, fixture, action):
    with pytest.raises(PermissionDenied):
        access.require(request.getfixturevalue(fixture), action)


@pytest.mark.parametrize(("fixture", "action"), [("national_admin", "admin.view"), ("notary", "region.view")])
def test_require_returns_quietly_when_the_role_is_allowed(request, fixture, action):
    assert access.require(request.getfixturevalue(fixture), action) is None


def test_require_with_an_apps_rule_map_denies_other_roles(district_officer):
    with pytest.raises(PermissionDenied):
        access.require(district_officer, "notary.home", NOTARY_RULES)


def test_role_rules_declare_the_registry_actions():
    assert access.ROLE_RULES == {
        "region.view": frozenset(Role),
        "admin.view": frozenset({Role.NATIONAL_ADMIN}),
        "dashboard.export": frozenset(
            {Role.NATIONAL_ADMIN, Role.NATIONAL_VIEWER, Role.PROVINCIAL_STAFF, Role.DISTRICT_OFFICER}
        ),
    }
