from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperatives import access
from cooperatives.choices import TimelineEvent
from cooperatives.evidence import date_problem, evidence_dates
from cooperatives.models import Cooperative, StageTransition
from cooperatives.rules import stage_missing
from cooperatives.services.common import check_version, ensure_active
from cooperatives.services.progress import progress_changed
from registry.errors import ApplicationError
from registry.stages import Stage, next_stage, stage_index


def locked(cooperative: Cooperative, *, actor, action: str = "cooperative.change") -> Cooperative:
    """The cooperative read again under a row lock, after the actor's right to change it is checked."""
    coop = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
    access.ensure_may_change(actor, coop.village_id, action)
    ensure_active(coop)
    return coop


def timeline_record(coop: Cooperative, *, actor, event: TimelineEvent, to: str, reason: str, **extra) -> None:
    StageTransition.objects.create(
        cooperative=coop, event=event, from_stage=coop.stage, to_stage=to, actor=actor, reason=reason, **extra
    )


def _move(coop: Cooperative, *, actor, to: Stage, reason: str = "", is_correction: bool = False) -> Cooperative:
    """Every stage change passes here: the timeline entry, the version, when the stage was entered, the refresh."""
    timeline_record(coop, actor=actor, event=TimelineEvent.STAGE, to=to, reason=reason, is_correction=is_correction)
    coop.stage = to
    coop.stage_changed_at = timezone.now()
    coop.version += 1
    coop._history_user = actor
    coop.save(update_fields=["stage", "stage_changed_at", "version", "deed_number", "deed_date", "updated_at"])
    progress_changed(regency_code=coop.regency_code)
    return coop


def _refuse(to: Stage, missing: list[str]) -> None:
    raise ApplicationError(
        _("Cannot move to “%(stage)s” yet: %(missing)s") % {"stage": to.label, "missing": " ".join(missing)}
    )


@transaction.atomic
def cooperative_advance(*, actor, cooperative: Cooperative, expected_version: int | None = None) -> Cooperative:
    """One step forward, when the evidence for the next stage is complete. The deed stage has its own door."""
    coop = locked(cooperative, actor=actor)
    check_version(coop, expected_version)
    to = next_stage(coop.stage)
    if to is None:
        raise ApplicationError(_("The cooperative is already operational: there is no next stage."))
    missing = stage_missing(coop, to)
    if missing:
        _refuse(to, missing)
    return _move(coop, actor=actor, to=to)


@transaction.atomic
def cooperative_deed_verified(*, actor, cooperative: Cooperative, deed_number: str, deed_date: dt.date) -> Cooperative:
    """Called when a district officer has verified a notary's founding deed (the notaries app calls this).

    Verifying the same deed again (a repeated request, a task run twice) returns the cooperative unchanged."""
    coop = locked(cooperative, actor=actor)
    deed_number = (deed_number or "").strip()
    if coop.stage == Stage.AKTA and deed_number and coop.deed_number == deed_number and coop.deed_date == deed_date:
        return coop
    if coop.stage != Stage.RAPAT_PENDIRIAN:
        raise ApplicationError(
            _("A deed is verified after the founding meeting stage; this cooperative is at “%(stage)s”.")
            % {"stage": Stage(coop.stage).label}
        )
    missing = stage_missing(coop, Stage.RAPAT_PENDIRIAN)
    if missing:
        _refuse(Stage.AKTA, missing)
    if not deed_number:
        raise ApplicationError(_("The deed number is missing."), field="deed_number")
    dates = {**evidence_dates(coop), "deed": deed_date}
    problem = date_problem(dates, "deed")
    if problem:
        raise ApplicationError(problem, field="deed_date")
    coop.deed_number, coop.deed_date = deed_number, deed_date
    return _move(coop, actor=actor, to=Stage.AKTA, reason=_("Deed number %(number)s") % {"number": deed_number})


@transaction.atomic
def cooperative_correct_stage(
    *, actor, cooperative: Cooperative, to_stage: str, reason: str, expected_version: int | None = None
) -> Cooperative:
    """A step back is a correction: district officers only, with a reason, on the timeline like any move."""
    if not access.can(actor, "cooperative.correct_stage"):
        raise ApplicationError(_("Only the district officer may correct a stage."))
    coop = locked(cooperative, actor=actor, action="cooperative.correct_stage")
    check_version(coop, expected_version)
    if to_stage not in Stage.values or stage_index(to_stage) >= stage_index(coop.stage):
        raise ApplicationError(_("A correction goes back to an earlier stage."), field="to_stage")
    if not (reason or "").strip():
        raise ApplicationError(_("Write why the stage is corrected."), field="reason")
    if stage_index(to_stage) < stage_index(Stage.AKTA):
        coop.deed_number, coop.deed_date = "", None
    return _move(coop, actor=actor, to=Stage(to_stage), reason=reason.strip(), is_correction=True)
