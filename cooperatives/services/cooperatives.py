from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cooperatives import evidence
from cooperatives.access import ensure_may_change
from cooperatives.choices import CooperativeKind, Grade, Pattern, UnitKind, UnitStatus
from cooperatives.data import CooperativeProfile
from cooperatives.models import BusinessUnit, Cooperative
from cooperatives.services.common import check_version, ensure_active, validated_save
from cooperatives.services.progress import progress_changed
from registry import codes, text
from registry.errors import ApplicationError
from registry.models import Region, RegionKind, RegionLevel
from registry.selectors import village_name_repeats


def kind_for(village: Region) -> CooperativeKind:
    return CooperativeKind.KKMP if village.kind == RegionKind.KELURAHAN else CooperativeKind.KDMP


def proposed_name(village: Region, *, repeats: bool | None = None) -> str:
    """The name the programme gives, made unique in the regency: a village name that repeats there (three "Pagar
    Dewa" in Muara Enim) is followed by the kecamatan ("Koperasi Desa Merah Putih Pagar Dewa Lubai Ulu").

    `repeats`: whether the name repeats, when the caller already knows it (the import, for a whole regency at once)."""
    word = "Kelurahan" if kind_for(village) == CooperativeKind.KKMP else "Desa"
    name = f"Koperasi {word} Merah Putih {village.name}"
    if village_name_repeats(village) if repeats is None else repeats:
        name = f"{name} {village.parent.name}"
    return name


def _validate_pattern(coop: Cooperative) -> None:
    if coop.pattern == Pattern.PENGEMBANGAN:
        if not coop.existing_nik_koperasi:
            raise ApplicationError(
                _("The development pattern starts from the existing cooperative's NIK Koperasi: fill it in."),
                field="existing_nik_koperasi",
            )
        if coop.existing_grade not in {Grade.A, Grade.B, Grade.C}:
            raise ApplicationError(
                _("The development pattern needs an existing cooperative graded at least C."), field="existing_grade"
            )
    if coop.pattern == Pattern.REVITALISASI:
        if not coop.revitalisation_method:
            raise ApplicationError(
                _("Choose how the cooperative is revitalised (reactivation or merger)."), field="revitalisation_method"
            )
        if not coop.revitalised_cooperatives.strip():
            raise ApplicationError(
                _("Name the cooperatives that are reactivated or merged."), field="revitalised_cooperatives"
            )


def _validate_sk_ahu_date(coop: Cooperative) -> None:
    dates = evidence.evidence_dates(coop) if coop.pk else {"sk_ahu": coop.sk_ahu_date}
    problem = evidence.date_problem(dates, "sk_ahu")
    if problem:
        raise ApplicationError(problem, field="sk_ahu_date")


def validate_duplicate(coop: Cooperative) -> None:
    if not coop.is_active or coop.duplicate_reason.strip():
        return
    other = (
        Cooperative.objects.filter(village_id=coop.village_id, is_active=True).exclude(pk=coop.pk).only("name").first()
    )
    if other is not None:
        raise ApplicationError(
            _(
                "%(village)s already has an active cooperative (%(name)s). A second one is allowed only with a "
                "reason: write it in the field “reason for a second cooperative”."
            )
            % {"village": coop.village.display_name, "name": other.name},
            field="duplicate_reason",
        )


def _set_covered_villages(coop: Cooperative, villages: list[Region]) -> None:
    for v in villages:
        if (
            v.level != RegionLevel.VILLAGE
            or codes.regency_code(v.code) != coop.regency_code
            or v.code == coop.village_id
        ):
            raise ApplicationError(
                _("%(village)s cannot be covered: a joint cooperative covers other villages of the same regency.")
                % {"village": v.display_name},
                field="covered_villages",
            )
    coop.covered_villages.set(villages)


def save_cooperative(coop: Cooperative, *, actor) -> None:
    try:
        with transaction.atomic():
            validated_save(coop, actor=actor, exclude=["covered_villages"])
    except IntegrityError as exc:
        # Another officer registered a cooperative in the same village at the same moment.
        raise ApplicationError(
            _("This village already has an active cooperative. Write a reason to record a second one."),
            field="duplicate_reason",
        ) from exc


def _apply(coop: Cooperative, profile: CooperativeProfile) -> None:
    for name, value in profile.__dict__.items():
        setattr(coop, name, value.strip() if isinstance(value, str) else value)
    coop.name = text.collapse_spaces(coop.name) or proposed_name(coop.village)


@transaction.atomic
def cooperative_register(
    *, actor, village: Region, profile: CooperativeProfile, covered_villages: list[Region] | None = None
) -> Cooperative:
    if village.level != RegionLevel.VILLAGE:
        raise ApplicationError(_("A cooperative is seated in a village or kelurahan."), field="village")
    ensure_may_change(actor, village.code)
    coop = Cooperative(village=village, kind=kind_for(village), created_by=actor)
    _apply(coop, profile)
    _validate_pattern(coop)
    validate_duplicate(coop)
    _validate_sk_ahu_date(coop)
    save_cooperative(coop, actor=actor)
    if covered_villages:
        _set_covered_villages(coop, covered_villages)
    progress_changed(regency_code=coop.regency_code)
    return coop


@transaction.atomic
def cooperative_update(
    *,
    actor,
    cooperative: Cooperative,
    expected_version: int | None,
    profile: CooperativeProfile,
    covered_villages: list[Region] | None = None,
) -> Cooperative:
    """Change the profile. `profile` holds every profile field (start from `CooperativeProfile.of(cooperative)`);
    `expected_version` is the version the user saw, and a newer one means a conflict."""
    coop = Cooperative.objects.select_for_update().select_related("village").get(pk=cooperative.pk)
    ensure_may_change(actor, coop.village_id)
    ensure_active(coop)
    check_version(coop, expected_version)
    _apply(coop, profile)
    _validate_pattern(coop)
    validate_duplicate(coop)
    _validate_sk_ahu_date(coop)
    coop.version += 1
    save_cooperative(coop, actor=actor)
    if covered_villages is not None:
        _set_covered_villages(coop, covered_villages)
    progress_changed(regency_code=coop.regency_code)  # pattern and villages served are counted
    return coop


@transaction.atomic
def business_unit_set(*, actor, cooperative: Cooperative, kind: str, status: str, other_name: str = "") -> BusinessUnit:
    """Add a business unit or change its status (planned/running)."""
    ensure_may_change(actor, cooperative.village_id)
    ensure_active(cooperative)
    other_name = other_name.strip() if kind == UnitKind.LAINNYA else ""
    if kind == UnitKind.LAINNYA and not other_name:
        raise ApplicationError(_("Give the name of the other business unit."), field="other_name")
    if status not in UnitStatus.values:
        raise ApplicationError(_("Choose planned or running."), field="status")
    unit = BusinessUnit.objects.filter(cooperative=cooperative, kind=kind, other_name=other_name).first()
    unit = unit or BusinessUnit(cooperative=cooperative, kind=kind, other_name=other_name)
    unit.status = status
    validated_save(unit, actor=actor, exclude=["cooperative"])
    return unit


@transaction.atomic
def business_unit_remove(*, actor, unit: BusinessUnit) -> None:
    ensure_may_change(actor, unit.cooperative.village_id)
    ensure_active(unit.cooperative)
    unit._history_user = actor
    unit.delete()
