"""The notaries app's landing (registered from NotariesConfig.ready): a notary starts from the notary area."""

from __future__ import annotations

from notaries.access import RULES
from registry import navigation


def register(nav: navigation.Navigation = navigation.site) -> None:
    # Whoever may open the notary area starts from it.
    nav.register_landing(roles=RULES["notary.home"], url_name="notaries:home")
