"""A cooperative's formation record: the cooperative, its founders, board and supervisors, meetings, documents,
and the timeline of its stages. Every model keeps history (django-simple-history) except the two logs, which are
append-only records themselves."""

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cooperatives.choices import (
    BOARD_POSITIONS,
    SINGLE_POSITIONS,
    SUPERVISOR_POSITIONS,
    Body,
    CooperativeKind,
    DocumentKind,
    Gender,
    Grade,
    MeetingKind,
    Pattern,
    Position,
    RevitalisationMethod,
    SavingsPeriod,
    TimelineEvent,
    UnitKind,
    UnitStatus,
)
from registry import codes, text
from registry.models import Region
from registry.stages import Stage

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
            # The data-quality list of cooperatives stalled in one stage, oldest first, at national scale.
            models.Index(
                fields=["stage_changed_at", "id"],
                condition=models.Q(is_active=True),
                name="coop_active_stage_since_idx",
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


class FoundingMember(models.Model):
    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="members")
    nik = models.CharField(_("NIK"), max_length=16, validators=[RegexValidator(r"^\d{16}$", _("NIK is 16 digits."))])
    full_name = models.CharField(_("full name"), max_length=150)
    birth_place = models.CharField(_("place of birth"), max_length=100)
    birth_date = models.DateField(_("date of birth"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    address = models.CharField(_("address"), max_length=255)
    rt = models.CharField(_("RT"), max_length=3, blank=True, validators=[digits_validator])
    rw = models.CharField(_("RW"), max_length=3, blank=True, validators=[digits_validator])
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    occupation = models.CharField(_("occupation"), max_length=100, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("founding member")
        verbose_name_plural = _("founding members")
        ordering = ["cooperative_id", "full_name", "id"]
        constraints = [models.UniqueConstraint(fields=["cooperative", "nik"], name="member_nik_once_per_cooperative")]
        # "Already a founder of another active cooperative" looks a NIK up across every founder of the country.
        indexes = [models.Index(fields=["nik"], name="member_nik_idx")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def masked_nik(self) -> str:
        return mask_nik(self.nik)


def mask_nik(nik: str) -> str:
    """`1603015208900012` → `••••••••••••0012`: the serial only. The hidden digits must not be guessable from what
    the pages show beside it: the regency and kecamatan follow from the cooperative's village, and the birth date
    and gender are shown to the district officer (README, "Privacy"), so none of the first twelve is shown."""
    return f"{'•' * 12}{nik[-4:]}" if len(nik) == 16 else "•" * len(nik)


class Officer(models.Model):
    """A seat on the board (pengurus, always a founder) or among the supervisors (pengawas). The chair of the
    supervisors is the kepala desa ex officio and need not be a founder."""

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="officers")
    body = models.CharField(_("body"), max_length=10, choices=Body.choices)
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    member = models.ForeignKey(
        FoundingMember, verbose_name=_("founder"), null=True, blank=True, on_delete=models.PROTECT, related_name="seats"
    )
    name = models.CharField(_("name (kepala desa)"), max_length=150, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ["cooperative_id", "body", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "position"],
                condition=Q(position__in=[p.value for p in SINGLE_POSITIONS]),
                name="officer_single_position_once",
            ),
            models.UniqueConstraint(
                fields=["cooperative", "member"], condition=Q(member__isnull=False), name="officer_one_seat_per_member"
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=False) | Q(position=Position.KETUA_PENGAWAS, name__gt=""),
                name="officer_is_member_or_kepala_desa",
            ),
            models.CheckConstraint(
                condition=Q(body=Body.PENGURUS, position__in=[p.value for p in BOARD_POSITIONS])
                | Q(body=Body.PENGAWAS, position__in=[p.value for p in SUPERVISOR_POSITIONS]),
                name="officer_position_matches_body",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_position_display()}: {self.display_name}"

    @property
    def display_name(self) -> str:
        return self.member.full_name if self.member_id else self.name


class StageTransition(models.Model):
    """The timeline: every stage change, deactivation and change of seat, with who, when and why. Append-only."""

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="transitions")
    event = models.CharField(max_length=12, choices=TimelineEvent.choices, default=TimelineEvent.STAGE)
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    is_correction = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(event=TimelineEvent.STAGE) | ~Q(from_stage=models.F("to_stage")),
                name="transition_changes_stage",
            ),
            models.CheckConstraint(
                condition=(Q(event=TimelineEvent.STAGE) & Q(is_correction=False)) | ~Q(reason=""),
                name="correction_has_reason",
            ),
        ]

    def __str__(self) -> str:
        if self.event != TimelineEvent.STAGE:
            return self.get_event_display()
        return f"{self.from_stage} → {self.to_stage}"


class NikView(models.Model):
    """Each time a full NIK was shown (the founder's edit form): who, when, which member. Append-only."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(FoundingMember, null=True, on_delete=models.SET_NULL, related_name="nik_views")
    cooperative = models.ForeignKey(Cooperative, null=True, on_delete=models.SET_NULL, related_name="+")
    # Kept so the entry still says whose NIK it was after the member is removed (masked: the log is not a copy).
    member_label = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("full NIK view")
        verbose_name_plural = _("full NIK views")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.member_label}"


from cooperatives.imports.models import Import  # noqa: E402, F401  (the import record lives with its package)
