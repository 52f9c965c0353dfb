"""Region API: `/api/v1/regions/` (list, filters) and `/api/v1/regions/<code>/` (one region with its children)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from registry import access, text
from registry.api_pagination import Pagination
from registry.models import Region, RegionKind, RegionLevel


class RegionFilter(django_filters.FilterSet):
    parent = django_filters.CharFilter(field_name="parent_id", label="Kode wilayah induk, mis. 16.03")
    level = django_filters.TypedChoiceFilter(
        choices=RegionLevel.choices, coerce=int, label="1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan"
    )
    kind = django_filters.ChoiceFilter(choices=RegionKind.choices, label="Jenis wilayah")
    q = django_filters.CharFilter(method="search", label="Cari nama (sebagian) atau awal kode")

    class Meta:
        model = Region
        fields = ["parent", "level", "kind", "q"]

    def search(self, queryset, name, value):
        value = text.search_term(value)
        return queryset.filter(Q(name__icontains=value) | Q(code__startswith=value)) if value else queryset


class RegionListApi(generics.ListAPIView):
    """A generic list view so pagination and the filters are applied and documented the standard way."""

    pagination_class = Pagination
    filterset_class = RegionFilter

    @extend_schema_serializer(component_name="RegionListItem")
    class OutputSerializer(serializers.ModelSerializer):
        parent = serializers.CharField(source="parent_id", allow_null=True)
        # A village name repeats across kecamatan (three "Pagar Dewa" in Muara Enim): village rows carry theirs.
        kecamatan = serializers.SerializerMethodField(
            help_text="Kode kecamatan desa/kelurahan ini; null di tingkat lain"
        )
        kecamatan_name = serializers.SerializerMethodField(help_text="Nama kecamatan desa/kelurahan ini")

        class Meta:
            model = Region
            fields = [
                "code",
                "name",
                "level",
                "kind",
                "parent",
                "kecamatan",
                "kecamatan_name",
                "postal_code",
                "is_active",
            ]

        def get_kecamatan(self, region: Region) -> str | None:
            return region.parent_id if region.level == RegionLevel.VILLAGE else None

        def get_kecamatan_name(self, region: Region) -> str | None:
            return region.parent.name if region.level == RegionLevel.VILLAGE else None

    serializer_class = OutputSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Region.objects.none()
        access.require(self.request.user, "region.view")
        return access.regions_visible_to(self.request.user).select_related("parent").order_by("code")

    @extend_schema(operation_id="regions_list", summary="Daftar wilayah dalam cakupan pengguna")
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class RegionDetailApi(APIView):
    @extend_schema_serializer(component_name="RegionDetail")
    class OutputSerializer(serializers.ModelSerializer):
        @extend_schema_serializer(component_name="RegionChild")
        class ChildSerializer(serializers.ModelSerializer):
            class Meta:
                model = Region
                fields = ["code", "name", "level", "kind", "postal_code", "is_active"]

        parent = serializers.CharField(source="parent_id", allow_null=True)
        children = ChildSerializer(many=True)

        class Meta:
            model = Region
            fields = ["code", "name", "level", "kind", "parent", "postal_code", "is_active", "children"]

    @extend_schema(
        operation_id="regions_retrieve",
        responses=OutputSerializer,
        summary="Satu wilayah dengan wilayah di bawahnya",
    )
    def get(self, request: Request, code: str) -> Response:
        access.require(request.user, "region.view")
        region = access.region_get_for(user=request.user, code=code)
        data = self.OutputSerializer(region).data
        return Response(data)
