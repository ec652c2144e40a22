"""The young person's own pages: my goals, "Mine beviser" and my downloads."""

import pytest

from accounts.models import AccessLogEntry
from certificates.services.issuing import (
    certificate_draft_save,
    certificate_issue,
    certificate_revoke,
)
from tests.factories import (
    LearningGoalFactory,
    PlacementFactory,
    ProgressEntryFactory,
    YouthFactory,
    assess,
)

pytestmark = pytest.mark.django_db


def test_my_page_shows_my_dream_and_goals_with_steps(client, youth_user, youth, assessed_goals):
    ProgressEntryFactory(goal=assessed_goals[0], level=2)
    client.force_login(youth_user)
    response = client.get("/min-side/")
    assert response.status_code == 200
    page = response.content.decode()
    assert youth.dream in page
    assert "Kan fylde varer på hylderne" in page
    assert "level-steps" in page and "Mine beviser" in page
    assert youth.support_needs not in page
    assert AccessLogEntry.objects.filter(user=youth_user, youth_id=youth.pk).count() == 1


def test_my_certificates_lists_issued_ones_and_marks_revoked(
    client, youth_user, youth, issued, assessed_goals, caseworker
):
    second = certificate_issue(
        certificate=certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker),
        issued_by=caseworker,
    )
    certificate_revoke(certificate=second, reason="Fejl", by=caseworker)
    certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker)
    client.force_login(youth_user)
    page = client.get("/min-side/beviser/").content.decode()
    assert issued.number in page and second.number in page
    assert "Ikke gyldigt længere" in page
    assert page.count('class="card me-certificate') == 2  # the draft is not shown


def test_i_can_download_my_own_certificate(client, youth_user, issued):
    client.force_login(youth_user)
    response = client.get(f"/min-side/beviser/{issued.pk}/pdf/")
    assert response.status_code == 200
    with issued.pdf.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert AccessLogEntry.objects.filter(user=youth_user, what__contains=issued.number).exists()


def test_i_cannot_download_someone_elses_certificate(client, youth_user, organisation, caseworker):
    other = YouthFactory(organisation=organisation, caseworker=caseworker)
    goal = assess(
        LearningGoalFactory(placement=PlacementFactory(organisation=organisation, youth=other)), 1
    )
    theirs = certificate_issue(
        certificate=certificate_draft_save(youth=other, goals=[goal], by=caseworker),
        issued_by=caseworker,
    )
    client.force_login(youth_user)
    assert client.get(f"/min-side/beviser/{theirs.pk}/pdf/").status_code == 404
    assert theirs.number not in client.get("/min-side/beviser/").content.decode()


def test_staff_cannot_use_the_youth_pages(client, caseworker, db):
    client.force_login(caseworker)
    assert client.get("/min-side/").status_code == 403
    assert client.get("/min-side/beviser/").status_code == 403


def test_young_people_cannot_use_the_staff_pages(client, youth_user, issued):
    client.force_login(youth_user)
    assert client.get(f"/beviser/{issued.pk}/pdf/").status_code == 403
    assert client.get("/beviser/").status_code == 403
