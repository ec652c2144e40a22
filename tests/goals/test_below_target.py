"""A goal assessed below its target level is shown, and the caseworker decides its points."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates.services.issuing import certificate_draft_save, certificate_issue
from goals.models import Area, Level
from tests.factories import LearningGoalFactory, assess

pytestmark = pytest.mark.django_db


@pytest.fixture
def aimed_high(placement):
    """A goal that aimed for Mestring, worth 2 points."""
    return LearningGoalFactory(
        placement=placement,
        title="Kan betjene kassen alene",
        area=Area.PROFESSIONAL,
        target_level=Level.MESTRING,
        points=Decimal("2.0"),
    )


def test_the_assessment_page_says_when_the_goal_is_below_its_target(client, caseworker, aimed_high):
    client.force_login(caseworker)
    url = reverse("goals:assess", args=[aimed_high.pk])
    assert "Under målniveauet." not in client.get(url).content.decode()

    assess(aimed_high, Level.KUNDSKAB, by=caseworker)
    page = client.get(url).content.decode()

    assert "Under målniveauet." in page
    assert "Målet er vurderet til Kundskab; målniveauet var Mestring." in page
    assert "Et bevis giver det 2 point, medmindre du ændrer pointene herunder." in page
    assert 'name="points" value="2,0"' in page


def test_the_caseworker_decides_the_points_when_assessing(client, caseworker, aimed_high):
    client.force_login(caseworker)
    today = timezone.localdate().strftime("%d.%m.%Y")

    response = client.post(
        reverse("goals:assess", args=[aimed_high.pk]),
        {"level": "2", "assessed_on": today, "points": "1,5"},
    )

    assert response.status_code == 302
    aimed_high.refresh_from_db()
    assert (aimed_high.assessed_level, aimed_high.points) == (Level.KUNDSKAB, Decimal("1.5"))


def test_keeping_the_points_is_also_a_decision(client, caseworker, aimed_high):
    client.force_login(caseworker)
    today = timezone.localdate().strftime("%d.%m.%Y")

    client.post(
        reverse("goals:assess", args=[aimed_high.pk]),
        {"level": "1", "assessed_on": today, "points": "2,0"},
    )

    aimed_high.refresh_from_db()
    assert (aimed_high.assessed_level, aimed_high.points) == (Level.KENDSKAB, Decimal("2.0"))


def test_points_must_be_a_number_of_zero_or_more(client, caseworker, aimed_high):
    client.force_login(caseworker)
    today = timezone.localdate().strftime("%d.%m.%Y")

    response = client.post(
        reverse("goals:assess", args=[aimed_high.pk]),
        {"level": "2", "assessed_on": today, "points": "-1"},
    )

    assert response.status_code == 200
    assert 'value="-1"' in response.content.decode()
    aimed_high.refresh_from_db()
    assert aimed_high.assessed_level is None and aimed_high.points == Decimal("2.0")


def test_the_certificate_draft_shows_the_goal_below_target_with_a_way_to_decide(
    client, caseworker, youth, aimed_high, assessed_goals
):
    assess(aimed_high, Level.KENDSKAB, by=caseworker)
    client.force_login(caseworker)

    choose = client.get(reverse("certificates:issue", args=[youth.pk])).content.decode()
    assert "Kan betjene kassen alene · Kendskab" in choose
    assert "under målniveauet Mestring, 2 point" in choose

    draft = certificate_draft_save(youth=youth, goals=[aimed_high, *assessed_goals], by=caseworker)
    page = client.get(reverse("certificates:detail", args=[draft.pk])).content.decode()

    assert page.count("Under målniveauet (") == 1
    assert "Under målniveauet (Mestring)" in page
    assert reverse("goals:assess", args=[aimed_high.pk]) in page


def test_the_points_decided_are_the_points_printed(client, caseworker, youth, aimed_high):
    client.force_login(caseworker)
    client.post(
        reverse("goals:assess", args=[aimed_high.pk]),
        {
            "level": "2",
            "assessed_on": timezone.localdate().strftime("%d.%m.%Y"),
            "points": "0,5",
        },
    )
    aimed_high.refresh_from_db()

    certificate = certificate_issue(
        certificate=certificate_draft_save(youth=youth, goals=[aimed_high], by=caseworker),
        issued_by=caseworker,
    )

    assert certificate.snapshot["total_points"] == "0.5"
