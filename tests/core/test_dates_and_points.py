"""One way to write dates and points everywhere: "1. december 2026" in prose, "01.12.2026" in
tables and forms; points as "2,5", "1 point", "2 points" (English singular and plural)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from certificates.services.issuing import certificate_draft_save
from companies.services import mentor_signin_link_create
from goals.services.goals import learning_goal_assess
from tests.factories import LearningGoalFactory

DAY = dt.date(2026, 12, 1)


def render(source: str, **context) -> str:
    return Template(source).render(Context(context)).strip()


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [("da", "1. december 2026", "01.12.2026"), ("en", "1 December 2026", "01.12.2026")],
)
def test_the_date_filters_in_both_languages(language, long, short):
    with translation.override(language):
        assert render("{{ d|date_long }}", d=DAY) == long
        assert render("{{ d|date_short }}", d=DAY) == short
        # Django's own |date without a format follows the same formats module.
        assert render("{{ d|date }}", d=DAY) == long


def test_a_moment_is_shown_in_copenhagen_time():
    moment = dt.datetime(2026, 6, 30, 22, 30, tzinfo=dt.UTC)  # 00:30 the next day in summer
    with translation.override("da"):
        assert render("{{ t|datetime_short }}", t=moment) == "01.07.2026 00:30"
        assert render("{{ t|date_long }}", t=moment) == "1. juli 2026"


@pytest.mark.parametrize(
    ("language", "points", "number", "text"),
    [
        ("en", Decimal("1.0"), "1", "1 point"),
        ("en", Decimal("2.5"), "2.5", "2.5 points"),
        ("en", Decimal("2.0"), "2", "2 points"),
        ("da", Decimal("1.0"), "1", "1 point"),
        ("da", Decimal("2.5"), "2,5", "2,5 point"),
    ],
)
def test_points_are_written_one_way(language, points, number, text):
    with translation.override(language):
        assert render("{{ p|points_number }}", p=points) == number
        assert render("{{ p|points }}", p=points) == text


@pytest.mark.django_db
def test_the_certificate_draft_says_1_point_in_english(client, caseworker, placement, settings):
    goal = LearningGoalFactory(placement=placement, points=Decimal("1.0"))
    goal = learning_goal_assess(goal=goal, by=caseworker, level=2, assessed_on=timezone.localdate())
    draft = certificate_draft_save(youth=placement.youth, goals=[goal], by=caseworker)
    client.force_login(caseworker)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("certificates:detail", args=[draft.pk])).content.decode()
    assert "1 point<" in page
    assert "1 points" not in page


@pytest.mark.django_db
def test_pages_use_the_short_date_in_lists_and_the_long_one_in_sentences(
    client, caseworker, placement
):
    placement.starts_on = dt.date(2026, 2, 2)
    placement.save()
    mentor = placement.mentor
    mentor_signin_link_create(mentor=mentor, by=caseworker)
    valid_until = mentor.user.signin_links.get().expires_at
    client.force_login(caseworker)
    page = client.get(reverse("workspace:company_detail", args=[placement.company_id]))
    text = page.content.decode()
    assert "02.02.2026" in text  # the placement's period, in a list
    assert "2.2.2026" not in text
    with translation.override("da"):
        long = render("{{ t|date_long }}", t=valid_until)
    assert f"Login-link gælder til {long}" in text  # a sentence
