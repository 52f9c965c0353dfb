"""The client's address for login throttling (django-axes): behind trusted proxies, the one the outermost proxy saw."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or with TRUSTED_PROXY_COUNT = N the N-th X-Forwarded-For entry from the right.

    Each proxy appends the address it received the request from, so the last N entries were written by our own
    proxies and anything further left by the client, who can forge it. With N = 0 (no proxy, development) the header
    is ignored. A request with fewer entries than proxies did not come through them all: REMOTE_ADDR then.

    Not django-ipware: its proxy count means proxies listed in the header, not in front of us, and behind a
    single proxy it finds no address at all.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if len(forwarded) < count:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return remote
