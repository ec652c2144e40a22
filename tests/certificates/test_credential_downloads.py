"""The young person's "Hent som digitalt bevis" and the verification page's link."""

import json

import pytest
from openbadgeslib.ob3.verifier import OB3Verifier

from accounts.models import AccessLogEntry
from certificates.credentials import keys
from certificates.models import Credential
from certificates.services.issuing import certificate_issue, certificate_revoke
from tests.factories import UserFactory, YouthFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(organisation, draft, caseworker):
    keys.key_create(organisation=organisation)
    return Credential.objects.get(
        certificate=certificate_issue(certificate=draft, issued_by=caseworker)
    )


def test_my_certificates_offers_the_digital_certificate_with_an_explanation(
    client, youth_user, credential
):
    client.force_login(youth_user)
    page = client.get("/min-side/beviser/").content.decode()
    assert "Hent som digitalt bevis" in page
    assert "digital tegnebog" in page
    pk = credential.certificate_id
    assert f"/min-side/beviser/{pk}/digitalt-bevis.json" in page
    assert f"/min-side/beviser/{pk}/digitalt-bevis.png" in page


def test_no_digital_certificate_offered_without_a_credential(client, youth_user, issued):
    client.force_login(youth_user)
    page = client.get("/min-side/beviser/").content.decode()
    assert "Hent som digitalt bevis" not in page
    assert client.get(f"/min-side/beviser/{issued.pk}/digitalt-bevis.json").status_code == 404


def test_youth_downloads_the_credential_as_json(client, youth_user, youth, credential):
    client.force_login(youth_user)
    response = client.get(f"/min-side/beviser/{credential.certificate_id}/digitalt-bevis.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert f"{credential.certificate.number}.json" in response["Content-Disposition"]
    assert json.loads(response.content) == credential.document
    assert AccessLogEntry.objects.filter(
        user=youth_user, youth_id=youth.pk, what__contains="digitalt bevis"
    ).exists()


def test_youth_downloads_a_baked_badge_that_holds_the_signed_credential(
    client, youth_user, credential
):
    client.force_login(youth_user)
    response = client.get(f"/min-side/beviser/{credential.certificate_id}/digitalt-bevis.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert OB3Verifier.extract_token_from_png(response.content) == credential.jwt


def test_another_young_person_cannot_download_it(client, organisation, credential):
    other = YouthFactory(organisation=organisation)
    other.user = UserFactory(organisation=organisation, role="youth", username="anden")
    other.save(update_fields=["user"])
    client.force_login(other.user)
    for ending in ("json", "png"):
        url = f"/min-side/beviser/{credential.certificate_id}/digitalt-bevis.{ending}"
        assert client.get(url).status_code == 404


def test_staff_cannot_use_the_youth_download(caseworker_client, credential):
    url = f"/min-side/beviser/{credential.certificate_id}/digitalt-bevis.json"
    assert caseworker_client.get(url).status_code == 403


def test_a_revoked_certificate_is_not_offered_as_digital_certificate(
    client, youth_user, credential, caseworker
):
    certificate_revoke(certificate=credential.certificate, reason="Fejl", by=caseworker)
    client.force_login(youth_user)
    page = client.get("/min-side/beviser/").content.decode()
    assert "Hent som digitalt bevis" not in page
    url = f"/min-side/beviser/{credential.certificate_id}/digitalt-bevis.json"
    assert client.get(url).status_code == 404


def test_verification_page_links_the_credential(client, credential):
    code = credential.certificate.snapshot["verification_code"]
    page = client.get(f"/v/{code}/").content.decode()
    assert f"/ob/beviser/{code}.json" in page
    response = client.get(f"/ob/beviser/{code}.json")
    assert response.status_code == 200
    assert json.loads(response.content) == credential.document


def test_verification_page_has_no_link_without_a_credential(client, issued):
    code = issued.snapshot["verification_code"]
    assert "/ob/beviser/" not in client.get(f"/v/{code}/").content.decode()
    assert client.get(f"/ob/beviser/{code}.json").status_code == 404


def test_issuer_profile_is_public(client, credential, organisation):
    profile = json.loads(client.get(f"/ob/issuers/{organisation.code}/").content)
    assert profile["type"] == ["Profile"]
    assert profile["name"] == organisation.name
    assert profile["id"] == credential.document["issuer"]["id"]
    assert client.get("/ob/issuers/NOPE/").status_code == 404
