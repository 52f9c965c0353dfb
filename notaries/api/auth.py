"""Notary API tokens (`Authorization: Bearer <token>`), and a throttle that counts per token."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, throttling

from notaries import services

KEYWORD = "Bearer"


class NotaryTokenAuthentication(authentication.BaseAuthentication):
    """A token the notary created on their page (only its SHA-256 is stored). A revoked or unknown token is 401."""

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header: send “Bearer <token>”."))
        try:
            raw = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        token = services.api_token_authenticate(raw)
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        return token.user, token

    def authenticate_header(self, request) -> str:
        return f'{KEYWORD} realm="api"'


class NotaryTokenScheme(OpenApiAuthenticationExtension):
    target_class = "notaries.api.auth.NotaryTokenAuthentication"
    name = "notaryToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Token API notaris, dibuat di halaman /notaris/token/ (ditampilkan sekali).",
        }


class PerTokenThrottle(throttling.SimpleRateThrottle):
    """Requests per token (a session counts per user). Rate: `KDMP_NOTARY_API_RATE`, default 120 a minute."""

    scope = "notary_token"

    def get_rate(self) -> str:
        return getattr(settings, "KDMP_NOTARY_API_RATE", "120/min")

    def get_cache_key(self, request, view) -> str | None:
        token = getattr(request, "auth", None)
        ident = f"token-{token.pk}" if hasattr(token, "key_hash") else f"user-{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
