"""The cohort pages through the client: the awarding body sees only the cohorts submitted
to it and in them only the sampled youth's learning documentation (404 for the rest),
access-logged; the caseworker and internal assurer run the steps; issuing shows progress."""

import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import AccessLogEntry
from certificates.models import Cohort, CohortMember
from certificates.services.cohorts import cohort_external_decide, cohort_sample_widen, cohort_submit
from documents.models import PreparedDocument
from tests.certificates.cohorts import approve_all, cohort_with
from tests.factories import ExternalAssurerFactory, FollowUpFactory, ProgressEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_external(organisation, awarding_body, caseworker, internal_assurer):
    """Six youth (two are drawn externally), with evidence and a follow-up note each."""
    cohort = cohort_with(organisation, awarding_body, [caseworker] * 6)
    for member in cohort.members.all():
        goal = member.certificate.goals.first()
        ProgressEntryFactory(goal=goal, note=f"Evidens {member.youth.first_name}")
        FollowUpFactory(placement=goal.placement, note="Fortroligt opfølgningsnotat")
    # Every youth reviewed internally, so whoever is drawn externally has reviewer notes.
    cohort = cohort_sample_widen(
        cohort=cohort_submit(cohort=cohort, by=caseworker, seed=7),
        internal=True,
        size=6,
        by=caseworker,
    )
    for member in cohort.members.all():
        approve_all(member, internal_assurer)
    cohort.refresh_from_db()
    return cohort


def test_external_assurer_sees_only_the_sampled_youth(client, at_external, external_assurer):
    client.force_login(external_assurer)
    sampled = at_external.members.filter(external_sampled=True)
    others = at_external.members.filter(external_sampled=False)
    assert sampled.count() == 2 and others.count() == 4
    page = client.get(reverse("assurance:detail", args=[at_external.pk])).content.decode()
    for member in sampled:
        assert member.youth.full_name in page
    for member in others:
        assert member.youth.full_name not in page
        url = reverse("assurance:member", args=[at_external.pk, member.pk])
        assert client.get(url).status_code == 404


def test_external_assurer_sees_learning_documentation_and_nothing_sensitive(
    client, at_external, external_assurer
):
    client.force_login(external_assurer)
    member = at_external.members.filter(external_sampled=True).select_related("youth").first()
    before = AccessLogEntry.objects.filter(youth_id=member.youth_id).count()
    response = client.get(reverse("assurance:member", args=[at_external.pk, member.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    goal = member.certificate.goals.first()
    assert member.youth.full_name in page and goal.title in page and goal.criteria in page
    assert f"Evidens {member.youth.first_name}" in page
    assert "Godkend" in page  # the internal reviewer's decision
    youth = member.youth
    for secret in (youth.support_needs, youth.email, youth.phone, "Fortroligt opfølgningsnotat"):
        if secret:
            assert secret not in page
    rows = AccessLogEntry.objects.filter(youth_id=member.youth_id).order_by("pk")[before:]
    assert [(r.user_id, r.purpose) for r in rows] == [
        (external_assurer.pk, "Ekstern kvalitetssikring efter OCN-metoden")
    ]


def test_external_assurer_cannot_open_a_cohort_not_submitted_to_them(
    client, organisation, awarding_body, caseworker, at_external, external_assurer
):
    other_body = ExternalAssurerFactory()
    client.force_login(other_body)
    assert client.get(reverse("assurance:detail", args=[at_external.pk])).status_code == 404
    # Not yet with the awarding body: not theirs to see either.
    draft = cohort_submit(
        cohort=cohort_with(organisation, awarding_body, [caseworker], name="Efterår"),
        by=caseworker,
    )
    client.force_login(external_assurer)
    assert client.get(reverse("assurance:detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("assurance:list")).content.decode().count("Efterår") == 0
    # The organisation's own pages are closed to them.
    for url in (reverse("cohorts:detail", args=[at_external.pk]), reverse("youth:list")):
        assert client.get(url).status_code == 403


def test_another_organisations_caseworker_gets_404(client, at_external, stranger):
    client.force_login(stranger)
    member = at_external.members.first()
    assert client.get(reverse("cohorts:detail", args=[at_external.pk])).status_code == 404
    url = reverse("cohorts:member", args=[at_external.pk, member.pk])
    assert client.get(url).status_code == 404


def test_the_awarding_body_approves_through_the_page(client, at_external, external_assurer):
    client.force_login(external_assurer)
    url = reverse("assurance:detail", args=[at_external.pk])
    refused = client.post(url, {"decision": "return", "comment": ""})
    assert refused.status_code == 400 and "Skriv hvorfor" in refused.content.decode()
    client.post(url, {"decision": "approve", "comment": ""})
    at_external.refresh_from_db()
    assert at_external.status == Cohort.Status.APPROVED


def test_internal_assurer_returns_a_goal_and_the_guide_corrects(
    client, organisation, awarding_body, caseworker, internal_assurer
):
    cohort = cohort_submit(
        cohort=cohort_with(organisation, awarding_body, [caseworker]), by=caseworker
    )
    member = cohort.members.get()
    goals = list(member.certificate.goals.order_by("pk"))
    url = reverse("cohorts:member", args=[cohort.pk, member.pk])
    # The caseworker who assessed cannot review (no form, and a POST is refused).
    client.force_login(caseworker)
    assert "Gem gennemgangen" not in client.get(url).content.decode()
    assert client.post(url, {"step": "review"}).status_code == 403

    client.force_login(internal_assurer)
    data = {"step": "review"}
    data |= {f"decision_{g.pk}": "approved" for g in goals}
    data |= {f"decision_{goals[1].pk}": "returned", f"comment_{goals[1].pk}": "Mangler evidens"}
    assert client.post(url, data).status_code == 302
    member.refresh_from_db()
    assert member.internal_review == CohortMember.Review.RETURNED

    client.force_login(caseworker)
    page = client.get(url).content.decode()
    assert "Mangler evidens" in page
    client.post(url, {"step": "guide", "goals": [g.pk for g in goals]})
    member.refresh_from_db()
    assert member.internal_review == CohortMember.Review.PENDING

    client.force_login(internal_assurer)
    data = {"step": "review"} | {f"decision_{g.pk}": "approved" for g in goals}
    client.post(url, data)
    cohort.refresh_from_db()
    assert cohort.status == Cohort.Status.EXTERNAL


def test_issuing_shows_progress_and_gives_a_merged_pdf_and_a_zip(
    client, at_external, external_assurer, caseworker, django_capture_on_commit_callbacks
):
    cohort_external_decide(cohort=at_external, approve=True, comment="", by=external_assurer)
    client.force_login(caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("cohorts:issue", args=[at_external.pk]))
    progress = client.get(reverse("cohorts:progress", args=[at_external.pk])).content.decode()
    assert "6 af 6" in progress
    assert "data-hx-get" not in progress  # done: the page stops polling
    merged = _prepared_file(
        client, reverse("cohorts:pdf", args=[at_external.pk]), django_capture_on_commit_callbacks
    )
    assert len(PdfReader(io.BytesIO(merged)).pages) >= 6
    archive = zipfile.ZipFile(
        io.BytesIO(
            _prepared_file(
                client,
                reverse("cohorts:zip", args=[at_external.pk]),
                django_capture_on_commit_callbacks,
            )
        )
    )
    numbers = sorted(at_external.certificates.values_list("number", flat=True))
    assert sorted(archive.namelist()) == [f"{n}.pdf" for n in numbers]
    # Asked for twice, each certificate's youth is access-logged twice.
    member = at_external.members.first()
    assert (
        AccessLogEntry.objects.filter(
            youth_id=member.youth_id, what__startswith="Kompetencebeviser for holdet"
        ).count()
        == 2
    )


def _prepared_file(client, url, capture) -> bytes:
    """Ask for a cohort file like the caseworker does (GET shows what will be made, POST
    asks for it), let the background task make it, and download it from its page."""
    assert "Lav filen" in client.get(url).content.decode()
    with capture(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    document = PreparedDocument.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert document.status == PreparedDocument.Status.READY
    download = client.get(reverse("documents:download", args=[document.pk]))
    assert download.status_code == 200
    return b"".join(download.streaming_content)


def test_a_cohort_being_issued_polls_for_progress(
    client, at_external, external_assurer, caseworker
):
    cohort_external_decide(cohort=at_external, approve=True, comment="", by=external_assurer)
    client.force_login(caseworker)
    client.post(reverse("cohorts:issue", args=[at_external.pk]))  # tasks never run here
    page = client.get(reverse("cohorts:detail", args=[at_external.pk])).content.decode()
    assert "0 af 6" in page
    assert 'data-hx-trigger="every 2s"' in page
    assert " hx-" not in page


def test_a_manager_reads_but_cannot_change_a_cohort(client, at_external, manager):
    client.force_login(manager)
    assert client.get(reverse("cohorts:detail", args=[at_external.pk])).status_code == 200
    assert (
        client.post(reverse("cohorts:widen", args=[at_external.pk]), {"size": 3}).status_code == 403
    )
    assert client.post(reverse("cohorts:list"), {"name": "X"}).status_code == 403


def test_caseworker_creates_a_cohort_and_adds_a_youth(client, caseworker, awarding_body, youth):
    client.force_login(caseworker)
    response = client.post(
        reverse("cohorts:list"), {"name": "Forår 2026", "awarding_body": awarding_body.pk}
    )
    cohort = Cohort.objects.get()
    assert response.url == reverse("cohorts:detail", args=[cohort.pk])
    client.post(reverse("cohorts:add_youth", args=[cohort.pk]), {"youth": youth.pk})
    assert list(cohort.members.values_list("youth", flat=True)) == [youth.pk]
