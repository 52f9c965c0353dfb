"""A cooperative's moves: stage transitions (forward, or a correction back), deactivation, a new seat village."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cooperatives import access, field_messages, services
from cooperatives.api.serializers import ConflictSerializer, CooperativeDetailSerializer, conflict_response, detail_of
from registry import access as registry_access
from registry.models import RegionLevel
from registry.stages import Stage


def moved(request: Request, id: int, input_serializer, change) -> Response:
    """What the three move endpoints share: the scoped cooperative for a writer, the validated input, the service
    (`change(cooperative, data)`), then the cooperative as it is now, or 409 with it when someone saved first."""
    coop = access.cooperative_get_for(user=request.user, pk=id, action="cooperative.change")
    serializer = input_serializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    try:
        change(coop, serializer.validated_data)
    except services.ConflictError as exc:
        return conflict_response(user=request.user, exc=exc)
    return Response(detail_of(user=request.user, pk=coop.pk))


CONFLICT = OpenApiResponse(ConflictSerializer, description="Sudah diubah orang lain; `current` data terbaru")


class CooperativeTransitionApi(APIView):
    ADVANCE = "advance"

    @extend_schema_serializer(component_name="CooperativeTransition")
    class InputSerializer(serializers.Serializer):
        action = serializers.ChoiceField(
            choices=[("advance", "Maju satu tahap"), ("correct", "Koreksi ke tahap sebelumnya")],
            help_text="`advance`: maju bila bukti lengkap; `correct`: mundur ke `to_stage` dengan `reason`",
        )
        version = serializers.IntegerField(
            min_value=1, help_text="Wajib untuk kedua aksi: versi yang dilihat klien (dari GET); bila beda, 409"
        )
        to_stage = serializers.ChoiceField(
            Stage.choices,
            required=False,
            help_text="Untuk `correct`: tahap tujuan (kode seperti `stage`)",
            error_messages=field_messages.pick_api(field_messages.PICK_STAGE, Stage.choices),
        )
        reason = serializers.CharField(default="", allow_blank=True, help_text="Untuk `correct`: wajib diisi")

    @extend_schema(
        operation_id="cooperatives_transitions_create",
        summary="Pindahkan tahap: maju bila bukti lengkap, atau koreksi mundur dengan alasan (petugas kabupaten/kota)",
        request=InputSerializer,
        responses={200: CooperativeDetailSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, id: int) -> Response:
        return moved(request, id, self.InputSerializer, self._change)

    def _change(self, coop, data) -> None:
        if data["action"] == self.ADVANCE:
            services.cooperative_advance(actor=self.request.user, cooperative=coop, expected_version=data["version"])
        else:
            services.cooperative_correct_stage(
                actor=self.request.user,
                cooperative=coop,
                to_stage=data.get("to_stage", ""),
                reason=data["reason"],
                expected_version=data["version"],
            )


class CooperativeDeactivateApi(APIView):
    @extend_schema_serializer(component_name="CooperativeDeactivate")
    class InputSerializer(serializers.Serializer):
        version = serializers.IntegerField(min_value=1, help_text="Wajib: versi yang dilihat klien; bila beda, 409")
        reason = serializers.CharField(max_length=1000, help_text="Wajib: alasan koperasi dinonaktifkan")

    @extend_schema(
        operation_id="cooperatives_deactivate",
        summary="Nonaktifkan koperasi dengan alasan; tetap tercatat, tidak lagi dihitung (petugas kabupaten/kota)",
        request=InputSerializer,
        responses={200: CooperativeDetailSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, id: int) -> Response:
        return moved(
            request,
            id,
            self.InputSerializer,
            lambda coop, data: services.cooperative_deactivate(
                actor=request.user, cooperative=coop, reason=data["reason"], expected_version=data["version"]
            ),
        )


class CooperativeReseatApi(APIView):
    @extend_schema_serializer(component_name="CooperativeReseat")
    class InputSerializer(serializers.Serializer):
        version = serializers.IntegerField(min_value=1, help_text="Wajib: versi yang dilihat klien; bila beda, 409")
        village = serializers.CharField(max_length=13, help_text="Kode desa/kelurahan baru, di kabupaten yang sama")
        reason = serializers.CharField(max_length=1000, help_text="Wajib: alasan pindah kedudukan")
        duplicate_reason = serializers.CharField(
            required=False,
            allow_blank=True,
            default="",
            help_text="Bila desa baru sudah memiliki koperasi aktif: alasan koperasi kedua",
        )

    @extend_schema(
        operation_id="cooperatives_reseat",
        summary="Pindahkan kedudukan koperasi ke desa/kelurahan lain di kabupaten yang sama, dengan alasan",
        request=InputSerializer,
        responses={200: CooperativeDetailSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, id: int) -> Response:
        return moved(request, id, self.InputSerializer, self._change)

    def _change(self, coop, data) -> None:
        village = registry_access.region_get_for(
            user=self.request.user, code=data["village"], level=RegionLevel.VILLAGE
        )
        services.cooperative_reseat(
            actor=self.request.user,
            cooperative=coop,
            village=village,
            reason=data["reason"],
            duplicate_reason=data["duplicate_reason"],
            expected_version=data["version"],
        )
