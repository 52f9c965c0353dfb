"""The named lists of `/koperasi/kualitas-data/`. Each app registers its own lists from its `AppConfig.ready()` (the
notaries app its deed lists), so the page shows them all without the cooperatives app importing an upper app.

A list gives, for a user, its rows in display order as something a paginator can count and slice (a queryset, or a
`selectors.RowsByIds`), already limited to the user's area by the app's own access module; the page shows one page of
each list with its count, and a template of its own renders the rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class QualityList:
    key: str  # the section's anchor, and its page parameter `<key>_page`
    title: str | Promise
    description: str | Promise
    empty: str | Promise  # what the section says when the user's area has no such case
    template: str  # renders `page.object_list` as a table
    rows: Callable[[Any], Any]  # user → the rows of the user's area, countable and sliceable, in display order
    order: int = 100
    # Page a long queryset by its ids first (registry.paging): the stalled list sorts 70,000 narrow rows nationally
    # instead of whole ones; a short list with subqueries per row (second cooperatives) is faster paged as it is.
    ids_first: bool = False


_LISTS: dict[str, QualityList] = {}


def register(quality_list: QualityList) -> None:
    """Add a list (again: a second registration under the same key replaces the first, as a reloaded app would)."""
    _LISTS[quality_list.key] = quality_list


def registered() -> list[QualityList]:
    return sorted(_LISTS.values(), key=lambda q: (q.order, q.key))


def lazy_format(message: Promise, **values) -> Promise:
    """`message % values`, translated when shown (in the user's language), not once at start-up."""
    return lazy(lambda: str(message) % values, str)()


def register_cooperative_lists() -> None:
    """The lists read from the cooperatives and the progress rows."""
    from cooperatives import access, selectors
    from registry import access as registry_access

    register(
        QualityList(
            key="villages",
            title=_("Villages with more than one active cooperative"),
            description=_(
                "One active cooperative per village is the norm. Each case below was recorded with a reason; check it "
                "and deactivate or correct what is wrong."
            ),
            empty=_("No village in your area has more than one active cooperative."),
            template="cooperatives/quality/villages.html",
            rows=lambda user: selectors.duplicate_villages(access.cooperatives_visible_to(user)),
            order=10,
        )
    )
    register(
        QualityList(
            key="names",
            title=_("Duplicate cooperative names in one regency/city"),
            description=_(
                "Two active cooperatives of one regency/city with the same name are easily mixed up in letters, deeds "
                "and reports. Rename one of them, for example by adding its kecamatan."
            ),
            empty=_("No two active cooperatives of one regency/city in your area share a name."),
            template="cooperatives/quality/names.html",
            rows=lambda user: selectors.duplicate_names(access.cooperatives_visible_to(user)),
            order=20,
        )
    )
    register(
        QualityList(
            key="stalled",
            title=lazy_format(_("Cooperatives stalled for %(days)s days in one stage"), days=selectors.STALLED_DAYS),
            description=lazy_format(
                _(
                    "Active cooperatives that have not moved to the next stage for %(days)s days or more, the longest "
                    "waiting first. Operational cooperatives have finished the formation and are not listed."
                ),
                days=selectors.STALLED_DAYS,
            ),
            empty=_("No active cooperative in your area has been in one stage for that long."),
            template="cooperatives/quality/stalled.html",
            rows=lambda user: selectors.stalled(access.cooperatives_visible_to(user)),
            order=50,
            ids_first=True,
        )
    )
    register(
        QualityList(
            key="served",
            title=_("Regencies/cities with more villages served than villages"),
            description=_(
                "A regency/city cannot serve more villages than it has: such a progress row is an error of the "
                "roll-up or of the region master. Report it to the national administrator."
            ),
            empty=_("No regency/city in your area serves more villages than it has."),
            template="cooperatives/quality/served.html",
            rows=lambda user: selectors.served_over_villages(registry_access.code_in_area_q(user, "code")),
            order=60,
        )
    )
