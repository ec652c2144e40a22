"""Every goal of a placement assessed on one page, saved together in one service call."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry
from goals.models import Level
from goals.services.goals import GoalError, placement_goals_assess
from tests.factories import LearningGoalFactory, PlacementFactory, ProgressEntryFactory


@pytest.fixture
def goals(placement, mentor_user):
    first = LearningGoalFactory(placement=placement, title="Kan fylde op", target_level=2)
    second = LearningGoalFactory(placement=placement, title="Kan møde til tiden", target_level=3)
    ProgressEntryFactory(
        goal=first, level=Level.KUNDSKAB, author=mentor_user, note="Fyldte mælk op alene."
    )
    ProgressEntryFactory(
        goal=second, level=Level.KENDSKAB, author=mentor_user, note="Kom for sent."
    )
    return first, second


def test_service_saves_every_level_together(placement, goals, caseworker):
    first, second = goals
    today = timezone.localdate()
    placement_goals_assess(
        placement=placement,
        levels={first.pk: Level.KUNDSKAB, second.pk: Level.KENDSKAB},
        assessed_on=today,
        by=caseworker,
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.assessed_level, first.assessed_by, first.assessed_on) == (2, caseworker, today)
    assert second.assessed_level == Level.KENDSKAB


def test_service_saves_nothing_when_one_goal_is_someone_elses(
    placement, goals, caseworker, other_organisation
):
    foreign = LearningGoalFactory(placement=PlacementFactory(organisation=other_organisation))
    with pytest.raises(GoalError):
        placement_goals_assess(
            placement=placement,
            levels={goals[0].pk: 2, foreign.pk: 2},
            assessed_on=timezone.localdate(),
            by=caseworker,
        )
    assert not goals[0].__class__.objects.filter(assessed_level__isnull=False).exists()


def test_page_shows_the_mentors_entries_and_marks_goals_below_target(
    caseworker_client, placement, goals
):
    response = caseworker_client.get(reverse("goals:assess_placement", args=[placement.pk]))
    page = response.content.decode()
    assert "Fyldte mælk op alene." in page and "Kom for sent." in page
    assert page.count("Under målniveau") == 1, "only the goal logged below its target"
    assert AccessLogEntry.objects.filter(youth_id=placement.youth_id).exists()


def test_one_submit_assesses_the_chosen_goals_and_leaves_the_rest(
    caseworker_client, placement, goals
):
    first, second = goals
    response = caseworker_client.post(
        reverse("goals:assess_placement", args=[placement.pk]),
        {
            "assessed_on": timezone.localdate().isoformat(),
            f"level_{first.pk}": "2",
            f"level_{second.pk}": "",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.assessed_level == 2 and second.assessed_level is None


def test_a_future_date_is_refused_next_to_the_field_and_nothing_is_saved(
    caseworker_client, placement, goals
):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = caseworker_client.post(
        reverse("goals:assess_placement", args=[placement.pk]),
        {"assessed_on": tomorrow.isoformat(), f"level_{goals[0].pk}": "2"},
    )
    assert response.status_code == 200
    assert "Datoen kan ikke ligge i fremtiden." in response.content.decode()
    goals[0].refresh_from_db()
    assert goals[0].assessed_level is None


def test_strangers_get_404_and_managers_403(client, stranger, manager, placement):
    url = reverse("goals:assess_placement", args=[placement.pk])
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(manager)
    assert client.get(url).status_code == 403
