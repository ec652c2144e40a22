"""The mentor's pages: what they see, what they never see, logging in a few taps."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry
from goals.models import ProgressEntry
from placements.models import Placement
from tests.factories import (
    FollowUpFactory,
    LearningGoalFactory,
    MentorFactory,
    MentorUserFactory,
    PlacementFactory,
    ProgressEntryFactory,
    YouthFactory,
)


@pytest.fixture
def goal(placement):
    placement.youth.first_name, placement.youth.last_name = "Mikkel", "Støvlebjerg"
    placement.youth.support_needs = "Ordblind og har angst i store grupper."
    placement.youth.save()
    return LearningGoalFactory(placement=placement, title="Kan fylde varer op på hylderne")


@pytest.fixture
def mentor_client(client, mentor_user):
    client.force_login(mentor_user)
    return client


def log_data(**overrides):
    return {
        "level": "2",
        "note": "Fyldte mælk op helt selv.",
        "observed_on": timezone.localdate().isoformat(),
        "submission_key": str(uuid.uuid4()),
    } | overrides


def test_home_lists_own_placements_with_first_name_only(mentor_client, goal, placement):
    response = mentor_client.get(reverse("mentor:home"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mine praktikanter" in page
    assert "Mikkel" in page and "Støvlebjerg" not in page
    assert placement.company.name in page
    assert "Kan fylde varer op på hylderne" in page


def test_mentor_never_sees_support_needs_follow_ups_or_other_youth(
    mentor_client, goal, placement, organisation
):
    FollowUpFactory(placement=placement, note="Hemmelig opfølgning om familien.")
    other = PlacementFactory(
        organisation=organisation,
        youth=YouthFactory(organisation=organisation, first_name="Asta", last_name="Ravn"),
    )
    for url in (reverse("mentor:home"), reverse("mentor:placement", args=[placement.pk])):
        page = mentor_client.get(url).content.decode()
        assert "Ordblind" not in page
        assert "Hemmelig opfølgning" not in page
        assert "Asta" not in page
    assert mentor_client.get(reverse("mentor:placement", args=[other.pk])).status_code == 404


def test_placement_page_shows_agreements_goals_and_own_entries(
    mentor_client, goal, placement, mentor_user, caseworker
):
    ProgressEntryFactory(goal=goal, author=mentor_user, level=1, note="Min egen note")
    ProgressEntryFactory(goal=goal, author=caseworker, level=2, note="Sagsbehandlerens note")
    response = mentor_client.get(reverse("mentor:placement", args=[placement.pk]))
    page = response.content.decode()
    assert "Korte pauser hver time" in page  # agreed accommodations
    assert "Møder kl. 9" in page  # expectations
    assert "Min egen note" in page
    assert "Sagsbehandlerens note" not in page
    assert "Kendskab" in page and "Kundskab" in page and "Mestring" in page
    assert AccessLogEntry.objects.filter(user=mentor_user, youth_id=placement.youth_id).exists()


def test_other_roles_cannot_open_mentor_pages(client, caseworker):
    client.force_login(caseworker)
    assert client.get(reverse("mentor:home")).status_code == 403


def test_log_without_javascript_saves_and_redirects_back(mentor_client, goal, placement):
    response = mentor_client.post(reverse("mentor:log", args=[goal.pk]), log_data())
    assert response.status_code == 302
    assert response["Location"].endswith(f"/mentor/praktik/{placement.pk}/#goal-{goal.pk}")
    entry = ProgressEntry.objects.get()
    assert (entry.level, entry.note) == (2, "Fyldte mælk op helt selv.")
    page = mentor_client.get(response["Location"]).content.decode()
    assert "Gemt. Tak!" in page and "Fyldte mælk op helt selv." in page


def test_log_with_htmx_returns_the_goal_card(mentor_client, goal):
    response = mentor_client.post(
        reverse("mentor:log", args=[goal.pk]), log_data(level="3"), HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<article class="card goal-card')
    assert "Gemt. Tak!" in page and "Fyldte mælk op helt selv." in page
    assert "<html" not in page


def test_date_defaults_to_today(mentor_client, goal):
    data = log_data()
    del data["observed_on"]
    mentor_client.post(reverse("mentor:log", args=[goal.pk]), data)
    # The form renders today's date; a POST without it is refused, not guessed.
    assert not ProgressEntry.objects.exists()
    page = mentor_client.get(reverse("mentor:placement", args=[goal.placement_id])).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"observed_on": "tomorrow"},  # the Copenhagen tomorrow when the test runs
            "Datoen kan ikke ligge i fremtiden.",
        ),
        ({"observed_on": "2026-01-15"}, "Datoen kan ikke ligge før praktikken startede"),
        ({"level": "4"}, "Vælg et af de tre niveauer."),
        ({"level": ""}, "Vælg et af de tre niveauer."),
    ],
)
def test_bad_input_shows_a_danish_message_and_saves_nothing(
    mentor_client, goal, overrides, message
):
    if overrides.get("observed_on") == "tomorrow":
        overrides = {"observed_on": (timezone.localdate() + timedelta(days=1)).isoformat()}
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = mentor_client.post(
            reverse("mentor:log", args=[goal.pk]), log_data(**overrides), **headers
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert message in page
        assert "Fyldte mælk op helt selv." in page  # what the mentor typed is kept
    assert not ProgressEntry.objects.exists()


def test_a_goal_on_another_placement_is_not_found(mentor_client, organisation):
    foreign = LearningGoalFactory(placement=PlacementFactory(organisation=organisation))
    response = mentor_client.post(reverse("mentor:log", args=[foreign.pk]), log_data())
    assert response.status_code == 404
    assert not ProgressEntry.objects.exists()


def test_double_tapped_submit_creates_one_entry(mentor_client, goal):
    data = log_data()
    mentor_client.post(reverse("mentor:log", args=[goal.pk]), data)
    mentor_client.post(reverse("mentor:log", args=[goal.pk]), data, HTTP_HX_REQUEST="true")
    assert ProgressEntry.objects.count() == 1


def test_after_the_grace_period_the_page_is_read_only(mentor_client, goal, placement, mentor_user):
    ProgressEntryFactory(goal=goal, author=mentor_user, note="Fra sidste uge")
    placement.status = Placement.Status.COMPLETED
    placement.ends_on = timezone.localdate() - timedelta(days=31)
    placement.save()
    home = mentor_client.get(reverse("mentor:home")).content.decode()
    # Gone from the home page after the grace period; the page itself can still be read.
    assert reverse("mentor:placement", args=[placement.pk]) not in home
    page = mentor_client.get(reverse("mentor:placement", args=[placement.pk])).content.decode()
    assert "Fra sidste uge" in page
    assert "Tryk på et niveau" not in page
    response = mentor_client.post(reverse("mentor:log", args=[goal.pk]), log_data())
    assert "sluttede for mere end 30 dage siden" in response.content.decode()
    assert ProgressEntry.objects.count() == 1


def test_within_the_grace_period_the_mentor_still_logs(mentor_client, goal, placement):
    placement.status = Placement.Status.COMPLETED
    placement.ends_on = timezone.localdate() - timedelta(days=29)
    placement.save()
    observed_on = placement.ends_on.isoformat()  # observations are dated within the placement
    mentor_client.post(reverse("mentor:log", args=[goal.pk]), log_data(observed_on=observed_on))
    assert ProgressEntry.objects.count() == 1


def test_mentor_withdraws_own_entry_within_24_hours(mentor_client, goal, mentor_user):
    entry = ProgressEntryFactory(goal=goal, author=mentor_user, note="Forkert dag")
    page = mentor_client.get(reverse("mentor:placement", args=[goal.placement_id])).content.decode()
    assert reverse("mentor:withdraw", args=[entry.pk]) in page
    response = mentor_client.post(reverse("mentor:withdraw", args=[entry.pk]), follow=True)
    entry.refresh_from_db()
    assert entry.withdrawn_at is not None
    assert "Trukket tilbage" in response.content.decode()


def test_withdrawal_after_24_hours_is_refused(mentor_client, goal, mentor_user):
    entry = ProgressEntryFactory(goal=goal, author=mentor_user)
    ProgressEntry.objects.filter(pk=entry.pk).update(created_at=timezone.now() - timedelta(days=2))
    page = mentor_client.get(reverse("mentor:placement", args=[goal.placement_id])).content.decode()
    assert reverse("mentor:withdraw", args=[entry.pk]) not in page
    response = mentor_client.post(reverse("mentor:withdraw", args=[entry.pk]), follow=True)
    assert "inden for 24 timer" in response.content.decode()
    entry.refresh_from_db()
    assert entry.withdrawn_at is None


def test_mentor_cannot_withdraw_the_caseworkers_entry(mentor_client, goal, caseworker):
    entry = ProgressEntryFactory(goal=goal, author=caseworker)
    assert mentor_client.post(reverse("mentor:withdraw", args=[entry.pk])).status_code == 404


def test_another_mentor_at_the_same_company_sees_nothing(client, goal, placement, organisation):
    colleague_mentor = MentorFactory(company=placement.company)
    user = MentorUserFactory(organisation=organisation, mentor=colleague_mentor)
    client.force_login(user)
    assert "Mikkel" not in client.get(reverse("mentor:home")).content.decode()
    assert client.get(reverse("mentor:placement", args=[placement.pk])).status_code == 404
