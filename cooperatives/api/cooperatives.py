"""`/api/v1/cooperatives/`: the list in the user's area with filters, registering one, reading and editing one."""

from __future__ import annotations

import django_filters
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cooperatives import access, selectors, services
from cooperatives.api.serializers import (
    KECAMATAN_HELP,
    SUMMARY_FIELDS,
    ConflictSerializer,
    CooperativeDetailSerializer,
    CooperativeSavedSerializer,
    ProfileInputSerializer,
    conflict_response,
    covered_villages_of,
    detail_of,
    saved_of,
)
from cooperatives.choices import CooperativeKind, Pattern
from cooperatives.models import Cooperative
from registry import codes, text
from registry.api_pagination import KeysetOrPagePagination
from registry.models import RegionLevel
from registry.stages import Stage


class CooperativeFilter(django_filters.FilterSet):
    village = django_filters.CharFilter(
        field_name="village_id",
        label="Kode desa/kelurahan, mis. 16.03.01.2011",
        validators=[codes.level_validator(RegionLevel.VILLAGE, _("A village code looks like 16.03.01.2011."))],
    )
    regency = django_filters.CharFilter(
        method="under_region",
        label="Kode kabupaten/kota, mis. 16.03",
        validators=[codes.level_validator(RegionLevel.REGENCY, _("A regency code looks like 16.03."))],
    )
    kecamatan = django_filters.CharFilter(
        method="under_region",
        label="Kode kecamatan, mis. 16.03.01",
        validators=[codes.level_validator(RegionLevel.KECAMATAN, _("A kecamatan code looks like 16.03.01."))],
    )
    # Deprecated (renamed `kecamatan`); kept for one release so that existing clients keep working.
    district = django_filters.CharFilter(
        method="under_region",
        label="Usang: gunakan `kecamatan`. Kode kecamatan, mis. 16.03.01",
        validators=[codes.level_validator(RegionLevel.KECAMATAN, _("A kecamatan code looks like 16.03.01."))],
    )
    stage = django_filters.ChoiceFilter(choices=Stage.choices, label="Tahap pembentukan")
    pattern = django_filters.ChoiceFilter(choices=Pattern.choices, label="Pola pembentukan")
    q = django_filters.CharFilter(method="search", label="Cari nama koperasi (sebagian)")

    class Meta:
        model = Cooperative
        fields = ["village", "regency", "kecamatan", "district", "stage", "pattern", "q"]

    def under_region(self, queryset, name, value):
        return queryset.filter(codes.subtree_q("village_id", value, include_root=False))

    def search(self, queryset, name, value):
        value = text.search_term(value)
        return queryset.filter(name__icontains=value) if value else queryset


class CooperativeListApi(generics.ListAPIView):
    """GET lists the cooperatives in the user's area; POST registers one (district officers, in their regency)."""

    pagination_class = KeysetOrPagePagination
    keyset = ("village_id", "id")  # the list's order; unique
    filterset_class = CooperativeFilter

    @extend_schema_serializer(component_name="CooperativeListItem")
    class OutputSerializer(serializers.ModelSerializer):
        village = serializers.CharField(source="village_id", help_text="Kode desa/kelurahan, mis. 16.03.01.2011")
        village_name = serializers.CharField(source="village.name")
        kecamatan = serializers.CharField(source="village.parent_id", help_text=KECAMATAN_HELP)
        kecamatan_name = serializers.CharField(source="village.parent.name")
        regency = serializers.CharField(source="regency_code", help_text="Kode kabupaten/kota, mis. 16.03")
        kind = serializers.ChoiceField(CooperativeKind.choices)
        founders_count = serializers.IntegerField()

        class Meta:
            model = Cooperative
            fields = SUMMARY_FIELDS

    @extend_schema_serializer(component_name="CooperativeCreate")
    class InputSerializer(ProfileInputSerializer):
        village = serializers.CharField(max_length=13, help_text="Kode desa/kelurahan tempat kedudukan koperasi")

        class Meta(ProfileInputSerializer.Meta):
            fields = ["village", *ProfileInputSerializer.Meta.fields]
            extra_kwargs = {
                **ProfileInputSerializer.Meta.extra_kwargs,
                "pattern": {**ProfileInputSerializer.Meta.extra_kwargs["pattern"], "required": True},
                "name": {"required": False, "allow_blank": True},
            }

    serializer_class = OutputSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Cooperative.objects.none()
        access.require(self.request.user, "cooperative.view")
        return selectors.with_founders_count(
            access.cooperatives_visible_to(self.request.user)
            .select_related("village__parent")
            .order_by("village_id", "id")
        )

    @extend_schema(
        operation_id="cooperatives_list",
        summary="Daftar koperasi dalam cakupan pengguna",
        parameters=[
            OpenApiParameter(
                "district",
                str,
                deprecated=True,
                description="Usang, akan dihapus pada rilis berikutnya: gunakan `kecamatan`.",
            )
        ],
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="cooperatives_create",
        summary="Daftarkan koperasi di sebuah desa/kelurahan (petugas kabupaten/kota)",
        request=InputSerializer,
        responses={201: CooperativeSavedSerializer},
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        if not access.can(request.user, "cooperative.change"):
            raise Http404  # as for a village outside the area: this role registers nowhere
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        village = access.village_get_for_change(user=request.user, code=data.pop("village"))
        covered = covered_villages_of(user=request.user, data=data)
        coop = services.cooperative_register(
            actor=request.user,
            village=village,
            profile=services.CooperativeProfile(**data),
            covered_villages=covered,
        )
        return Response(
            saved_of(user=request.user, pk=coop.pk, warnings=selectors.name_warnings(coop)),
            status=status.HTTP_201_CREATED,
        )


class CooperativeDetailApi(APIView):
    @extend_schema_serializer(component_name="CooperativeUpdate")
    class InputSerializer(ProfileInputSerializer):
        version = serializers.IntegerField(min_value=1, help_text="Wajib: versi yang dilihat klien (dari GET)")

        class Meta(ProfileInputSerializer.Meta):
            fields = ["version", *ProfileInputSerializer.Meta.fields]

    @extend_schema(
        operation_id="cooperatives_retrieve",
        summary="Satu koperasi dengan profil, rapat, pengurus, dan kekurangan untuk tahap berikutnya",
        responses=CooperativeDetailSerializer,
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(detail_of(user=request.user, pk=id))

    @extend_schema(
        operation_id="cooperatives_partial_update",
        summary="Ubah profil koperasi (petugas kabupaten/kota); wajib menyertakan versi yang dilihat",
        request=InputSerializer,
        responses={
            200: CooperativeSavedSerializer,
            409: OpenApiResponse(ConflictSerializer, description="Sudah diubah orang lain; `current` data terbaru"),
        },
    )
    def patch(self, request: Request, id: int) -> Response:
        coop = access.cooperative_get_for(user=request.user, pk=id, action="cooperative.change")
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version")
        covered = covered_villages_of(user=request.user, data=data)
        try:
            saved = services.cooperative_update(
                actor=request.user,
                cooperative=coop,
                expected_version=version,
                profile=services.CooperativeProfile.of(coop).changed(**data),
                covered_villages=covered,
            )
        except services.ConflictError as exc:
            return conflict_response(user=request.user, exc=exc)
        warnings = selectors.name_warnings(saved, renamed_from=coop.name)
        return Response(saved_of(user=request.user, pk=coop.pk, warnings=warnings))
