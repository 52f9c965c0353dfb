"""The record of one spreadsheet import: the file (kept privately with its SHA-256), who uploaded and committed it,
its status and its report. Imported founders and cooperatives point back to it through their history rows
(`history_change_reason` "impor #<id> …")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    MEMBERS = "pendiri", _("Founders of one cooperative")
    COOPERATIVES = "koperasi", _("Cooperatives of a regency")


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Being checked")
    CHECKED = "checked", _("Checked: ready to save")
    REFUSED = "refused", _("Has errors: nothing saved")
    SAVING = "saving", _("Being saved")
    SAVED = "saved", _("Saved")
    FAILED = "failed", _("Failed: nothing saved")


def import_path(instance: "Import", filename: str) -> str:
    # The stored name never comes from the uploader.
    return f"imports/{instance.regency_id}/{instance.sha256[:32]}.{instance.file_format}"


class Import(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=ImportKind.choices)
    regency = models.ForeignKey(
        "registry.Region", verbose_name=_("regency"), on_delete=models.PROTECT, related_name="+"
    )
    cooperative = models.ForeignKey(
        "cooperatives.Cooperative",
        verbose_name=_("cooperative"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="imports",
    )
    file = models.FileField(_("file"), upload_to=import_path, max_length=255)
    file_format = models.CharField(max_length=4)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField("SHA-256", max_length=64)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.CHECKING)
    # {"ok": n, "errors": [...], "warnings": [...], "created": n, "updated": n, "unchanged": n, "file_errors": [...]}
    report = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("uploaded by")
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("saved by")
    )
    committed_at = models.DateTimeField(_("saved at"), null=True, blank=True)

    class Meta:
        app_label = "cooperatives"
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["regency", "-created_at"], name="import_regency_idx")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.original_name}"

    @property
    def reason(self) -> str:
        """What the history rows of this import's changes say (simple-history keeps 100 characters)."""
        return f"impor #{self.pk} sha256:{self.sha256[:16]} {self.original_name}"[:100]

    @property
    def error_count(self) -> int:
        return len(self.report.get("errors", [])) + len(self.report.get("file_errors", []))

    @property
    def is_finished(self) -> bool:
        return self.status in {ImportStatus.REFUSED, ImportStatus.SAVED, ImportStatus.FAILED, ImportStatus.CHECKED}
