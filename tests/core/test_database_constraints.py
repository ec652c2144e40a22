"""The database itself refuses impossible data, whatever code path writes it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from certificates.models import Certificate
from companies.models import cvr_is_valid
from tests.factories import (
    CompanyFactory,
    GoalTemplateFactory,
    LearningGoalFactory,
    PlacementFactory,
    ProgressEntryFactory,
    YouthFactory,
)

pytestmark = pytest.mark.django_db


def refused(factory, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**fields)


@pytest.mark.parametrize(
    ("cvr", "valid"),
    [
        ("29189609", True),
        ("10150817", True),
        ("29189608", False),  # wrong check digit
        ("2918960", False),  # seven digits
        ("2918960A", False),
        ("09189609", False),  # CVR numbers never start with 0
        ("", False),
    ],
)
def test_cvr_rule(cvr, valid):
    assert cvr_is_valid(cvr) is valid


@pytest.mark.parametrize("cvr", ["29189608", "2918960", "2918960A"])
def test_database_refuses_invalid_cvr(organisation, cvr):
    refused(CompanyFactory, organisation=organisation, cvr=cvr)


def test_database_refuses_duplicate_cvr_in_one_organisation(organisation, other_organisation):
    CompanyFactory(organisation=organisation, cvr="29189609")
    CompanyFactory(organisation=other_organisation, cvr="29189609")  # another network: fine
    refused(CompanyFactory, organisation=organisation, cvr="29189609")


def test_placement_cannot_end_before_it_starts(organisation):
    refused(
        PlacementFactory,
        organisation=organisation,
        starts_on=dt.date(2026, 5, 1),
        ends_on=dt.date(2026, 4, 30),
    )


def test_youth_course_cannot_end_before_it_starts(organisation):
    refused(
        YouthFactory,
        organisation=organisation,
        status="completed",
        outcome="ordinary_job",
        started_on=dt.date(2026, 5, 1),
        ended_on=dt.date(2026, 4, 1),
    )


def test_active_youth_has_no_outcome(organisation):
    refused(YouthFactory, organisation=organisation, outcome="flex_job")


def test_kind_of_education_only_with_education_outcome(organisation):
    refused(
        YouthFactory,
        organisation=organisation,
        status="completed",
        ended_on=dt.date(2026, 6, 1),
        outcome="flex_job",
        education="eud",
    )


@pytest.mark.parametrize("level", [0, 4])
def test_levels_are_one_to_three(organisation, level):
    refused(GoalTemplateFactory, organisation=organisation, level=level)
    refused(LearningGoalFactory, placement__organisation=organisation, target_level=level)
    goal = LearningGoalFactory(placement__organisation=organisation)
    refused(ProgressEntryFactory, goal=goal, level=level)


def test_points_are_not_negative(organisation):
    refused(GoalTemplateFactory, organisation=organisation, points=Decimal("-1"))
    refused(LearningGoalFactory, placement__organisation=organisation, points=Decimal("-0.5"))


def test_assessment_needs_level_and_date(organisation):
    refused(LearningGoalFactory, placement__organisation=organisation, assessed_level=2)


def test_interruption_needs_a_category(organisation):
    refused(PlacementFactory, organisation=organisation, status="interrupted")
    refused(
        PlacementFactory,
        organisation=organisation,
        status="interrupted",
        interruption_reason="Flyttet til Aarhus.",
    )
    PlacementFactory(organisation=organisation, status="interrupted", interruption_category="moved")


@pytest.mark.parametrize("status", ["planned", "active", "completed"])
def test_only_an_interrupted_placement_has_a_category(organisation, status):
    refused(
        PlacementFactory, organisation=organisation, status=status, interruption_category="moved"
    )


def test_issued_certificate_needs_number_code_and_hash(youth):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(organisation=youth.organisation, youth=youth, status="issued")


def test_certificate_numbers_and_codes_are_unique(youth):
    def issued(number, code):
        return Certificate.objects.create(
            organisation=youth.organisation,
            youth=youth,
            status="issued",
            number=number,
            verification_code=code,
            issued_at=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
            pdf_sha256="0" * 64,
        )

    issued("HER-2026-0001", "A" * 20)
    with pytest.raises(IntegrityError), transaction.atomic():
        issued("HER-2026-0001", "B" * 20)
    with pytest.raises(IntegrityError), transaction.atomic():
        issued("HER-2026-0002", "A" * 20)
