"""The access log: every page, PDF and export that shows a young person's data writes
exactly one row (who, when, which youth, what, why); rows cannot be changed or deleted
through the app; they are pruned after the retention period, which is at least 6 months."""

import logging
import os
import subprocess
import sys
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry, User
from accounts.services import PURPOSES
from goals.models import ProgressEntry
from tests.factories import PlacementFactory, YouthFactory
from tests.security.conftest import insight_export_json
from tests.security.matrix import RoleClients, send, url_for
from tests.security.registry import SPECS
from tests.security.urlwalk import all_routes

# (URL name, role): the pages that show one young person's data, for the role that uses them.
YOUTH_PAGES = [
    ("workspace:youth_detail", "caseworker"),
    ("workspace:youth_detail", "manager"),
    ("workspace:placement_detail", "caseworker"),
    ("privacy:youth_access_log", "manager"),
    ("privacy:youth_export_json", "caseworker"),
    ("documents:download", "caseworker"),
    ("goals:detail", "caseworker"),
    ("mentor:placement", "mentor"),
    ("me:home", "youth"),
    ("certificates:download", "caseworker"),
    ("me:download", "youth"),
    ("progress:pdf", "youth"),
    ("cohorts:member", "kvalitet"),
    ("assurance:member", "ocn"),
]


def _rows_about(youth):
    return lambda: list(AccessLogEntry.objects.filter(youth_id=youth.pk).order_by("pk"))


@pytest.mark.parametrize("name, role", YOUTH_PAGES)
def test_page_writes_one_access_log_row(world, name, role):
    clients = RoleClients(world)
    user = world.users()[role]
    before = AccessLogEntry.objects.count()
    url, query = url_for(name, SPECS[name], world)
    outcome = send(clients.client(role), "GET", url, query, measure=_rows_about(world.a.youth))
    assert outcome.status == 200, outcome.error
    rows = outcome.measured
    assert len(rows) == 1, f"{name} as {role} wrote {len(rows)} rows (before: {before})"
    row = rows[0]
    assert row.user == user
    assert row.organisation == world.a.organisation
    assert row.purpose == PURPOSES[user.role]
    assert row.what.strip()
    assert timezone.now() - row.at < timedelta(minutes=1)


def _details_of(world) -> list[str]:
    """Texts that are the youth's personal data beyond their name (a name alone, as in a
    list or a heading, is not counted: lists do not write a row per name)."""
    s = world.a.secrets
    keys = ["support_needs", "follow_up_note", "progress_note", "email", "phone"]
    dates = ["birth_date", "birth_date_long", "birth_date_iso"]
    return [s[key] for key in keys + dates] + [
        world.a.youth.dream,
        world.a.placement.accommodations,
        world.a.placement.expectations,
    ]


def test_every_object_page_that_shows_a_youths_data_writes_one_row(world, caplog):
    """Walks every URL: a page about one of A's objects that shows the youth's personal
    data to a reader must have written exactly one row about that youth."""
    caplog.set_level(logging.CRITICAL, logger="django.request")
    clients = RoleClients(world)
    details = _details_of(world)
    problems = []
    checked = 0
    for route in all_routes():
        spec = SPECS.get(route.name)
        if spec is None or spec.role_level or spec.public:
            continue
        url, query = url_for(route.name, spec, world)
        for role in sorted(spec.readers):
            outcome = send(
                clients.client(role), "GET", url, query, measure=_rows_about(world.a.youth)
            )
            if outcome.status != 200 or outcome.text is None:
                continue
            shown = [text for text in details if text in outcome.text]
            if not shown:
                continue
            checked += 1
            if len(outcome.measured) != 1:
                problems.append(
                    f"GET {route.name} as {role} shows {shown[0]!r} and wrote "
                    f"{len(outcome.measured)} access-log rows"
                )
    assert checked >= 5
    assert not problems, "\n".join(problems)


def _log_inserts(queries) -> int:
    return sum('INSERT INTO "accounts_accesslogentry"' in q["sql"] for q in queries)


def test_every_page_that_shows_a_youth_logs_them_lists_included(world, caplog):
    """Issue 12, finding 8. Walks every URL, lists and start pages included: a page that shows
    A's youth (their name) to a reader wrote at least one row about that youth, and all of a
    request's rows in one INSERT."""
    caplog.set_level(logging.CRITICAL, logger="django.request")
    clients = RoleClients(world)
    name = world.a.secrets["first_name"]
    problems = []
    checked = 0
    for route in all_routes():
        spec = SPECS.get(route.name)
        if spec is None or spec.public:
            continue
        url, query = url_for(route.name, spec, world)
        for role in sorted(spec.readers):
            with CaptureQueriesContext(connection) as queries:
                outcome = send(
                    clients.client(role), "GET", url, query, measure=_rows_about(world.a.youth)
                )
            if outcome.status != 200 or outcome.text is None or name not in outcome.text:
                continue
            checked += 1
            if not outcome.measured:
                problems.append(f"GET {route.name} as {role} shows {name!r} and wrote no row")
            elif _log_inserts(queries) != 1:
                problems.append(f"GET {route.name} as {role}: {_log_inserts(queries)} INSERTs")
    assert checked >= 15
    assert not problems, "\n".join(problems)


# List pages: one row per young person shown, marked as a list, in one query.
LIST_PAGES = [
    ("workspace:dashboard", "caseworker", {}),
    ("workspace:dashboard", "manager", {}),
    ("youth:list", "caseworker", {}),
    ("youth:list", "manager", {}),
    ("certificates:list", "caseworker", {}),
    ("mentor:home", "mentor", {}),
]


@pytest.mark.parametrize("name, role, kwargs", LIST_PAGES)
def test_a_list_page_logs_each_youth_shown_as_a_list(world, name, role, kwargs):
    clients = RoleClients(world)
    with CaptureQueriesContext(connection) as queries:
        response = clients.client(role).get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    rows = AccessLogEntry.objects.filter(user=world.users()[role])
    assert rows.filter(youth_id=world.a.youth.pk).count() == 1
    assert {row.kind for row in rows} == {AccessLogEntry.Kind.LIST}
    assert not rows.filter(organisation=world.b.organisation).exists()
    assert _log_inserts(queries) == 1


def test_the_company_page_logs_the_youth_of_the_placements_shown(world):
    clients = RoleClients(world)
    a = world.a
    second = YouthFactory(organisation=a.organisation, caseworker=a.caseworker)
    PlacementFactory(organisation=a.organisation, youth=second, company=a.company)
    response = clients.client("caseworker").get(
        reverse("workspace:company_detail", args=[a.company.pk])
    )
    assert response.status_code == 200
    rows = AccessLogEntry.objects.filter(user=a.caseworker, kind=AccessLogEntry.Kind.LIST)
    assert set(rows.values_list("youth_id", flat=True)) == {a.youth.pk, second.pk}


def test_the_certificate_list_for_one_youth_logs_that_youth(world):
    clients = RoleClients(world)
    a = world.a
    response = clients.client("manager").get(reverse("certificates:list"), {"youth": a.youth.pk})
    assert response.status_code == 200
    rows = AccessLogEntry.objects.filter(user=a.manager)
    assert list(rows.values_list("youth_id", "kind")) == [(a.youth.pk, AccessLogEntry.Kind.LIST)]


@pytest.mark.parametrize(
    "name, role",
    [
        ("workspace:youth_detail", "caseworker"),
        ("youth:end", "caseworker"),
        ("placements:interrupt", "caseworker"),
        ("placements:followup_create", "caseworker"),
    ],
)
def test_opening_one_youth_is_logged_as_opened(world, name, role):
    clients = RoleClients(world)
    url, query = url_for(name, SPECS[name], world)
    assert clients.client(role).get(url, query).status_code == 200
    (row,) = AccessLogEntry.objects.filter(youth_id=world.a.youth.pk)
    assert row.kind == AccessLogEntry.Kind.RECORD


@pytest.fixture
def entry(caseworker, youth):
    return AccessLogEntry.objects.create(
        user=caseworker,
        organisation=caseworker.organisation,
        youth_id=youth.pk,
        what="Profil",
        purpose=PURPOSES[caseworker.role],
    )


def test_admin_can_read_but_not_change_or_delete_the_log(admin_client_, entry):
    client = admin_client_
    base = "admin:accounts_accesslogentry"
    assert client.get(reverse(f"{base}_changelist")).status_code == 200
    change = reverse(f"{base}_change", args=[entry.pk])
    assert client.get(change).status_code == 200  # read-only view
    response = client.post(change, {"what": "Ændret", "purpose": "x"})
    assert response.status_code == 403
    assert (
        client.post(reverse(f"{base}_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    )
    assert client.get(reverse(f"{base}_add")).status_code == 403
    response = client.post(
        reverse(f"{base}_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    entry.refresh_from_db()
    assert entry.what == "Profil"
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_prune_deletes_only_rows_older_than_the_retention(entry, settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 200
    old = AccessLogEntry.objects.create(
        user=entry.user,
        organisation=entry.organisation,
        youth_id=entry.youth_id,
        what="Gammel",
        purpose="x",
        at=timezone.now() - timedelta(days=201),
    )
    kept = AccessLogEntry.objects.create(
        user=entry.user,
        organisation=entry.organisation,
        youth_id=entry.youth_id,
        what="Næsten gammel",
        purpose="x",
        at=timezone.now() - timedelta(days=199),
    )
    call_command("prune_access_log", "--days", "200", stdout=StringIO())
    assert not AccessLogEntry.objects.filter(pk=old.pk).exists()
    assert AccessLogEntry.objects.filter(pk__in=[kept.pk, entry.pk]).count() == 2


def test_prune_uses_the_configured_retention_by_default(entry):
    AccessLogEntry.objects.filter(pk=entry.pk).update(
        at=timezone.now() - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS - 1)
    )
    call_command("prune_access_log", stdout=StringIO())
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_prune_refuses_less_than_six_months(entry):
    with pytest.raises(CommandError):
        call_command("prune_access_log", "--days", "182")
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_settings_refuse_a_retention_below_six_months():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env |= {"DJANGO_DEBUG": "1", "ACCESS_LOG_RETENTION_DAYS": "100"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ACCESS_LOG_RETENTION_DAYS" in result.stderr


def test_the_admin_s_youth_pages_write_access_log_rows(admin_client_, youth, caseworker):
    """The admin shows support needs: the change page logs the youth opened, the list page
    each youth shown."""
    client = admin_client_
    assert client.get(reverse("admin:youth_youth_changelist")).status_code == 200
    assert AccessLogEntry.objects.filter(
        youth_id=youth.pk, kind=AccessLogEntry.Kind.LIST, user__username="root"
    ).exists()
    assert client.get(reverse("admin:youth_youth_change", args=[youth.pk])).status_code == 200
    assert AccessLogEntry.objects.filter(
        youth_id=youth.pk, kind=AccessLogEntry.Kind.RECORD, user__username="root"
    ).exists()
    assert all(row.purpose == PURPOSES[User.Role.ADMIN] for row in AccessLogEntry.objects.all())


def test_progress_entries_are_read_only_in_the_admin(admin_client_, placement, mentor_user):
    from tests.factories import LearningGoalFactory, ProgressEntryFactory

    entry = ProgressEntryFactory(
        goal=LearningGoalFactory(placement=placement), author=mentor_user, note="Set i dag"
    )
    base = "admin:goals_progressentry"
    change = reverse(f"{base}_change", args=[entry.pk])
    assert admin_client_.get(change).status_code == 200
    assert admin_client_.post(change, {"note": "Ændret", "level": 3}).status_code == 403
    assert admin_client_.get(reverse(f"{base}_add")).status_code == 403
    assert (
        admin_client_.post(reverse(f"{base}_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert ProgressEntry.objects.get(pk=entry.pk).note == "Set i dag"


def test_the_access_log_page_and_export_tell_a_list_from_an_opened_profile(world):
    clients = RoleClients(world)
    a = world.a
    caseworker = clients.client("caseworker")
    caseworker.get(reverse("youth:list"))
    caseworker.get(reverse("workspace:youth_detail", args=[a.youth.pk]))
    page = caseworker.get(reverse("privacy:youth_access_log", args=[a.youth.pk]))
    text = page.content.decode()
    assert "Liste over unge (vist i en liste)" in text
    assert "Profil: kontakt, plan, skånehensyn, praktikker, mål og beviser (åbnet)" in text
    export = insight_export_json(caseworker, a.youth)
    assert {entry["how"] for entry in export["access_log"]} >= {"Vist i en liste", "Åbnet"}
