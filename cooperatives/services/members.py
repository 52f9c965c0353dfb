from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cooperatives import rules, selectors
from cooperatives.access import ensure_may_change
from cooperatives.data import FounderData
from cooperatives.models import Cooperative, FoundingMember, NikView
from cooperatives.services.common import check_version, ensure_active, validated_save
from cooperatives.services.progress import progress_changed
from registry.errors import ApplicationError


class NikRefused(ApplicationError):
    """A founder row refused: every problem of the row, the first one as the message."""

    def __init__(self, problems: list[rules.Problem]) -> None:
        first = problems[0]
        super().__init__(" ".join(p.message for p in problems if p.field == first.field), field=first.field)
        self.problems = problems

    @property
    def messages(self) -> list[str]:
        return [p.message for p in self.problems]


def ensure_roster_open(cooperative: Cooperative) -> None:
    if not rules.roster_is_open(cooperative):
        raise ApplicationError(_(rules.ROSTER_CLOSED))


def _checked(cooperative: Cooperative, founder: FounderData, *, member_id: int | None = None) -> rules.FounderCheck:
    founder = founder.cleaned()
    context = selectors.founder_context(cooperative, niks=[founder.nik])
    check = rules.founder_problems(founder, context, member_id=member_id)
    if not check.ok:
        raise NikRefused(check.errors)
    return check


def _apply(member: FoundingMember, founder: FounderData, check: rules.FounderCheck) -> None:
    founder = founder.cleaned()
    for name, value in founder.__dict__.items():
        setattr(member, name, value)
    member.nik = check.nik
    member.birth_date = founder.birth_date or check.birth_date
    member.gender = founder.gender or check.gender


def _save(member: FoundingMember, *, actor) -> None:
    try:
        with transaction.atomic():
            validated_save(member, actor=actor, exclude=["cooperative"])
    except IntegrityError as exc:
        raise NikRefused([rules.Problem("nik", _("This NIK is already a founder of this cooperative."))]) from exc


@transaction.atomic
def founding_member_add(*, actor, cooperative: Cooperative, founder: FounderData) -> tuple[FoundingMember, list[str]]:
    """Add a founder after the founder rules. Returns the member and the warnings to show beside the row."""
    cooperative = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
    ensure_may_change(actor, cooperative.village_id)
    ensure_active(cooperative)
    ensure_roster_open(cooperative)
    check = _checked(cooperative, founder)
    member = FoundingMember(cooperative=cooperative)
    _apply(member, founder, check)
    _save(member, actor=actor)
    progress_changed(regency_code=cooperative.regency_code)
    return member, check.warnings


@transaction.atomic
def founding_member_update(
    *, actor, member: FoundingMember, expected_version: int | None, founder: FounderData
) -> tuple[FoundingMember, list[str]]:
    """Change a founder's particulars; `founder` holds all of them (start from `FounderData.of(member)`)."""
    member = FoundingMember.objects.select_for_update().select_related("cooperative").get(pk=member.pk)
    ensure_may_change(actor, member.cooperative.village_id)
    ensure_active(member.cooperative)
    ensure_roster_open(member.cooperative)
    check_version(member, expected_version)
    check = _checked(member.cooperative, founder, member_id=member.pk)
    _apply(member, founder, check)
    member.version += 1
    _save(member, actor=actor)
    progress_changed(regency_code=member.cooperative.regency_code)  # the gender counts (founders who are women)
    return member, check.warnings


@transaction.atomic
def founding_member_remove(*, actor, member: FoundingMember) -> None:
    # Read the cooperative again, locked: the caller's copy may predate a stage change.
    cooperative = Cooperative.objects.select_for_update().get(pk=member.cooperative_id)
    ensure_may_change(actor, cooperative.village_id)
    ensure_active(cooperative)
    ensure_roster_open(cooperative)
    if member.seats.exists():
        raise ApplicationError(_("This founder holds a seat on the board or supervisors: remove the seat first."))
    member._history_user = actor
    member.delete()
    progress_changed(regency_code=cooperative.regency_code)


def nik_view_record(*, actor, member: FoundingMember) -> NikView:
    """Log that `actor` was shown `member`'s full NIK (UU 27/2022: who saw personal data, when)."""
    return NikView.objects.create(
        user=actor,
        member=member,
        cooperative_id=member.cooperative_id,
        member_label=f"{member.full_name} ({member.masked_nik})",
    )
