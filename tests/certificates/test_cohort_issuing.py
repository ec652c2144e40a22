"""Issuing a whole approved cohort: one task per certificate (in-process in the tests),
exactly once, a failure for one youth does not stop the others, every number accounted
for, and the certificate and verification page say it was quality-assured."""

import pytest
from django.utils import timezone

from certificates.models import Certificate, Cohort, CohortMember, VoidNumber
from certificates.services import issuing
from certificates.services.cohorts import (
    cohort_external_decide,
    cohort_issue,
    cohort_member_issue,
    cohort_progress,
)
from certificates.services.issuing import (
    certificate_issue,
    certificate_number_take,
    verification_code_display,
)
from tests.certificates.cohorts import cohort_with, submitted_and_internally_approved
from tests.certificates.test_pdf import pdf_text, stored_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(organisation, awarding_body, caseworker, internal_assurer, external_assurer):
    cohort = cohort_with(organisation, awarding_body, [caseworker] * 3)
    cohort = submitted_and_internally_approved(cohort, internal_assurer)
    return cohort_external_decide(cohort=cohort, approve=True, comment="", by=external_assurer)


def accounted_for(organisation) -> list[int]:
    issued = Certificate.objects.filter(organisation=organisation, sequence__isnull=False)
    void = VoidNumber.objects.filter(organisation=organisation)
    return sorted(
        list(issued.values_list("sequence", flat=True))
        + list(void.values_list("sequence", flat=True))
    )


def test_issuing_an_approved_cohort_issues_every_certificate_once(
    approved, caseworker, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cohort_issue(cohort=approved, by=caseworker)
    approved.refresh_from_db()
    assert approved.status == Cohort.Status.ISSUED
    assert cohort_progress(approved) == {"total": 3, "issued": 3, "failed": 0, "done": 3}
    certificates = Certificate.objects.filter(cohort=approved)
    assert set(certificates.values_list("status", flat=True)) == {"issued"}
    assert accounted_for(organisation) == [1, 2, 3]


def test_the_certificate_and_verification_page_say_quality_assured(
    approved, caseworker, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cohort_issue(cohort=approved, by=caseworker)
    certificate = Certificate.objects.filter(cohort=approved).first()
    date = timezone.localdate().strftime("%-d.")
    text = pdf_text(stored_pdf(certificate))
    assert "Kvalitetssikret efter OCN-metoden" in text and date in text
    page = client.get(f"/v/{verification_code_display(certificate.verification_code)}/")
    assert "Kvalitetssikret efter OCN-metoden" in page.content.decode()


def test_a_certificate_outside_a_cohort_says_not_quality_assured(issued, client):
    assert "Ikke kvalitetssikret efter OCN-metoden" in pdf_text(stored_pdf(issued))
    page = client.get(f"/v/{verification_code_display(issued.verification_code)}/")
    assert "Ikke kvalitetssikret efter OCN-metoden" in page.content.decode()


def test_a_task_run_twice_issues_one_certificate(approved, caseworker, organisation):
    member = approved.members.first()
    cohort_issue(cohort=approved, by=caseworker)  # outside on_commit capture: nothing runs
    cohort_member_issue(member_id=member.pk, by_id=caseworker.pk)
    first = Certificate.objects.get(pk=member.certificate_id)
    cohort_member_issue(member_id=member.pk, by_id=caseworker.pk)
    again = Certificate.objects.get(pk=member.certificate_id)
    assert (again.number, again.pdf_sha256) == (first.number, first.pdf_sha256)
    assert Certificate.objects.filter(youth=member.youth, status="issued").count() == 1
    assert accounted_for(organisation) == [1]


def test_a_worker_that_died_after_taking_the_number_loses_nothing(
    approved, caseworker, organisation
):
    """The worker took number 1 and died before storing the PDF: the redelivered task
    renders with the same number; no number is lost and none is used twice."""
    member = approved.members.first()
    cohort_issue(cohort=approved, by=caseworker)
    taken = certificate_number_take(certificate=member.certificate, by=caseworker)
    cohort_member_issue(member_id=member.pk, by_id=caseworker.pk)
    issued = Certificate.objects.get(pk=member.certificate_id)
    assert issued.status == "issued" and issued.number == taken.number
    assert not VoidNumber.objects.exists()
    assert accounted_for(organisation) == [1]


def test_one_failure_does_not_stop_the_others_and_its_number_is_void(
    approved, caseworker, organisation, monkeypatch, django_capture_on_commit_callbacks
):
    broken = approved.members.order_by("pk").first()
    real_render = issuing.certificate_pdf_render

    def render(snapshot, **kwargs):
        if snapshot["youth"]["name"] == broken.youth.full_name:
            raise RuntimeError("font missing")
        return real_render(snapshot, **kwargs)

    monkeypatch.setattr(issuing, "certificate_pdf_render", render)
    with django_capture_on_commit_callbacks(execute=True):
        cohort_issue(cohort=approved, by=caseworker)
    states = dict(approved.members.values_list("pk", "issue_state"))
    assert states.pop(broken.pk) == CohortMember.Issue.FAILED
    assert set(states.values()) == {CohortMember.Issue.ISSUED}
    broken.refresh_from_db()
    assert "intet er udstedt" in broken.issue_error
    approved.refresh_from_db()
    assert approved.status == Cohort.Status.ISSUING
    void = VoidNumber.objects.get()
    assert "intet er udstedt" in void.reason
    assert accounted_for(organisation) == [1, 2, 3]

    # Asked again, only the failed youth is issued, with a new number.
    monkeypatch.setattr(issuing, "certificate_pdf_render", real_render)
    with django_capture_on_commit_callbacks(execute=True):
        cohort_issue(cohort=approved, by=caseworker)
    approved.refresh_from_db()
    assert approved.status == Cohort.Status.ISSUED
    assert accounted_for(organisation) == [1, 2, 3, 4]
    assert Certificate.objects.filter(cohort=approved, status="issued").count() == 3


def test_a_cohort_certificate_cannot_be_issued_alone_before_approval(
    organisation, awarding_body, caseworker
):
    cohort = cohort_with(organisation, awarding_body, [caseworker])
    draft = cohort.members.get().certificate
    with pytest.raises(issuing.CertificateError, match="ikke godkendt"):
        certificate_issue(certificate=draft, issued_by=caseworker)
    draft.refresh_from_db()
    assert (draft.status, draft.number) == ("draft", None)
    assert not VoidNumber.objects.exists()
