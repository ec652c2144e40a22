"""Fixtures for the certificate tests: assessed goals, drafts and issued certificates."""

import datetime as dt
from decimal import Decimal

import pytest

from certificates.models import Area, Level
from certificates.services.issuing import certificate_draft_save, certificate_issue
from placements.models import Placement
from tests.factories import (
    AwardingBodyFactory,
    CaseworkerFactory,
    ExternalAssurerFactory,
    LearningGoalFactory,
)


def assess(goal, level: int, *, by=None):
    goal.assessed_level = level
    goal.assessed_on = dt.date(2026, 5, 29)
    goal.assessed_by = by
    goal.save()
    return goal


@pytest.fixture
def assessed_goals(placement, caseworker):
    """Three assessed goals, one per area and level, on a completed placement."""
    placement.status = Placement.Status.COMPLETED
    placement.save(update_fields=["status"])
    goals = [
        LearningGoalFactory(
            placement=placement, title=title, area=area, target_level=level, points=points
        )
        for title, area, level, points in [
            ("Kan fylde varer på hylderne", Area.PROFESSIONAL, Level.KUNDSKAB, Decimal("2.0")),
            ("Kan møde til tiden", Area.PERSONAL, Level.MESTRING, Decimal("1.5")),
            ("Kan hjælpe en kunde", Area.SOCIAL, Level.KENDSKAB, Decimal("1.0")),
        ]
    ]
    return [assess(goal, goal.target_level, by=caseworker) for goal in goals]


@pytest.fixture
def draft(youth, assessed_goals, caseworker):
    return certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker)


@pytest.fixture
def issued(draft, caseworker):
    return certificate_issue(certificate=draft, issued_by=caseworker)


@pytest.fixture
def awarding_body(db):
    return AwardingBodyFactory()


@pytest.fixture
def external_assurer(awarding_body):
    return ExternalAssurerFactory(organisation=awarding_body, username="ocn-test")


@pytest.fixture
def internal_assurer(organisation):
    return CaseworkerFactory(organisation=organisation, is_quality_assurer=True)
