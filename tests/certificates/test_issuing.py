"""Issuing: numbers, codes, the stored PDF and its hash, and what happens when it fails."""

import hashlib
import threading

import pytest
from django.db import IntegrityError, connection
from django.utils import timezone

from certificates.models import Certificate, VoidNumber
from certificates.services import issuing
from certificates.services.issuing import (
    CertificateError,
    certificate_correction_start,
    certificate_draft_save,
    certificate_issue,
    certificate_revoke,
    verification_code_display,
    verification_code_normalise,
)
from tests.factories import LearningGoalFactory, PlacementFactory, YouthFactory, assess

pytestmark = pytest.mark.django_db


def media_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_issue_gives_number_code_snapshot_and_stored_pdf(issued, settings):
    year = timezone.localdate().year
    assert issued.status == Certificate.Status.ISSUED
    assert issued.number == f"HER-{year}-0001"
    assert (issued.year, issued.sequence) == (year, 1)
    assert len(issued.verification_code) == 20
    assert verification_code_normalise(issued.verification_code) == issued.verification_code
    with issued.pdf.open("rb") as stored:
        data = stored.read()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == issued.pdf_sha256
    assert issued.snapshot["number"] == issued.number
    assert issued.snapshot["youth"]["name"] == issued.youth.full_name
    assert issued.snapshot["verification_url"].endswith(
        f"/v/{verification_code_display(issued.verification_code)}/"
    )
    assert issued.snapshot["verification_url"].startswith(settings.SITE_URL)


def test_numbers_follow_each_other_per_organisation(issued, youth, assessed_goals, caseworker):
    second = certificate_issue(
        certificate=certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker),
        issued_by=caseworker,
    )
    assert second.sequence == issued.sequence + 1
    assert second.number.endswith("-0002")
    assert second.verification_code != issued.verification_code


def test_a_failing_render_issues_nothing_keeps_the_draft_and_voids_the_number(
    draft, caseworker, settings, monkeypatch
):
    def broken_render(snapshot, **kwargs):
        raise RuntimeError("font missing")

    monkeypatch.setattr(issuing, "certificate_pdf_render", broken_render)
    with pytest.raises(CertificateError, match="intet er udstedt"):
        certificate_issue(certificate=draft, issued_by=caseworker)
    draft.refresh_from_db()
    assert draft.status == Certificate.Status.DRAFT
    assert draft.number is None and draft.verification_code is None
    # The number taken for the failed render is accounted for: void, with the reason.
    void = VoidNumber.objects.get()
    assert (void.sequence, void.certificate_id) == (1, draft.pk)
    assert "intet er udstedt" in void.reason
    assert media_files(settings) == []


def test_a_failure_after_the_file_is_written_deletes_the_file(
    draft, caseworker, settings, monkeypatch
):
    save = Certificate.save

    def refuse_issued(self, *args, **kwargs):
        if self.status == Certificate.Status.ISSUED:
            raise IntegrityError("no")
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Certificate, "save", refuse_issued)
    with pytest.raises(CertificateError):
        certificate_issue(certificate=draft, issued_by=caseworker)
    assert media_files(settings) == []
    assert Certificate.objects.get(pk=draft.pk).status == Certificate.Status.DRAFT
    # Number 1 is void with the reason; the next successful issue gets number 2.
    monkeypatch.undo()
    assert certificate_issue(certificate=draft, issued_by=caseworker).sequence == 2
    assert list(VoidNumber.objects.values_list("sequence", flat=True)) == [1]


def test_an_issued_certificate_cannot_be_issued_again(issued, caseworker):
    with pytest.raises(CertificateError, match="allerede udstedt"):
        certificate_issue(certificate=issued, issued_by=caseworker)


def test_only_the_youths_own_assessed_goals_can_go_on_a_certificate(
    youth, placement, assessed_goals, caseworker
):
    unassessed = LearningGoalFactory(placement=placement)
    with pytest.raises(CertificateError, match="Kun vurderede mål"):
        certificate_draft_save(youth=youth, goals=[unassessed], by=caseworker)
    other = PlacementFactory(organisation=youth.organisation)
    foreign = assess(LearningGoalFactory(placement=other), 2)
    with pytest.raises(CertificateError):
        certificate_draft_save(youth=youth, goals=[foreign], by=caseworker)
    with pytest.raises(CertificateError, match="mindst ét"):
        certificate_draft_save(youth=youth, goals=[], by=caseworker)
    assert not Certificate.objects.exists()


def test_editing_source_data_never_changes_an_issued_certificate(
    client, caseworker, issued, assessed_goals, youth, organisation
):
    client.force_login(caseworker)
    url = f"/beviser/{issued.pk}/pdf/"
    before = b"".join(client.get(url).streaming_content)

    for goal in assessed_goals:
        goal.title = "Ændret titel"
        goal.save()
    youth.first_name = "Nyt"
    youth.save()
    organisation.name = "Nyt navn"
    organisation.save()

    after = b"".join(client.get(url).streaming_content)
    assert after == before
    issued.refresh_from_db()
    assert hashlib.sha256(after).hexdigest() == issued.pdf_sha256
    assert issued.snapshot["organisation"]["name"] == "NextJob Herning"


def test_a_correction_supersedes_the_old_certificate(issued, caseworker):
    draft = certificate_correction_start(certificate=issued, by=caseworker)
    assert draft.supersedes == issued
    assert certificate_correction_start(certificate=issued, by=caseworker) == draft
    corrected = certificate_issue(certificate=draft, issued_by=caseworker)
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.SUPERSEDED
    assert corrected.status == Certificate.Status.ISSUED
    assert corrected.snapshot["supersedes_number"] == issued.number


def test_revoking_needs_a_reason_and_a_valid_certificate(issued, caseworker):
    with pytest.raises(CertificateError, match="hvorfor"):
        certificate_revoke(certificate=issued, reason="  ", by=caseworker)
    revoked = certificate_revoke(certificate=issued, reason="Udstedt ved en fejl", by=caseworker)
    assert revoked.status == Certificate.Status.REVOKED
    assert revoked.revoked_at is not None and revoked.revoked_by == caseworker
    with pytest.raises(CertificateError):
        certificate_revoke(certificate=revoked, reason="Igen", by=caseworker)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("abcde-fghjk-mnpqr-stvwx", "ABCDEFGHJKMNPQRSTVWX"),
        ("ABCDE FGHJK MNPQR STVWX", "ABCDEFGHJKMNPQRSTVWX"),
        ("0O1IL-00000-00000-00000", "00111000000000000000"),
        ("ABCDE-FGHJK", None),
        ("ABCDE-FGHJK-MNPQR-STVWU", None),
    ],
)
def test_verification_codes_are_typable_from_paper(typed, expected):
    assert verification_code_normalise(typed) == expected


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_issuing_gives_distinct_consecutive_numbers(
    on_postgres, organisation, caseworker
):
    drafts = []
    for _ in range(2):
        youth = YouthFactory(organisation=organisation, caseworker=caseworker)
        placement = PlacementFactory(organisation=organisation, youth=youth)
        goal = assess(LearningGoalFactory(placement=placement), 2)
        drafts.append(certificate_draft_save(youth=youth, goals=[goal], by=caseworker))

    barrier = threading.Barrier(2)
    results, errors = [], []

    def issue(draft):
        try:
            barrier.wait()
            results.append(certificate_issue(certificate=draft, issued_by=caseworker).sequence)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(draft,)) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == [1, 2]
    numbers = set(Certificate.objects.values_list("number", flat=True))
    assert len(numbers) == 2
