"""`/api/v1/notary/cooperatives/`: the cooperatives assigned to the notary, each with its current deed."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_serializer
from rest_framework import generics, serializers

from cooperatives.models import Cooperative
from notaries import access, selectors
from notaries.api.common import NotaryApiMixin


class AssignedCooperativesApi(NotaryApiMixin, generics.ListAPIView):
    @extend_schema_serializer(component_name="NotaryCooperative")
    class OutputSerializer(serializers.ModelSerializer):
        village_name = serializers.CharField(source="village.name")
        kecamatan_name = serializers.CharField(source="village.parent.name")
        regency_name = serializers.CharField(source="village.parent.parent.name")
        current_deed = serializers.IntegerField(source="current_deed_id", allow_null=True, help_text="Akta terkini")
        current_deed_number = serializers.CharField(allow_null=True)
        current_deed_status = serializers.CharField(allow_null=True)

        class Meta:
            model = Cooperative
            fields = [
                "id",
                "name",
                "village",
                "village_name",
                "kecamatan_name",
                "regency_name",
                "stage",
                "current_deed",
                "current_deed_number",
                "current_deed_status",
            ]

    serializer_class = OutputSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return Cooperative.objects.none()
        notary = access.notary_for(self.request.user)
        return selectors.assigned_cooperatives(access.cooperatives_assigned_to(notary))

    @extend_schema(
        operation_id="notary_cooperatives_list",
        summary="Koperasi yang ditugaskan kepada notaris (dengan akta terkininya)",
        examples=[
            OpenApiExample(
                "Satu koperasi",
                response_only=True,
                value={
                    "count": 1,
                    "next": None,
                    "previous": None,
                    "results": [
                        {
                            "id": 42,
                            "name": "Koperasi Desa Merah Putih Embawang",
                            "village": "16.03.01.2011",
                            "village_name": "Embawang",
                            "kecamatan_name": "Tanjung Agung",
                            "regency_name": "Muara Enim",
                            "stage": "rapat_pendirian",
                            "current_deed": None,
                            "current_deed_number": None,
                            "current_deed_status": None,
                        }
                    ],
                },
            )
        ],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
