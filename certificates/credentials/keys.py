"""The organisations' Ed25519 signing keys, kept as files in `CREDENTIAL_KEYS_DIR`.

One folder per organisation code::

    <CREDENTIAL_KEYS_DIR>/<CODE>/current            the id of the key that signs now
    <CREDENTIAL_KEYS_DIR>/<CODE>/<id>.private.pem   the signing key (mode 0600)
    <CREDENTIAL_KEYS_DIR>/<CODE>/<id>.public.pem    its public half, published for ever

Rotation makes a new key current and deletes the old private keys; their public halves stay
and are published in the DID document and the JWKS, so credentials signed before still
verify. Private keys never enter the database, a log line or a response.
"""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from joserfc.jwk import OKPKey

from accounts.models import Organisation

CURRENT = "current"
PRIVATE_SUFFIX = ".private.pem"
PUBLIC_SUFFIX = ".public.pem"


@dataclass(frozen=True)
class SigningKey:
    key_id: str  # the fragment of the verification method, e.g. "key-20261201-1a2b3c4d"
    key: OKPKey

    def __repr__(self) -> str:  # never print the private key, even in a traceback
        return f"SigningKey({self.key_id!r})"


def _folder(organisation: Organisation) -> Path:
    return Path(settings.CREDENTIAL_KEYS_DIR) / organisation.code


def _write(path: Path, data: bytes, *, mode: int) -> None:
    """Write a file readable only as `mode` allows, replacing any old one in one step."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


def current_key_id(organisation: Organisation) -> str | None:
    try:
        return (_folder(organisation) / CURRENT).read_text().strip() or None
    except FileNotFoundError:
        return None


def key_create(*, organisation: Organisation) -> str:
    """Make a new signing key and make it current; older private keys are deleted.

    Returns the new key's id. The public halves of older keys stay published.
    """
    folder = _folder(organisation)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    key_id = f"key-{timezone.now():%Y%m%d}-{secrets.token_hex(4)}"
    key = OKPKey.generate_key("Ed25519", auto_kid=False)
    _write(folder / f"{key_id}{PRIVATE_SUFFIX}", key.as_pem(private=True), mode=0o600)
    _write(folder / f"{key_id}{PUBLIC_SUFFIX}", key.as_pem(private=False), mode=0o644)
    _write(folder / CURRENT, key_id.encode(), mode=0o644)
    for old in folder.glob(f"*{PRIVATE_SUFFIX}"):
        if old.name != f"{key_id}{PRIVATE_SUFFIX}":
            old.unlink()
    return key_id


def signing_key(organisation: Organisation) -> SigningKey | None:
    """The organisation's current signing key, or None if it has none (or it is missing)."""
    key_id = current_key_id(organisation)
    if key_id is None:
        return None
    try:
        pem = (_folder(organisation) / f"{key_id}{PRIVATE_SUFFIX}").read_bytes()
    except FileNotFoundError:
        return None
    return SigningKey(key_id=key_id, key=OKPKey.import_key(pem))


def public_jwks(organisation: Organisation) -> list[dict]:
    """Every public key the organisation has signed with, the current one first."""
    folder = _folder(organisation)
    current = current_key_id(organisation)
    key_ids = sorted(
        (path.name.removesuffix(PUBLIC_SUFFIX) for path in folder.glob(f"*{PUBLIC_SUFFIX}")),
        key=lambda key_id: (key_id != current, key_id),
    )
    jwks = []
    for key_id in key_ids:
        public = OKPKey.import_key((folder / f"{key_id}{PUBLIC_SUFFIX}").read_bytes())
        jwk = public.as_dict(private=False)
        jwks.append({**jwk, "kid": key_id, "use": "sig", "alg": "EdDSA"})
    return jwks
