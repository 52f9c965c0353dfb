"""`/api/v1/cooperatives/{id}/members/`: the founders (NIK masked, with warnings) and adding one."""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from cooperatives import access, field_messages, rules, services
from cooperatives.choices import Gender
from cooperatives.models import MEMBER_FIELDS, Cooperative, FoundingMember
from registry.api_pagination import Pagination


class CooperativeMembersApi(generics.ListAPIView):
    """Founders, with the NIK always masked: the full NIK is shown only on the founder's edit page, and logged."""

    pagination_class = Pagination

    @extend_schema_serializer(component_name="CooperativeFounder")
    class OutputSerializer(serializers.ModelSerializer):
        nik_masked = serializers.CharField(
            source="masked_nik", help_text="Hanya 4 digit terakhir yang tampil, mis. ••••••••••••0001"
        )
        birth_date = serializers.SerializerMethodField(
            help_text="Tanggal lahir lengkap, hanya untuk petugas kabupaten/kota yang boleh mengubah koperasi ini; "
            "null untuk peran lain, yang mendapat birth_year (bersama jenis kelamin dan wilayah koperasi, tanggal "
            "lahir lengkap dapat membuka kembali NIK yang disamarkan)"
        )
        birth_year = serializers.IntegerField(source="birth_date.year", read_only=True, help_text="Tahun lahir")
        errors = serializers.SerializerMethodField(
            help_text="Masalah yang menghalangi tahap rapat pendirian, diukur pada tanggal rapat pendirian"
        )
        warnings = serializers.SerializerMethodField()

        class Meta:
            model = FoundingMember
            # Never the NIK itself: only its masked form leaves the API.
            fields = [
                "id",
                "nik_masked",
                *(f for f in MEMBER_FIELDS if f != "nik"),
                "birth_year",
                "version",
                "errors",
                "warnings",
            ]

        @extend_schema_field(serializers.DateField(allow_null=True))
        def get_birth_date(self, member: FoundingMember):
            # Only for the roles that edit founders (cooperatives.access, "member.view_birth_date").
            return member.birth_date.isoformat() if self.context.get("show_birth_date") else None

        def _check(self, member: FoundingMember):
            # Computed, not stored (the region master and the founding date can change); reads the prefetched
            # meetings only.
            return rules.nik_check_for(
                self.context["cooperative"], member.nik, birth_date=member.birth_date, gender=member.gender
            )

        def get_errors(self, member: FoundingMember) -> list[str]:
            return [str(e) for e in self._check(member).errors]

        def get_warnings(self, member: FoundingMember) -> list[str]:
            check = self._check(member)
            return [] if check.errors else [str(w) for w in check.warnings]

    @extend_schema_serializer(component_name="CooperativeFounderCreate")
    class InputSerializer(serializers.Serializer):
        nik = serializers.CharField(max_length=32, help_text="16 digit; spasi, titik dan tanda hubung diabaikan")
        full_name = serializers.CharField(max_length=150)
        birth_place = serializers.CharField(max_length=100)
        birth_date = serializers.DateField(
            required=False,
            help_text="Bila kosong, dibaca dari NIK",
            error_messages={"invalid": field_messages.INVALID_DATE_API},
        )
        gender = serializers.ChoiceField(
            choices=Gender.choices,
            required=False,
            help_text="Bila kosong, dari NIK",
            error_messages=field_messages.pick_api(field_messages.PICK_GENDER, Gender.choices),
        )
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
        return {
            **super().get_serializer_context(),
            "cooperative": getattr(self, "cooperative", None),
            "show_birth_date": access.can(self.request.user, "member.view_birth_date"),
        }

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
            actor=request.user, cooperative=coop, founder=services.FounderData(**serializer.validated_data)
        )
        # The output recomputes the service's warnings as the list does (same check, same founding date).
        data = self.OutputSerializer(member, context=self.get_serializer_context() | {"cooperative": coop}).data
        return Response(data, status=status.HTTP_201_CREATED)
