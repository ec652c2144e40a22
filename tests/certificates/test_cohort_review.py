"""The three steps: nobody reviews their own assessment; returned → corrected →
re-reviewed; the awarding body decides; only approved cohorts issue."""

import pytest

from certificates.models import Cohort, CohortMember, GoalReview
from certificates.services.cohorts import (
    CohortError,
    cohort_external_decide,
    cohort_issue,
    cohort_member_add,
    cohort_member_guide_approve,
    cohort_member_review,
    cohort_submit,
)
from certificates.services.issuing import CertificateError, certificate_draft_discard
from goals.models import LearningGoal
from tests.certificates.cohorts import (
    approve_all,
    cohort_with,
    submitted_and_internally_approved,
    youth_with_goals,
)
from tests.factories import ExternalAssurerFactory, ManagerFactory

pytestmark = pytest.mark.django_db


def test_an_assurer_cannot_review_a_youth_they_assessed(organisation, awarding_body):
    assurer = ManagerFactory(organisation=organisation, is_quality_assurer=True)
    cohort = cohort_with(organisation, awarding_body, [assurer])
    cohort = cohort_submit(cohort=cohort, by=assurer)
    member = cohort.members.get()
    with pytest.raises(CohortError, match="du bedømte"):
        approve_all(member, assurer)
    assert not GoalReview.objects.exists()


def test_a_user_without_the_permission_cannot_review(
    organisation, awarding_body, caseworker, colleague
):
    cohort = cohort_submit(
        cohort=cohort_with(organisation, awarding_body, [caseworker]), by=caseworker
    )
    with pytest.raises(CohortError):
        approve_all(cohort.members.get(), colleague)


def test_returned_youth_is_corrected_and_reviewed_again(
    organisation, awarding_body, caseworker, internal_assurer
):
    cohort = cohort_submit(
        cohort=cohort_with(organisation, awarding_body, [caseworker]), by=caseworker
    )
    member = cohort.members.get()
    first, second = member.certificate.goals.order_by("pk")
    cohort_member_review(
        member=member,
        decisions={first.pk: ("approved", ""), second.pk: ("returned", "Mangler dokumentation")},
        by=internal_assurer,
    )
    member.refresh_from_db()
    assert member.internal_review == CohortMember.Review.RETURNED
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.INTERNAL
    # A returned youth cannot be approved before the guide has corrected them.
    with pytest.raises(CohortError, match="venter ikke"):
        approve_all(member, internal_assurer)

    cohort_member_guide_approve(member=member, goals=[first, second], by=caseworker)
    member.refresh_from_db()
    assert (member.internal_review, member.review_round) == (CohortMember.Review.PENDING, 2)
    approve_all(member, internal_assurer)
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.EXTERNAL
    rounds = list(member.reviews.values_list("round", "decision").order_by("round", "goal"))
    assert rounds == [(1, "approved"), (1, "returned"), (2, "approved"), (2, "approved")]


def test_a_returned_goal_needs_a_comment(organisation, awarding_body, caseworker, internal_assurer):
    cohort = cohort_submit(
        cohort=cohort_with(organisation, awarding_body, [caseworker]), by=caseworker
    )
    member = cohort.members.get()
    with pytest.raises(CohortError, match="hvorfor"):
        cohort_member_review(
            member=member,
            decisions={g.pk: ("returned", " ") for g in member.certificate.goals.all()},
            by=internal_assurer,
        )


def test_submitting_needs_every_youth_approved_by_the_guide(
    organisation, awarding_body, caseworker
):
    cohort = cohort_with(organisation, awarding_body, [caseworker])
    youth, _goals = youth_with_goals(organisation, caseworker)
    cohort_member_add(cohort=cohort, youth=youth, by=caseworker)
    with pytest.raises(CohortError, match="godkende"):
        cohort_submit(cohort=cohort, by=caseworker)


def test_a_youth_moves_between_cohorts_until_submitted(organisation, awarding_body, caseworker):
    first = cohort_with(organisation, awarding_body, [caseworker], name="Forår")
    second = cohort_with(organisation, awarding_body, [caseworker], name="Efterår")
    youth = first.members.get().youth
    moved = cohort_member_add(cohort=second, youth=youth, by=caseworker)
    assert list(CohortMember.objects.filter(youth=youth).values_list("cohort", flat=True)) == [
        second.pk
    ]
    goals = LearningGoal.objects.filter(placement__youth=youth)
    cohort_member_guide_approve(member=moved, goals=list(goals), by=caseworker)
    cohort_submit(cohort=second, by=caseworker)
    with pytest.raises(CohortError, match="indsendt"):
        cohort_member_add(cohort=first, youth=youth, by=caseworker)


def test_only_the_awarding_body_it_was_submitted_to_decides(
    organisation, awarding_body, caseworker, internal_assurer, external_assurer
):
    cohort = submitted_and_internally_approved(
        cohort_with(organisation, awarding_body, [caseworker]), internal_assurer
    )
    other_body_assurer = ExternalAssurerFactory()
    for user in (other_body_assurer, internal_assurer, caseworker):
        with pytest.raises(CohortError):
            cohort_external_decide(cohort=cohort, approve=True, comment="", by=user)
    cohort = cohort_external_decide(cohort=cohort, approve=True, comment="", by=external_assurer)
    assert cohort.status == Cohort.Status.APPROVED and cohort.approved_on is not None


@pytest.mark.parametrize("stage", ["open", "internal", "external", "returned"])
def test_only_an_approved_cohort_issues(
    organisation, awarding_body, caseworker, internal_assurer, external_assurer, stage
):
    cohort = cohort_with(organisation, awarding_body, [caseworker])
    if stage != "open":
        cohort = cohort_submit(cohort=cohort, by=caseworker)
    if stage in ("external", "returned"):
        approve_all(cohort.members.get(), internal_assurer)
    if stage == "returned":
        cohort_external_decide(cohort=cohort, approve=False, comment="Uklart", by=external_assurer)
    with pytest.raises(CohortError):
        cohort_issue(cohort=cohort, by=caseworker)
    assert not cohort.certificates.exclude(status="draft").exists()


def test_a_cohort_draft_cannot_be_discarded_on_its_own(organisation, awarding_body, caseworker):
    cohort = cohort_with(organisation, awarding_body, [caseworker])
    draft = cohort.members.get().certificate
    with pytest.raises(CertificateError, match="hører til et hold"):
        certificate_draft_discard(certificate=draft, by=caseworker)
    assert cohort.members.get().certificate_id == draft.pk
