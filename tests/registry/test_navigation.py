"""registry/navigation.py: links and landings the apps register; registry's pages render them without role names."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import override

from cooperatives.access import RULES as COOPERATIVE_RULES
from registry import access, navigation
from registry.models import Region, Role, User
from tests.factories import UserFactory

ROOT = Path(settings.BASE_DIR)
ALWAYS = lambda _user: True  # noqa: E731 - a permission stub
NEVER = lambda _user: False  # noqa: E731


@pytest.fixture
def user_without_role(db):
    return UserFactory(role="", region_id=None)


@pytest.fixture
def superuser_without_role(db):
    return UserFactory(role="", region_id=None, is_superuser=True, is_staff=True)


@pytest.fixture
def inactive_district_officer(db):
    return UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.03", is_active=False)


def links_of(entries) -> list[tuple[str, str]]:
    return [(str(e.label), e.url) for e in entries]


# Header links: the same per role as before the apps registered them.

DATA_QUALITY = "/koperasi/kualitas-data/"
NIK_LOG = "/koperasi/log-nik/"
API = "/api/docs/"
# The notaries app's links (issue 9): deeds, the notary directory, notifications.
DEEDS = "/notaris/akta/"
NOTARIES = "/notaris/direktori/"
NOTIFICATIONS = "/notaris/notifikasi/"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "national_admin",
            [
                ("My area", "/wilayah/"),
                ("Regions", "/wilayah/"),
                ("Notaries", NOTARIES),
                ("Data quality", DATA_QUALITY),
                ("NIK log", NIK_LOG),
                ("Notifications", NOTIFICATIONS),
                ("API", API),
                ("Administration", "/admin/"),
            ],
        ),
        (
            "superuser_without_role",
            [
                ("My area", "/wilayah/"),
                ("Regions", "/wilayah/"),
                ("Notaries", NOTARIES),
                ("Data quality", DATA_QUALITY),
                ("NIK log", NIK_LOG),
                ("Notifications", NOTIFICATIONS),
                ("API", API),
                ("Administration", "/admin/"),
            ],
        ),
        (
            "national_viewer",
            [
                ("My area", "/wilayah/"),
                ("Regions", "/wilayah/"),
                ("Notaries", NOTARIES),
                ("Data quality", DATA_QUALITY),
                ("Notifications", NOTIFICATIONS),
                ("API", API),
            ],
        ),
        (
            "provincial_staff",
            [
                ("My area", "/wilayah/16/"),
                ("Cooperatives", "/koperasi/wilayah/16/"),
                ("Villages", "/wilayah/16/desa/"),
                ("Notaries", NOTARIES),
                ("Data quality", DATA_QUALITY),
                ("Notifications", NOTIFICATIONS),
                ("API", API),
            ],
        ),
        (
            "other_provincial_staff",
            [
                ("My area", "/wilayah/32/"),
                ("Cooperatives", "/koperasi/wilayah/32/"),
                ("Villages", "/wilayah/32/desa/"),
                ("Notaries", NOTARIES),
                ("Data quality", DATA_QUALITY),
                ("Notifications", NOTIFICATIONS),
                ("API", API),
            ],
        ),
        (
            "district_officer",
            [
                ("My area", "/koperasi/wilayah/16.03/"),
                ("Deeds", DEEDS),
                ("Import", "/koperasi/impor/"),
                ("Villages", "/wilayah/16.03/desa/"),
                ("Notaries", NOTARIES),
                ("Data quality", DATA_QUALITY),
                ("Notifications", NOTIFICATIONS),
                ("API", API),
            ],
        ),
        (
            "other_district_officer",
            [
                ("My area", "/koperasi/wilayah/16.04/"),
                ("Deeds", DEEDS),
                ("Import", "/koperasi/impor/"),
                ("Villages", "/wilayah/16.04/desa/"),
                ("Notaries", NOTARIES),
                ("Data quality", DATA_QUALITY),
                ("Notifications", NOTIFICATIONS),
                ("API", API),
            ],
        ),
        (
            "notary",
            [
                ("My area", "/notaris/"),
                ("Deeds", DEEDS),
                ("Villages", "/wilayah/16/desa/"),
                ("Notifications", NOTIFICATIONS),
                ("API", API),
            ],
        ),
    ],
)
def test_header_links_per_role(request, fixture, expected):
    with override("en"):
        assert links_of(navigation.header_links(request.getfixturevalue(fixture))) == expected


@pytest.mark.parametrize("fixture", ["user_without_role", "inactive_district_officer"])
def test_no_header_links_without_an_acting_role(request, fixture):
    assert navigation.header_links(request.getfixturevalue(fixture)) == []


def test_no_header_links_for_an_anonymous_user():
    assert navigation.header_links(AnonymousUser()) == []


def test_a_regional_role_missing_its_region_gets_no_area_links():
    user = User(username="tanpa-wilayah", role=Role.PROVINCIAL_STAFF, region=None, is_active=True)

    with override("en"):
        assert links_of(navigation.header_links(user)) == [
            ("My area", "/tanpa-peran/"),
            ("Notaries", NOTARIES),
            ("Data quality", DATA_QUALITY),
            ("Notifications", NOTIFICATIONS),
            ("API", API),
        ]


def test_the_header_renders_the_registered_links_in_indonesian(client, provincial_staff):
    client.force_login(provincial_staff)

    html = client.get("/wilayah/16/").content.decode()

    assert '<li><a href="/wilayah/16/" aria-current="page">Wilayah saya</a></li>' in html
    assert '<li><a href="/koperasi/wilayah/16/">Koperasi</a></li>' in html
    assert '<li><a href="/wilayah/16/desa/">Desa/kelurahan</a></li>' in html
    assert '<li><a href="/koperasi/kualitas-data/">Kualitas data</a></li>' in html


# Landing


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("national_admin", ("region_index", {})),
        ("national_viewer", ("region_index", {})),
        ("superuser_without_role", ("region_index", {})),
        ("provincial_staff", ("region_detail", {"code": "16"})),
        ("other_provincial_staff", ("region_detail", {"code": "32"})),
        ("district_officer", ("cooperatives:worklist", {"code": "16.03"})),
        ("other_district_officer", ("cooperatives:worklist", {"code": "16.04"})),
        ("notary", ("notaries:home", {})),
        ("user_without_role", ("no_role", {})),
        ("inactive_district_officer", ("no_role", {})),
    ],
)
def test_landing_per_role(request, fixture, expected):
    assert navigation.landing(request.getfixturevalue(fixture)) == expected


def test_landing_of_anonymous_user_is_the_no_role_page():
    assert navigation.landing(AnonymousUser()) == ("no_role", {})


@pytest.mark.parametrize("role", [Role.PROVINCIAL_STAFF, Role.DISTRICT_OFFICER])
def test_landing_of_a_regional_role_missing_its_region_is_the_no_role_page(role):
    user = User(username="tanpa-wilayah", role=role, region=None, is_active=True)

    assert navigation.landing(user) == ("no_role", {})


@pytest.mark.parametrize(
    ("fixture", "url"),
    [
        ("national_viewer", "/wilayah/"),
        ("provincial_staff", "/wilayah/16/"),
        ("district_officer", "/koperasi/wilayah/16.03/"),
        ("notary", "/notaris/"),
        ("user_without_role", "/tanpa-peran/"),
    ],
)
def test_landing_url_per_role(request, fixture, url):
    assert navigation.landing_url(request.getfixturevalue(fixture)) == url


@pytest.mark.parametrize("role", list(Role))
def test_every_role_has_a_registered_landing(role):
    user = UserFactory.build(role=role, region_id=None if role in access.NATIONAL else "16.03")

    assert navigation.landing(user) != ("no_role", {})


# Region links


@pytest.mark.parametrize(
    ("fixture", "code", "expected"),
    [
        ("national_viewer", "16", [("Cooperatives in this region", "/koperasi/wilayah/16/")]),
        ("provincial_staff", "16.03", [("Cooperatives in this region", "/koperasi/wilayah/16.03/")]),
        ("district_officer", "16.03.07", [("Cooperatives in this region", "/koperasi/wilayah/16.03.07/")]),
        (
            "district_officer",
            "16.03.07.2004",
            [("Cooperatives of this village", "/koperasi/wilayah/16.03.07/?q=16.03.07.2004")],
        ),
        ("notary", "16.03", []),
        ("notary", "16.03.07.2004", []),
    ],
)
def test_region_links_per_role_and_level(request, fixture, code, expected):
    region = Region.objects.get(code=code)

    with override("en"):
        assert links_of(navigation.region_links(request.getfixturevalue(fixture), region)) == expected


@pytest.mark.parametrize(
    ("fixture", "url", "link"),
    [
        ("district_officer", "/wilayah/16.03/", '<a class="button secondary" href="/koperasi/wilayah/16.03/">'),
        ("district_officer", "/wilayah/16.03.07/", '<a class="button secondary" href="/koperasi/wilayah/16.03.07/">'),
        (
            "district_officer",
            "/wilayah/16.03.07.2004/",
            '<a class="button secondary" href="/koperasi/wilayah/16.03.07/?q=16.03.07.2004">',
        ),
        ("provincial_staff", "/wilayah/16/", '<a class="button secondary" href="/koperasi/wilayah/16/">'),
    ],
)
def test_region_pages_render_the_region_links(client, request, fixture, url, link):
    client.force_login(request.getfixturevalue(fixture))

    html = client.get(url).content.decode()

    assert link in html


@pytest.mark.parametrize("url", ["/wilayah/16/", "/wilayah/16.03/", "/wilayah/16.03.07/", "/wilayah/16.03.07.2004/"])
def test_region_pages_show_the_notary_no_cooperative_link(client, notary, url):
    client.force_login(notary)

    response = client.get(url)

    assert response.status_code == 200
    assert "/koperasi/" not in response.content.decode()


# Registration (on a fresh Navigation, so the portal's own stays untouched)


def test_header_links_come_in_order_whatever_the_registration_order():
    nav = navigation.Navigation()
    nav.register_link("b", label="B", url=lambda _u: "/b/", allowed=ALWAYS, order=20)
    nav.register_link("a", label="A", url=lambda _u: "/a/", allowed=ALWAYS, order=10)
    nav.register_link("c", label="C", url=lambda _u: "/c/", allowed=ALWAYS, order=30)

    assert links_of(nav.header_links(UserFactory.build(role=Role.NATIONAL_VIEWER, region_id=None))) == [
        ("A", "/a/"),
        ("B", "/b/"),
        ("C", "/c/"),
    ]


def test_a_header_link_is_hidden_when_its_permission_says_no_or_its_url_does_not_apply():
    nav = navigation.Navigation()
    nav.register_link("shown", label="Shown", url=lambda _u: "/shown/", allowed=ALWAYS, order=10)
    nav.register_link("denied", label="Denied", url=lambda _u: "/denied/", allowed=NEVER, order=20)
    nav.register_link("no_url", label="No URL", url=lambda _u: None, allowed=ALWAYS, order=30)

    assert links_of(nav.header_links(UserFactory.build(role=Role.NATIONAL_VIEWER, region_id=None))) == [
        ("Shown", "/shown/")
    ]


def test_registering_a_key_again_replaces_the_link():
    nav = navigation.Navigation()
    nav.register_link("a", label="Old", url=lambda _u: "/old/", allowed=ALWAYS, order=10)
    nav.register_link("a", label="New", url=lambda _u: "/new/", allowed=ALWAYS, order=10)

    assert links_of(nav.header_links(UserFactory.build(role=Role.NATIONAL_VIEWER, region_id=None))) == [
        ("New", "/new/")
    ]


def test_the_permission_check_receives_the_user():
    seen = []
    nav = navigation.Navigation()
    nav.register_link("a", label="A", url=lambda _u: "/a/", allowed=lambda u: seen.append(u) or True, order=10)
    user = UserFactory.build(role=Role.NATIONAL_VIEWER, region_id=None)

    nav.header_links(user)

    assert seen == [user]


def test_region_links_get_the_region_and_are_filtered_by_permission(muara_enim):
    nav = navigation.Navigation()
    nav.register_region_link("a", label="A", url=lambda r: f"/a/{r.code}/", allowed=ALWAYS, order=20)
    nav.register_region_link("b", label="B", url=lambda r: f"/b/{r.code}/", allowed=ALWAYS, order=10)
    nav.register_region_link("c", label="C", url=lambda r: f"/c/{r.code}/", allowed=NEVER, order=5)
    nav.register_region_link("d", label="D", url=lambda _r: None, allowed=ALWAYS, order=1)

    assert links_of(nav.region_links(AnonymousUser(), muara_enim)) == [("B", "/b/16.03/"), ("A", "/a/16.03/")]


def test_landing_registered_for_a_role_is_used_for_it():
    nav = navigation.Navigation()
    nav.register_landing(roles=[Role.DISTRICT_OFFICER], url_name="village_list", area_kwarg="code")

    officer = UserFactory.build(role=Role.DISTRICT_OFFICER, region_id="16.03")
    assert nav.landing(officer) == ("village_list", {"code": "16.03"})
    assert nav.landing(UserFactory.build(role=Role.NOTARY, region_id="16.03")) == ("no_role", {})


def test_a_second_landing_for_the_same_role_is_refused():
    nav = navigation.Navigation()
    nav.register_landing(roles=[Role.NOTARY], url_name="notaries:home")

    with pytest.raises(ImproperlyConfigured, match="notaries:home"):
        nav.register_landing(roles=[Role.NOTARY], url_name="region_index")


def test_registering_the_same_landing_again_is_harmless():
    nav = navigation.Navigation()
    nav.register_landing(roles=[Role.NOTARY], url_name="notaries:home")
    nav.register_landing(roles=[Role.NOTARY], url_name="notaries:home")

    assert nav.landing(UserFactory.build(role=Role.NOTARY, region_id="16.03")) == ("notaries:home", {})


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [("national_admin", True), ("national_viewer", False), ("notary", False), ("user_without_role", False)],
)
def test_permission_asks_the_apps_rule_map(request, fixture, expected):
    check = navigation.permission("nik_views.list", COOPERATIVE_RULES)

    assert check(request.getfixturevalue(fixture)) is expected


def test_permission_for_an_undeclared_action_fails_at_registration():
    with pytest.raises(ImproperlyConfigured, match="no.such.action"):
        navigation.permission("no.such.action", COOPERATIVE_RULES)


def test_each_app_registers_into_the_navigation_it_is_given():
    from cooperatives import navigation as cooperatives_navigation
    from notaries import navigation as notaries_navigation

    nav = navigation.Navigation()
    navigation.register_registry(nav)
    cooperatives_navigation.register(nav)
    notaries_navigation.register(nav)
    officer = UserFactory.build(role=Role.DISTRICT_OFFICER, region_id="16.03")

    assert nav.landing(officer) == navigation.landing(officer)
    assert nav.header_links(officer) == navigation.header_links(officer)


# Layers: registry names no role in its templates and no upper app in its code


ROLE_VALUES = sorted(r.value for r in Role)


@pytest.mark.parametrize(
    "path",
    sorted(
        [*ROOT.glob("templates/registry/*.html"), *ROOT.glob("templates/includes/*.html"), ROOT / "templates/base.html"]
    ),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_registry_templates_name_no_role(path):
    text = path.read_text()

    assert [v for v in ROLE_VALUES if v in text] == []
    assert "nav_role" not in text


def test_the_navigation_context_processor_names_no_role():
    text = (ROOT / "registry/context_processors.py").read_text()

    assert re.findall(r"Role\.|" + "|".join(ROLE_VALUES), text) == []


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


@pytest.mark.parametrize(
    "path",
    sorted(p for p in ROOT.glob("registry/**/*.py") if "migrations" not in p.parts),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_registry_imports_no_upper_app(path):
    upper = {m for m in _imported_modules(path) if m.split(".")[0] in {"cooperatives", "notaries"}}

    assert upper == set()


def test_kecamatan_link_is_the_first_one_the_user_may_follow():
    nav = navigation.Navigation()
    nav.register_kecamatan_link("denied", url=lambda code: f"/denied/{code}/", allowed=NEVER, order=5)
    nav.register_kecamatan_link("list", url=lambda code: f"/list/?kecamatan={code}", allowed=ALWAYS, order=10)
    user = UserFactory.build(role=Role.PROVINCIAL_STAFF, region_id="16")

    assert nav.kecamatan_url(user, "16.03.07") == "/list/?kecamatan=16.03.07"


def test_kecamatan_link_falls_back_to_the_kecamatan_page():
    nav = navigation.Navigation()
    nav.register_kecamatan_link("denied", url=lambda code: f"/denied/{code}/", allowed=NEVER, order=5)

    assert nav.kecamatan_url(UserFactory.build(role=Role.NOTARY), "16.03.07") == "/wilayah/16.03.07/"


def test_cooperatives_register_the_worklist_filtered_to_the_kecamatan(provincial_staff):
    assert navigation.kecamatan_url(provincial_staff, "16.03.07") == "/koperasi/wilayah/16.03/?kecamatan=16.03.07"
