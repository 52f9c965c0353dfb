from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperativesConfig(AppConfig):
    name = "cooperatives"
    verbose_name = _("Cooperatives")

    def ready(self) -> None:
        from cooperatives import navigation, quality_lists

        navigation.register()
        quality_lists.register_cooperative_lists()
