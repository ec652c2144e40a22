"""Run requests for the security tests: one world, every request in a savepoint that is
rolled back, so a POST by one role never changes what the next role sees."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from .conftest import World
from .registry import Spec

METHODS = ("GET", "POST")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"\sstyle\s*=", re.IGNORECASE)


def rules_role(role: str) -> str:
    """The role whose access rules apply: A's internal quality assurer is a manager."""
    return "manager" if role == "kvalitet" else role


@dataclass
class Outcome:
    status: int
    location: str
    text: str | None  # decoded body of HTML/JSON responses, None for files
    error: str = ""
    measured: object = None


class RoleClients:
    """One signed-in client per role; the session cookie is restored before every request
    (a sign-out answers by dropping it)."""

    def __init__(self, world: World, **client_kwargs):
        self.clients: dict[str, tuple[Client, str]] = {}
        for role, user in world.users().items():
            client = Client(**client_kwargs)
            if user is not None:
                client.force_login(user)
            cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
            self.clients[role] = (client, cookie.value if cookie else "")

    def client(self, role: str) -> Client:
        client, session = self.clients[role]
        client.cookies = SimpleCookie()
        if session:
            client.cookies[settings.SESSION_COOKIE_NAME] = session
        return client


def url_for(name: str, spec: Spec, world: World) -> tuple[str, dict]:
    return reverse(name, kwargs=spec.kwargs(world)), spec.query(world)


def send(
    client: Client,
    method: str,
    url: str,
    query: dict,
    data: dict | None = None,
    measure: Callable[[], object] | None = None,
) -> Outcome:
    """One request inside a savepoint that is always rolled back; `measure` runs after the
    request, before the rollback (e.g. to count the rows it wrote)."""
    measured = None
    try:
        with transaction.atomic():
            if method == "GET":
                response = client.get(url, query)
            else:
                response = client.post(url + _querystring(query), data or {})
            if measure is not None:
                measured = measure()
            transaction.set_rollback(True)
    except Exception as error:  # a crash is reported by the caller, not raised here
        return Outcome(500, "", None, error=f"{type(error).__name__}: {error}")
    outcome = Outcome(response.status_code, response.get("Location", ""), _text(response))
    outcome.measured = measured
    return outcome


def _querystring(query: dict) -> str:
    return "?" + urlencode(query) if query else ""


def _text(response: HttpResponse) -> str | None:
    if getattr(response, "streaming", False):
        return None
    content_type = response.get("Content-Type", "")
    if content_type.startswith(("text/", "application/json")):
        return response.content.decode(errors="replace")
    return None


def is_signin_redirect(outcome: Outcome) -> bool:
    return outcome.status == 302 and outcome.location.startswith(reverse("accounts:login"))
