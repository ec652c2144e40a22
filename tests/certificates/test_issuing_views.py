"""The caseworker's way through: choose goals, see the draft, issue, revoke, correct."""

import pytest
from django.urls import reverse

from accounts.models import AccessLogEntry
from certificates.models import Certificate
from certificates.services import issuing
from tests.factories import LearningGoalFactory

pytestmark = pytest.mark.django_db


def test_new_certificate_page_ticks_the_assessed_goals_of_completed_placements(
    client, caseworker, youth, assessed_goals, placement
):
    LearningGoalFactory(placement=placement, title="Kan ikke vurderet endnu")
    client.force_login(caseworker)
    response = client.get(f"/beviser/nyt/{youth.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kan fylde varer på hylderne" in page
    assert "Kan ikke vurderet endnu" not in page
    assert page.count("checked") == len(assessed_goals)


def test_choosing_goals_makes_a_draft_and_the_preview_is_a_pdf(
    client, caseworker, youth, assessed_goals
):
    client.force_login(caseworker)
    response = client.post(f"/beviser/nyt/{youth.pk}/", {"goals": [assessed_goals[0].pk]})
    draft = Certificate.objects.get()
    assert response.status_code == 302 and response.url == f"/beviser/{draft.pk}/"
    assert draft.status == Certificate.Status.DRAFT
    assert list(draft.goals.all()) == [assessed_goals[0]]
    preview = client.get(f"/beviser/{draft.pk}/kladde.pdf")
    assert preview["Content-Type"] == "application/pdf"
    assert preview.content.startswith(b"%PDF")
    draft.refresh_from_db()
    assert draft.number is None


def test_choosing_no_goals_shows_a_danish_message(client, caseworker, youth, assessed_goals):
    client.force_login(caseworker)
    response = client.post(f"/beviser/nyt/{youth.pk}/", {})
    assert response.status_code == 200
    assert "Vælg mindst ét mål til beviset." in response.content.decode()
    assert not Certificate.objects.exists()


def test_issuing_from_the_draft_page(client, caseworker, draft):
    client.force_login(caseworker)
    response = client.post(f"/beviser/{draft.pk}/udsted/", follow=True)
    draft.refresh_from_db()
    assert draft.status == Certificate.Status.ISSUED
    assert f"Bevis {draft.number} er udstedt." in response.content.decode()


def test_a_failing_render_shows_a_clear_message_and_keeps_the_draft(
    client, caseworker, draft, monkeypatch
):
    monkeypatch.setattr(issuing, "certificate_pdf_render", lambda *a, **k: 1 / 0)
    client.force_login(caseworker)
    response = client.post(f"/beviser/{draft.pk}/udsted/", follow=True)
    assert "intet er udstedt. Kladden er gemt." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Certificate.Status.DRAFT


def test_a_failing_preview_shows_a_clear_message(client, caseworker, draft, monkeypatch):
    monkeypatch.setattr(issuing, "certificate_pdf_render", lambda *a, **k: 1 / 0)
    client.force_login(caseworker)
    response = client.get(f"/beviser/{draft.pk}/kladde.pdf", follow=True)
    assert "Kladden kunne ikke laves." in response.content.decode()


def test_download_serves_the_stored_file_and_logs_it(client, caseworker, issued):
    client.force_login(caseworker)
    response = client.get(f"/beviser/{issued.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{issued.number}.pdf"' in response["Content-Disposition"]
    with issued.pdf.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert AccessLogEntry.objects.filter(
        user=caseworker, youth_id=issued.youth_id, what__contains=issued.number
    ).exists()


def test_detail_page_shows_the_certificate_and_logs_the_look(client, manager, issued):
    client.force_login(manager)
    response = client.get(f"/beviser/{issued.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert issued.number in page and issued.snapshot["verification_code"] in page
    assert "Tilbagekald beviset" not in page  # managers only read
    assert AccessLogEntry.objects.filter(user=manager, youth_id=issued.youth_id).count() == 1


def test_revoke_needs_a_reason_and_keeps_what_was_typed(client, caseworker, issued):
    client.force_login(caseworker)
    response = client.post(f"/beviser/{issued.pk}/tilbagekald/", {"reason": "   "})
    assert response.status_code == 400
    assert "Skriv, hvorfor beviset tilbagekaldes." in response.content.decode()
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED

    response = client.post(f"/beviser/{issued.pk}/tilbagekald/", {"reason": "Fejl i navnet"})
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED
    assert issued.revocation_reason == "Fejl i navnet"


def test_correcting_starts_a_draft_that_supersedes_on_issue(client, caseworker, issued):
    client.force_login(caseworker)
    response = client.post(f"/beviser/{issued.pk}/ret/")
    draft = Certificate.objects.get(supersedes=issued)
    assert response.url == f"/beviser/nyt/{issued.youth_id}/?kladde={draft.pk}"
    client.post(f"/beviser/{draft.pk}/udsted/")
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.SUPERSEDED


def test_a_draft_can_be_deleted_but_an_issued_certificate_cannot(client, caseworker, issued, draft):
    client.force_login(caseworker)
    client.post(f"/beviser/{issued.pk}/slet-kladde/")
    assert Certificate.objects.filter(pk=issued.pk).exists()
    second = issuing.certificate_draft_save(
        youth=issued.youth, goals=issued.goals.all(), by=caseworker
    )
    client.post(f"/beviser/{second.pk}/slet-kladde/")
    assert not Certificate.objects.filter(pk=second.pk).exists()


@pytest.mark.parametrize(
    "url",
    ["/beviser/{pk}/udsted/", "/beviser/{pk}/tilbagekald/", "/beviser/{pk}/ret/"],
)
def test_managers_cannot_write(client, manager, draft, url):
    client.force_login(manager)
    assert client.post(url.format(pk=draft.pk), {"reason": "x"}).status_code == 403


@pytest.mark.parametrize(
    "url",
    ["/beviser/{pk}/", "/beviser/{pk}/pdf/", "/beviser/{pk}/kladde.pdf", "/beviser/{pk}/udsted/"],
)
def test_other_organisations_get_404(client, stranger, issued, url):
    client.force_login(stranger)
    method = client.post if url.endswith("udsted/") else client.get
    assert method(url.format(pk=issued.pk)).status_code == 404


def test_other_organisations_youth_cannot_get_a_certificate(client, stranger, youth):
    client.force_login(stranger)
    assert client.get(f"/beviser/nyt/{youth.pk}/").status_code == 404


def test_anonymous_users_are_sent_to_sign_in(client, issued):
    response = client.get(f"/beviser/{issued.pk}/pdf/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
