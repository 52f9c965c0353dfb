from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Registry")

    def ready(self) -> None:
        from django.urls import register_converter

        from registry import codes, navigation

        register_converter(codes.RegionCodeConverter, "region")
        navigation.register_registry()
