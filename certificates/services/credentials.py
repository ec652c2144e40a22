"""Open Badges 3.0 credentials: made when a certificate is issued, revoked through the
organisation's public status list.

`credential_issue` runs inside the issuing transaction, so a failed signature issues
nothing. An organisation without a signing key yet gets its certificates without a
credential (logged); `manage.py credential_export` makes them once the key exists.
"""

import datetime as dt
import logging
import secrets

from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, User
from accounts.services import history_record

from ..credentials import keys
from ..credentials.documents import (
    STATUS_LIST_SIZE,
    credential_document,
    status_list_document,
    verification_method,
)
from ..credentials.signing import add_data_integrity_proof, sign_jwt
from ..models import Certificate, Credential, StatusList

logger = logging.getLogger(__name__)

# A list is closed when half full, so a random free position is found at once and the
# issued positions stay a small, unguessable part of the list.
STATUS_LIST_FILL = STATUS_LIST_SIZE // 2
INVALID = (Certificate.Status.REVOKED, Certificate.Status.SUPERSEDED)


def _utc_iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _open_status_list(organisation: Organisation) -> StatusList:
    """The list new credentials go on (locked): the newest, or a new one when it is full."""
    latest = (
        StatusList.objects.select_for_update().filter(organisation=organisation).order_by("-number")
    ).first()
    if latest is not None and Credential.objects.filter(status_list=latest).count() < (
        STATUS_LIST_FILL
    ):
        return latest
    return StatusList.objects.create(
        organisation=organisation, number=latest.number + 1 if latest else 1
    )


def _free_position(status_list: StatusList) -> int:
    while True:
        index = secrets.randbelow(STATUS_LIST_SIZE)
        if not Credential.objects.filter(status_list=status_list, status_index=index).exists():
            return index


@transaction.atomic
def credential_issue(*, certificate: Certificate, by: User | None) -> Credential | None:
    """Build and sign the credential of an issued certificate from its frozen snapshot.

    Returns the existing credential if it has one. If the certificate replaces an older
    one, the older one's credential is revoked on the status list at the same time; a
    certificate exported after it was revoked or replaced goes on the list as revoked.
    """
    existing = Credential.objects.filter(certificate=certificate).first()
    if existing is not None:
        return existing
    organisation = certificate.organisation
    key = keys.signing_key(organisation)
    if key is None:
        logger.warning(
            "Certificate %s has no digital credential: organisation %s has no signing key "
            "(run manage.py credential_keys, then credential_export)",
            certificate.number,
            organisation.code,
        )
        return None
    status_list = _open_status_list(organisation)
    index = _free_position(status_list)
    document = credential_document(
        snapshot=certificate.snapshot,
        organisation=organisation,
        valid_from=_utc_iso(certificate.issued_at),
        status_index=index,
        status_list_number=status_list.number,
    )
    method = verification_method(organisation.code, key.key_id)
    credential = Credential.objects.create(
        certificate=certificate,
        status_list=status_list,
        status_index=index,
        document=add_data_integrity_proof(
            document, key=key, verification_method=method, created=_utc_iso(timezone.now())
        ),
        jwt=sign_jwt(document, key=key, verification_method=method),
        key_id=key.key_id,
    )
    history_record(
        by=by,
        action="certificate.credential_issued",
        obj=certificate,
        youth_id=certificate.youth_id,
        detail=certificate.number,
    )
    changes_list = certificate.supersedes_id is not None or certificate.status in INVALID
    if changes_list or not status_list.signed:
        credential_status_publish(organisation=organisation)
    return credential


@transaction.atomic
def credential_status_publish(*, organisation: Organisation) -> None:
    """Sign the organisation's status lists again from the certificates' current status.

    Called when a certificate is revoked or replaced. Lists are locked while signing, so
    two revocations at once both end up on the published list.
    """
    lists = list(
        StatusList.objects.select_for_update().filter(organisation=organisation).order_by("number")
    )
    if not lists:
        return
    key = keys.signing_key(organisation)
    if key is None:
        # Imported here: issuing imports this module. Fail closed: a revocation that the
        # public list would not show must not look done.
        from django.utils.translation import gettext as _

        from .issuing import CertificateError

        logger.error("Organisation %s has status lists but no signing key", organisation.code)
        raise CertificateError(
            _(
                "The digital certificate's revocation list could not be signed, so nothing "
                "was changed. Contact support."
            )
        )
    method = verification_method(organisation.code, key.key_id)
    now = timezone.now()
    for status_list in lists:
        revoked = list(
            Credential.objects.filter(
                status_list=status_list, certificate__status__in=INVALID
            ).values_list("status_index", flat=True)
        )
        document = status_list_document(
            organisation=organisation,
            number=status_list.number,
            revoked=revoked,
            valid_from=_utc_iso(now),
        )
        status_list.signed = sign_jwt(document, key=key, verification_method=method)
        status_list.published_at = now
        status_list.save(update_fields=["signed", "published_at"])


def credential_key_rotate(*, organisation: Organisation, by: User | None) -> str:
    """Give the organisation a new signing key (the first one, or a replacement).

    The status lists are signed again with the new key, so a verifier that checks a list
    with the issuer's current key accepts it; credentials signed with the old key still
    verify through its published public key.
    """
    key_id = keys.key_create(organisation=organisation)
    credential_status_publish(organisation=organisation)
    history_record(
        by=by,
        action="organisation.signing_key_created",
        obj=organisation,
        organisation_id=organisation.pk,
        detail=key_id,
    )
    return key_id
