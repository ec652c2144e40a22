"""Hand-built data for the statistics: every figure in the tests is counted by hand."""

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates.models import Certificate
from placements.models import Placement
from reports.statistics import Period
from tests.factories import (
    CaseworkerFactory,
    CompanyFactory,
    FollowUpFactory,
    LearningGoalFactory,
    PlacementFactory,
    ProgressEntryFactory,
    YouthFactory,
)
from youth.models import Youth

YEAR_2025 = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
_numbers = itertools.count(1)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture
def make_youth(organisation, caseworker):
    def make(started: str, ended: str = "", outcome: str = "", education: str = "", org=None):
        status = Youth.Status.ACTIVE
        if ended:
            status = Youth.Status.STOPPED if outcome in ("", "other") else Youth.Status.COMPLETED
        org = org or organisation
        return YouthFactory(
            organisation=org,
            caseworker=caseworker if org == organisation else CaseworkerFactory(organisation=org),
            started_on=d(started),
            ended_on=d(ended) if ended else None,
            status=status,
            outcome=outcome,
            education=education,
        )

    return make


@pytest.fixture
def make_placement(organisation):
    def make(
        starts: str,
        ends: str = "",
        status: str = Placement.Status.ACTIVE,
        *,
        kind: str = Placement.Kind.INTERNSHIP,
        hours: str = "15",
        category: str = "",
        company=None,
        org=None,
    ):
        org = org or organisation
        return PlacementFactory(
            organisation=org,
            company=company or CompanyFactory(organisation=org),
            starts_on=d(starts),
            ends_on=d(ends) if ends else None,
            status=status,
            kind=kind,
            hours_per_week=Decimal(hours),
            interruption_category=category,
        )

    return make


@pytest.fixture
def make_goal():
    def make(placement, *, area="faglig", assessed: int | None = None, on: str = "", points="2"):
        return LearningGoalFactory(
            placement=placement,
            area=area,
            assessed_level=assessed,
            assessed_on=d(on) if on else None,
            points=Decimal(points),
        )

    return make


@pytest.fixture
def log_progress():
    def log(goal, observed: str, level: int, *, withdrawn: bool = False):
        return ProgressEntryFactory(
            goal=goal,
            observed_on=d(observed),
            level=level,
            withdrawn_at=timezone.now() if withdrawn else None,
        )

    return log


@pytest.fixture
def follow_up():
    def make(placement, held: str):
        return FollowUpFactory(placement=placement, held_on=d(held))

    return make


@pytest.fixture
def make_certificate(organisation, caseworker):
    def make(
        issued: str,
        *,
        total: str | None = "10",
        revoked: str = "",
        revoked_time: dt.time = dt.time(12),
        goals=(),
        org=None,
    ):
        org = org or organisation
        owner = caseworker if org == organisation else CaseworkerFactory(organisation=org)
        youth = YouthFactory(organisation=org, caseworker=owner)
        number = next(_numbers)
        issued_on = d(issued)
        certificate = Certificate.objects.create(
            organisation=org,
            youth=youth,
            status=Certificate.Status.REVOKED if revoked else Certificate.Status.ISSUED,
            number=f"{org.code}-{issued_on.year}-{number:04d}",
            year=issued_on.year,
            sequence=number,
            verification_code=f"CODE{number:08d}",
            issued_on=issued_on,
            issued_at=timezone.make_aware(dt.datetime.combine(issued_on, dt.time(10))),
            snapshot={} if total is None else {"total_points": total},
            pdf_sha256="0" * 64,
            revoked_at=(
                timezone.make_aware(dt.datetime.combine(d(revoked), revoked_time))
                if revoked
                else None
            ),
            revocation_reason="Forkert navn" if revoked else "",
        )
        certificate.goals.set(goals)
        return certificate

    return make
