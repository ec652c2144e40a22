"""Open Badges 3.0 credentials, checked by an independent verifier (openbadgeslib).

The verifier resolves the issuer's did:web document and the status list itself; its
downloads are answered by this app's own public URLs through the test client, so the
check is offline but goes through exactly what a verifier on the internet would fetch.
"""

import base64
import copy
import datetime as dt
import io
import json
import logging
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from openbadgeslib.ob3.ldp import OB3LdpVerifier
from openbadgeslib.ob3.status import decode_encoded_list
from openbadgeslib.ob3.verifier import OB3VerificationError, OB3Verifier
from openbadgeslib.util import hash_email
from pyld import jsonld

from certificates.credentials import keys
from certificates.credentials.documents import STATUS_LIST_SIZE, identity_hash
from certificates.credentials.loader import document_loader
from certificates.models import Credential
from certificates.services.credentials import credential_key_rotate
from certificates.services.issuing import (
    CertificateError,
    certificate_correction_start,
    certificate_draft_save,
    certificate_issue,
    certificate_revoke,
)
from goals.models import Level

pytestmark = pytest.mark.django_db


@pytest.fixture
def signing_key(organisation):
    keys.key_create(organisation=organisation)
    return keys.signing_key(organisation)


@pytest.fixture
def credential(signing_key, issued):
    return Credential.objects.get(certificate=issued)


@pytest.fixture
def download(client):
    """What a verifier fetches over HTTPS, answered by this app's public URLs."""

    def fetch(url: str) -> bytes:
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        return response.content

    return fetch


def did_of(credential: Credential) -> str:
    return credential.document["issuer"]["id"]


def verify_jwt(token: str, download, *, check_status: bool = True):
    did = OB3Verifier._decode_unverified(token)["iss"]
    verifier = OB3Verifier.for_issuer_did(did, download=download)
    return verifier.verify(token, check_status=check_status, download=download)


def verify_document(document: dict, download, *, check_status: bool = True):
    return OB3LdpVerifier().verify(document, check_status=check_status, download=download)


def jwt_payload(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_issued_certificate_verifies_as_vc_jwt_and_data_integrity(credential, download):
    from_jwt = verify_jwt(credential.jwt, download)
    from_document = verify_document(credential.document, download)
    assert from_jwt.achievement.name == from_document.achievement.name == "OCN-kompetencebevis"
    assert from_jwt.issuer.name == "NextJob Herning"
    assert jwt_payload(credential.jwt)["iss"] == did_of(credential)
    proof = credential.document["proof"]
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["verificationMethod"].startswith(did_of(credential) + "#key-")


def test_credential_carries_each_goal_level_and_points_from_the_snapshot(credential, issued):
    document = credential.document
    assert document["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    subject = document["credentialSubject"]
    achievement = subject["achievement"]
    assert achievement["inLanguage"] == "da"
    assert "10 timers læring" in achievement["description"]
    assert "Kendskab" in achievement["criteria"]["narrative"]
    levels_by_id = {
        level["id"]: (description["name"], level["name"], level["points"])
        for description in achievement["resultDescription"]
        for level in description["rubricCriterionLevel"]
    }
    achieved = {levels_by_id[result["achievedLevel"]] for result in subject["result"]}
    assert achieved == {
        (goal["title"], Level(goal["level"]).label, goal["points"])
        for goal in issued.snapshot["goals"]
    }
    assert {
        tuple(level["name"] for level in description["rubricCriterionLevel"])
        for description in achievement["resultDescription"]
    } == {("Kendskab", "Kundskab", "Mestring")}
    assert achievement["creditsAvailable"] == subject["creditsEarned"] == 4.5
    assert document["evidence"][0]["id"] == issued.snapshot["verification_url"]
    valid_from = dt.datetime.fromisoformat(document["validFrom"])
    assert valid_from == issued.issued_at.replace(microsecond=0)


def test_recipient_is_a_salted_hash_of_the_name_and_no_contact_data(credential, issued):
    youth = issued.youth
    (identity,) = credential.document["credentialSubject"]["identifier"]
    assert identity["hashed"] is True and identity["identityType"] == "name"
    assert identity["identityHash"] == identity_hash(youth.full_name, identity["salt"])
    # The same salted SHA-256 an independent Open Badges library computes.
    assert identity["identityHash"] == "sha256$" + hash_email(
        youth.full_name, identity["salt"]
    ).decode().removeprefix("sha256$")
    text = json.dumps(credential.document, ensure_ascii=False)
    for private in (youth.full_name, youth.email, youth.phone, str(youth.birth_date)):
        if private:
            assert private not in text


def test_every_term_is_defined_by_the_vendored_contexts(credential):
    """Nothing is dropped when the credential is expanded as JSON-LD (an undefined term
    would be dropped silently and then not be covered by the Data Integrity proof)."""
    document = copy.deepcopy(credential.document)
    options = {"documentLoader": document_loader}
    compacted = jsonld.compact(jsonld.expand(document, options), document["@context"], options)
    compacted.pop("@context")
    document.pop("@context")
    assert as_lists(compacted) == as_lists(document)


def as_lists(value):
    """Every value as a list: compaction writes a one-item list as the item itself."""
    if not isinstance(value, dict):
        return value
    return {
        key: [as_lists(item) for item in (items if isinstance(items, list) else [items])]
        for key, items in value.items()
    }


def test_the_loader_never_fetches_other_contexts():
    with pytest.raises(jsonld.JsonLdError):
        document_loader("https://example.org/context.json")


def test_a_changed_level_fails_verification(credential, download):
    # Data Integrity: raise the first goal's level to Mestring.
    tampered = copy.deepcopy(credential.document)
    achievement = tampered["credentialSubject"]["achievement"]
    mestring = achievement["resultDescription"][0]["rubricCriterionLevel"][2]["id"]
    tampered["credentialSubject"]["result"][0]["achievedLevel"] = mestring
    assert tampered != credential.document
    with pytest.raises(OB3VerificationError):
        verify_document(tampered, download, check_status=False)

    # VC-JWT: the same change in the payload, under the original signature.
    header, _payload, signature = credential.jwt.split(".")
    payload = jwt_payload(credential.jwt)
    payload["credentialSubject"]["result"][0]["achievedLevel"] = mestring
    forged_payload = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    with pytest.raises(OB3VerificationError, match="signature"):
        verify_jwt(f"{header}.{forged_payload}.{signature}", download, check_status=False)


def test_a_revoked_certificate_is_reported_revoked_through_the_status_list(
    credential, issued, caseworker, download
):
    verify_jwt(credential.jwt, download)
    certificate_revoke(certificate=issued, reason="Fejl i målene", by=caseworker)
    with pytest.raises(OB3VerificationError, match="revocation"):
        verify_jwt(credential.jwt, download)
    with pytest.raises(OB3VerificationError, match="revocation"):
        verify_document(credential.document, download)


def test_a_replaced_certificate_is_reported_revoked_and_its_correction_is_valid(
    credential, issued, caseworker, download
):
    correction = certificate_issue(
        certificate=certificate_correction_start(certificate=issued, by=caseworker),
        issued_by=caseworker,
    )
    with pytest.raises(OB3VerificationError, match="revocation"):
        verify_jwt(credential.jwt, download)
    verify_jwt(Credential.objects.get(certificate=correction).jwt, download)


def test_status_list_is_signed_and_has_the_minimum_size(credential, download):
    entry = credential.document["credentialStatus"]
    token = download(entry["statusListCredential"]).decode()
    list_document = jwt_payload(token)
    assert list_document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    bits = decode_encoded_list(list_document["credentialSubject"]["encodedList"])
    assert len(bits) * 8 >= STATUS_LIST_SIZE == 131_072
    assert 0 <= int(entry["statusListIndex"]) < STATUS_LIST_SIZE
    # Signed by the issuer: the verifier checks the list's own signature too.
    verifier = OB3Verifier.for_issuer_did(did_of(credential), download=download)
    verifier._decode_payload(token)


def test_credential_signed_with_a_rotated_out_key_still_verifies(
    credential, organisation, youth, assessed_goals, caseworker, settings, download
):
    old_key_id = credential.key_id
    new_key_id = credential_key_rotate(organisation=organisation, by=None)
    assert new_key_id != old_key_id
    folder = settings.CREDENTIAL_KEYS_DIR / organisation.code
    assert not (folder / f"{old_key_id}.private.pem").exists()
    newer = certificate_issue(
        certificate=certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker),
        issued_by=caseworker,
    )
    new_credential = Credential.objects.get(certificate=newer)
    assert new_credential.key_id == new_key_id

    published = json.loads(download(f"/ob/issuers/{organisation.code}/jwks.json"))
    assert [key["kid"] for key in published["keys"]] == [new_key_id, old_key_id]
    verify_jwt(credential.jwt, download)
    verify_document(credential.document, download)
    verify_jwt(new_credential.jwt, download)


def test_a_credential_from_an_unpublished_key_fails(credential, organisation, settings, download):
    folder = settings.CREDENTIAL_KEYS_DIR / organisation.code
    (folder / f"{credential.key_id}.public.pem").unlink()
    keys.key_create(organisation=organisation)
    with pytest.raises(OB3VerificationError):
        verify_jwt(credential.jwt, download, check_status=False)


def test_private_keys_never_reach_the_database_logs_or_responses(
    signing_key, organisation, youth_user, caseworker, assessed_goals, youth, client, caplog
):
    private_pem = signing_key.key.as_pem(private=True).decode()
    secret_parts = [
        signing_key.key.as_dict(private=True)["d"],
        "".join(private_pem.splitlines()[1:-1]),
    ]
    caplog.set_level(logging.DEBUG)
    certificate = certificate_issue(
        certificate=certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker),
        issued_by=caseworker,
    )
    call_command("credential_keys", stdout=(command_output := io.StringIO()))
    database = io.StringIO()
    call_command("dumpdata", stdout=database)
    client.force_login(youth_user)
    code = certificate.snapshot["verification_code"]
    responses = [
        client.get(url).content
        for url in (
            f"/ob/issuers/{organisation.code}/",
            f"/ob/issuers/{organisation.code}/did.json",
            f"/ob/issuers/{organisation.code}/jwks.json",
            f"/ob/issuers/{organisation.code}/status/1",
            f"/ob/beviser/{code}.json",
            f"/min-side/beviser/{certificate.pk}/digitalt-bevis.json",
            f"/min-side/beviser/{certificate.pk}/digitalt-bevis.png",
        )
    ]
    assert Credential.objects.filter(certificate=certificate).exists()
    seen = [database.getvalue(), caplog.text, command_output.getvalue(), repr(signing_key)]
    seen += [content.decode("latin-1") for content in responses]
    for secret in secret_parts:
        assert all(secret not in text for text in seen)
    jwks = json.loads(responses[2])
    assert all("d" not in key for key in jwks["keys"])


def test_the_key_file_is_readable_by_its_owner_only(signing_key, organisation, settings):
    path = settings.CREDENTIAL_KEYS_DIR / organisation.code / f"{signing_key.key_id}.private.pem"
    assert path.stat().st_mode & 0o077 == 0


def test_without_a_key_the_certificate_is_issued_and_export_adds_the_credential_later(
    draft, caseworker, organisation, download, caplog
):
    issued = certificate_issue(certificate=draft, issued_by=caseworker)
    assert not Credential.objects.filter(certificate=issued).exists()
    assert "no signing key" in caplog.text
    pdf_hash = issued.pdf_sha256

    keys.key_create(organisation=organisation)
    call_command("credential_export", stdout=(output := io.StringIO()))
    assert "Made 1 digital credential" in output.getvalue()
    credential = Credential.objects.get(certificate=issued)
    verify_jwt(credential.jwt, download)
    issued.refresh_from_db()
    assert issued.pdf_sha256 == pdf_hash

    call_command("credential_export", stdout=(again := io.StringIO()))
    assert "Made 0 digital credential" in again.getvalue()
    assert Credential.objects.get(certificate=issued).jwt == credential.jwt


def test_export_of_an_already_revoked_certificate_lists_it_as_revoked(
    draft, caseworker, organisation, download
):
    issued = certificate_issue(certificate=draft, issued_by=caseworker)
    certificate_revoke(certificate=issued, reason="Fejl", by=caseworker)
    keys.key_create(organisation=organisation)
    call_command("credential_export", stdout=io.StringIO())
    with pytest.raises(OB3VerificationError, match="revocation"):
        verify_jwt(Credential.objects.get(certificate=issued).jwt, download)


def test_later_edits_never_change_the_stored_credential(credential, assessed_goals, issued):
    before = (credential.jwt, copy.deepcopy(credential.document))
    goal = assessed_goals[0]
    goal.title = "Kan noget helt andet"
    goal.save()
    call_command("credential_export", stdout=io.StringIO())
    credential.refresh_from_db()
    assert (credential.jwt, credential.document) == before
    assert "Kan noget helt andet" not in credential.jwt


def test_key_command_creates_missing_keys_and_rotates_on_request(organisation, other_organisation):
    output = io.StringIO()
    call_command("credential_keys", stdout=output)
    first = {"HER": keys.current_key_id(organisation)}
    assert keys.current_key_id(other_organisation) is not None
    assert f"HER: new signing key {first['HER']}" in output.getvalue()

    again = io.StringIO()
    call_command("credential_keys", stdout=again)
    assert f"HER: has key {first['HER']}" in again.getvalue()
    assert keys.current_key_id(organisation) == first["HER"]

    call_command("credential_keys", "HER", "--rotate", stdout=io.StringIO())
    assert keys.current_key_id(organisation) != first["HER"]
    assert [key["kid"] for key in keys.public_jwks(organisation)][1] == first["HER"]
    with pytest.raises(CommandError):
        call_command("credential_keys", "--rotate", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("credential_keys", "NOPE", stdout=io.StringIO())


def test_revoking_fails_closed_when_the_status_list_cannot_be_signed(
    credential, issued, caseworker, organisation, settings, download
):
    folder = settings.CREDENTIAL_KEYS_DIR / organisation.code
    (folder / f"{credential.key_id}.private.pem").unlink()
    with pytest.raises(CertificateError, match="kunne ikke signeres|could not be signed"):
        certificate_revoke(certificate=issued, reason="Fejl", by=caseworker)
    issued.refresh_from_db()
    assert issued.status == "issued"


def test_revoking_through_the_page_shows_the_message_when_the_list_cannot_be_signed(
    credential, issued, caseworker_client, organisation, settings
):
    folder = settings.CREDENTIAL_KEYS_DIR / organisation.code
    (folder / f"{credential.key_id}.private.pem").unlink()
    response = caseworker_client.post(
        f"/beviser/{issued.pk}/tilbagekald/", {"reason": "Fejl"}, follow=True
    )
    assert "kunne ikke signeres" in response.content.decode()
    issued.refresh_from_db()
    assert issued.status == "issued"
