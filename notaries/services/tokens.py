"""A notary's API tokens: created on their own page and shown once (only the SHA-256 is kept), named, revocable."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from notaries import access
from notaries.models import ApiToken
from notaries.services.common import validated_save
from registry.errors import ApplicationError

TOKEN_PREFIX = "kdmpn_"  # noqa: S105 - marks the portal's notary tokens, not a secret


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor, name: str) -> tuple[ApiToken, str]:
    """A new token for the notary's office software. Returns the row and the token itself, which is shown once."""
    if access.notary_of(actor) is None:
        raise ApplicationError(_("Only a notary linked to the registry may create API tokens."))
    name = (name or "").strip()
    if not name:
        raise ApplicationError(_("Name the token (for example the office software that uses it)."), field="name")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=actor, name=name, key_hash=token_hash(raw), prefix=raw[: len(TOKEN_PREFIX) + 4])
    validated_save(token, actor=actor)
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    """Revoke a token of the actor's own; revoking again changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.user_id != actor.pk:
        raise ApplicationError(_("Token not found."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(raw: str) -> ApiToken | None:
    """The active token with this key, its last use noted (at most once a minute), or None."""
    token = ApiToken.objects.select_related("user").filter(key_hash=token_hash(raw), revoked_at__isnull=True).first()
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
