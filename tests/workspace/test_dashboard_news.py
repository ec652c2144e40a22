""" "Nyt fra mentorerne" stays until the caseworker marks it seen (one goal or all) or opens
the goal; a page view or a language switch does not empty it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import LearningGoalFactory, ProgressEntryFactory
from tests.workspace.test_dashboard import URL, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(placement, mentor_user, caseworker):
    """Two goals with a mentor's entry each, and one with only the caseworker's own note."""
    shelves = LearningGoalFactory(placement=placement, title="Kan sætte varer på plads")
    time = LearningGoalFactory(placement=placement, title="Kan møde til tiden")
    quiet = LearningGoalFactory(placement=placement, title="Kan rydde op")
    ProgressEntryFactory(goal=shelves, author=mentor_user)
    ProgressEntryFactory(goal=time, author=mentor_user)
    ProgressEntryFactory(goal=quiet, author=caseworker)  # the caseworker's own note is not news
    return shelves, time


def news_on(client) -> str:
    return section(client.get(URL).content.decode(), "new-progress")


def test_news_stays_after_viewing_the_dashboard_and_switching_language(caseworker_client, news):
    first = news_on(caseworker_client)
    assert "Kan sætte varer på plads" in first
    assert "Kan møde til tiden" in first
    assert "1 ny registrering" in first
    assert "Kan rydde op" not in first
    caseworker_client.post(reverse("set_language"), {"language": "en", "next": URL})
    assert "Kan sætte varer på plads" in news_on(caseworker_client)
    caseworker_client.post(reverse("set_language"), {"language": "da", "next": URL})
    again = news_on(caseworker_client)
    assert "Kan sætte varer på plads" in again
    assert "Kan møde til tiden" in again


def test_marking_one_goal_seen_leaves_the_others(caseworker_client, news, mentor_user):
    shelves, time = news
    response = caseworker_client.post(reverse("goals:news_seen", args=[shelves.pk]))
    assert response.status_code == 302
    assert response.url == URL
    page = news_on(caseworker_client)
    assert "Kan sætte varer på plads" not in page
    assert "Kan møde til tiden" in page

    ProgressEntryFactory(goal=shelves, author=mentor_user)  # a new entry is news again
    assert "Kan sætte varer på plads" in news_on(caseworker_client)


def test_marking_all_seen_empties_the_news_until_the_next_entry(
    caseworker_client, news, mentor_user
):
    page = news_on(caseworker_client)
    assert "Markér alle som set" in page
    caseworker_client.post(reverse("goals:news_seen_all"))
    assert "Intet nyt siden du sidst kiggede." in news_on(caseworker_client)

    ProgressEntryFactory(goal=news[1], author=mentor_user)
    assert "Kan møde til tiden" in news_on(caseworker_client)


def test_opening_the_goal_marks_its_news_seen(caseworker_client, news):
    shelves, _time = news
    assert caseworker_client.get(reverse("goals:detail", args=[shelves.pk])).status_code == 200
    page = news_on(caseworker_client)
    assert "Kan sætte varer på plads" not in page
    assert "Kan møde til tiden" in page


def test_what_one_user_has_seen_is_still_news_for_a_colleague(client, news, caseworker, manager):
    client.force_login(manager)
    client.post(reverse("goals:news_seen", args=[news[0].pk]))
    client.force_login(caseworker)
    assert "Kan sætte varer på plads" in news_on(client)


def test_a_stranger_cannot_mark_a_goal_seen(client, news, stranger):
    client.force_login(stranger)
    assert client.post(reverse("goals:news_seen", args=[news[0].pk])).status_code == 404


def test_old_entries_from_before_the_window_are_not_news(caseworker_client, placement, mentor_user):
    goal = LearningGoalFactory(placement=placement, title="Kan tale med kunder")
    entry = ProgressEntryFactory(goal=goal, author=mentor_user)
    entry.__class__.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - dt.timedelta(days=30)
    )
    assert "Kan tale med kunder" not in news_on(caseworker_client)
