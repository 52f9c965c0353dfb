from django.urls import path, re_path

from cooperatives import views

app_name = "cooperatives"

CODE = r"(?P<code>\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)"

urlpatterns = [
    re_path(rf"^wilayah/{CODE}/$", views.worklist, name="worklist"),
    re_path(rf"^baru/{CODE}/$", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ubah/", views.edit, name="edit"),
    path("<int:pk>/usaha/", views.unit_set, name="unit_set"),
    path("<int:pk>/usaha/<int:unit_pk>/hapus/", views.unit_remove, name="unit_remove"),
    path("<int:pk>/pendiri/", views.members, name="members"),
    path("<int:pk>/pendiri/periksa-nik/", views.member_check, name="member_check"),
    path("<int:pk>/pendiri/<int:member_pk>/ubah/", views.member_edit, name="member_edit"),
    path("<int:pk>/pendiri/<int:member_pk>/hapus/", views.member_remove, name="member_remove"),
    path("<int:pk>/pengurus/", views.officers, name="officers"),
    path("<int:pk>/pengurus/<int:officer_pk>/hapus/", views.officer_remove, name="officer_remove"),
    path("<int:pk>/rapat/", views.meetings, name="meetings"),
    path("<int:pk>/dokumen/", views.documents, name="documents"),
    path("<int:pk>/dokumen/<int:document_pk>/", views.document_download, name="document"),
    path("<int:pk>/tahap/", views.stage, name="stage"),
    path("<int:pk>/riwayat/", views.history, name="history"),
    path("kualitas-data/", views.data_quality, name="data_quality"),
    path("log-nik/", views.nik_views, name="nik_views"),
]
