"""`/api/v1/notary/deeds/`: the notary's own deeds and their status, recording a deed (multipart), one deed, and
submitting a corrected version."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from notaries import access, selectors, services
from notaries.api.common import NotaryApiMixin
from notaries.api.serializers import DeedSerializer
from notaries.models import Deed

DEED_EXAMPLE = {
    "id": 7,
    "cooperative": 42,
    "cooperative_name": "Koperasi Desa Merah Putih Embawang",
    "number": "12",
    "date": "2025-07-01",
    "version": 1,
    "supersedes": None,
    "is_current": True,
    "status": "diajukan",
    "rejection_reason": "",
    "sha256": "9f2c…",
    "size": 48211,
    "submitted_at": "2025-07-01T10:15:00+07:00",
    "decided_at": None,
}
ERRORS = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT, description='Kesalahan isian: `{"file": ["Berkas ini bukan PDF …"]}` atau `{"detail": …}`'
    ),
    401: OpenApiResponse(description="Token tidak ada, salah, atau sudah dicabut"),
    404: OpenApiResponse(description="Bukan milik notaris ini, atau pengguna bukan notaris"),
    429: OpenApiResponse(description="Terlalu banyak permintaan untuk token ini"),
}


class DeedInputSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=100, label=_("Deed number"), help_text="Nomor akta")
    date = serializers.DateField(label=_("Deed date"), help_text="Tanggal akta (YYYY-MM-DD)")
    file = serializers.FileField(label=_("Deed (PDF, at most 10 MB)"), help_text="PDF akta, tidak terenkripsi, ≤ 10 MB")


@extend_schema_serializer(component_name="NotaryDeedCreate")
class DeedCreateSerializer(DeedInputSerializer):
    cooperative = serializers.IntegerField(help_text="id koperasi yang ditugaskan kepada notaris")


def _created_or_existing(deed, created: bool) -> Response:
    """201 with a new deed; 200 with the deed already recorded when the identical file was sent again."""
    data = DeedSerializer(selectors.with_shown_status(type(deed).objects.filter(pk=deed.pk)).get()).data
    return Response(data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class DeedListApi(NotaryApiMixin, generics.ListAPIView):
    serializer_class = DeedSerializer
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return Deed.objects.none()
        access.notary_for(self.request.user)
        return selectors.deed_list(access.deeds_visible_to(self.request.user), current_only=False)

    @extend_schema(
        operation_id="notary_deeds_list",
        summary="Akta milik notaris (semua versi) dengan statusnya",
        examples=[OpenApiExample("Satu akta", response_only=True, value={"count": 1, "results": [DEED_EXAMPLE]})],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="notary_deeds_create",
        summary="Catat akta pendirian dengan PDF-nya (multipart)",
        description="Berkas yang identik dengan akta yang sudah dicatat mengembalikan akta itu (200), bukan akta baru.",
        request={"multipart/form-data": DeedCreateSerializer},
        responses={201: DeedSerializer, 200: DeedSerializer, **ERRORS},
        examples=[
            OpenApiExample(
                "Akta baru",
                request_only=True,
                value={"cooperative": 42, "number": "12", "date": "2025-07-01", "file": "(akta.pdf)"},
            ),
            OpenApiExample("Tercatat", response_only=True, status_codes=["201"], value=DEED_EXAMPLE),
            OpenApiExample(
                "Bukan PDF",
                response_only=True,
                status_codes=["400"],
                value={
                    "file": [
                        "Berkas ini bukan PDF (isinya bukan PDF, apa pun namanya). Pindai atau simpan sebagai PDF."
                    ]
                },
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        access.notary_for(request.user)
        serializer = DeedCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        coop = access.assigned_cooperative_get_for(user=request.user, pk=data["cooperative"])
        deed, created = services.deed_record(
            actor=request.user, cooperative=coop, number=data["number"], date=data["date"], file=data["file"]
        )
        return _created_or_existing(deed, created)


class DeedDetailApi(NotaryApiMixin, APIView):
    @extend_schema(
        operation_id="notary_deeds_retrieve",
        summary="Satu akta milik notaris, dengan status dan alasan penolakan",
        responses={200: DeedSerializer, **ERRORS},
        examples=[OpenApiExample("Akta", response_only=True, value=DEED_EXAMPLE)],
    )
    def get(self, request: Request, id: int) -> Response:
        deed = access.deed_get_for(user=request.user, pk=id, action="deed.record")
        return Response(DeedSerializer(selectors.with_shown_status(type(deed).objects.filter(pk=deed.pk)).get()).data)


class DeedCorrectionApi(NotaryApiMixin, APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="notary_deeds_correction_create",
        summary="Ajukan versi perbaikan akta (multipart); versi lama tetap tersimpan",
        request={"multipart/form-data": DeedInputSerializer},
        responses={201: DeedSerializer, 200: DeedSerializer, **ERRORS},
        examples=[
            OpenApiExample(
                "Perbaikan", request_only=True, value={"number": "12", "date": "2025-07-02", "file": "(akta-v2.pdf)"}
            ),
            OpenApiExample(
                "Versi 2",
                response_only=True,
                status_codes=["201"],
                value={**DEED_EXAMPLE, "version": 2, "supersedes": 7},
            ),
        ],
    )
    def post(self, request: Request, id: int) -> Response:
        deed = access.deed_get_for(user=request.user, pk=id, action="deed.record")
        serializer = DeedInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        corrected, created = services.deed_correct(
            actor=request.user, deed=deed, number=data["number"], date=data["date"], file=data["file"]
        )
        return _created_or_existing(corrected, created)
