"""GET never changes data: a GET to every URL by every role leaves every row of every
model as it was, except the access log, sessions and "last seen" timestamps."""

import logging

from django.apps import apps

from tests.security.matrix import RoleClients, send, url_for
from tests.security.registry import spec_for
from tests.security.urlwalk import all_routes

# Written on purpose by a GET: the access log (a look is a fact worth recording), the
# session, the sign-in audit of django-axes, and when a user last signed in or looked (also
# per goal: opening a goal takes it off the dashboard's "New from the mentors").
EXPECTED_WRITES = {"accounts.AccessLogEntry", "sessions.Session", "goals.ProgressSeen"}
EXPECTED_APPS = {"axes"}
IGNORED_FIELDS = {"accounts.User": {"last_login", "progress_seen_at"}}


def _models():
    for model in apps.get_models():
        label = model._meta.label
        if label not in EXPECTED_WRITES and model._meta.app_label not in EXPECTED_APPS:
            yield label, model


def _state() -> dict:
    state = {}
    for label, model in _models():
        ignored = IGNORED_FIELDS.get(label, set())
        fields = [f.attname for f in model._meta.concrete_fields if f.name not in ignored]
        state[label] = sorted(model.objects.values_list(*fields), key=repr)
    return state


def _changes(before: dict, after: dict) -> list[str]:
    return [label for label in before if before[label] != after[label]]


def test_get_changes_no_data(world, caplog, capsys):
    caplog.set_level(logging.CRITICAL, logger="django.request")
    clients = RoleClients(world)
    before = _state()
    problems = []
    pairs = 0
    for route in all_routes():
        spec = spec_for(route.name)
        url, query = url_for(route.name, spec, world)
        for role in world.users():
            outcome = send(
                clients.client(role), "GET", url, query, measure=lambda: _changes(before, _state())
            )
            pairs += 1
            if outcome.measured:
                problems.append(f"GET {route.name} as {role} changed {outcome.measured}")
    with capsys.disabled():
        print(f"\nget is safe: {pairs} (url, role) GETs, writing: {len(problems)}")
    assert not problems, "\n".join(problems)
