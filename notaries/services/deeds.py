"""A cooperative's founding deed: recorded by its notary, corrected as a new version, verified or rejected by the
district officer. Verifying moves the cooperative to `akta` through `cooperatives.services.cooperative_deed_verified`
(the one door to that stage), whose progress refresh follows on commit."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives import services as cooperative_services
from cooperatives.evidence import date_problem, evidence_dates
from cooperatives.models import Cooperative
from notaries import access
from notaries.models import Deed, DeedDownload, DeedStatus, Notary, NotificationKind
from notaries.services.common import validated_save
from notaries.services.notifications import notify, officers_of
from registry.errors import ApplicationError
from registry.stages import Stage, stage_index
from registry.uploads import pdf_check


def is_superseded_by_stage(deed: Deed, cooperative: Cooperative) -> bool:
    """A verified deed whose cooperative the district officer corrected back below `akta`: shown as superseded, and
    open to a corrected version (read from the cooperative's stage; cooperatives never calls up)."""
    return deed.status == DeedStatus.TERVERIFIKASI and stage_index(cooperative.stage) < stage_index(Stage.AKTA)


def _acting_notary(actor) -> Notary:
    notary = access.notary_of(actor)
    if notary is None:
        raise ApplicationError(_("Only a notary linked to the registry records deeds."))
    return notary


def _check_particulars(*, notary: Notary, cooperative: Cooperative, number: str, date: dt.date, exclude=None) -> str:
    number = (number or "").strip()
    if not number:
        raise ApplicationError(_("Write the deed number."), field="number")
    if date is None:
        raise ApplicationError(_("Write the deed date."), field="date")
    problem = date_problem({**evidence_dates(cooperative), "deed": date}, "deed")
    if problem:
        raise ApplicationError(problem, field="date")
    taken = (
        Deed.objects.filter(notary=notary, year=date.year, number__iexact=number, is_current=True)
        .exclude(pk=exclude.pk if exclude else None)
        .select_related("cooperative")
        .first()
    )
    if taken is not None:
        raise ApplicationError(
            _(
                "Deed number %(number)s of %(year)s is already used for %(cooperative)s: each deed number is used "
                "once a year."
            )
            % {"number": number, "year": date.year, "cooperative": taken.cooperative.name},
            field="number",
        )
    return number


def _same_file(notary: Notary, cooperative: Cooperative, sha256: str) -> Deed | None:
    """An identical file this notary already recorded: the deed it is (same cooperative), or a refusal."""
    same = Deed.objects.filter(notary=notary, sha256=sha256).select_related("cooperative").order_by("-version").first()
    if same is None:
        return None
    if same.cooperative_id != cooperative.pk:
        raise ApplicationError(
            _("This file was already recorded as the deed of %(cooperative)s.")
            % {"cooperative": same.cooperative.name},
            field="file",
        )
    # The latest version of the chain the identical file belongs to (a retried correction returns the correction).
    return Deed.objects.filter(cooperative=cooperative, notary=notary, sha256=sha256).order_by("-version").first()


def _store(deed: Deed, file: UploadedFile, *, actor) -> Deed:
    deed.original_name = (file.name or "akta.pdf")[-255:]
    deed.size = file.size
    deed.file.save("akta.pdf", file, save=False)
    stored = deed.file
    try:
        validated_save(deed, actor=actor, exclude=["file"])
    except Exception:
        stored.storage.delete(stored.name)
        raise
    return deed


@transaction.atomic
def deed_record(
    *, actor, cooperative: Cooperative, number: str, date: dt.date, file: UploadedFile
) -> tuple[Deed, bool]:
    """The notary records the founding deed of a cooperative assigned to them, with its PDF. Returns (deed, created):
    the identical file again returns the deed already recorded, unchanged."""
    notary = _acting_notary(actor)
    coop = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
    access.ensure_assigned(notary, coop)
    sha256 = pdf_check(file)
    same = _same_file(notary, coop, sha256)
    if same is not None:
        return same, False
    if not coop.is_active:
        raise ApplicationError(_("This cooperative is inactive: it is kept for the record and no longer changes."))
    open_deed = Deed.objects.filter(cooperative=coop, is_current=True).exclude(status=DeedStatus.DITOLAK).first()
    if open_deed is not None and not is_superseded_by_stage(open_deed, coop):
        raise ApplicationError(
            _("This cooperative already has a deed (%(deed)s): submit a correction of it instead.")
            % {"deed": open_deed.number}
        )
    number = _check_particulars(notary=notary, cooperative=coop, number=number, date=date)
    if open_deed is not None:  # verified, but the cooperative went back below `akta`: the new deed takes its place
        return _new_version(open_deed, actor=actor, number=number, date=date, file=file, sha256=sha256), True
    deed = Deed(
        cooperative=coop, notary=notary, number=number, date=date, year=date.year, sha256=sha256, submitted_by=actor
    )
    _store(deed, file, actor=actor)
    notify(users=officers_of(coop), kind=NotificationKind.DEED_SUBMITTED, deed=deed)
    return deed, True


def _new_version(previous: Deed, *, actor, number: str, date: dt.date, file: UploadedFile, sha256: str) -> Deed:
    previous.is_current = False
    validated_save(previous, actor=actor, exclude=["file"])
    deed = Deed(
        cooperative=previous.cooperative,
        notary=previous.notary,
        number=number,
        date=date,
        year=date.year,
        sha256=sha256,
        version=previous.version + 1,
        supersedes=previous,
        submitted_by=actor,
    )
    _store(deed, file, actor=actor)
    notify(users=officers_of(previous.cooperative), kind=NotificationKind.DEED_SUBMITTED, deed=deed)
    return deed


@transaction.atomic
def deed_correct(*, actor, deed: Deed, number: str, date: dt.date, file: UploadedFile) -> tuple[Deed, bool]:
    """A corrected version of the notary's deed: a new version that supersedes it (the old one stays). Allowed while
    it waits, after a rejection, and when the cooperative was corrected back below `akta`. Returns (deed, created):
    the identical file again returns the version it is."""
    notary = _acting_notary(actor)
    deed = Deed.objects.select_for_update(of=("self",)).select_related("cooperative").get(pk=deed.pk)
    if deed.notary_id != notary.pk:
        raise ApplicationError(_("This is another notary's deed."))
    coop = Cooperative.objects.select_for_update().get(pk=deed.cooperative_id)
    sha256 = pdf_check(file)
    same = _same_file(notary, coop, sha256)
    if same is not None:
        return same, False
    if not deed.is_current:
        raise ApplicationError(_("A newer version of this deed exists: correct the newest one."))
    access.ensure_assigned(notary, coop)
    if deed.status == DeedStatus.TERVERIFIKASI and not is_superseded_by_stage(deed, coop):
        raise ApplicationError(
            _("This deed is verified. A correction is possible after the district officer corrects the stage.")
        )
    number = _check_particulars(notary=notary, cooperative=coop, number=number, date=date, exclude=deed)
    return _new_version(deed, actor=actor, number=number, date=date, file=file, sha256=sha256), True


def _decidable(actor, deed: Deed) -> Deed:
    deed = Deed.objects.select_for_update(of=("self",)).select_related("cooperative", "notary__user").get(pk=deed.pk)
    access.ensure_may_verify(actor, deed)
    if not deed.is_current:
        raise ApplicationError(_("A newer version of this deed exists: decide on the newest one."))
    return deed


@transaction.atomic
def deed_verify(*, actor, deed: Deed) -> Deed:
    """The district officer verifies the deed: the cooperative moves to `akta` (its service checks the stage, the
    founders and the dates) and the notary is told. Verifying a verified deed again changes nothing."""
    deed = _decidable(actor, deed)
    if deed.status == DeedStatus.TERVERIFIKASI:
        return deed
    if deed.status != DeedStatus.DIAJUKAN:
        raise ApplicationError(_("A rejected deed is not verified: the notary submits a corrected version."))
    cooperative_services.cooperative_deed_verified(
        actor=actor, cooperative=deed.cooperative, deed_number=deed.number, deed_date=deed.date
    )
    deed.status, deed.decided_by, deed.decided_at = DeedStatus.TERVERIFIKASI, actor, timezone.now()
    validated_save(deed, actor=actor, exclude=["file"])
    if deed.notary.user_id:
        notify(users=[deed.notary.user], kind=NotificationKind.DEED_VERIFIED, deed=deed)
    return deed


@transaction.atomic
def deed_reject(*, actor, deed: Deed, reason: str) -> Deed:
    """The district officer rejects a waiting deed with a reason the notary reads; the notary submits a correction."""
    deed = _decidable(actor, deed)
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Write why the deed is rejected: the notary reads it."), field="reason")
    if deed.status == DeedStatus.DITOLAK and deed.rejection_reason == reason:
        return deed
    if deed.status != DeedStatus.DIAJUKAN:
        raise ApplicationError(_("Only a deed waiting for verification can be rejected."))
    deed.status, deed.rejection_reason = DeedStatus.DITOLAK, reason
    deed.decided_by, deed.decided_at = actor, timezone.now()
    validated_save(deed, actor=actor, exclude=["file"])
    if deed.notary.user_id:
        notify(users=[deed.notary.user], kind=NotificationKind.DEED_REJECTED, deed=deed)
    return deed


def deed_download_record(*, actor, deed: Deed) -> DeedDownload:
    """Log that `actor` opened the deed's file (who saw the document, when)."""
    return DeedDownload.objects.create(deed=deed, user=actor)
