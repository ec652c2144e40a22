import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates.models import Certificate
from tests.factories import (
    CompanyFactory,
    FollowUpFactory,
    LearningGoalFactory,
    MentorFactory,
    PlacementFactory,
    ProgressEntryFactory,
    YouthFactory,
)


def issued_certificate(youth, goals, number: str) -> Certificate:
    """A certificate in status issued, without rendering a PDF."""
    certificate = Certificate.objects.create(
        organisation=youth.organisation,
        youth=youth,
        status=Certificate.Status.ISSUED,
        number=number,
        year=2026,
        sequence=int(number.rsplit("-", 1)[-1]),
        verification_code=f"CODE{number[-4:]}",
        issued_on=dt.date(2026, 6, 1),
        issued_at=timezone.now(),
        pdf_sha256="0" * 64,
    )
    certificate.goals.set(goals)
    return certificate


@pytest.fixture
def make_youth_with_history(organisation, caseworker, mentor_user):
    """A young person with a placement, goals in every area, entries, follow-ups, a certificate.

    Called repeatedly to grow the data for query-count tests.
    """
    companies = CompanyFactory.create_batch(3, organisation=organisation)
    counter = iter(range(1, 10_000))

    def make(placements: int = 1):
        youth = YouthFactory(organisation=organisation, caseworker=caseworker)
        today = timezone.localdate()
        for i in range(placements):
            company = companies[i % len(companies)]
            placement = PlacementFactory(
                organisation=organisation,
                youth=youth,
                company=company,
                mentor=MentorFactory(company=company, user=None),
                starts_on=today - dt.timedelta(days=40 + i),
                ends_on=today + dt.timedelta(days=5),
            )
            goals = [
                LearningGoalFactory(placement=placement, area=area, points=Decimal("1.5"))
                for area in ("faglig", "personlig", "social")
            ]
            for goal in goals:
                ProgressEntryFactory(goal=goal, author=mentor_user, level=2)
                ProgressEntryFactory(goal=goal, author=caseworker, level=1)
            goals[0].assessed_level = 2
            goals[0].assessed_on = today
            goals[0].save()
            FollowUpFactory(placement=placement, held_on=today - dt.timedelta(days=30))
            issued_certificate(youth, goals[1:2], f"HER-2026-{next(counter):04d}")
        return youth

    return make
