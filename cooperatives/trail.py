"""The append-only trail of a cooperative: its timeline (every stage change, deactivation and change of seat) and the
log of full NIKs shown. Models of the cooperatives app (re-exported by `cooperatives.models`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cooperatives.choices import TimelineEvent
from registry.stages import Stage


class StageTransition(models.Model):
    """The timeline: every stage change, deactivation and change of seat, with who, when and why. Append-only."""

    cooperative = models.ForeignKey("cooperatives.Cooperative", on_delete=models.CASCADE, related_name="transitions")
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
    member = models.ForeignKey(
        "cooperatives.FoundingMember", null=True, on_delete=models.SET_NULL, related_name="nik_views"
    )
    cooperative = models.ForeignKey("cooperatives.Cooperative", null=True, on_delete=models.SET_NULL, related_name="+")
    # Kept so the entry still says whose NIK it was after the member is removed (masked: the log is not a copy).
    member_label = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("full NIK view")
        verbose_name_plural = _("full NIK views")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.member_label}"
