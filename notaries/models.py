"""The notary registry (the NPAK list of notaries trained for cooperative deeds). Deeds come with the deed models."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.models import Region, RegionLevel


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
    ahu_number = models.CharField(_("AHU number"), max_length=100, blank=True)
    appointment_sk = models.CharField(_("SK of appointment"), max_length=100, blank=True)
    npak_certificate = models.CharField(_("NPAK certificate number"), max_length=100, blank=True)
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
