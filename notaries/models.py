"""The notary registry (the NPAK list of notaries trained for cooperative deeds), the assignment of a notary to a
cooperative, the deeds with their versions, who opened them, notifications and the notaries' API tokens."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry import codes
from registry.models import Region, RegionLevel, Role


class Notary(models.Model):
    """A notary and their seat (tempat kedudukan, a regency or city). The wilayah jabatan is the province of the seat
    (UU 2/2014 art. 18): `province` is kept beside the seat so that directory filters need no join."""

    name = models.CharField(_("name with titles"), max_length=255)
    seat = models.ForeignKey(
        Region,
        verbose_name=_("seat"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": RegionLevel.REGENCY},
    )
    province = models.ForeignKey(
        Region,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": RegionLevel.PROVINCE},
    )
    ahu_number = models.CharField(_("AHU number"), max_length=255, blank=True)
    appointment_sk = models.CharField(_("SK of appointment"), max_length=255, blank=True)
    npak_certificate = models.CharField(_("NPAK certificate number"), max_length=255, blank=True)
    office_address = models.TextField(_("office address"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("mobile phone"), max_length=50, blank=True)
    phone_2 = models.CharField(_("second mobile phone"), max_length=50, blank=True)
    office_phone = models.CharField(_("office phone"), max_length=50, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notary",
    )
    # The natural key of a row of the published NPAK list (see notaries/npak); empty for a notary entered by hand.
    import_key = models.CharField(_("import key"), max_length=300, null=True, blank=True, editable=False)
    # The name folded for search (lower case, no titles or punctuation), indexed for prefix and trigram search.
    search_name = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "search_name"])

    class Meta:
        verbose_name = _("notary")
        verbose_name_plural = _("notaries")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["import_key"], condition=Q(import_key__isnull=False), name="notary_import_key_unique"
            ),
        ]
        indexes = [models.Index(fields=["province", "seat"], name="notary_province_seat")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A linked account is a notary's, seated where the notary is (their area follows from the seat)."""
        super().clean()
        if self.user_id is None:
            return
        if self.user.role != Role.NOTARY:
            raise ValidationError({"user": _("Only an account with the notary role can be linked to a notary.")})
        if self.seat_id and self.user.region_id != self.seat_id:
            raise ValidationError(
                {"user": _("The account's region must be the notary's seat (%(seat)s).") % {"seat": self.seat_id}}
            )


class DeedStatus(models.TextChoices):
    DIAJUKAN = "diajukan", _("Submitted")
    TERVERIFIKASI = "terverifikasi", _("Verified")
    DITOLAK = "ditolak", _("Rejected")


# Shown, never stored: a verified deed of a cooperative that the district officer corrected back below `akta`.
SUPERSEDED = "digantikan"


class Assignment(models.Model):
    """A notary assigned by the district officer to draw up a cooperative's founding deed. One active assignment
    per cooperative; a new one ends the previous (kept for the record)."""

    notary = models.ForeignKey(Notary, verbose_name=_("notary"), on_delete=models.PROTECT, related_name="assignments")
    cooperative = models.ForeignKey(
        "cooperatives.Cooperative", verbose_name=_("cooperative"), on_delete=models.PROTECT, related_name="+"
    )
    is_active = models.BooleanField(_("active"), default=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notary assignment")
        verbose_name_plural = _("notary assignments")
        ordering = ["-assigned_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative"], condition=Q(is_active=True), name="assignment_one_active_per_cooperative"
            ),
        ]
        indexes = [models.Index(fields=["notary", "is_active"], name="assignment_notary_active")]

    def __str__(self) -> str:
        return f"{self.notary_id} → {self.cooperative_id}"


def deed_path(instance: Deed, filename: str) -> str:
    # The stored name never comes from the uploader: notaries/regency/cooperative/akta-v<version>-hash.pdf
    regency = codes.regency_code(instance.cooperative.village_id)
    return f"notaries/{regency}/{instance.cooperative_id}/akta-v{instance.version}-{instance.sha256[:16]}.pdf"


class Deed(models.Model):
    """One version of a cooperative's founding deed. A correction is a new version that supersedes the previous one
    (`supersedes`); nothing is deleted or overwritten. `is_current` marks the latest version of a chain."""

    cooperative = models.ForeignKey(
        "cooperatives.Cooperative", verbose_name=_("cooperative"), on_delete=models.PROTECT, related_name="+"
    )
    notary = models.ForeignKey(Notary, verbose_name=_("notary"), on_delete=models.PROTECT, related_name="deeds")
    number = models.CharField(_("deed number"), max_length=100)
    date = models.DateField(_("deed date"))
    # The year of `date`, kept so that the database can hold the deed number unique per notary and year.
    year = models.PositiveSmallIntegerField(editable=False)
    version = models.PositiveIntegerField(_("version"), default=1)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    is_current = models.BooleanField(default=True, editable=False)
    status = models.CharField(_("status"), max_length=15, choices=DeedStatus.choices, default=DeedStatus.DIAJUKAN)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    file = models.FileField(_("deed (PDF)"), upload_to=deed_path, max_length=255)
    original_name = models.CharField(_("original file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deed")
        verbose_name_plural = _("deeds")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["notary", "year", "number"], condition=Q(is_current=True), name="deed_number_unique_per_year"
            ),
            # One deed in play per cooperative: waiting or verified (a rejected one waits for its correction).
            models.UniqueConstraint(
                fields=["cooperative"],
                condition=Q(is_current=True) & ~Q(status="ditolak"),
                name="deed_one_open_per_cooperative",
            ),
            models.CheckConstraint(
                condition=~Q(status="ditolak") | ~Q(rejection_reason=""), name="deed_rejection_has_reason"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="deed_version_positive"),
        ]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="deed_status_submitted"),
            models.Index(fields=["cooperative", "is_current"], name="deed_cooperative_current"),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.year} v{self.version}"

    def save(self, *args, **kwargs):
        self.year = self.date.year
        super().save(*args, **kwargs)


class DeedDownload(models.Model):
    """Each time a deed's file was opened: who and when. Append-only."""

    deed = models.ForeignKey(Deed, on_delete=models.PROTECT, related_name="downloads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("deed download")
        verbose_name_plural = _("deed downloads")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.deed_id}"


class NotificationKind(models.TextChoices):
    DEED_SUBMITTED = "deed_submitted", _("Deed submitted")
    DEED_VERIFIED = "deed_verified", _("Deed verified")
    DEED_REJECTED = "deed_rejected", _("Deed rejected")
    ASSIGNED = "assigned", _("Cooperative assigned")


class Notification(models.Model):
    """An in-app message for one user (the text is composed when shown, in the reader's language)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    deed = models.ForeignKey(Deed, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    cooperative = models.ForeignKey(
        "cooperatives.Cooperative", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}"


class ApiToken(models.Model):
    """A notary's API token: only its SHA-256 is kept (the token is shown once), named, revocable."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notary_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("starts with"), max_length=12, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
