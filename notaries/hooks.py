"""What the notaries app adds to the cooperatives' pages, through the registration points cooperatives owns
(`cooperatives.worklist_filters`, `cooperatives.page_links`): cooperatives never imports notaries."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperatives import page_links, worklist_filters
from notaries.access import RULES
from notaries.models import Deed, DeedStatus
from registry import access

DEEDS_WAITING = "deeds_waiting"


def deeds_waiting(villages: QuerySet) -> QuerySet:
    """The villages whose active cooperative has a deed waiting for verification, the oldest waiting first."""
    waiting = Deed.objects.filter(
        status=DeedStatus.DIAJUKAN,
        is_current=True,
        cooperative__is_active=True,
        cooperative__village_id=OuterRef("code"),
    )
    return (
        villages.filter(Exists(waiting))
        .annotate(deed_waiting_since=Subquery(waiting.order_by("submitted_at").values("submitted_at")[:1]))
        .order_by("deed_waiting_since", "code")
    )


def _assign_url(cooperative) -> str | None:
    if not cooperative.is_active:
        return None
    return f"{reverse('notaries:directory')}?{urlencode({'koperasi': cooperative.pk})}"


def register() -> None:
    worklist_filters.register(
        DEEDS_WAITING,
        label=_("Deeds waiting for verification"),
        apply=deeds_waiting,
        allowed=lambda user: access.can(user, "deed.verify", RULES),
    )
    page_links.register(
        "notaries.assign",
        label=_("Notary of this cooperative"),
        url=_assign_url,
        allowed=lambda user: access.can(user, "notary.assign", RULES),
    )
    page_links.register(
        "notaries.deeds",
        label=_("Founding deed"),
        url=lambda coop: f"{reverse('notaries:deeds')}?{urlencode({'koperasi': coop.pk})}",
        allowed=lambda user: access.can(user, "deed.verify", RULES),
    )
