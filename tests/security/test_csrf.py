"""Every POST needs a CSRF token: with CSRF checks enforced, a POST without one is refused
(403) on every URL of the project, for the role that may otherwise use it."""

import logging

from django.conf import settings
from django.test import Client

from accounts.models import AccessLogEntry

from .matrix import RoleClients, send, url_for
from .registry import spec_for
from .urlwalk import all_routes

ROLE_PREFERENCE = ["caseworker", "mentor", "youth", "manager", "anonymous"]


def _role_for(spec) -> str:
    """The role most likely to reach the view's own code with a POST."""
    allowed = spec.post_writers
    return next((role for role in ROLE_PREFERENCE if role in allowed), "caseworker")


def test_every_post_without_a_csrf_token_is_refused(world, caplog, capsys):
    caplog.set_level(logging.CRITICAL, logger="django.security.csrf")
    caplog.set_level(logging.CRITICAL, logger="django.request")
    clients = RoleClients(world, enforce_csrf_checks=True)
    rows_before = AccessLogEntry.objects.count()
    accepted = []
    routes = all_routes()
    for route in routes:
        spec = spec_for(route.name)
        url, query = url_for(route.name, spec, world)
        role = _role_for(spec)
        outcome = send(clients.client(role), "POST", url, query, data={"note": "x"})
        if outcome.status != 403:
            accepted.append(f"POST {route.name} as {role} without token: {outcome.status}")
    with capsys.disabled():
        print(f"\ncsrf: {len(routes)} URL names posted without a token, accepted: {len(accepted)}")
    assert not accepted, "\n".join(accepted)
    assert AccessLogEntry.objects.count() == rows_before


def test_a_post_with_the_token_gets_through(db):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/log-ind/")
    token = page.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(
        "/log-ind/", {"username": "x", "password": "y", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200  # the form answers (wrong password), not CSRF 403
