"""The cooperatives app's header links, landing and region-page links (registered from CooperativesConfig.ready)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperatives.access import RULES
from registry import codes, navigation
from registry.models import Region, RegionLevel, Role


def _area_worklist(user) -> str | None:
    url = navigation.area_url("cooperatives:worklist")(user)
    # Those who land on their worklist reach it through "My area" already.
    return None if url == navigation.landing_url(user) else url


def _region_worklist(region: Region) -> str | None:
    if region.level == RegionLevel.VILLAGE:
        return None
    return reverse("cooperatives:worklist", kwargs={"code": region.code})


def _village_in_worklist(region: Region) -> str | None:
    if region.level != RegionLevel.VILLAGE:
        return None
    return f"{reverse('cooperatives:worklist', kwargs={'code': region.parent_id})}?{urlencode({'q': region.code})}"


def _kecamatan_in_worklist(code: str) -> str:
    worklist = reverse("cooperatives:worklist", kwargs={"code": codes.regency_code(code)})
    return f"{worklist}?{urlencode({'kecamatan': code})}"


def register(nav: navigation.Navigation = navigation.site) -> None:
    may_view = navigation.permission("cooperative.view", RULES)
    nav.register_landing(roles=[Role.DISTRICT_OFFICER], url_name="cooperatives:worklist", area_kwarg="code")
    nav.register_link("cooperatives.worklist", label=_("Cooperatives"), url=_area_worklist, allowed=may_view, order=30)
    nav.register_link(
        "cooperatives.data_quality",
        label=_("Data quality"),
        url=lambda _user: reverse("cooperatives:data_quality"),
        allowed=navigation.permission("data_quality.view", RULES),
        order=50,
    )
    nav.register_link(
        "cooperatives.imports",
        label=_("Import"),
        url=lambda _user: reverse("cooperatives:imports"),
        allowed=navigation.permission("import.run", RULES),
        order=40,
    )
    nav.register_link(
        "cooperatives.nik_views",
        label=_("NIK log"),
        url=lambda _user: reverse("cooperatives:nik_views"),
        allowed=navigation.permission("nik_views.list", RULES),
        order=60,
    )
    nav.register_region_link(
        "cooperatives.region",
        label=_("Cooperatives in this region"),
        url=_region_worklist,
        allowed=may_view,
        order=10,
    )
    nav.register_kecamatan_link("cooperatives.kecamatan", url=_kecamatan_in_worklist, allowed=may_view, order=10)
    nav.register_region_link(
        "cooperatives.village",
        label=_("Cooperatives of this village"),
        url=_village_in_worklist,
        allowed=may_view,
        order=10,
    )
