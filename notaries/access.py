"""What each role may do in the notaries app (checked through registry.access.can/require)."""

from registry.models import Role

RULES = {
    "notary.home": frozenset({Role.NOTARY}),
}
