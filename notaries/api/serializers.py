"""Output of the notary API, shared by its endpoints."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from notaries.models import SUPERSEDED, Deed, DeedStatus

SHOWN_STATUSES = [*DeedStatus.choices, (SUPERSEDED, "Digantikan")]


@extend_schema_serializer(component_name="NotaryDeed")
class DeedSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(
        source="shown_status",
        choices=SHOWN_STATUSES,
        help_text="`diajukan`, `terverifikasi`, `ditolak`, atau `digantikan` (ada versi lebih baru, atau koperasi "
        "dikoreksi kembali ke bawah tahap akta)",
    )
    cooperative_name = serializers.CharField(source="cooperative.name", read_only=True)
    supersedes = serializers.PrimaryKeyRelatedField(read_only=True, help_text="Versi sebelumnya yang digantikan")

    class Meta:
        model = Deed
        fields = [
            "id",
            "cooperative",
            "cooperative_name",
            "number",
            "date",
            "version",
            "supersedes",
            "is_current",
            "status",
            "rejection_reason",
            "sha256",
            "size",
            "submitted_at",
            "decided_at",
        ]
        read_only_fields = fields
