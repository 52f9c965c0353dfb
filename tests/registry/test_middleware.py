"""registry/middleware.py: Indonesian by default, the language cookie decides, caches keep languages apart."""

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import has_vary_header
from django.utils.translation import get_language

from registry.middleware import DefaultLanguageMiddleware


def run(response: HttpResponse, cookie: str | None = None) -> tuple[HttpResponse, str]:
    seen = []

    def view(_request):
        seen.append(get_language())
        return response

    request = RequestFactory().get("/")
    if cookie is not None:
        request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = cookie
    return DefaultLanguageMiddleware(view)(request), seen[0]


@pytest.mark.parametrize(("cookie", "language"), [(None, "id"), ("en", "en"), ("id", "id"), ("fr", "id")])
def test_the_language_cookie_picks_a_supported_language_else_indonesian(cookie, language):
    response, active = run(HttpResponse(), cookie)

    assert active == language
    assert response["Content-Language"] == language


def test_the_response_varies_on_the_cookie():
    response, _language = run(HttpResponse())

    assert response["Vary"] == "Cookie"


def test_an_existing_vary_header_is_kept_and_extended():
    original = HttpResponse()
    original["Vary"] = "Accept-Encoding"

    response, _language = run(original)

    assert response["Vary"] == "Accept-Encoding, Cookie"


@pytest.mark.parametrize("vary", ["Cookie", "cookie", "Accept-Encoding, COOKIE"])
def test_cookie_is_not_repeated_in_vary_whatever_its_case(vary):
    original = HttpResponse()
    original["Vary"] = vary

    response, _language = run(original)

    assert response["Vary"] == vary
    assert has_vary_header(response, "Cookie")
