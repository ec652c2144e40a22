"""Building cohorts for the tests: youth with assessed goals, approved by their guide."""

import datetime as dt

from certificates.models import Cohort, CohortMember
from certificates.services.cohorts import (
    cohort_create,
    cohort_member_add,
    cohort_member_guide_approve,
    cohort_member_review,
    cohort_submit,
)
from companies.models import Company
from tests.factories import CompanyFactory, LearningGoalFactory, PlacementFactory, YouthFactory


def youth_with_goals(organisation, assessor, *, goals: int = 2):
    youth = YouthFactory(organisation=organisation, caseworker=assessor)
    # One company for all of them: the factories have only a few valid CVR numbers.
    company = Company.objects.filter(organisation=organisation).first()
    company = company or CompanyFactory(organisation=organisation)
    placement = PlacementFactory(organisation=organisation, youth=youth, company=company)
    made = [LearningGoalFactory(placement=placement) for _ in range(goals)]
    for goal in made:
        goal.assessed_level = goal.target_level
        goal.assessed_on = dt.date(2026, 5, 29)
        goal.assessed_by = assessor
        goal.save()
    return youth, made


def cohort_with(organisation, awarding_body, assessors, *, name="Forår 2026") -> Cohort:
    """One youth per assessor in `assessors` (repeat an assessor for more youth), each
    approved by their guide (who assessed them)."""
    cohort = cohort_create(name=name, awarding_body=awarding_body, by=assessors[0])
    for assessor in assessors:
        youth, goals = youth_with_goals(organisation, assessor)
        member = cohort_member_add(cohort=cohort, youth=youth, by=assessor)
        cohort_member_guide_approve(member=member, goals=goals, by=assessor)
    return cohort


def approve_all(member: CohortMember, by) -> CohortMember:
    goals = member.certificate.goals.all()
    return cohort_member_review(
        member=member, decisions={g.pk: ("approved", "") for g in goals}, by=by
    )


def submitted_and_internally_approved(cohort: Cohort, assurer, *, seed: int = 7) -> Cohort:
    cohort = cohort_submit(cohort=cohort, by=cohort.created_by, seed=seed)
    for member in cohort.members.filter(internal_sampled=True):
        approve_all(member, assurer)
    cohort.refresh_from_db()
    return cohort
