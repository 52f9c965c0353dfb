"""The notaries app's landing and header links (registered from NotariesConfig.ready): a notary starts from the notary
area; notaries and district officers reach the deeds; officers and staff the directory; everyone their notifications,
with the unread count beside the link."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notaries.access import RULES
from registry import navigation


def unread_count(user) -> int:
    from notaries.selectors.notifications import cached_unread_count

    return cached_unread_count(user)


def _warm_unread_count(sender, request, user, **kwargs) -> None:
    """Count at login, so that the pages after it read the header's number from the cache."""
    if user is not None and user.pk is not None:
        unread_count(user)


def register(nav: navigation.Navigation = navigation.site) -> None:
    user_logged_in.connect(_warm_unread_count, dispatch_uid="notaries.unread_count")
    # Whoever may open the notary area starts from it.
    nav.register_landing(roles=RULES["notary.home"], url_name="notaries:home")
    nav.register_link(
        "notaries.deeds",
        label=_("Deeds"),
        url=lambda _user: reverse("notaries:deeds"),
        allowed=navigation.permission("deed.view", RULES),
        order=35,
    )
    nav.register_link(
        "notaries.directory",
        label=_("Notaries"),
        url=lambda _user: reverse("notaries:directory"),
        allowed=navigation.permission("directory.view", RULES),
        order=45,
    )
    nav.register_link(
        "notaries.notifications",
        label=_("Notifications"),
        url=lambda _user: reverse("notaries:notifications"),
        allowed=navigation.permission("notification.list", RULES),
        order=65,
        count=unread_count,
    )
