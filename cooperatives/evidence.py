"""The dates of a cooperative's formation evidence: never in the future, never before the programme began
(`KDMP_PROGRAMME_START`, Inpres 9/2025), and in the order of the stages (Musdesus, founding meeting, deed, SK AHU)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cooperatives.choices import MeetingKind
from cooperatives.models import Cooperative

EVIDENCE_ORDER = ("musdesus", "founding", "deed", "sk_ahu")
EVIDENCE_LABEL = {
    "musdesus": gettext_noop("the Musdesus"),
    "founding": gettext_noop("the founding meeting"),
    "deed": gettext_noop("the founding deed"),
    "sk_ahu": gettext_noop("the SK AHU"),
}


def evidence_dates(cooperative: Cooperative) -> dict[str, dt.date | None]:
    """The dates of the formation evidence recorded so far (reads the prefetched meetings when present)."""
    meetings = {m.kind: m.date for m in cooperative.meetings.all()}
    return {
        "musdesus": meetings.get(MeetingKind.MUSDESUS),
        "founding": meetings.get(MeetingKind.FOUNDING),
        "deed": cooperative.deed_date,
        "sk_ahu": cooperative.sk_ahu_date,
    }


def date_problem(dates: dict[str, dt.date | None], changed: str) -> str | None:
    """What is wrong with the date of `changed` among the evidence dates, or None.

    A date is never in the future nor before the programme started (KDMP_PROGRAMME_START, the Inpres); and the
    evidence follows its order: Musdesus, founding meeting, deed, SK AHU (a later step is never dated earlier)."""
    value = dates.get(changed)
    if value is None:
        return None
    what = capfirst(_(EVIDENCE_LABEL[changed]))
    if value > timezone.localdate():
        return _("%(what)s (%(date)s) cannot be dated in the future.") % {"what": what, "date": date_format(value)}
    start = settings.KDMP_PROGRAMME_START
    if value < start:
        return _("%(what)s (%(date)s) is dated before the programme began (%(start)s, Inpres 9/2025).") % {
            "what": what,
            "date": date_format(value),
            "start": date_format(start),
        }
    position = EVIDENCE_ORDER.index(changed)
    for earlier in EVIDENCE_ORDER[:position]:
        other = dates.get(earlier)
        if other is not None and value < other:
            return _("%(later)s (%(later_date)s) cannot be dated before %(earlier)s (%(earlier_date)s).") % {
                "later": what,
                "later_date": date_format(value),
                "earlier": _(EVIDENCE_LABEL[earlier]),
                "earlier_date": date_format(other),
            }
    for later in EVIDENCE_ORDER[position + 1 :]:
        other = dates.get(later)
        if other is not None and value > other:
            return _("%(earlier)s (%(earlier_date)s) cannot be dated after %(later)s (%(later_date)s).") % {
                "earlier": what,
                "earlier_date": date_format(value),
                "later": _(EVIDENCE_LABEL[later]),
                "later_date": date_format(other),
            }
    return None
