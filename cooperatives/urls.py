from django.urls import path

from cooperatives.views import documents, meetings, members, officers, profile, stages, worklist

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
    path("kualitas-data/", worklist.data_quality, name="data_quality"),
    path("log-nik/", worklist.nik_views, name="nik_views"),
]
