from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives import evidence, rules
from cooperatives.access import ensure_may_change
from cooperatives.choices import DocumentKind, MeetingKind
from cooperatives.models import Cooperative, FoundingMember, Meeting
from cooperatives.services.common import clean, ensure_active, validated_save
from cooperatives.services.documents import document_upload
from registry.errors import ApplicationError
from registry.uploads import pdf_check

MINUTES_KIND = {
    MeetingKind.MUSDESUS: DocumentKind.MINUTES_MUSDESUS,
    MeetingKind.FOUNDING: DocumentKind.MINUTES_FOUNDING,
}


@transaction.atomic
def meeting_record(
    *,
    actor,
    cooperative: Cooperative,
    kind: str,
    date: dt.date,
    place: str,
    attendance: int,
    minutes: UploadedFile | None = None,
) -> Meeting:
    """Record the Musdesus or the founding meeting (or correct it). A new minutes PDF replaces the shown one; the
    old file stays in the documents list."""
    if kind not in MeetingKind.values:
        raise ApplicationError(_("Unknown meeting."), field="kind")
    if date > timezone.localdate():
        raise ApplicationError(_("The meeting date cannot be in the future."), field="date")
    ensure_may_change(actor, cooperative.village_id)
    ensure_active(cooperative)
    stored = Cooperative.objects.get(pk=cooperative.pk)  # the deed and SK AHU dates as saved now
    dates = evidence.evidence_dates(stored)
    key = "founding" if kind == MeetingKind.FOUNDING else "musdesus"
    dates[key] = date
    problem = evidence.date_problem(dates, key)
    if problem:
        raise ApplicationError(problem, field="date")
    if kind == MeetingKind.FOUNDING:
        # Founders are usually typed before the meeting is recorded, when their age was measured on today.
        underage = rules.underage_founders(stored, FoundingMember.objects.filter(cooperative=stored), on=date)
        if underage:
            raise ApplicationError(
                " ".join([*underage, _("Check the meeting date, or remove these founders first.")]), field="date"
            )
    # Lock through the model manager: the caller's related manager may carry a prefetch with an outer join,
    # which PostgreSQL refuses to lock.
    meeting = Meeting.objects.select_for_update().filter(cooperative=cooperative, kind=kind).first() or Meeting(
        cooperative=cooperative, kind=kind
    )
    meeting.date, meeting.place, meeting.attendance = date, (place or "").strip(), attendance
    if not meeting.place:
        raise ApplicationError(_("Write where the meeting was held."), field="place")
    if attendance is None or attendance < 1:
        raise ApplicationError(_("Attendance must be at least 1."), field="attendance")
    # Everything is checked before the PDF is written, so a refusal leaves no file behind.
    clean(meeting, exclude=["cooperative", "minutes"])
    if minutes is not None:
        pdf_check(minutes, field="minutes")
        meeting.minutes = document_upload(actor=actor, cooperative=cooperative, kind=MINUTES_KIND[kind], file=minutes)
    validated_save(meeting, actor=actor, exclude=["cooperative"])
    return meeting
