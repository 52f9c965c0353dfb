from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from registry.text import has_control_characters


class DefaultLanguageMiddleware:
    """Bahasa Indonesia unless the user picked another language in the header (the language cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and most office browsers say English;
    a government portal for Indonesian officers starts in Indonesian.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])  # the language comes from a cookie
        translation.deactivate()
        return response


class PrivatePagesMiddleware:
    """A page shown to a logged-in user may hold personal data (NIKs, names, addresses): no shared or disk cache
    may keep it (UU 27/2022). Views that set their own Cache-Control keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        return response


class ControlCharactersMiddleware:
    """Refuses a request whose query or form fields hold control characters (a NUL byte, which PostgreSQL cannot
    store or compare, among them): one check for every search and text input, with a message that says so."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request.GET) or (
            request.method == "POST"
            and not request.content_type.startswith("application/json")
            and has_control_characters(request.POST)
        ):
            message = _("The text contains invisible control characters. Type it again or paste it as plain text.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return render(request, "400.html", {"reason": message}, status=400)
        return self.get_response(request)
