"""The deed lists of the data-quality page (`/koperasi/kualitas-data/`), registered with `cooperatives.quality_lists`
from `NotariesConfig.ready()`: deeds waiting for the district officer's verification for more than 7 days, and
verified deeds whose cooperative has no SK AHU 30 days after the deed."""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, QuerySet, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperatives.quality_lists import QualityList, lazy_format
from cooperatives.quality_lists import register as register_list
from notaries import access
from notaries.models import Deed, DeedStatus
from registry import access as registry_access
from registry.stages import Stage

WAITING_DAYS = 7  # a deed submitted this long ago and still not verified or rejected is listed
NO_SK_AHU_DAYS = 30  # a verified deed this old (its date) whose cooperative has no SK AHU yet is listed


def deeds_in_area(user) -> QuerySet[Deed]:
    """The current deeds of the cooperatives in the user's area, for the area-wide lists every reader of the data-
    quality page sees; `with_link` says whether the user may open the deed itself (notaries.access, deed.view)."""
    in_area = registry_access.code_in_area_q(user, "cooperative__village_id")
    return Deed.objects.filter(in_area, is_current=True).annotate(
        with_link=Value(access.can(user, "deed.view"), output_field=BooleanField())
    )


def deeds_waiting(deeds: QuerySet[Deed], *, now: datetime.datetime | None = None) -> QuerySet[Deed]:
    """Deeds submitted `WAITING_DAYS` days ago or more and still neither verified nor rejected, the oldest first."""
    since = (now or timezone.now()) - datetime.timedelta(days=WAITING_DAYS)
    return (
        deeds.filter(status=DeedStatus.DIAJUKAN, submitted_at__lte=since, cooperative__is_active=True)
        .select_related("cooperative__village__parent", "notary")
        .order_by("submitted_at", "id")
    )


def deeds_without_sk_ahu(deeds: QuerySet[Deed], *, today: datetime.date | None = None) -> QuerySet[Deed]:
    """Verified deeds dated `NO_SK_AHU_DAYS` days ago or more whose cooperative is still at the deed stage without an
    SK AHU number, the oldest deed first."""
    until = (today or timezone.localdate()) - datetime.timedelta(days=NO_SK_AHU_DAYS)
    return (
        deeds.filter(
            status=DeedStatus.TERVERIFIKASI,
            date__lte=until,
            cooperative__is_active=True,
            cooperative__stage=Stage.AKTA,
            cooperative__sk_ahu_number="",
        )
        .select_related("cooperative__village__parent", "notary")
        .order_by("date", "id")
    )


def register() -> None:
    register_list(
        QualityList(
            key="deeds_waiting",
            title=lazy_format(_("Deeds waiting for verification for more than %(days)s days"), days=WAITING_DAYS),
            description=lazy_format(
                _(
                    "Deeds a notary submitted %(days)s days ago or more that the district officer has neither "
                    "verified nor rejected, the oldest first. The cooperative cannot reach the deed stage until then."
                ),
                days=WAITING_DAYS,
            ),
            empty=_("No deed in your area has been waiting that long."),
            template="notaries/quality/deeds_waiting.html",
            rows=lambda user: deeds_waiting(deeds_in_area(user)),
            order=30,
        )
    )
    register_list(
        QualityList(
            key="deeds_without_sk",
            title=lazy_format(_("Deeds without SK AHU after %(days)s days"), days=NO_SK_AHU_DAYS),
            description=lazy_format(
                _(
                    "Verified deeds dated %(days)s days ago or more whose cooperative still has no SK AHU number. "
                    "Ask the notary about the legal entity's approval in AHU Online."
                ),
                days=NO_SK_AHU_DAYS,
            ),
            empty=_("Every verified deed in your area older than that has its SK AHU."),
            template="notaries/quality/deeds_without_sk.html",
            rows=lambda user: deeds_without_sk_ahu(deeds_in_area(user)),
            order=40,
        )
    )
