"""How a cooperative leaves the API (the detail every endpoint returns, the 409 body) and the profile input."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.response import Response

from cooperatives import access, rules, selectors, services
from cooperatives import field_messages as msg
from cooperatives.api.fields import RupiahField
from cooperatives.choices import (
    CooperativeKind,
    MeetingKind,
    Pattern,
    RevitalisationMethod,
    SavingsPeriod,
    UnitKind,
)
from cooperatives.models import PROFILE_FIELDS, BusinessUnit, Cooperative, Meeting, Officer
from registry import access as registry_access
from registry.models import Region, RegionLevel
from registry.stages import next_stage

SUMMARY_FIELDS = [
    "id",
    "village",
    "village_name",
    "kecamatan",
    "kecamatan_name",
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
# A village name repeats across kecamatan (three "Pagar Dewa" in Muara Enim): every cooperative carries its kecamatan.
KECAMATAN_HELP = "Kode kecamatan desa/kelurahan tempat kedudukan, mis. 16.03.01"


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
    kecamatan = serializers.CharField(source="village.parent_id", help_text=KECAMATAN_HELP)
    kecamatan_name = serializers.CharField(source="village.parent.name")
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
            *(f for f in PROFILE_FIELDS if f not in SUMMARY_FIELDS),
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
        return [str(m) for m in rules.stage_missing(coop, nxt)] if nxt else []


def detail_of(*, user, pk: int) -> dict:
    """The detail representation, read afresh through the scoping and the page's own loader (a fixed number of
    queries; after a write, the service's instance has no prefetched relations)."""
    coop = selectors.cooperative_detail(access.cooperative_get_for(user=user, pk=pk))
    return CooperativeDetailSerializer(coop).data


@extend_schema_serializer(component_name="CooperativeSaved")
class CooperativeSavedSerializer(CooperativeDetailSerializer):
    """The detail after registering or editing, with what the officer should read: the write is done."""

    warnings = serializers.ListField(
        child=serializers.CharField(),
        help_text="Peringatan yang tidak menolak penyimpanan, mis. nama yang sudah dipakai koperasi lain di "
        "kabupaten/kota yang sama",
    )

    class Meta(CooperativeDetailSerializer.Meta):
        fields = [*CooperativeDetailSerializer.Meta.fields, "warnings"]


def saved_of(*, user, pk: int, warnings: list[str]) -> dict:
    """The answer to a registration or an edit: the detail, read afresh, and its warnings."""
    return {**detail_of(user=user, pk=pk), "warnings": warnings}


@extend_schema_serializer(component_name="CooperativeConflict")
class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current = CooperativeDetailSerializer(help_text="Data yang tersimpan sekarang")


def conflict_response(*, user, exc: services.ConflictError) -> Response:
    """409: someone saved first. The client gets what is saved now, to show beside its own edit."""
    return Response(
        {"detail": exc.message, "current": detail_of(user=user, pk=exc.current.pk)},
        status=status.HTTP_409_CONFLICT,
    )


# What a refused profile field tells the client to do (the same advice as the page form).
PROFILE_ERROR_MESSAGES = {
    "pattern": msg.pick_api(msg.PICK_PATTERN, Pattern.choices),
    "existing_grade": msg.pick(msg.PICK_GRADE),  # the message names the grades already
    "revitalisation_method": msg.pick_api(msg.PICK_REVITALISATION_METHOD, RevitalisationMethod.choices),
    "simpanan_wajib_period": msg.pick_api(msg.PICK_SAVINGS_PERIOD, SavingsPeriod.choices),
    "sk_ahu_date": {"invalid": msg.INVALID_DATE_API},
    "email": {"invalid": msg.INVALID_EMAIL},
}


class ProfileInputSerializer(serializers.ModelSerializer):
    """The profile fields a district officer may set (models.PROFILE_FIELDS), all optional."""

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
        fields = [*PROFILE_FIELDS, "covered_villages"]
        extra_kwargs = {
            name: {"required": False, "error_messages": PROFILE_ERROR_MESSAGES.get(name, {})} for name in PROFILE_FIELDS
        }
        # The database constraints and the services guard uniqueness, with messages meant for people.
        validators: list = []


def covered_villages_of(*, user, data: dict) -> list[Region] | None:
    """The covered villages named in the input, each looked up through the scoping (None: not in the input)."""
    if "covered_villages" not in data:
        return None
    return [
        registry_access.region_get_for(user=user, code=code, level=RegionLevel.VILLAGE)
        for code in data.pop("covered_villages")
    ]
