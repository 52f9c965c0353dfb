"""Header links, landing pages and region-page links, registered by each app from its `AppConfig.ready()`.

Registry's templates and context processor only render what is registered here: they never name a role or an
upper app's URL. Each entry carries its own permission check, built from the registering app's rules
(`permission("data_quality.view", RULES)`), and a URL builder that returns None where the link does not apply
(a user without an area, a region of the wrong level).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from registry import access
from registry.models import Role

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from registry.models import Region

Permission = Callable[[object], bool]


class Entry(NamedTuple):
    """What a template renders: `{% for label, url in nav_items %}` or `{{ link.label }}`/`{{ link.url }}`."""

    label: str
    url: str


@dataclass(frozen=True)
class HeaderLink:
    key: str
    label: str | Promise
    url: Callable[[object], str | None]  # the user → the URL, or None where the link does not apply to them
    allowed: Permission
    order: int
    # The user → a number shown beside the label when above 0 (unread notifications); keep it cheap (cached).
    count: Callable[[object], int] | None = None


@dataclass(frozen=True)
class RegionLink:
    key: str
    label: str | Promise
    url: Callable[[Region], str | None]  # the region shown → the URL, or None on a page where it does not apply
    allowed: Permission
    order: int


@dataclass(frozen=True)
class KecamatanLink:
    key: str
    url: Callable[[str], str | None]  # a kecamatan code → where its row on a regency dashboard leads
    allowed: Permission
    order: int


@dataclass(frozen=True)
class Landing:
    url_name: str
    area_kwarg: str | None  # the URL takes the user's area code under this name; None: it takes nothing


NO_LANDING = "no_role"  # the page for users without an acting role or without the area their landing needs


def permission(action: str, rules: dict[str, frozenset[Role]]) -> Permission:
    """A permission check from an app's rule map; an action missing from the map fails at start-up, not on a page."""
    if action not in rules:
        raise ImproperlyConfigured(f"Unknown action {action!r}: declare it in the app's rule map.")
    return lambda user: access.can(user, action, rules)


class Navigation:
    """The registry of links and landings. `site` is the one the portal uses; tests build their own."""

    def __init__(self) -> None:
        self._header: dict[str, HeaderLink] = {}
        self._region: dict[str, RegionLink] = {}
        self._landing: dict[Role, Landing] = {}
        self._kecamatan: dict[str, KecamatanLink] = {}

    # registration (from AppConfig.ready; registering the same key again replaces the entry)

    def register_link(
        self,
        key: str,
        *,
        label: str | Promise,
        url: Callable[[object], str | None],
        allowed: Permission,
        order: int,
        count: Callable[[object], int] | None = None,
    ) -> None:
        self._header[key] = HeaderLink(key, label, url, allowed, order, count)

    def register_region_link(
        self, key: str, *, label: str | Promise, url: Callable[[Region], str | None], allowed: Permission, order: int
    ) -> None:
        self._region[key] = RegionLink(key, label, url, allowed, order)

    def register_kecamatan_link(
        self, key: str, *, url: Callable[[str], str | None], allowed: Permission, order: int
    ) -> None:
        """Where a kecamatan row of a regency dashboard leads (e.g. the cooperatives worklist filtered to it)."""
        self._kecamatan[key] = KecamatanLink(key, url, allowed, order)

    def register_landing(self, *, roles: Iterable[Role], url_name: str, area_kwarg: str | None = None) -> None:
        """These roles start from `url_name` (given their area code as `area_kwarg`). One landing per role."""
        landing = Landing(url_name, area_kwarg)
        for role in roles:
            existing = self._landing.get(Role(role))
            if existing is not None and existing != landing:
                raise ImproperlyConfigured(f"Role {role} already lands on {existing.url_name!r}.")
            self._landing[Role(role)] = landing

    # reading (context processor, views)

    def landing(self, user) -> tuple[str, dict]:
        """URL name and kwargs of the page a user starts from; the no-role page without a role or a needed area."""
        role = access.role_of(user)
        found = self._landing.get(role) if role is not None else None
        if found is None:
            return NO_LANDING, {}
        if found.area_kwarg is None:
            return found.url_name, {}
        root = access.area_code(user)
        if not root:
            return NO_LANDING, {}
        return found.url_name, {found.area_kwarg: root}

    def landing_url(self, user) -> str:
        name, kwargs = self.landing(user)
        return reverse(name, kwargs=kwargs)

    def header_links(self, user) -> list[Entry]:
        """The header menu of a user: nothing for anonymous users and users without a role."""
        if access.role_of(user) is None:
            return []
        return _entries(self._header.values(), user, user)

    def header_counts(self, user) -> tuple[int, ...]:
        """The numbers beside this user's header links (unread notifications…): what a kept page depends on."""
        if access.role_of(user) is None:
            return ()
        links = sorted(self._header.values(), key=lambda link: (link.order, link.key))
        return tuple(link.count(user) for link in links if link.count is not None and link.allowed(user))

    def kecamatan_url(self, user, code: str) -> str:
        """The first registered kecamatan link this user may follow, else the kecamatan's own region page."""
        for link in sorted(self._kecamatan.values(), key=lambda link: (link.order, link.key)):
            if link.allowed(user) and (url := link.url(code)) is not None:
                return url
        return reverse("region_detail", kwargs={"code": code})

    def region_links(self, user, region: Region) -> list[Entry]:
        """Links shown on a region's page (cooperatives of the region, …) that this user may follow."""
        return _entries(self._region.values(), user, region)


def _entries(links: Iterable[HeaderLink | RegionLink], user, subject) -> list[Entry]:
    entries = []
    for link in sorted(links, key=lambda link: (link.order, link.key)):
        if not link.allowed(user):
            continue
        url = link.url(subject)
        if url is None:
            continue
        number = link.count(subject) if getattr(link, "count", None) else 0
        entries.append(Entry(f"{link.label} ({number})" if number else str(link.label), url))
    return entries


site = Navigation()
register_link = site.register_link
register_region_link = site.register_region_link
register_landing = site.register_landing
landing = site.landing
landing_url = site.landing_url
header_links = site.header_links
header_counts = site.header_counts
region_links = site.region_links
register_kecamatan_link = site.register_kecamatan_link
kecamatan_url = site.kecamatan_url


def area_url(url_name: str) -> Callable[[object], str | None]:
    """A URL of the user's own area (their province, regency or, for a notary, the province of their seat)."""

    def build(user) -> str | None:
        root = access.area_code(user)
        return reverse(url_name, kwargs={"code": root}) if root else None

    return build


def _whole_country_url(url_name: str) -> Callable[[object], str | None]:
    """A URL for users whose area is the whole country."""

    def build(user) -> str | None:
        return reverse(url_name) if access.area_code(user) == "" else None

    return build


def register_registry(nav: Navigation = site) -> None:
    """Registry's own links and landings (called from RegistryConfig.ready).

    Header order: 10 My area, 20 Regions, 30 Cooperatives, 40 Villages, 50 Data quality, 60 NIK log, 70 API,
    80 Administration; other apps pick their numbers between these.
    """
    may_view_regions = permission("region.view", access.ROLE_RULES)
    nav.register_link("registry.my_area", label=_("My area"), url=nav.landing_url, allowed=may_view_regions, order=10)
    nav.register_link(
        "registry.regions",
        label=_("Regions"),
        url=_whole_country_url("region_index"),
        allowed=may_view_regions,
        order=20,
    )
    nav.register_link(
        "registry.villages", label=_("Villages"), url=area_url("village_list"), allowed=may_view_regions, order=40
    )
    nav.register_link(
        "registry.api", label=_("API"), url=lambda _user: reverse("api_docs"), allowed=may_view_regions, order=70
    )
    nav.register_link(
        "registry.admin",
        label=_("Administration"),
        url=lambda _user: reverse("admin:index"),
        allowed=permission("admin.view", access.ROLE_RULES),
        order=80,
    )
    nav.register_landing(roles=access.NATIONAL, url_name="region_index")
    nav.register_landing(roles=[Role.PROVINCIAL_STAFF], url_name="region_detail", area_kwarg="code")
