"""A cooperative's formation record: the cooperative, its founders, board and supervisors, meetings, documents,
and the timeline of its stages. Every model keeps history (django-simple-history) except the two logs, which are
append-only records themselves."""

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cooperatives.choices import (
    CooperativeKind,
    DocumentKind,
    Grade,
    MeetingKind,
    Pattern,
    RevitalisationMethod,
    SavingsPeriod,
    UnitKind,
    UnitStatus,
)
from registry import codes, text
from registry.models import Region, RegionLevel
from registry.stages import Stage

# Operational is the end of the formation: a cooperative there is running, not waiting, so never listed as stalled
# (DOMAIN.md: the stages end at "at least one business unit running").
NOT_STALLING = (Stage.OPERASIONAL,)

# What a district officer may set on a cooperative (profile form, API, import): the rest is set by the services.
PROFILE_FIELDS = (
    "name",
    "pattern",
    "existing_nik_koperasi",
    "existing_grade",
    "revitalisation_method",
    "revitalised_cooperatives",
    "address",
    "phone",
    "email",
    "simpanan_pokok",
    "simpanan_wajib",
    "simpanan_wajib_period",
    "grants",
    "sk_ahu_number",
    "sk_ahu_date",
    "npwp",
    "nib",
    "nik_koperasi",
    "duplicate_reason",
)
# What is recorded of a founding member (form, API, import).
MEMBER_FIELDS = (
    "nik",
    "full_name",
    "birth_place",
    "birth_date",
    "gender",
    "address",
    "rt",
    "rw",
    "phone",
    "occupation",
)


digits_validator = RegexValidator(r"^\d*$", _("Digits only."))


class CooperativeQuerySet(models.QuerySet):
    def counted(self) -> "CooperativeQuerySet":
        """The cooperatives progress counts: the active ones. Each counts once, in the region of its seat village,
        a second cooperative in a village included (it adds a cooperative, not a served village)."""
        return self.filter(is_active=True)

    def shown_for_village(self, village_code) -> "CooperativeQuerySet":
        """The cooperative a village is listed with (worklist, exports): its first counted cooperative seated there.
        `village_code` may be an OuterRef, for a subquery per village."""
        return self.counted().filter(village_id=village_code).order_by("id")


class Cooperative(models.Model):
    village = models.ForeignKey(
        Region,
        verbose_name=_("seat village"),
        on_delete=models.PROTECT,
        related_name="cooperatives",
        limit_choices_to={"level": 4},
    )
    covered_villages = models.ManyToManyField(
        Region, verbose_name=_("other villages covered"), blank=True, related_name="joint_cooperatives"
    )
    kind = models.CharField(_("kind"), max_length=4, choices=CooperativeKind.choices)
    name = models.CharField(_("name"), max_length=200)
    pattern = models.CharField(_("formation pattern"), max_length=20, choices=Pattern.choices)
    # Pengembangan: the existing cooperative that becomes the KDMP.
    existing_nik_koperasi = models.CharField(
        _("existing cooperative's NIK Koperasi"), max_length=32, blank=True, validators=[digits_validator]
    )
    existing_grade = models.CharField(
        _("existing cooperative's grade"), max_length=1, choices=Grade.choices, blank=True
    )
    # Revitalisasi: what is reactivated or merged, and how.
    revitalisation_method = models.CharField(
        _("revitalisation method"), max_length=20, choices=RevitalisationMethod.choices, blank=True
    )
    revitalised_cooperatives = models.TextField(_("cooperatives reactivated or merged"), blank=True)

    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)

    simpanan_pokok = models.PositiveBigIntegerField(_("simpanan pokok (Rp)"), null=True, blank=True)
    simpanan_wajib = models.PositiveBigIntegerField(_("simpanan wajib (Rp)"), null=True, blank=True)
    simpanan_wajib_period = models.CharField(
        _("simpanan wajib period"), max_length=10, choices=SavingsPeriod.choices, blank=True
    )
    grants = models.PositiveBigIntegerField(_("grants (Rp)"), null=True, blank=True)

    sk_ahu_number = models.CharField(_("SK AHU number"), max_length=100, blank=True)
    sk_ahu_date = models.DateField(_("SK AHU date"), null=True, blank=True)
    npwp = models.CharField(_("NPWP"), max_length=16, blank=True, validators=[digits_validator])
    nib = models.CharField(_("NIB"), max_length=13, blank=True, validators=[digits_validator])
    nik_koperasi = models.CharField(_("NIK Koperasi"), max_length=32, blank=True, validators=[digits_validator])
    # Set only by the deed service (the notaries app verifies a deed and calls it).
    deed_number = models.CharField(_("deed number"), max_length=100, blank=True, editable=False)
    deed_date = models.DateField(_("deed date"), null=True, blank=True, editable=False)

    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.BELUM)
    # When the current stage was entered (registration, then every move): "stalled for 60 days" lists read it.
    stage_changed_at = models.DateTimeField(_("stage entered at"), default=timezone.now, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    # The name as duplicates are compared (case and spacing aside), kept on save: the data-quality list groups the
    # whole country by it, which a regular expression per row would make cost a second.
    name_key = models.CharField(max_length=200, editable=False, default="", db_default="")
    duplicate_reason = models.TextField(
        _("reason for a second cooperative in this village"),
        blank=True,
        help_text=_("Required when the village already has an active cooperative."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    history = HistoricalRecords(excluded_fields=["updated_at", "name_key"], m2m_fields=[covered_villages])

    objects = CooperativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")
        ordering = ["village_id", "id"]
        constraints = [
            # One active cooperative per village, unless the officer wrote why there is a second one.
            models.UniqueConstraint(
                fields=["village"],
                condition=Q(is_active=True, duplicate_reason=""),
                name="coop_one_active_per_village_without_reason",
            ),
            models.CheckConstraint(
                condition=~Q(pattern=Pattern.PENGEMBANGAN) | ~Q(existing_nik_koperasi=""),
                name="coop_pengembangan_has_existing_nik",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="coop_version_positive"),
        ]
        indexes = [
            models.Index(fields=["stage"], name="coop_stage_idx"),
            # The data-quality lists at national scale (cooperatives/selectors/quality.py). Cooperatives stalled in
            # one stage, oldest first: counted from this index alone (operational ones are never stalled).
            models.Index(
                fields=["stage_changed_at", "id"],
                condition=models.Q(is_active=True) & ~models.Q(stage__in=NOT_STALLING),
                name="coop_stalled_since_idx",
            ),
            # Second cooperatives of a village: the few rows with a reason.
            models.Index(
                fields=["village_id"],
                condition=models.Q(is_active=True) & ~models.Q(duplicate_reason=""),
                name="coop_second_in_village_idx",
            ),
            # Duplicate names in a regency: counted per (name key, regency) in index order, without the table.
            models.Index(
                F("name_key"),
                codes.code_at_expression("village_id", RegionLevel.REGENCY),
                F("village_id"),
                F("id"),
                condition=models.Q(is_active=True),
                name="coop_active_name_regency_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = text.name_key_of(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)

    @property
    def regency_code(self) -> str:
        return codes.regency_code(self.village_id)


class BusinessUnit(models.Model):
    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="business_units")
    kind = models.CharField(_("business unit"), max_length=20, choices=UnitKind.choices)
    other_name = models.CharField(_("name (for “other”)"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=UnitStatus.choices, default=UnitStatus.PLANNED)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("business unit")
        verbose_name_plural = _("business units")
        ordering = ["cooperative_id", "kind", "other_name"]
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "kind", "other_name"], name="unit_once_per_cooperative"),
            models.CheckConstraint(
                condition=Q(kind=UnitKind.LAINNYA, other_name__gt="") | (~Q(kind=UnitKind.LAINNYA) & Q(other_name="")),
                name="unit_other_has_name",
            ),
        ]

    def __str__(self) -> str:
        return self.other_name or self.get_kind_display()


def document_path(instance: "Document", filename: str) -> str:
    # The stored name never comes from the uploader: regency/cooperative/kind-hash.pdf
    coop = instance.cooperative
    return f"cooperatives/{codes.regency_code(coop.village_id)}/{coop.pk}/{instance.kind}-{instance.sha256[:16]}.pdf"


class Document(models.Model):
    """A PDF kept in the private media folder, served only through a scoped view."""

    cooperative = models.ForeignKey(Cooperative, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=document_path, max_length=255)
    original_name = models.CharField(_("original file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.original_name})"


class Meeting(models.Model):
    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("meeting"), max_length=20, choices=MeetingKind.choices)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    attendance = models.PositiveIntegerField(_("attendance"), validators=[MinValueValidator(1)])
    minutes = models.ForeignKey(
        Document, verbose_name=_("minutes (PDF)"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["cooperative_id", "date"]
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "kind"], name="meeting_once_per_kind"),
            models.CheckConstraint(condition=Q(attendance__gte=1), name="meeting_attendance_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"


# The people (founders, board and supervisors), the append-only trail (timeline, full-NIK views) and the import
# record live in modules of their own.
from cooperatives.imports.models import Import  # noqa: E402, F401  (the import record lives with its package)
from cooperatives.people import FoundingMember, Officer, mask_nik  # noqa: E402, F401
from cooperatives.trail import NikView, StageTransition  # noqa: E402, F401
