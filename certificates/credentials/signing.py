"""Securing credentials: VC-JWT with EdDSA (joserfc) and an embedded Data Integrity proof
(`eddsa-rdfc-2022`: RDFC-1.0 canonicalisation by pyld, Ed25519 by `cryptography`).

No cryptography is written here: the libraries sign; this module only assembles what the
specifications say goes into the signature.
"""

import datetime as dt
import hashlib
import json
import warnings

import base58
from joserfc import jws
from joserfc.errors import SecurityWarning
from pyld import jsonld

from .keys import SigningKey
from .loader import document_loader

JWT_ALGORITHM = "EdDSA"


def _epoch(iso: str) -> int:
    return int(dt.datetime.fromisoformat(iso).timestamp())


def sign_jwt(document: dict, *, key: SigningKey, verification_method: str) -> str:
    """The document as a VC-JWT (OB 3.0 §8.2): the payload is the credential itself plus
    the registered claims `iss`, `jti` and `nbf` that mirror it."""
    issuer = document["issuer"]
    claims = {
        **document,
        "iss": issuer["id"] if isinstance(issuer, dict) else issuer,
        "jti": document["id"],
        "nbf": _epoch(document["validFrom"]),
    }
    header = {"alg": JWT_ALGORITHM, "typ": "JWT", "kid": verification_method}
    payload = json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode()
    with warnings.catch_warnings():
        # RFC 9864 prefers "Ed25519" over "EdDSA", but OB 3.0 and the verifiers in use
        # today expect "EdDSA" for Ed25519 keys.
        warnings.simplefilter("ignore", SecurityWarning)
        return jws.serialize_compact(header, payload, key.key, algorithms=[JWT_ALGORITHM])


def _canonical_hash(document: dict) -> bytes:
    nquads = jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",  # RDFC-1.0 under its earlier name: the same output
            "format": "application/n-quads",
            "documentLoader": document_loader,
        },
    )
    return hashlib.sha256(nquads.encode()).digest()


def add_data_integrity_proof(
    document: dict, *, key: SigningKey, verification_method: str, created: str
) -> dict:
    """The document with an `eddsa-rdfc-2022` proof (W3C vc-di-eddsa §3.2)."""
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    hash_data = _canonical_hash({"@context": document["@context"], **options}) + _canonical_hash(
        document
    )
    signature = key.key.private_key.sign(hash_data)
    proof_value = "z" + base58.b58encode(signature).decode()
    return {**document, "proof": {**options, "proofValue": proof_value}}
