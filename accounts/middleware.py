from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from .client import client_address, current_client_address

# Session keys: when the person signed in (a timestamp) and whether it was by link.
SIGNED_IN_AT = "signed_in_at"
SIGNED_IN_BY_LINK = "signed_in_by_link"


class DanishFirstLocaleMiddleware:
    """Danish for everyone unless the person chose another language with the switch in the
    footer (Django's language cookie). The browser's Accept-Language is deliberately
    ignored: a Danish caseworker on an English-language computer still gets Danish."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class ClientAddressMiddleware:
    """The client's address (accounts/client.py) on the request, and for the access log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.client_address = client_address(request)
        token = current_client_address.set(request.client_address)
        try:
            return self.get_response(request)
        finally:
            current_client_address.reset(token)


def session_max_seconds(session) -> int:
    by_link = session.get(SIGNED_IN_BY_LINK, False)
    return settings.SESSION_LINK_MAX_SECONDS if by_link else settings.SESSION_MAX_SECONDS


class SessionLifetimeMiddleware:
    """An absolute lifetime besides the idle timeout (SESSION_COOKIE_AGE, renewed on every
    request): a session ends SESSION_MAX_SECONDS after signing in (staff), or
    SESSION_LINK_MAX_SECONDS for a sign-in by link, however active it has been."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            # Stamped on the first request after signing in; signing out flushes the
            # session, so a stamp never outlives the sign-in it belongs to.
            now = timezone.now().timestamp()
            signed_in_at = request.session.setdefault(SIGNED_IN_AT, now)
            if now - signed_in_at > session_max_seconds(request.session):
                logout(request)
        return self.get_response(request)
