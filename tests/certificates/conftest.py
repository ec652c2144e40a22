"""Fixtures for the certificate tests: assessed goals, drafts and issued certificates."""

from decimal import Decimal

import pytest

from certificates.services.issuing import certificate_draft_save, certificate_issue
from goals.models import Area, Level
from tests.factories import (
    AwardingBodyFactory,
    CaseworkerFactory,
    ExternalAssurerFactory,
    LearningGoalFactory,
    assess,
)


@pytest.fixture
def draft(youth, assessed_goals, caseworker):
    return certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker)


@pytest.fixture
def issued(draft, caseworker):
    return certificate_issue(certificate=draft, issued_by=caseworker)


# Realistic goals: a title and one or two lines of criteria, as caseworkers write them.
GOALS = [
    ("Kan fylde varer på hylderne efter en plan", Area.PROFESSIONAL, Level.KUNDSKAB),
    ("Kan tjekke varer mod følgesedlen", Area.PROFESSIONAL, Level.KENDSKAB),
    ("Kan rengøre køkkenet efter en fast plan", Area.PROFESSIONAL, Level.KUNDSKAB),
    ("Kan betjene opvaskemaskinen sikkert", Area.PROFESSIONAL, Level.MESTRING),
    ("Kan møde til tiden og melde afbud", Area.PERSONAL, Level.MESTRING),
    ("Kan bede om hjælp, når noget er svært", Area.PERSONAL, Level.KUNDSKAB),
    ("Kan holde pauser og arbejde i en hel vagt", Area.PERSONAL, Level.KUNDSKAB),
    ("Kan hjælpe en kunde med at finde en vare", Area.SOCIAL, Level.KUNDSKAB),
    ("Kan samarbejde med kolleger om en opgave", Area.SOCIAL, Level.KENDSKAB),
    ("Kan tage imod en besked og give den videre", Area.SOCIAL, Level.KUNDSKAB),
]
CRITERIA = (
    "Gør opgaven efter den aftalte plan og siger til, når noget mangler eller er uklart, "
    "så en kollega kan hjælpe."
)


def issue_with_goals(youth, placement, caseworker, count: int, *, extra=(), second=None):
    """Issue `count` goals; with a `second` placement, every other goal is learned there."""
    goals = [
        LearningGoalFactory(
            placement=second if second and index % 2 else placement,
            # Past ten, the same kinds of goal again as distinct goals ("…, del 2").
            title=title if index < len(GOALS) else f"{title}, del 2",
            criteria=CRITERIA,
            area=area,
            target_level=level,
            points=Decimal("1.5"),
        )
        for index, (title, area, level) in enumerate((GOALS * 2)[:count])
    ]
    goals = [assess(goal, goal.target_level, by=caseworker) for goal in [*goals, *extra]]
    draft = certificate_draft_save(youth=youth, goals=goals, by=caseworker)
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
