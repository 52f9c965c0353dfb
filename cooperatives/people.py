"""The people of a cooperative's formation record: its founding members and the seats of its board and supervisors.
Models of the cooperatives app (re-exported by `cooperatives.models`)."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cooperatives.choices import BOARD_POSITIONS, SINGLE_POSITIONS, SUPERVISOR_POSITIONS, Body, Gender, Position
from cooperatives.models import digits_validator


class FoundingMember(models.Model):
    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE, related_name="members")
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

    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE, related_name="officers")
    body = models.CharField(_("body"), max_length=10, choices=Body.choices)
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    member = models.ForeignKey(
        "cooperatives.FoundingMember",
        verbose_name=_("founder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="seats",
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
