"""Cooperative API routes, mounted under /api/v1/ by the root URLconf."""

from django.urls import path

from cooperatives import api

urlpatterns = [
    path("cooperatives/", api.CooperativeListApi.as_view(), name="cooperatives"),
    path("cooperatives/<int:id>/", api.CooperativeDetailApi.as_view(), name="cooperative"),
    path("cooperatives/<int:id>/members/", api.CooperativeMembersApi.as_view(), name="cooperative_members"),
    path("cooperatives/<int:id>/transitions/", api.CooperativeTransitionApi.as_view(), name="cooperative_transitions"),
]
