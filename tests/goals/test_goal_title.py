"""A learning goal says what the young person can do: its title starts with "Kan"."""

import pytest
from django.urls import reverse

from goals.models import GoalTemplate, LearningGoal

pytestmark = pytest.mark.django_db
MESSAGE = "Start målet med “Kan”, fx “Kan møde til tiden”."
GOAL = {"criteria": "Finder den rigtige hylde.", "area": "faglig", "points": "2"}


def field_block(page: str, name: str) -> str:
    start = page.index(f'id="div_id_{name}"')
    following = page.find('id="div_id_', start + 1)
    return page[start:following]


@pytest.mark.parametrize("title", ["Sætte varer på plads", "Kanin-pasning"])
def test_a_goal_not_starting_with_kan_is_refused(caseworker_client, placement, title):
    response = caseworker_client.post(
        reverse("goals:create"),
        GOAL | {"placement": placement.pk, "title": title, "target_level": "2"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert MESSAGE in field_block(page, "title")
    assert f'value="{title}"' in page
    assert not LearningGoal.objects.exists()


def test_a_goal_starting_with_kan_is_saved(caseworker_client, placement):
    response = caseworker_client.post(
        reverse("goals:create"),
        GOAL
        | {"placement": placement.pk, "title": "kan sætte varer på plads", "target_level": "2"},
    )
    assert response.status_code == 302
    assert LearningGoal.objects.get().title == "kan sætte varer på plads"


def test_a_catalogue_goal_not_starting_with_kan_is_refused(caseworker_client):
    response = caseworker_client.post(
        reverse("goals:template_create"),
        GOAL | {"title": "Betjene kassen", "level": "2", "industry": "retail"},
    )
    assert MESSAGE in field_block(response.content.decode(), "title")
    assert not GoalTemplate.objects.exists()
