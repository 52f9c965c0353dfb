from __future__ import annotations

from rest_framework import authentication
from rest_framework.permissions import IsAuthenticated

from notaries.api.auth import NotaryTokenAuthentication, PerTokenThrottle
from registry.api_pagination import Pagination


class NotaryApiMixin:
    """What every notary endpoint shares: the notary's token (or a browser session), throttled per token, paged.
    Anyone who is not a notary linked to the registry gets 404 (`notaries.access.notary_for`)."""

    authentication_classes = [NotaryTokenAuthentication, authentication.SessionAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [PerTokenThrottle]
    pagination_class = Pagination
