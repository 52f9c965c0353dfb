"""Root URLconf. The only place besides Celery autodiscovery where registry refers to the apps above it."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from registry import api, api_progress, dashboard_views, views
from registry.forms import LoginForm

admin.site.site_header = _("KDMP Registry administration")
admin.site.site_title = _("KDMP Registry")
admin.site.index_title = _("Administration")

api_v1 = [
    path("regions/", api.RegionListApi.as_view(), name="regions"),
    path("regions/<region:code>/", api.RegionDetailApi.as_view(), name="region"),
    # The nation has no region code: the paths without one serve it ("series" is no region code).
    path("progress/", api_progress.ProgressNationApi.as_view(), name="progress_nation"),
    path("progress/series/", api_progress.ProgressNationSeriesApi.as_view(), name="progress_nation_series"),
    path("progress/<region:code>/", api_progress.ProgressDetailApi.as_view(), name="progress"),
    path("progress/<region:code>/series/", api_progress.ProgressSeriesApi.as_view(), name="progress_series"),
    path("", include("cooperatives.api_urls")),
    path("", include("notaries.api_urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("tanpa-peran/", views.no_role, name="no_role"),
    path("wilayah/", views.region_index, name="region_index"),
    path("wilayah/unduh/<slug:table>.<str:fmt>", dashboard_views.export, name="dashboard_export_nation"),
    path("wilayah/<region:code>/unduh/<slug:table>.<str:fmt>", dashboard_views.export, name="dashboard_export"),
    path("data-terbuka/", dashboard_views.open_data_dictionary, name="open_data"),
    path("data-terbuka/progres.csv", dashboard_views.open_data_csv, name="open_data_csv"),
    # <region:code>: a region code of any level (registry.codes.RegionCodeConverter, registered in RegistryConfig).
    path("wilayah/<region:code>/", views.region_detail, name="region_detail"),
    path("wilayah/<region:code>/desa/", views.village_list, name="village_list"),
    path(
        "masuk/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("kata-sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("kata-sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("koperasi/", include("cooperatives.urls")),
    path("notaris/", include("notaries.urls")),
    path("api/v1/", include((api_v1, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api_schema"), name="api_docs"),
]

handler403 = "registry.views.error_403"
handler404 = "registry.views.error_404"
handler500 = "registry.views.error_500"
