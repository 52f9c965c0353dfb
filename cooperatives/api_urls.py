"""Cooperative API routes, mounted under /api/v1/ by the root URLconf."""

from django.urls import path

from cooperatives.api import cooperatives, imports, members, transitions

urlpatterns = [
    path("cooperatives/", cooperatives.CooperativeListApi.as_view(), name="cooperatives"),
    path("cooperatives/<int:id>/", cooperatives.CooperativeDetailApi.as_view(), name="cooperative"),
    path("cooperatives/<int:id>/members/", members.CooperativeMembersApi.as_view(), name="cooperative_members"),
    path(
        "cooperatives/<int:id>/transitions/",
        transitions.CooperativeTransitionApi.as_view(),
        name="cooperative_transitions",
    ),
    path(
        "cooperatives/<int:id>/deactivate/",
        transitions.CooperativeDeactivateApi.as_view(),
        name="cooperative_deactivate",
    ),
    path("imports/", imports.ImportListApi.as_view(), name="imports"),
    path("imports/<int:id>/", imports.ImportDetailApi.as_view(), name="import"),
    path("imports/<int:id>/commit/", imports.ImportCommitApi.as_view(), name="import_commit"),
    path("cooperatives/<int:id>/reseat/", transitions.CooperativeReseatApi.as_view(), name="cooperative_reseat"),
]
