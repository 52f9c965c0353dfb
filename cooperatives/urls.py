from django.urls import path

from cooperatives.views import documents, imports, meetings, members, officers, profile, quality, stages, worklist

app_name = "cooperatives"

urlpatterns = [
    path("wilayah/<region:code>/", worklist.worklist, name="worklist"),
    path("baru/<region:code>/", profile.create, name="create"),
    path("<int:pk>/", profile.detail, name="detail"),
    path("<int:pk>/ubah/", profile.edit, name="edit"),
    path("<int:pk>/nonaktifkan/", profile.deactivate, name="deactivate"),
    path("<int:pk>/pindah-desa/", profile.reseat, name="reseat"),
    path("<int:pk>/usaha/", profile.unit_set, name="unit_set"),
    path("<int:pk>/usaha/<int:unit_pk>/hapus/", profile.unit_remove, name="unit_remove"),
    path("<int:pk>/pendiri/", members.members, name="members"),
    path("<int:pk>/pendiri/periksa-nik/", members.member_check, name="member_check"),
    path("<int:pk>/pendiri/<int:member_pk>/ubah/", members.member_edit, name="member_edit"),
    path("<int:pk>/pendiri/<int:member_pk>/hapus/", members.member_remove, name="member_remove"),
    path("<int:pk>/pengurus/", officers.officers, name="officers"),
    path("<int:pk>/pengurus/<int:officer_pk>/hapus/", officers.officer_remove, name="officer_remove"),
    path("<int:pk>/rapat/", meetings.meetings, name="meetings"),
    path("<int:pk>/dokumen/", documents.documents, name="documents"),
    path("<int:pk>/dokumen/<int:document_pk>/", documents.document_download, name="document"),
    path("<int:pk>/tahap/", stages.stage, name="stage"),
    path("<int:pk>/riwayat/", stages.history, name="history"),
    path("kualitas-data/", quality.data_quality, name="data_quality"),
    path("impor/", imports.imports, name="imports"),
    path("impor/templat/<str:kind>.xlsx", imports.template, name="import_template"),
    path("impor/<int:pk>/", imports.detail, name="import_detail"),
    path("impor/<int:pk>/kemajuan/", imports.progress, name="import_progress"),
    path("impor/<int:pk>/simpan/", imports.commit, name="import_commit"),
    path("impor/<int:pk>/laporan.xlsx", imports.report, name="import_report"),
    path("log-nik/", worklist.nik_views, name="nik_views"),
]
