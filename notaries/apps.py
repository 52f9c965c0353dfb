from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotariesConfig(AppConfig):
    name = "notaries"
    verbose_name = _("Notaries")

    def ready(self) -> None:
        from notaries import hooks, navigation, quality

        navigation.register()
        hooks.register()
        quality.register()
