"""`/api/v1/imports/`: the spreadsheet import for Dinas systems that already hold the data. The same files, checks,
report and all-or-nothing commit as the page: POST a file (checked, nothing saved), read the report, then POST
`/api/v1/imports/{id}/commit/`. Big files (more than `KDMP_IMPORT_TASK_ROWS` rows) run in the background: the answer
is 202 and the import's `status` and `progress` say when it is done."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cooperatives import access
from cooperatives.imports import run
from cooperatives.imports import selectors as import_selectors
from cooperatives.imports.models import Import, ImportKind, ImportStatus
from registry import access as registry_access
from registry import codes
from registry.api_pagination import Pagination
from registry.models import RegionLevel

RUNNING = {ImportStatus.CHECKING, ImportStatus.SAVING}


@extend_schema_serializer(component_name="ImportIssue")
class IssueSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="Nomor baris di spreadsheet")
    column = serializers.CharField(help_text="Judul kolom")
    value = serializers.CharField(help_text="Isi sel")
    message = serializers.CharField(help_text="Yang perlu diperbaiki")


@extend_schema_serializer(component_name="ImportReport")
class ReportSerializer(serializers.Serializer):
    rows = serializers.IntegerField()
    ok = serializers.IntegerField(help_text="Baris tanpa kesalahan")
    errors = IssueSerializer(many=True)
    warnings = IssueSerializer(many=True, help_text="Tidak menghalangi penyimpanan, mis. NIK dari kabupaten lain")
    file_errors = serializers.ListField(child=serializers.CharField(), help_text="Berkas ditolak seluruhnya")
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()


@extend_schema_serializer(component_name="Import")
class ImportSerializer(serializers.ModelSerializer):
    report = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField(help_text="Persen baris yang sudah dikerjakan (100 bila selesai)")
    regency = serializers.CharField(source="regency_id")

    class Meta:
        model = Import
        fields = [
            "id",
            "kind",
            "regency",
            "cooperative",
            "original_name",
            "size",
            "sha256",
            "rows",
            "status",
            "progress",
            "created_at",
            "committed_at",
            "report",
        ]

    @extend_schema_field(ReportSerializer)
    def get_report(self, imp: Import) -> dict:
        return {
            "rows": 0, "ok": 0, "errors": [], "warnings": [], "file_errors": [], "created": 0, "updated": 0,
            "unchanged": 0, **imp.report,
        }  # fmt: skip

    def get_progress(self, imp: Import) -> int:
        return run.progress_of(imp)


def _officer(user) -> None:
    if not access.can(user, "import.run"):
        raise Http404(_("Page not found."))


class ImportListApi(generics.ListAPIView):
    """GET: past imports into the user's regency. POST: upload a file; it is checked (a dry run), nothing saved."""

    serializer_class = ImportSerializer
    pagination_class = Pagination
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema_serializer(component_name="ImportUpload")
    class InputSerializer(serializers.Serializer):
        kind = serializers.ChoiceField(
            ImportKind.choices, help_text="`pendiri`: pendiri satu koperasi; `koperasi`: koperasi satu kabupaten/kota"
        )
        file = serializers.FileField(help_text="Templat yang sudah diisi, .xlsx atau .csv (pemisah ; atau ,)")
        cooperative = serializers.IntegerField(required=False, help_text="Id koperasi, untuk berkas pendiri")
        regency = serializers.CharField(
            required=False,
            help_text="Kode kabupaten/kota, untuk berkas koperasi (bawaan: wilayah pengguna), mis. 16.03",
            validators=[codes.level_validator(RegionLevel.REGENCY, _("A regency code looks like 16.03."))],
        )

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Import.objects.none()
        _officer(self.request.user)
        return import_selectors.imports_of(self.request.user)

    @extend_schema(operation_id="imports_list", summary="Daftar impor spreadsheet di kabupaten/kota pengguna")
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="imports_create",
        summary="Unggah berkas impor: diperiksa baris demi baris, belum disimpan (petugas kabupaten/kota)",
        request={"multipart/form-data": InputSerializer},
        responses={201: ImportSerializer, 202: ImportSerializer},
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        _officer(request.user)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        kind = data.validated_data["kind"]
        cooperative = regency = None
        if kind == ImportKind.MEMBERS:
            if "cooperative" not in data.validated_data:
                raise serializers.ValidationError(
                    {"cooperative": [_("Choose the cooperative whose founders the file lists.")]}
                )
            cooperative = access.cooperative_get_for(
                user=request.user, pk=data.validated_data["cooperative"], action="cooperative.change"
            )
        else:
            code = data.validated_data.get("regency") or request.user.region_id
            regency = registry_access.region_get_for(user=request.user, code=code, level=RegionLevel.REGENCY)
        imp = run.import_upload(
            actor=request.user, kind=kind, upload=data.validated_data["file"], cooperative=cooperative, regency=regency
        )
        if imp.status == ImportStatus.CHECKING:
            imp = run.start(actor=request.user, imp=imp, step="check")
        code = status.HTTP_202_ACCEPTED if imp.status in RUNNING else status.HTTP_201_CREATED
        return Response(ImportSerializer(imp).data, status=code)


class ImportDetailApi(APIView):
    @extend_schema(
        operation_id="imports_retrieve", summary="Satu impor: status, kemajuan dan laporan", responses=ImportSerializer
    )
    def get(self, request: Request, id: int) -> Response:
        return Response(ImportSerializer(access.import_get_for(user=request.user, pk=id)).data)


class ImportCommitApi(APIView):
    @extend_schema(
        operation_id="imports_commit",
        summary="Simpan berkas yang sudah diperiksa tanpa kesalahan: semua baris sekaligus, atau tidak sama sekali",
        request=None,
        responses={200: ImportSerializer, 202: ImportSerializer, 400: ImportSerializer},
    )
    def post(self, request: Request, id: int) -> Response:
        imp = access.import_get_for(user=request.user, pk=id)
        imp = run.start(actor=request.user, imp=imp, step="commit")
        if imp.status in RUNNING:
            code = status.HTTP_202_ACCEPTED
        else:
            code = status.HTTP_200_OK if imp.status == ImportStatus.SAVED else status.HTTP_400_BAD_REQUEST
        return Response(ImportSerializer(imp).data, status=code)
