"""Notary API routes, mounted under /api/v1/ by the root URLconf."""

from django.urls import path

from notaries.api import cooperatives, deeds

urlpatterns = [
    path("notary/cooperatives/", cooperatives.AssignedCooperativesApi.as_view(), name="notary_cooperatives"),
    path("notary/deeds/", deeds.DeedListApi.as_view(), name="notary_deeds"),
    path("notary/deeds/<int:id>/", deeds.DeedDetailApi.as_view(), name="notary_deed"),
    path("notary/deeds/<int:id>/correction/", deeds.DeedCorrectionApi.as_view(), name="notary_deed_correction"),
]
