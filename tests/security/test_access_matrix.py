"""The access matrix: every URL pattern × GET and POST × every role, against organisation
A's objects. Expected per role is in `registry.SPECS`; a URL name missing there fails.

A leak is (1) a role outside a page's readers/writers that is not refused (403/404/405, or
the sign-in page for anonymous users), or (2) a response that contains personal data the
role may not see (`forbidden_texts`). The figures are printed at the end of the test.
"""

import logging

import pytest

from .matrix import (
    INLINE_SCRIPT,
    INLINE_STYLE,
    METHODS,
    RoleClients,
    is_signin_redirect,
    rules_role,
    send,
    url_for,
)
from .registry import SPECS, spec_for
from .urlwalk import SKIPPED_NAMESPACES, all_routes

REFUSED = {403, 404, 405}


def forbidden_texts(world, role: str, *, name_allowed: bool) -> list[str]:
    """The texts of organisation A's youth that `role` must never be shown."""
    s = world.a.secrets
    sensitive = [
        s["support_needs"],
        s["follow_up_note"],
        s["email"],
        s["phone"],
        s["birth_date"],
        s["birth_date_long"],
        s["birth_date_iso"],
    ]
    names = [s["first_name"], s["last_name"]]
    if role in ("caseworker", "manager", "kvalitet"):
        return []
    if role == "ocn":  # the learning documentation of a sampled youth, nothing else
        return sensitive if name_allowed else sensitive + names + [s["progress_note"]]
    if role == "youth":
        return [s["support_needs"], s["follow_up_note"]]
    if role == "mentor":
        return sensitive
    if name_allowed:  # the public verification page prints the name on the certificate
        return sensitive + [s["progress_note"]]
    return sensitive + names + [s["progress_note"]]


def check(world, name, spec, method, role, outcome) -> list[str]:
    """Problems with one response; empty when it is as expected."""
    problems = []
    where = f"{method} {name} as {role}"
    if outcome.error or outcome.status >= 500:
        return [f"{where}: server error {outcome.status} {outcome.error}".strip()]
    allowed = spec.readers if method == "GET" else spec.post_writers
    if spec.public:
        pass
    elif rules_role(role) in allowed:
        refused = outcome.status >= 400 or is_signin_redirect(outcome)
        if method == "GET" and outcome.status != 405 and refused:
            problems.append(f"{where}: expected the page, got {outcome.status}")
    elif role == "anonymous":
        if not (is_signin_redirect(outcome) or outcome.status in REFUSED):
            problems.append(f"{where}: LEAK, expected sign-in redirect, got {outcome.status}")
    elif outcome.status not in REFUSED:
        problems.append(f"{where}: LEAK, expected 403/404/405, got {outcome.status}")
    page = outcome.text if outcome.text is not None and "<html" in outcome.text else ""
    if INLINE_SCRIPT.search(page) or INLINE_STYLE.search(page):
        problems.append(f"{where}: inline <script> or style= in the page (CSP blocks it)")
    if outcome.text is not None:
        for text in forbidden_texts(world, role, name_allowed=spec.shows_name):
            if text in outcome.text:
                problems.append(f"{where}: LEAK, the response contains {text!r}")
    return problems


def test_every_url_name_is_in_the_registry():
    missing = [route.name for route in all_routes() if route.name not in SPECS]
    assert not missing, f"URL names without an access rule in registry.SPECS: {missing}"
    assert set(SKIPPED_NAMESPACES) == {"admin"}


def test_access_matrix(world, capsys, caplog):
    caplog.set_level(logging.CRITICAL, logger="django.request")
    clients = RoleClients(world)
    roles = list(world.users())
    pairs = accepted = 0
    problems: list[str] = []
    for route in all_routes():
        try:
            spec = spec_for(route.name)
        except LookupError as missing:
            problems.append(str(missing))
            continue
        url, query = url_for(route.name, spec, world)
        for method in METHODS:
            for role in roles:
                outcome = send(clients.client(role), method, url, query)
                pairs += 1
                accepted += outcome.status != 405
                problems += check(world, route.name, spec, method, role, outcome)
    leaks = [problem for problem in problems if "LEAK" in problem]
    with capsys.disabled():
        print(
            f"\naccess matrix: {len(all_routes())} URL names, {pairs} (url, method, role) "
            f"pairs tested ({accepted} with the method accepted), leaks: {len(leaks)}, "
            f"other problems: {len(problems) - len(leaks)}"
        )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", ["stranger", "other_youth", "other_mentor"])
def test_strangers_see_nothing_of_organisation_a_on_their_start_pages(world, role):
    """The pages a role lands on list only its own people."""
    clients = RoleClients(world)
    outcome = send(clients.client(role), "GET", "/", {})
    if outcome.status == 302:
        outcome = send(clients.client(role), "GET", outcome.location, {})
    assert outcome.status == 200
    assert world.a.secrets["first_name"] not in outcome.text


def test_ended_access_is_refused_on_every_page(world, caplog):
    """Issue 12, finding 1: once a youth's links are withdrawn and the mentor is deactivated,
    their open sessions get nothing from any URL (GET or POST): the sign-in page, or a
    refusal for the few URLs that answer anyone (403/404/405)."""
    from accounts.services import signin_links_revoke_all
    from companies.services import mentor_deactivate
    from placements.services import placement_complete

    caplog.set_level(logging.CRITICAL, logger="django.request")
    clients = RoleClients(world)
    signin_links_revoke_all(user=world.a.youth_user)
    placement_complete(placement=world.a.placement, by=world.a.caseworker)
    mentor_deactivate(mentor=world.a.mentor, by=world.a.caseworker)
    problems = []
    for route in all_routes():
        spec = spec_for(route.name)
        if spec.public:
            continue
        url, query = url_for(route.name, spec, world)
        for method in METHODS:
            for role in ("youth", "mentor"):
                outcome = send(clients.client(role), method, url, query)
                if not (is_signin_redirect(outcome) or outcome.status in REFUSED):
                    problems.append(f"{method} {route.name} as ended {role}: {outcome.status}")
    assert not problems, "\n".join(problems)
