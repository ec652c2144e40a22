"""Learning goals on a placement: add from the catalogue or fresh, edit, assess, timeline."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry
from goals.models import LearningGoal, ProgressEntry
from goals.selectors import goals_for_placement
from tests.factories import GoalTemplateFactory, LearningGoalFactory, ProgressEntryFactory

GOAL = {
    "title": "Kan sætte varer på plads",
    "criteria": "Finder den rigtige hylde.",
    "area": "faglig",
    "target_level": "2",
    "points": "2,5",
}


@pytest.fixture
def goal(placement):
    return LearningGoalFactory(placement=placement, title="Kan fylde varer op")


def test_create_page_searches_the_active_catalogue(client, caseworker, placement, organisation):
    GoalTemplateFactory(organisation=organisation, title="Kan betjene kassen")
    GoalTemplateFactory(organisation=organisation, title="Kan gøre rent", is_active=False)
    client.force_login(caseworker)
    url = reverse("goals:create")
    page = client.get(url, {"placement": placement.pk}).content.decode()
    assert "Kan betjene kassen" in page and "Kan gøre rent" not in page
    found = client.get(
        url,
        {"placement": placement.pk, "q": "kassen"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="template-results",
    )
    assert found.content.decode().startswith('<div id="template-results"')
    assert "Kan betjene kassen" in found.content.decode()
    none = client.get(url, {"placement": placement.pk, "q": "heste"}).content.decode()
    assert "Ingen mål i kataloget passer til søgningen." in none


def test_choosing_a_template_copies_it_into_the_form(client, caseworker, placement, organisation):
    template = GoalTemplateFactory(
        organisation=organisation, title="Kan betjene kassen", points=Decimal("1.5")
    )
    client.force_login(caseworker)
    page = client.get(
        reverse("goals:create"), {"placement": placement.pk, "template": template.pk}
    ).content.decode()
    assert 'value="Kan betjene kassen"' in page
    response = client.post(
        reverse("goals:create"),
        GOAL
        | {"placement": placement.pk, "template": template.pk, "title": "Kan betjene kassen selv"},
    )
    goal = LearningGoal.objects.get()
    assert response["Location"] == reverse("goals:detail", args=[goal.pk])
    assert goal.template == template and goal.title == "Kan betjene kassen selv"
    assert goal.points == Decimal("2.5") and goal.placement == placement


def test_caseworker_writes_a_goal_from_scratch(client, caseworker, placement):
    client.force_login(caseworker)
    client.post(reverse("goals:create"), GOAL | {"placement": placement.pk})
    assert LearningGoal.objects.get().title == "Kan sætte varer på plads"


def test_refused_goal_keeps_the_text(client, caseworker, placement):
    client.force_login(caseworker)
    response = client.post(
        reverse("goals:create"), GOAL | {"placement": placement.pk, "target_level": "5"}
    )
    assert response.status_code == 200
    assert 'value="Kan sætte varer på plads"' in response.content.decode()
    assert not LearningGoal.objects.exists()


def test_placement_of_another_organisation_is_404_and_manager_is_403(
    client, stranger, manager, placement
):
    client.force_login(stranger)
    assert client.get(reverse("goals:create"), {"placement": placement.pk}).status_code == 404
    client.force_login(manager)
    assert client.get(reverse("goals:create"), {"placement": placement.pk}).status_code == 403


def test_edit_goal(client, caseworker, goal):
    client.force_login(caseworker)
    client.post(reverse("goals:edit", args=[goal.pk]), GOAL)
    goal.refresh_from_db()
    assert goal.title == "Kan sætte varer på plads"


def test_assess_shows_the_mentors_log_and_saves(client, caseworker, goal, mentor_user):
    ProgressEntryFactory(goal=goal, author=mentor_user, note="Klarede det selv")
    client.force_login(caseworker)
    url = reverse("goals:assess", args=[goal.pk])
    assert "Klarede det selv" in client.get(url).content.decode()
    today = timezone.localdate()
    client.post(url, {"level": "3", "assessed_on": today.strftime("%d.%m.%Y"), "points": "2"})
    goal.refresh_from_db()
    assert (goal.assessed_level, goal.assessed_on, goal.assessed_by) == (3, today, caseworker)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"level": "2", "assessed_on": "2026-01-01", "points": "2"}, "før praktikken startede"),
        ({"level": "2", "assessed_on": "2099-01-01", "points": "2"}, "i fremtiden"),
        ({"level": "4", "assessed_on": "2026-03-01", "points": "2"}, "Vælg et af de tre niveauer."),
    ],
)
def test_assess_refuses_bad_input(client, caseworker, goal, data, message):
    client.force_login(caseworker)
    response = client.post(reverse("goals:assess", args=[goal.pk]), data)
    assert message in response.content.decode()
    goal.refresh_from_db()
    assert goal.assessed_level is None


def test_detail_shows_the_timeline_and_caseworker_adds_an_entry(
    client, caseworker, goal, mentor_user
):
    ProgressEntryFactory(goal=goal, author=mentor_user, level=1, note="Første dag")
    ProgressEntryFactory(
        goal=goal, author=mentor_user, level=2, note="Fortrudt", withdrawn_at=timezone.now()
    )
    client.force_login(caseworker)
    url = reverse("goals:detail", args=[goal.pk])
    page = client.get(url).content.decode()
    assert "Første dag" in page and "Fortrudt" in page and "Trukket tilbage" in page
    assert mentor_user.get_full_name() in page
    response = client.post(
        url,
        {
            "level": "2",
            "note": "Set ved besøg",
            "observed_on": timezone.localdate().isoformat(),
            "submission_key": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    assert ProgressEntry.objects.filter(author=caseworker, note="Set ved besøg").exists()
    assert AccessLogEntry.objects.filter(user=caseworker, youth_id=goal.placement.youth_id).exists()


def test_caseworker_entry_refused_in_the_future(client, caseworker, goal):
    client.force_login(caseworker)
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = client.post(
        reverse("goals:detail", args=[goal.pk]),
        {"level": "2", "note": "x", "observed_on": future, "submission_key": str(uuid.uuid4())},
    )
    assert "Datoen kan ikke ligge i fremtiden." in response.content.decode()
    assert not ProgressEntry.objects.exists()


def test_manager_reads_the_timeline_but_cannot_add(client, manager, goal):
    client.force_login(manager)
    url = reverse("goals:detail", args=[goal.pk])
    assert client.get(url).status_code == 200
    data = {
        "level": "2",
        "observed_on": timezone.localdate().isoformat(),
        "submission_key": str(uuid.uuid4()),
    }
    assert client.post(url, data).status_code == 403


def test_caseworker_withdraws_own_entry(client, caseworker, goal):
    entry = ProgressEntryFactory(goal=goal, author=caseworker)
    client.force_login(caseworker)
    client.post(reverse("goals:entry_withdraw", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.withdrawn_at is not None


def test_other_organisation_cannot_see_the_goal(client, stranger, goal):
    client.force_login(stranger)
    assert client.get(reverse("goals:detail", args=[goal.pk])).status_code == 404


def _render_partial(placement, user, rf):
    request = rf.get("/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string(
            "goals/partials/placement_goals.html",
            {"placement": placement, "goals": goals_for_placement(user, placement), "user": user},
            request=request,
        )
    return html, len(queries)


def test_placement_partial_groups_by_area_without_n_plus_1(rf, caseworker, placement, mentor_user):
    first = LearningGoalFactory(placement=placement, title="Kan fylde op", area="faglig")
    ProgressEntryFactory(goal=first, author=mentor_user, level=3)
    html, small = _render_partial(placement, caseworker, rf)
    assert "Faglig" in html and "Kan fylde op" in html and "Tilføj mål" in html
    for area in ("personlig", "social", "faglig"):
        for _ in range(4):
            goal = LearningGoalFactory(placement=placement, area=area)
            ProgressEntryFactory.create_batch(3, goal=goal, author=mentor_user)
    html, large = _render_partial(placement, caseworker, rf)
    assert "Personlig" in html and "Social" in html
    assert large == small
