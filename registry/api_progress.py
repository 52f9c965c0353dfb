"""Progress API: the roll-up rows of the nation, provinces, regencies and kecamatan, and the daily series.

`/api/v1/progress/` (the nation with the provinces), `/api/v1/progress/<code>/` (one region with its children; both
also as CSV with `?format=csv`), `/api/v1/progress/series/` and `/api/v1/progress/<code>/series/` (daily snapshots).

Scope: the nation, provinces and regencies are public aggregates (no login). Kecamatan rows follow the user's area
(`registry.access.in_area`): a kecamatan code outside it, or asked anonymously, is 404, and a regency's kecamatan
`children` are left out (`children: []`, `children_hidden: true`) for users whose area does not hold the regency.
"""

from __future__ import annotations

import csv
import datetime
import io

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from registry import access, selectors
from registry.exports import FORMULA_STARTS, spreadsheet_safe  # noqa: F401 - one guard for every export
from registry.models import ProgressLevel
from registry.stages import STAGE_ORDER

SERIES_DEFAULT_DAYS = 90

ReachedSerializer = extend_schema_serializer(component_name="ProgressReached")(
    type(
        "ReachedSerializer",
        (serializers.Serializer,),
        {
            stage.value: serializers.IntegerField(help_text=f"Koperasi aktif yang sudah mencapai tahap {stage.value}")
            for stage in STAGE_ORDER
        },
    )
)


@extend_schema_serializer(component_name="ProgressRow")
class ProgressRowSerializer(serializers.Serializer):
    code = serializers.CharField(help_text='Kode wilayah; "" untuk nasional')
    name = serializers.CharField()
    level = serializers.CharField(help_text="nation, province, regency atau kecamatan")
    villages = serializers.IntegerField(help_text="Jumlah desa/kelurahan")
    villages_served = serializers.IntegerField(help_text="Desa/kelurahan yang menjadi kedudukan atau cakupan koperasi")
    target = serializers.IntegerField(allow_null=True, help_text="Target jumlah koperasi; null = tanpa target")
    cooperatives = serializers.IntegerField(help_text="Koperasi aktif")
    reached = ReachedSerializer(help_text="Per tahap: koperasi aktif yang sudah mencapai tahap itu (kumulatif)")
    by_pattern = serializers.DictField(child=serializers.IntegerField(), help_text="Koperasi aktif per pola")
    by_kind = serializers.DictField(child=serializers.IntegerField(), help_text="Koperasi aktif per jenis (KDMP/KKMP)")
    founders = serializers.IntegerField(help_text="Pendiri koperasi aktif")
    founders_women = serializers.IntegerField(help_text="Pendiri perempuan")
    as_of = serializers.DateTimeField(allow_null=True, help_text="Waktu rekap; null = belum ada rekap (angka nol)")


@extend_schema_serializer(component_name="ProgressDetail")
class ProgressDetailSerializer(ProgressRowSerializer):
    children = ProgressRowSerializer(many=True, help_text="Wilayah di bawahnya (kecamatan: tidak ada)")
    children_hidden = serializers.BooleanField(
        help_text="true: kecamatan di bawah kabupaten/kota ini di luar wilayah pengguna, sehingga tidak ditampilkan"
    )


@extend_schema_serializer(component_name="ProgressDay")
class ProgressDaySerializer(serializers.Serializer):
    day = serializers.DateField()
    cooperatives = serializers.IntegerField()
    reached = ReachedSerializer()
    villages_served = serializers.IntegerField()
    target = serializers.IntegerField(allow_null=True)
    founders = serializers.IntegerField()


class ProgressCsvRenderer(BaseRenderer):
    """`?format=csv`: the region's row, then its children's, one column per number (UTF-8 with a BOM for Excel)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        if not isinstance(data, dict) or "code" not in data:  # an error: {"detail": ...}
            for key, value in (data or {}).items() if isinstance(data, dict) else []:
                writer.writerow([spreadsheet_safe(str(key)), spreadsheet_safe(str(value))])
            return out.getvalue().encode(self.charset)
        rows = [data, *data.get("children", [])]
        patterns = sorted({k for r in rows for k in r["by_pattern"]})
        kinds = sorted({k for r in rows for k in r["by_kind"]})
        stages = [stage.value for stage in STAGE_ORDER]
        writer.writerow(
            [
                "code",
                "name",
                "level",
                "villages",
                "villages_served",
                "target",
                "cooperatives",
                *(f"reached_{s}" for s in stages),
                *(f"pattern_{p}" for p in patterns),
                *(f"kind_{k}" for k in kinds),
                "founders",
                "founders_women",
                "as_of",
            ]
        )
        for r in rows:
            cells = [
                r["code"],
                r["name"],
                r["level"],
                r["villages"],
                r["villages_served"],
                "" if r["target"] is None else r["target"],
                r["cooperatives"],
                *(r["reached"][s] for s in stages),
                *(r["by_pattern"].get(p, 0) for p in patterns),
                *(r["by_kind"].get(k, 0) for k in kinds),
                r["founders"],
                r["founders_women"],
                r["as_of"] or "",
            ]
            writer.writerow([spreadsheet_safe(c) for c in cells])
        return out.getvalue().encode(self.charset)


FORMAT_PARAMETER = OpenApiParameter(
    "format", str, enum=["json", "csv"], description="csv: unduh baris yang sama sebagai CSV (UTF-8)"
)


SERIES_PARAMETERS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="Hari pertama (YYYY-MM-DD)"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Hari terakhir (YYYY-MM-DD), bawaan hari ini"),
]


def _not_found() -> Http404:
    return Http404(_("Region not found."))


class ProgressDetailApi(APIView):
    """Public for the nation, provinces and regencies; a kecamatan only inside the user's area (else 404)."""

    permission_classes = [AllowAny]
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, ProgressCsvRenderer]

    @extend_schema(
        operation_id="progress_retrieve",
        summary="Progres pembentukan satu wilayah dengan wilayah di bawahnya",
        description=(
            "Tanpa kode: nasional dengan provinsi. Nasional, provinsi dan kabupaten/kota terbuka untuk umum; "
            "kecamatan hanya dalam wilayah pengguna (di luar itu 404). `as_of` null: rekap belum pernah dijalankan, "
            "angka nol dengan jumlah desa dan target dari data wilayah."
        ),
        parameters=[FORMAT_PARAMETER],
        responses=ProgressDetailSerializer,
    )
    def get(self, request: Request, code: str = "") -> Response:
        level = selectors.progress_region_level(code) if code else ProgressLevel.NATION
        if level is None or (level == ProgressLevel.KECAMATAN and not access.in_area(request.user, code)):
            raise _not_found()
        # A regency's children are kecamatan rows: only for users whose area holds the regency.
        with_children = level != ProgressLevel.REGENCY or access.in_area(request.user, code)
        view = selectors.progress_for(code=code, with_children=with_children)
        if view is None:
            raise _not_found()
        data = ProgressDetailSerializer(
            {**view.row.__dict__, "children": view.children, "children_hidden": view.children_hidden}
        ).data
        response = Response(data)
        if getattr(request.accepted_renderer, "format", None) == "csv":
            name = code or "indonesia"
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="progres-{name}-{stamp}.csv"'
        return response


class ProgressNationApi(ProgressDetailApi):
    @extend_schema(
        operation_id="progress_nation",
        summary="Progres pembentukan nasional dengan provinsi",
        description="Terbuka untuk umum. `as_of` null: rekap belum pernah dijalankan (angka nol).",
        parameters=[FORMAT_PARAMETER],
        responses=ProgressDetailSerializer,
    )
    def get(self, request: Request) -> Response:
        return super().get(request, code="")


class ProgressSeriesApi(APIView):
    """Daily snapshots of the nation, a province or a regency (kecamatan are not snapshotted: 404)."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="progress_series",
        summary="Deret harian progres satu wilayah",
        description=(
            "Tanpa kode: nasional. Satu baris per hari (WIB) dari rekap harian pukul 23.55; hari tanpa rekap tidak "
            f"muncul. Bawaan: {SERIES_DEFAULT_DAYS} hari terakhir. Kecamatan tidak punya deret (404)."
        ),
        parameters=SERIES_PARAMETERS,
        responses=ProgressDaySerializer(many=True),
    )
    def get(self, request: Request, code: str = "") -> Response:
        start, end = self._range(request)
        level = selectors.progress_region_level(code) if code else ProgressLevel.NATION
        if level is None or level == ProgressLevel.KECAMATAN:
            raise _not_found()
        days = selectors.progress_series(code=code, start=start, end=end)
        return Response(ProgressDaySerializer(days, many=True).data)

    @staticmethod
    def _range(request: Request) -> tuple[datetime.date, datetime.date]:
        errors: dict[str, list[str]] = {}
        values: dict[str, datetime.date | None] = {}
        for name in ("from", "to"):
            raw = request.query_params.get(name, "").strip()
            values[name] = None
            if raw:
                try:
                    values[name] = datetime.date.fromisoformat(raw)
                except ValueError:
                    errors[name] = [_("Enter a date as YYYY-MM-DD, e.g. 2026-01-31.")]
        if errors:
            raise exceptions.ValidationError(errors)
        end = values["to"] or timezone.localdate()
        start = values["from"] or end - datetime.timedelta(days=SERIES_DEFAULT_DAYS - 1)
        if start > end:
            raise exceptions.ValidationError({"from": [_("The start date is after the end date.")]})
        return start, end


class ProgressNationSeriesApi(ProgressSeriesApi):
    @extend_schema(
        operation_id="progress_nation_series",
        summary="Deret harian progres nasional",
        parameters=SERIES_PARAMETERS,
        responses=ProgressDaySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        return super().get(request, code="")
