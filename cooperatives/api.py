"""Cooperative API under `/api/v1/cooperatives/`: list and register, one cooperative (read, edit), its founders, and
its stage moves. Every lookup goes through cooperatives.access (404 outside the user's area or role) and every write
through a service; refusals come back as the service worded them (registry/api_errors.py)."""

from __future__ import annotations

import django_filters
from django.core.validators import RegexValidator
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cooperatives import access, services
from cooperatives.models import (
    BusinessUnit,
    Cooperative,
    CooperativeKind,
    FoundingMember,
    Gender,
    Meeting,
    MeetingKind,
    Officer,
    Pattern,
    UnitKind,
)
from cooperatives.money import INVALID_RUPIAH, parse_rupiah_text
from cooperatives.rules import stage_missing
from cooperatives.services.cooperatives import EDITABLE_FIELDS
from cooperatives.services.members import MEMBER_FIELDS, nik_check_for
from registry import access as registry_access
from registry.api_pagination import Pagination
from registry.models import RegionLevel
from registry.stages import Stage, next_stage

SUMMARY_FIELDS = [
    "id",
    "village",
    "village_name",
    "regency",
    "kind",
    "name",
    "pattern",
    "stage",
    "is_active",
    "version",
    "founders_count",
    "updated_at",
]


# --- shared fields and serializers --------------------------------------------------------------------------------


class RupiahField(serializers.IntegerField):
    """An amount in whole rupiah, as people type it: 1500000, "1.500.000", "Rp 1.500.000".

    Deliberately stricter than lokal's parse_rupiah, which also reads "2jt-an" or "sekitar 1,5 juta": a register
    wants the exact figure, so anything but digits (with an optional "Rp" and dots between thousands) is refused.
    """

    default_error_messages = {"invalid": INVALID_RUPIAH}

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 9_223_372_036_854_775_807)  # PositiveBigIntegerField
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("invalid")
        if isinstance(data, int):
            return data
        try:
            return parse_rupiah_text(data)
        except ValueError:
            self.fail("invalid")


# The schema of the money inputs: a number, or the same amount written as text.
extend_schema_field(
    {
        "oneOf": [
            {"type": "integer", "minimum": 0, "format": "int64"},
            {"type": "string", "pattern": r"^\s*(?:[Rr][Pp]\.?)?\s*(?:\d{1,3}(?:\.\d{3})+|\d+)\s*$"},
        ],
        "example": "1.500.000",
    }
)(RupiahField)


@extend_schema_serializer(component_name="CooperativeDetail")
class CooperativeDetailSerializer(serializers.ModelSerializer):
    """One cooperative as every endpoint that returns one shows it (detail, register, edit, stage moves)."""

    @extend_schema_serializer(component_name="CooperativeBusinessUnit")
    class BusinessUnitSerializer(serializers.ModelSerializer):
        kind = serializers.ChoiceField(UnitKind.choices)

        class Meta:
            model = BusinessUnit
            fields = ["kind", "other_name", "status"]

    @extend_schema_serializer(component_name="CooperativeMeeting")
    class MeetingSerializer(serializers.ModelSerializer):
        kind = serializers.ChoiceField(MeetingKind.choices)
        has_minutes = serializers.SerializerMethodField()

        class Meta:
            model = Meeting
            fields = ["kind", "date", "place", "attendance", "has_minutes"]

        def get_has_minutes(self, meeting: Meeting) -> bool:
            return meeting.minutes_id is not None

    @extend_schema_serializer(component_name="CooperativeOfficer")
    class OfficerSerializer(serializers.ModelSerializer):
        name = serializers.CharField(source="display_name", help_text="Nama pendiri, atau kepala desa (ketua pengawas)")

        class Meta:
            model = Officer
            fields = ["position", "body", "name"]

    village = serializers.CharField(source="village_id", help_text="Kode desa/kelurahan, mis. 16.03.01.2011")
    village_name = serializers.CharField(source="village.name")
    regency = serializers.CharField(source="regency_code", help_text="Kode kabupaten/kota, mis. 16.03")
    kind = serializers.ChoiceField(CooperativeKind.choices)
    founders_count = serializers.IntegerField()
    covered_villages = serializers.SerializerMethodField()
    business_units = BusinessUnitSerializer(many=True)
    meetings = MeetingSerializer(many=True)
    officers = OfficerSerializer(many=True)
    next_stage = serializers.SerializerMethodField(
        help_text="Tahap berikutnya (kode seperti `stage`); null di tahap terakhir"
    )
    missing_for_next_stage = serializers.SerializerMethodField()

    class Meta:
        model = Cooperative
        fields = [
            *SUMMARY_FIELDS,
            *(f for f in EDITABLE_FIELDS if f not in SUMMARY_FIELDS),
            "deed_number",
            "deed_date",
            "created_at",
            "covered_villages",
            "business_units",
            "meetings",
            "officers",
            "next_stage",
            "missing_for_next_stage",
        ]

    def get_covered_villages(self, coop: Cooperative) -> list[str]:
        return sorted(v.code for v in coop.covered_villages.all())

    def get_next_stage(self, coop: Cooperative) -> str | None:
        nxt = next_stage(coop.stage)
        return nxt.value if nxt else None

    def get_missing_for_next_stage(self, coop: Cooperative) -> list[str]:
        nxt = next_stage(coop.stage)
        return [str(m) for m in stage_missing(coop, nxt)] if nxt else []


def cooperative_detail(coop: Cooperative) -> dict:
    """The detail representation, with what it reads prefetched once (a fixed number of queries)."""
    prefetch_related_objects(
        [coop],
        Prefetch("members", queryset=FoundingMember.objects.only("id", "cooperative_id")),
        Prefetch("officers", queryset=Officer.objects.select_related("member")),
        "meetings",
        "business_units",
        "documents",
        "covered_villages",
    )
    coop.founders_count = len(coop.members.all())
    return CooperativeDetailSerializer(coop).data


def reloaded_detail(*, user, pk: int) -> dict:
    """A fresh read after a write: the service's instance has no prefetched relations and an old village join."""
    return cooperative_detail(access.cooperative_get_for(user=user, pk=pk))


@extend_schema_serializer(component_name="CooperativeConflict")
class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current = CooperativeDetailSerializer(help_text="Data yang tersimpan sekarang")


def conflict_response(*, user, exc: services.ConflictError) -> Response:
    """409: someone saved first. The client gets what is saved now, to show beside its own edit."""
    return Response(
        {"detail": exc.message, "current": reloaded_detail(user=user, pk=exc.current.pk)},
        status=status.HTTP_409_CONFLICT,
    )


class ProfileInputSerializer(serializers.ModelSerializer):
    """The profile fields a district officer may set (services.cooperatives.EDITABLE_FIELDS), all optional."""

    simpanan_pokok = RupiahField(required=False, allow_null=True)
    simpanan_wajib = RupiahField(required=False, allow_null=True)
    grants = RupiahField(required=False, allow_null=True)
    covered_villages = serializers.ListField(
        child=serializers.CharField(max_length=13),
        required=False,
        help_text="Kode desa lain di kabupaten yang sama yang dilayani koperasi ini (koperasi bersama)",
    )

    class Meta:
        model = Cooperative
        fields = [*EDITABLE_FIELDS, "covered_villages"]
        extra_kwargs = {name: {"required": False} for name in EDITABLE_FIELDS}
        # The database constraints and the services guard uniqueness, with messages meant for people.
        validators: list = []


def profile_arguments(*, user, data: dict) -> dict:
    """Service keyword arguments from validated input: codes of covered villages become scoped regions."""
    arguments = dict(data)
    if "covered_villages" in arguments:
        arguments["covered_villages"] = [
            registry_access.region_get_for(user=user, code=code, level=RegionLevel.VILLAGE)
            for code in arguments["covered_villages"]
        ]
    return arguments


# --- list and register ----------------------------------------------------------------------------------------------

region_code = {
    "village": RegexValidator(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$", _("A village code looks like 16.03.01.2011.")),
    "regency": RegexValidator(r"^\d{2}\.\d{2}$", _("A regency code looks like 16.03.")),
    "district": RegexValidator(r"^\d{2}\.\d{2}\.\d{2}$", _("A kecamatan code looks like 16.03.01.")),
}


class CooperativeFilter(django_filters.FilterSet):
    village = django_filters.CharFilter(
        field_name="village_id", label="Kode desa/kelurahan, mis. 16.03.01.2011", validators=[region_code["village"]]
    )
    regency = django_filters.CharFilter(
        method="under_region", label="Kode kabupaten/kota, mis. 16.03", validators=[region_code["regency"]]
    )
    district = django_filters.CharFilter(
        method="under_region", label="Kode kecamatan, mis. 16.03.01", validators=[region_code["district"]]
    )
    stage = django_filters.ChoiceFilter(choices=Stage.choices, label="Tahap pembentukan")
    pattern = django_filters.ChoiceFilter(choices=Pattern.choices, label="Pola pembentukan")
    q = django_filters.CharFilter(method="search", label="Cari nama koperasi (sebagian)")

    class Meta:
        model = Cooperative
        fields = ["village", "regency", "district", "stage", "pattern", "q"]

    def under_region(self, queryset, name, value):
        return queryset.filter(village__code__startswith=f"{value}.")

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(name__icontains=value) if value else queryset


class CooperativeListApi(generics.ListAPIView):
    """GET lists the cooperatives in the user's area; POST registers one (district officers, in their regency)."""

    pagination_class = Pagination
    filterset_class = CooperativeFilter

    @extend_schema_serializer(component_name="CooperativeListItem")
    class OutputSerializer(serializers.ModelSerializer):
        village = serializers.CharField(source="village_id", help_text="Kode desa/kelurahan, mis. 16.03.01.2011")
        village_name = serializers.CharField(source="village.name")
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
                "pattern": {"required": True},
                "name": {"required": False, "allow_blank": True},
            }

    serializer_class = OutputSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Cooperative.objects.none()
        access.require(self.request.user, "cooperative.view")
        return (
            access.cooperatives_visible_to(self.request.user)
            .select_related("village")
            .annotate(founders_count=Count("members"))
            .order_by("village_id", "id")
        )

    @extend_schema(operation_id="cooperatives_list", summary="Daftar koperasi dalam cakupan pengguna")
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="cooperatives_create",
        summary="Daftarkan koperasi di sebuah desa/kelurahan (petugas kabupaten/kota)",
        request=InputSerializer,
        responses={201: CooperativeDetailSerializer},
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        if not access.can(request.user, "cooperative.change"):
            raise Http404  # as for a village outside the area: this role registers nowhere
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        village = access.village_get_for_change(user=request.user, code=data.pop("village"))
        coop = services.cooperative_register(
            actor=request.user, village=village, **profile_arguments(user=request.user, data=data)
        )
        return Response(reloaded_detail(user=request.user, pk=coop.pk), status=status.HTTP_201_CREATED)


# --- one cooperative ------------------------------------------------------------------------------------------------


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
        coop = access.cooperative_get_for(user=request.user, pk=id)
        return Response(cooperative_detail(coop))

    @extend_schema(
        operation_id="cooperatives_partial_update",
        summary="Ubah profil koperasi (petugas kabupaten/kota); wajib menyertakan versi yang dilihat",
        request=InputSerializer,
        responses={
            200: CooperativeDetailSerializer,
            409: OpenApiResponse(ConflictSerializer, description="Sudah diubah orang lain; `current` data terbaru"),
        },
    )
    def patch(self, request: Request, id: int) -> Response:
        coop = access.cooperative_get_for(user=request.user, pk=id, action="cooperative.change")
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version")
        try:
            services.cooperative_update(
                actor=request.user,
                cooperative=coop,
                expected_version=version,
                **profile_arguments(user=request.user, data=data),
            )
        except services.ConflictError as exc:
            return conflict_response(user=request.user, exc=exc)
        return Response(reloaded_detail(user=request.user, pk=coop.pk))


# --- founders -------------------------------------------------------------------------------------------------------


class CooperativeMembersApi(generics.ListAPIView):
    """Founders, with the NIK always masked: the full NIK is shown only on the founder's edit page, and logged."""

    pagination_class = Pagination

    @extend_schema_serializer(component_name="CooperativeFounder")
    class OutputSerializer(serializers.ModelSerializer):
        nik_masked = serializers.CharField(source="masked_nik", help_text="mis. 1603••••••••0001")
        warnings = serializers.SerializerMethodField()

        class Meta:
            model = FoundingMember
            # Never the NIK itself: only its masked form leaves the API.
            fields = ["id", "nik_masked", *(f for f in MEMBER_FIELDS if f != "nik"), "version", "warnings"]

        def get_warnings(self, member: FoundingMember) -> list[str]:
            # Computed, not stored (the region master can change); reads the prefetched meetings only.
            return [str(w) for w in nik_check_for(self.context["cooperative"], member.nik).warnings]

    @extend_schema_serializer(component_name="CooperativeFounderCreate")
    class InputSerializer(serializers.Serializer):
        nik = serializers.CharField(max_length=32, help_text="16 digit; spasi, titik dan tanda hubung diabaikan")
        full_name = serializers.CharField(max_length=150)
        birth_place = serializers.CharField(max_length=100)
        birth_date = serializers.DateField(required=False, help_text="Bila kosong, dibaca dari NIK")
        gender = serializers.ChoiceField(choices=Gender.choices, required=False, help_text="Bila kosong, dari NIK")
        address = serializers.CharField(max_length=255)
        rt = serializers.CharField(max_length=3, required=False, allow_blank=True)
        rw = serializers.CharField(max_length=3, required=False, allow_blank=True)
        phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
        occupation = serializers.CharField(max_length=100, required=False, allow_blank=True)

    serializer_class = OutputSerializer

    def _cooperative(self, action: str) -> Cooperative:
        coop = access.cooperative_get_for(user=self.request.user, pk=self.kwargs["id"], action=action)
        prefetch_related_objects([coop], "meetings")  # the founding date, read by every row's NIK check
        return coop

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return FoundingMember.objects.none()
        self.cooperative = self._cooperative("cooperative.view")
        return FoundingMember.objects.filter(cooperative=self.cooperative).order_by("full_name", "id")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "cooperative": getattr(self, "cooperative", None)}

    @extend_schema(operation_id="cooperatives_members_list", summary="Daftar pendiri koperasi (NIK disamarkan)")
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="cooperatives_members_create",
        summary="Tambah pendiri setelah NIK diperiksa (petugas kabupaten/kota)",
        request=InputSerializer,
        responses={201: OutputSerializer},
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        coop = self._cooperative("cooperative.change")
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        member, _warnings = services.founding_member_add(
            actor=request.user, cooperative=coop, **serializer.validated_data
        )
        # The output recomputes the service's warnings as the list does (same check, same founding date).
        data = self.OutputSerializer(member, context={"cooperative": coop}).data
        return Response(data, status=status.HTTP_201_CREATED)


# --- stage moves ----------------------------------------------------------------------------------------------------


class CooperativeTransitionApi(APIView):
    ADVANCE = "advance"

    @extend_schema_serializer(component_name="CooperativeTransition")
    class InputSerializer(serializers.Serializer):
        action = serializers.ChoiceField(
            choices=[("advance", "Maju satu tahap"), ("correct", "Koreksi ke tahap sebelumnya")],
            help_text="`advance`: maju bila bukti lengkap; `correct`: mundur ke `to_stage` dengan `reason`",
        )
        version = serializers.IntegerField(
            min_value=1, required=False, help_text="Untuk `advance`: versi yang dilihat klien; bila beda, 409"
        )
        to_stage = serializers.ChoiceField(
            Stage.choices, required=False, help_text="Untuk `correct`: tahap tujuan (kode seperti `stage`)"
        )
        reason = serializers.CharField(default="", allow_blank=True, help_text="Untuk `correct`: wajib diisi")

    @extend_schema(
        operation_id="cooperatives_transitions_create",
        summary="Pindahkan tahap: maju bila bukti lengkap, atau koreksi mundur dengan alasan (petugas kabupaten/kota)",
        request=InputSerializer,
        responses={
            200: CooperativeDetailSerializer,
            409: OpenApiResponse(ConflictSerializer, description="Sudah diubah orang lain; `current` data terbaru"),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        coop = access.cooperative_get_for(user=request.user, pk=id, action="cooperative.change")
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            if data["action"] == self.ADVANCE:
                services.cooperative_advance(actor=request.user, cooperative=coop, expected_version=data.get("version"))
            else:
                services.cooperative_correct_stage(
                    actor=request.user, cooperative=coop, to_stage=data.get("to_stage", ""), reason=data["reason"]
                )
        except services.ConflictError as exc:
            return conflict_response(user=request.user, exc=exc)
        return Response(reloaded_detail(user=request.user, pk=coop.pk))
