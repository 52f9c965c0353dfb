from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry import codes
from registry.codes import RegionLevel, region_code_validator


class RegionKind(models.TextChoices):
    PROVINSI = "provinsi", _("Province")
    KABUPATEN = "kabupaten", _("Regency")
    KOTA = "kota", _("City")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DISTRIK = "distrik", _("Distrik")
    DESA = "desa", _("Desa")
    KELURAHAN = "kelurahan", _("Kelurahan")
    DESA_ADAT = "desa_adat", _("Desa adat")


KINDS_BY_LEVEL = {
    RegionLevel.PROVINCE: [RegionKind.PROVINSI],
    RegionLevel.REGENCY: [RegionKind.KABUPATEN, RegionKind.KOTA],
    RegionLevel.KECAMATAN: [RegionKind.KECAMATAN, RegionKind.DISTRIK],
    RegionLevel.VILLAGE: [RegionKind.DESA, RegionKind.KELURAHAN, RegionKind.DESA_ADAT],
}


class Region(models.Model):
    """A Kemendagri region (Kepmendagri 300.2.2-2138/2025), keyed by its dotted code.

    One table for the four levels: the code prefix is the ancestry, so scoping a user to a province or regency is a
    range on the indexed code (`registry.codes.subtree_q`), and the region API serves every level the same way.
    """

    code = models.CharField(_("code"), max_length=13, primary_key=True, validators=[region_code_validator])
    name = models.CharField(_("name"), max_length=120)
    level = models.PositiveSmallIntegerField(_("level"), choices=RegionLevel.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=RegionKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    # False when the region left the master but records still refer to it (the import keeps it and reports it).
    is_active = models.BooleanField(_("in the current master"), default=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "name"], name="region_level_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level=1, parent__isnull=True) | models.Q(level__gt=1, parent__isnull=False),
                name="region_parent_matches_level",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    *[
                        models.Q(level=level, kind__in=[k.value for k in kinds])
                        for level, kinds in KINDS_BY_LEVEL.items()
                    ],
                    _connector=models.Q.OR,
                ),
                name="region_kind_matches_level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def display_name(self) -> str:
        """The name as people write it: "Kabupaten Muara Enim", "Kecamatan Lawang Kidul", "Desa Tanjung"."""
        prefix = {
            RegionKind.KECAMATAN: "Kecamatan",
            RegionKind.DISTRIK: "Distrik",
            RegionKind.DESA: "Desa",
            RegionKind.KELURAHAN: "Kelurahan",
            RegionKind.DESA_ADAT: "Desa Adat",
        }.get(self.kind)
        return f"{prefix} {self.name}" if prefix else self.name

    @property
    def ancestor_codes(self) -> list[str]:
        return codes.ancestors(self.code)

    @property
    def province_code(self) -> str:
        return codes.province_code(self.code)

    @property
    def regency_code(self) -> str | None:
        return codes.regency_code(self.code)


class Role(models.TextChoices):
    NATIONAL_ADMIN = "national_admin", _("National admin")
    NATIONAL_VIEWER = "national_viewer", _("National viewer")
    PROVINCIAL_STAFF = "provincial_staff", _("Provincial staff")
    DISTRICT_OFFICER = "district_officer", _("District officer")
    NOTARY = "notary", _("Notary")


NATIONAL_ROLES = [Role.NATIONAL_ADMIN, Role.NATIONAL_VIEWER]
# The level of the region each regional role is tied to (a notary's region is the regency of their seat).
ROLE_REGION_LEVEL = {
    Role.PROVINCIAL_STAFF: RegionLevel.PROVINCE,
    Role.DISTRICT_OFFICER: RegionLevel.REGENCY,
    Role.NOTARY: RegionLevel.REGENCY,
}


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Province for provincial staff; regency/city for district officers and a notary's seat."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="")
                | models.Q(role__in=[r.value for r in NATIONAL_ROLES], region__isnull=True)
                | models.Q(role__in=[r.value for r in ROLE_REGION_LEVEL], region__isnull=False),
                name="user_region_matches_role",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        level = ROLE_REGION_LEVEL.get(self.role)
        if self.role in NATIONAL_ROLES and self.region_id:
            raise ValidationError({"region": _("National roles cover the whole country: leave the region empty.")})
        if level is not None:
            if self.region is None:
                raise ValidationError({"region": _("This role needs a region.")})
            if self.region.level != level:
                raise ValidationError(
                    {"region": _("This role needs a region of level “%(level)s”.") % {"level": level.label}}
                )


class Target(models.Model):
    """A formation target for one region and year. Without a row the target is the number of villages in the region;
    a row with an empty value means the region has no target (shown as such, never as 0%)."""

    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2025), MaxValueValidator(2100)])
    value = models.PositiveIntegerField(
        _("target"), null=True, blank=True, help_text=_("Number of cooperatives. Leave empty for “no target”.")
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["-year", "region_id"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="target_one_per_region_year"),
            models.CheckConstraint(condition=models.Q(year__gte=2025), name="target_year_from_2025"),
        ]

    def __str__(self) -> str:
        return f"{self.region.name} {self.year}: {self.value if self.value is not None else '-'}"


class ProgrammeSettings(models.Model):
    """Programme-wide figures that national admins change in the admin (one row)."""

    singleton = models.BooleanField(default=True, unique=True, editable=False)
    national_target = models.PositiveIntegerField(
        _("national headline target"),
        default=80_000,
        help_text=_("Number of cooperatives the programme aims for (Inpres 9/2025: 80,000)."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programme settings")
        verbose_name_plural = _("programme settings")
        constraints = [models.CheckConstraint(condition=models.Q(singleton=True), name="programme_settings_single")]

    def __str__(self) -> str:
        return str(_("Programme settings"))


class ProgressMetrics(models.Model):
    """What the roll-up counts for one region (or the nation), as of `computed_at`. Written only by
    `registry.services.progress` (the cooperatives app computes the numbers); dashboards and the progress API read it.

    `reached` maps every stage value of `registry/stages.py` to the active cooperatives at or beyond it (a cumulative
    funnel); `by_pattern` and `by_kind` map each pattern and kind to active cooperatives."""

    villages = models.PositiveIntegerField(default=0)
    villages_served = models.PositiveIntegerField(default=0)
    target = models.PositiveIntegerField(null=True, blank=True, help_text="None: no target (never 0%).")
    target_is_default = models.BooleanField(default=True, help_text="No Target row: the number of villages.")
    cooperatives = models.PositiveIntegerField(default=0)
    reached = models.JSONField(default=dict)
    by_pattern = models.JSONField(default=dict)
    by_kind = models.JSONField(default=dict)
    founders = models.PositiveIntegerField(default=0)
    founders_women = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


# The metric fields of a progress row, in one place for the roll-up, its writer and the snapshots.
PROGRESS_METRICS = tuple(f.name for f in ProgressMetrics._meta.local_fields)


class ProgressLevel(models.IntegerChoices):
    NATION = 0, _("Nation")
    PROVINCE = 1, _("Province")
    REGENCY = 2, _("Regency/city")
    KECAMATAN = 3, _("Kecamatan")


class Progress(ProgressMetrics):
    """The current roll-up row of the nation (code ""), a province, a regency or a kecamatan."""

    code = models.CharField(max_length=13, primary_key=True)
    level = models.PositiveSmallIntegerField(choices=ProgressLevel.choices)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("progress")
        verbose_name_plural = _("progress")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "code"], name="progress_level_code_idx")]

    def __str__(self) -> str:
        return f"{self.code or 'ID'}: {self.cooperatives}"


class ProgressSnapshot(ProgressMetrics):
    """The numbers of the nation, a province or a regency at the end of one day (WIB), for the trend."""

    code = models.CharField(max_length=13)
    level = models.PositiveSmallIntegerField(choices=ProgressLevel.choices)
    day = models.DateField()
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("progress snapshot")
        verbose_name_plural = _("progress snapshots")
        ordering = ["code", "day"]
        constraints = [models.UniqueConstraint(fields=["code", "day"], name="snapshot_one_per_region_day")]

    def __str__(self) -> str:
        return f"{self.code or 'ID'} {self.day}: {self.cooperatives}"


class RollupStatus(models.Model):
    """When the progress roll-up last wrote its rows and when it last failed (one row), for the dashboards' freshness
    warning. Written by `registry.services.progress` (success, in the roll-up's transaction) and
    `registry.services.progress_rollup_failed` (called by the roll-up tasks when they fail)."""

    singleton = models.BooleanField(default=True, unique=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("roll-up status")
        verbose_name_plural = _("roll-up status")
        constraints = [models.CheckConstraint(condition=models.Q(singleton=True), name="rollup_status_single")]

    def __str__(self) -> str:
        return f"roll-up: ok {self.last_success_at}, failed {self.last_failure_at}"
