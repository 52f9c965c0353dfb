"""Which address login throttling counts: REMOTE_ADDR, or the entry the outermost trusted proxy appended."""

import pytest
from django.test import RequestFactory, override_settings

from registry.client_ip import client_ip

PROXY = "10.0.0.2"


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "203.0.113.7", PROXY),
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),
        (1, "", PROXY),
        (1, "not-an-address", PROXY),
        (1, "2001:db8::7", "2001:db8::7"),
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (2, "203.0.113.7", PROXY),
    ],
)
def test_client_address_comes_from_the_proxies_we_trust_only(proxies, forwarded_for, expected):
    request = RequestFactory().post("/masuk/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(request) == expected
