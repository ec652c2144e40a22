"""The credentials we issue conform to 1EdTech's official Open Badges 3.0 JSON Schemas.

The schemas are vendored unchanged in `tests/fixtures/ob_schemas/` (see its README for
where they come from) and applied with the stock `jsonschema` validator, draft 2019-09,
with format checking on (so `validFrom` must be a real date-time). Checked: the stored
credential with its Data Integrity proof, the payload of its VC-JWT as a consumer decodes
it, and the issuer profile the credential points to, as served at its public URL.
"""

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft201909Validator

from certificates.credentials import keys
from certificates.models import Credential
from tests.certificates.test_credentials import jwt_payload

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent.parent / "fixtures" / "ob_schemas"
SCHEMA_BASE = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"


def validator(filename: str) -> Draft201909Validator:
    schema = json.loads((SCHEMAS / filename).read_text())
    assert schema["$id"] == SCHEMA_BASE + filename
    assert schema["$schema"] == "https://json-schema.org/draft/2019-09/schema#"
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


def violations(filename: str, document: dict) -> list[str]:
    """Every violation with its path, so a failure says all that is wrong at once."""
    errors = sorted(validator(filename).iter_errors(document), key=lambda e: list(e.path))
    return [f"{'/'.join(map(str, e.path)) or '<root>'}: {e.message}" for e in errors]


@pytest.fixture
def signing_key(organisation):
    keys.key_create(organisation=organisation)


@pytest.fixture
def credential(signing_key, issued):
    return Credential.objects.get(certificate=issued)


def test_the_stored_credential_with_its_proof_conforms(credential):
    assert violations("ob_v3p0_achievementcredential_schema.json", credential.document) == []


def test_the_vc_jwt_payload_conforms(credential):
    assert (
        violations("ob_v3p0_achievementcredential_schema.json", jwt_payload(credential.jwt)) == []
    )


def test_the_published_issuer_profile_conforms(credential, client):
    profile_url = credential.document["issuer"]["url"]
    response = client.get(urlsplit(profile_url).path)
    assert response.status_code == 200
    assert violations("ob_v3p0_profile_schema.json", response.json()) == []


def test_the_schema_catches_a_credential_without_its_achievement(credential):
    """The check has teeth: a credential missing a required part is reported."""
    broken = json.loads(json.dumps(credential.document))
    del broken["credentialSubject"]["achievement"]
    assert any(
        "achievement" in line
        for line in violations("ob_v3p0_achievementcredential_schema.json", broken)
    )
