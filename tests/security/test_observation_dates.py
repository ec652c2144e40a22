"""Observations are dated within the placement (issue 12, finding 5): once a placement has
ended, a mentor cannot log a level seen after its last day (the latest observation sets the
goal's current level)."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from goals.models import ProgressEntry
from placements.models import Placement
from tests.factories import LearningGoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(placement):
    placement.status = Placement.Status.COMPLETED
    placement.ends_on = timezone.localdate() - timedelta(days=5)
    placement.save()
    return placement


def _log(client, goal, day):
    return client.post(
        reverse("mentor:log", kwargs={"goal_pk": goal.pk}),
        {
            "level": 3,
            "observed_on": day.isoformat(),
            "note": "",
            "submission_key": str(uuid.uuid4()),
        },
    )


def test_a_mentor_cannot_date_an_observation_after_the_placement_ended(client, ended, mentor_user):
    goal = LearningGoalFactory(placement=ended)
    client.force_login(mentor_user)
    response = _log(client, goal, ended.ends_on + timedelta(days=1))
    assert response.status_code == 200
    page = response.content.decode()
    expected = f"Datoen kan ikke ligge efter praktikkens slutdato ({ended.ends_on:%d.%m.%Y})."
    assert expected in page
    assert not ProgressEntry.objects.filter(goal=goal).exists()


def test_the_last_day_of_the_placement_is_accepted(client, ended, mentor_user):
    goal = LearningGoalFactory(placement=ended)
    client.force_login(mentor_user)
    assert _log(client, goal, ended.ends_on).status_code == 302
    assert ProgressEntry.objects.get(goal=goal).observed_on == ended.ends_on


def test_a_running_placement_past_its_planned_end_can_still_be_logged(
    client, placement, mentor_user
):
    placement.ends_on = timezone.localdate() - timedelta(days=2)
    placement.save()
    goal = LearningGoalFactory(placement=placement)
    client.force_login(mentor_user)
    assert _log(client, goal, timezone.localdate()).status_code == 302


def test_the_mentor_s_form_is_dated_the_last_day_of_an_ended_placement(client, ended, mentor_user):
    LearningGoalFactory(placement=ended)
    client.force_login(mentor_user)
    page = client.get(reverse("mentor:placement", kwargs={"pk": ended.pk})).content.decode()
    assert f'value="{ended.ends_on.isoformat()}"' in page
    assert f'value="{timezone.localdate().isoformat()}"' not in page
