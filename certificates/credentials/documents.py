"""The JSON documents: the OpenBadgeCredential of a certificate, the issuer profile, the DID
document and the Bitstring Status List credential.

The credential is built from the certificate's frozen snapshot (what the PDF prints), in
Danish, and never from live rows: a later edit of a goal or a name cannot reach it.
"""

import base64
import gzip
import hashlib
import secrets
import uuid
from decimal import Decimal
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organisation
from goals.models import AREA_HEADINGS, LEVEL_EXPLANATIONS, Area, Level

from .loader import OB_V3, VC_V2

CONTEXT = [VC_V2, OB_V3]
STATUS_LIST_SIZE = 131_072  # the minimum of W3C Bitstring Status List v1.0 (16 KB)

OCN_METHOD = gettext_lazy(
    "The young person has solved real tasks at a workplace. Each task is a learning goal "
    "with assessment criteria. The mentor at the workplace and the guide followed the "
    "work, and the guide assessed each goal against its criteria at one of three levels: "
    "Kendskab (does the task with help and guidance), Kundskab (does the task partly on "
    "their own) or Mestring (does the task on their own, also when something unexpected "
    "happens). A level says where this learning starts, not who the person is. The method "
    "follows OCN (Open College Network)."
)
ACHIEVEMENT_DESCRIPTION = gettext_lazy(
    "A competence certificate from a company placement: one result per learning goal, "
    "each at one of the three OCN levels Kendskab, Kundskab or Mestring. Credits are OCN "
    "points: 1 point is about 10 hours of learning."
)


def _url(name: str, **kwargs) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


def issuer_did(organisation_code: str) -> str:
    """`did:web:<host>:ob:issuers:<CODE>`, resolving to `/ob/issuers/<CODE>/did.json`."""
    host = quote(urlsplit(settings.SITE_URL).netloc, safe="")
    path = reverse("ob:did", kwargs={"code": organisation_code}).strip("/").split("/")[:-1]
    return ":".join(["did:web", host, *path])


def verification_method(organisation_code: str, key_id: str) -> str:
    return f"{issuer_did(organisation_code)}#{key_id}"


def status_list_url(organisation_code: str, number: int) -> str:
    return _url("ob:status_list", code=organisation_code, number=number)


def issuer_profile(organisation: Organisation) -> dict:
    """The organisation as an OB 3.0 `Profile`."""
    profile = {
        "id": issuer_did(organisation.code),
        "type": ["Profile"],
        "name": organisation.name,
        "url": _url("ob:issuer", code=organisation.code),
    }
    if organisation.email:
        profile["email"] = organisation.email
    if organisation.phone:
        profile["phone"] = organisation.phone
    return profile


def did_document(organisation: Organisation, jwks: list[dict]) -> dict:
    """Every public key the organisation has signed with, so rotated-out keys still verify."""
    did = issuer_did(organisation.code)
    methods = [
        {
            "id": f"{did}#{jwk['kid']}",
            "type": "JsonWebKey2020",
            "controller": did,
            "publicKeyJwk": {name: jwk[name] for name in ("kty", "crv", "x")},
        }
        for jwk in jwks
    ]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/suites/jws-2020/v1",
        ],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def identity_hash(value: str, salt: str) -> str:
    """OB's salted recipient hash: `sha256$` + hex(SHA-256(value + salt))."""
    return "sha256$" + hashlib.sha256((value + salt).encode()).hexdigest()


def _points(value: str) -> float:
    return float(Decimal(value))


def credential_document(
    *,
    snapshot: dict,
    organisation: Organisation,
    valid_from: str,
    status_index: int,
    status_list_number: int,
    credential_id: uuid.UUID | None = None,
    salt: str | None = None,
) -> dict:
    """The unsigned OpenBadgeCredential of an issued certificate, in Danish."""
    with translation.override("da"):
        return _credential(
            snapshot=snapshot,
            organisation=organisation,
            valid_from=valid_from,
            status_index=status_index,
            status_list_number=status_list_number,
            credential_id=credential_id or uuid.uuid4(),
            salt=salt or secrets.token_hex(16),
        )


def _credential(
    *,
    snapshot: dict,
    organisation: Organisation,
    valid_from: str,
    status_index: int,
    status_list_number: int,
    credential_id: uuid.UUID,
    salt: str,
) -> dict:
    def urn(*parts: object) -> str:
        return f"urn:uuid:{uuid.uuid5(credential_id, '/'.join(map(str, parts)))}"

    descriptions, results = [], []
    for number, goal in enumerate(snapshot["goals"], start=1):
        levels = [
            {
                "id": urn("goal", number, "level", level.value),
                "type": ["RubricCriterionLevel"],
                "name": str(level.label),
                "description": str(LEVEL_EXPLANATIONS[level]),
                "level": str(level.value),
                "points": goal["points"],
            }
            for level in Level
        ]
        description_id = urn("goal", number)
        descriptions.append(
            {
                "id": description_id,
                "type": ["ResultDescription"],
                "name": goal["title"],
                "description": _("%(area)s. Assessment criteria: %(criteria)s")
                % {"area": AREA_HEADINGS[Area(goal["area"])], "criteria": goal["criteria"]},
                "resultType": "RubricCriterionLevel",
                "rubricCriterionLevel": levels,
            }
        )
        results.append(
            {
                "type": ["Result"],
                "resultDescription": description_id,
                "achievedLevel": urn("goal", number, "level", goal["level"]),
            }
        )
    total = _points(snapshot["total_points"])
    list_url = status_list_url(organisation.code, status_list_number)
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{credential_id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(organisation),
        "validFrom": valid_from,
        "name": _("Competence certificate %(number)s") % {"number": snapshot["number"]},
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identity_hash(snapshot["youth"]["name"], salt),
                    "identityType": "name",
                    "hashed": True,
                    "salt": salt,
                }
            ],
            "achievement": {
                "id": urn("achievement"),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": _("OCN competence certificate"),
                "description": str(ACHIEVEMENT_DESCRIPTION),
                "criteria": {"narrative": str(OCN_METHOD)},
                "inLanguage": "da",
                "creditsAvailable": total,
                "resultDescription": descriptions,
            },
            "result": results,
            "creditsEarned": total,
        },
        "evidence": [
            {
                "id": snapshot["verification_url"],
                "type": ["Evidence"],
                "name": _("The certificate's public page"),
                "description": _(
                    "Anyone can check certificate %(number)s here: valid, revoked or replaced."
                )
                % {"number": snapshot["number"]},
            }
        ],
        "credentialStatus": {
            "id": f"{list_url}#{status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(status_index),
            "statusListCredential": list_url,
        },
    }


def encoded_list(indices: list[int]) -> str:
    """`encodedList`: multibase base64url of the GZIP-compressed bitstring, first index
    the left-most bit (W3C Bitstring Status List v1.0 §2.1)."""
    bits = bytearray(STATUS_LIST_SIZE // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def status_list_document(
    *, organisation: Organisation, number: int, revoked: list[int], valid_from: str
) -> dict:
    url = status_list_url(organisation.code, number)
    return {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(organisation.code),
        "validFrom": valid_from,
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list(revoked),
        },
    }
