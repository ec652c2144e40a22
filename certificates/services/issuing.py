"""Certificates: draft, issue, revoke, correct (supersede).

Issuing is two steps, so workers issuing a cohort render in parallel and a worker that
dies loses nothing: `certificate_number_take` locks the organisation's counter for the
year in a short transaction and gives the draft its number and verification code;
`certificate_render_store` freezes a snapshot, renders the PDF once (no lock held), and
stores it with its SHA-256, marking the certificate issued. Run again, each step sees the
work already done. If the render fails, the number is recorded as void with the reason
(every number is accounted for), a stored file is deleted again, and the draft is kept.
Another hook on issuing (e.g. a signed credential) sits beside these two steps.
"""

import hashlib
import logging
import re
import secrets
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.errors import DomainError
from accounts.models import User
from accounts.services import history_record
from goals.models import LearningGoal
from youth.models import ANONYMISED_NAME, Youth

from ..models import Certificate, CertificateCounter, VoidNumber
from ..pdf import certificate_pdf_render
from .credentials import credential_issue, credential_status_publish

logger = logging.getLogger(__name__)

# Crockford base32: no I, L, O or U, so a code typed from paper is hard to get wrong.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 20  # 20 × 5 bits = 100 bits of randomness
CODE_CONFUSABLES = str.maketrans({"I": "1", "L": "1", "O": "0"})
CODE_RE = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")


class CertificateError(DomainError):
    """A certificate operation that cannot be done; the message is shown to the caseworker."""


def verification_code_new() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def verification_code_normalise(typed: str) -> str | None:
    """The stored form of a code typed from paper (any case, dashes, spaces), or None."""
    code = re.sub(r"[\s\-]", "", typed).upper().translate(CODE_CONFUSABLES)
    return code if CODE_RE.match(code) else None


def verification_code_display(code: str) -> str:
    """XXXXX-XXXXX-XXXXX-XXXXX: how the code is printed and shown."""
    return "-".join(code[i : i + 5] for i in range(0, len(code), 5))


def verification_url(code: str) -> str:
    path = reverse("verify:detail", kwargs={"code": verification_code_display(code)})
    return settings.SITE_URL + path


def _record(
    certificate: Certificate, *, by: User | None, action: str, fields=(), detail: str = ""
) -> None:
    history_record(
        by=by,
        action=action,
        obj=certificate,
        youth_id=certificate.youth_id,
        fields=fields,
        detail=detail or certificate.number or "",
    )


def _checked_goals(*, youth: Youth, goals: Iterable[LearningGoal]) -> list[LearningGoal]:
    goals = list(goals)
    if not goals:
        raise CertificateError(_("Choose at least one goal for the certificate."), field="goals")
    if any(goal.placement.youth_id != youth.pk for goal in goals):
        raise CertificateError(
            _("All goals must belong to this young person's placements."), field="goals"
        )
    if any(not goal.is_assessed for goal in goals):
        raise CertificateError(_("Only assessed goals can be on a certificate."), field="goals")
    return goals


@transaction.atomic
def certificate_draft_save(
    *,
    youth: Youth,
    goals: Iterable[LearningGoal],
    by: User,
    draft: Certificate | None = None,
    supersedes: Certificate | None = None,
) -> Certificate:
    """Create a draft for the young person, or change the goals of an existing draft."""
    goals = _checked_goals(youth=youth, goals=goals)
    if draft is None:
        if supersedes is not None and supersedes.status != Certificate.Status.ISSUED:
            raise CertificateError(_("Only a valid certificate can be corrected."))
        draft = Certificate.objects.create(
            organisation_id=youth.organisation_id,
            youth=youth,
            created_by=by,
            supersedes=supersedes,
        )
        action = "certificate.correction_started" if supersedes else "certificate.draft_created"
    elif draft.status != Certificate.Status.DRAFT or draft.youth_id != youth.pk:
        raise CertificateError(_("This certificate is issued and cannot be changed."))
    else:
        action = "certificate.draft_updated"
        if set(draft.goals.values_list("pk", flat=True)) == {goal.pk for goal in goals}:
            return draft
    draft.goals.set(goals)
    # A draft holds only its goals: the action says what changed.
    _record(draft, by=by, action=action, detail=supersedes.number if supersedes else "")
    return draft


@transaction.atomic
def certificate_correction_start(*, certificate: Certificate, by: User) -> Certificate:
    """A correction is a new draft that will replace the old certificate when issued."""
    existing = Certificate.objects.filter(supersedes=certificate).first()
    if existing is not None and existing.status == Certificate.Status.DRAFT:
        return existing
    return certificate_draft_save(
        youth=certificate.youth,
        goals=certificate.goals.select_related("placement"),
        by=by,
        supersedes=certificate,
    )


@transaction.atomic
def certificate_draft_discard(*, certificate: Certificate, by: User) -> None:
    if certificate.status != Certificate.Status.DRAFT:
        raise CertificateError(_("This certificate is issued and cannot be deleted."))
    if certificate.cohort_id is not None:
        raise CertificateError(_("The draft belongs to a cohort: remove the youth there."))
    _record(certificate, by=by, action="certificate.draft_discarded")
    certificate.delete()


def certificate_snapshot(certificate: Certificate, *, issued_by: User) -> dict:
    """Everything the certificate prints, as plain JSON (number and code added on issue).

    Built in Danish, like the PDF, whatever language the caseworker uses.
    """
    with translation.override("da"):
        return _snapshot(certificate, issued_by=issued_by)


def _snapshot(certificate: Certificate, *, issued_by: User) -> dict:
    youth = certificate.youth
    organisation = certificate.organisation
    goals = _checked_goals(
        youth=youth,
        goals=certificate.goals.select_related("placement__company", "placement__mentor").order_by(
            "area", "placement__starts_on", "pk"
        ),
    )
    placements = sorted({goal.placement for goal in goals}, key=lambda p: (p.starts_on, p.pk))
    mentors = list(dict.fromkeys(p.mentor.name for p in placements if p.mentor))
    lines = _goal_lines(goals)
    return {
        "organisation": {
            "name": organisation.name,
            "code": organisation.code,
            "address": organisation.address,
            "logo": organisation.logo.name if organisation.logo else "",
        },
        "youth": {"name": youth.full_name, "first_name": youth.first_name},
        "placements": [
            {
                "company": placement.company.name,
                "kind": placement.get_kind_display(),
                "starts_on": placement.starts_on.isoformat(),
                "ends_on": placement.ends_on.isoformat() if placement.ends_on else None,
            }
            for placement in placements
        ],
        "goals": lines,
        "total_points": str(sum(Decimal(line["points"]) for line in lines)),
        "caseworker": issued_by.get_full_name() or issued_by.username,
        "mentors": mentors,
    }


def _goal_lines(goals: list[LearningGoal]) -> list[dict]:
    """One line per goal as printed: the same goal shown at several workplaces is one line.

    "The same goal" is the same title in the same area. The line keeps the highest level
    reached and the most points of the copies, so learning the goal twice does not count
    its points twice, and it names every workplace where it was shown.
    """
    lines: dict[tuple[str, str], dict] = {}
    for goal in goals:
        key = (goal.area, " ".join(goal.title.split()).casefold())
        line = lines.setdefault(
            key,
            {
                "title": goal.title,
                "criteria": goal.criteria,
                "area": goal.area,
                "level": goal.assessed_level,
                "points": str(goal.points),
                "workplaces": [],
            },
        )
        line["level"] = max(line["level"], goal.assessed_level)
        line["points"] = str(max(Decimal(line["points"]), goal.points))
        if goal.placement.company.name not in line["workplaces"]:
            line["workplaces"].append(goal.placement.company.name)
    return list(lines.values())


def certificate_preview(*, certificate: Certificate, by: User) -> bytes:
    """The draft as PDF, marked "KLADDE – ikke gyldigt", with no number and no code."""
    try:
        return certificate_pdf_render(certificate_snapshot(certificate, issued_by=by), draft=True)
    except CertificateError:
        raise
    except Exception as error:
        logger.exception("Certificate preview failed for certificate %s", certificate.pk)
        raise CertificateError(
            _("The preview could not be made. Try again, or contact support if it keeps failing.")
        ) from error


def _next_sequence(*, organisation_id: int, year: int) -> int:
    """Gapless per organisation and year: the counter row is locked until commit."""
    CertificateCounter.objects.bulk_create(
        [CertificateCounter(organisation_id=organisation_id, year=year)], ignore_conflicts=True
    )
    counter = CertificateCounter.objects.select_for_update().get(
        organisation_id=organisation_id, year=year
    )
    counter.last_sequence += 1
    counter.save(update_fields=["last_sequence"])
    return counter.last_sequence


def certificate_issue(*, certificate: Certificate, issued_by: User) -> Certificate:
    """Issue a draft: take a number (short transaction), then render and store it.

    A draft whose render never finished (a worker that died) keeps the number it took.
    """
    certificate = certificate_number_take(certificate=certificate, by=issued_by)
    return certificate_render_store(certificate=certificate, issued_by=issued_by)


@transaction.atomic
def certificate_number_take(*, certificate: Certificate, by: User) -> Certificate:
    """Give the draft its number and verification code, holding the counter lock only for
    this short transaction, so other workers can take numbers while this one renders.
    A draft that already has a number (a render that never finished) keeps it."""
    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("organisation", "cohort")
        .get(pk=certificate.pk)
    )
    if certificate.status != Certificate.Status.DRAFT:
        raise CertificateError(_("This certificate has already been issued."))
    if certificate.cohort is not None and certificate.cohort.approved_on is None:
        raise CertificateError(_("The cohort is not approved by the awarding body yet."))
    if certificate.number:
        return certificate
    year = timezone.localdate().year
    sequence = _next_sequence(organisation_id=certificate.organisation_id, year=year)
    certificate.number = f"{certificate.organisation.code}-{year}-{sequence:04d}"
    certificate.year = year
    certificate.sequence = sequence
    certificate.verification_code = verification_code_new()
    certificate.save(update_fields=["number", "year", "sequence", "verification_code"])
    return certificate


def certificate_render_store(*, certificate: Certificate, issued_by: User) -> Certificate:
    """Render the numbered draft (no lock held) and store it as issued. If the render fails,
    the number is recorded as void with the reason, and the draft is kept without it."""
    written: list[str] = []
    try:
        snapshot, pdf = _render(certificate=certificate, issued_by=issued_by)
        with transaction.atomic():
            _store_locked(
                certificate_pk=certificate.pk,
                number=certificate.number,
                snapshot=snapshot,
                pdf=pdf,
                issued_by=issued_by,
                written=written,
            )
    except Exception as error:
        # The rollback undid the rows; the file in storage must go too.
        for name in written:
            _delete_quietly(name)
        if not isinstance(error, CertificateError):
            logger.exception("Issuing certificate %s failed", certificate.pk)
            error = CertificateError(
                _(
                    "The certificate could not be made, so nothing was issued. The draft is "
                    "kept. Try again, or contact support if it keeps failing."
                )
            )
        _number_void(
            certificate_pk=certificate.pk,
            number=certificate.number,
            reason=str(error),
            by=issued_by,
        )
        raise error from None
    return Certificate.objects.get(pk=certificate.pk)


def _render(*, certificate: Certificate, issued_by: User) -> tuple[dict, bytes]:
    certificate = Certificate.objects.select_related(
        "youth", "organisation", "supersedes", "cohort"
    ).get(pk=certificate.pk)
    old = certificate.supersedes
    if old is not None and old.status != Certificate.Status.ISSUED:
        raise CertificateError(_("The certificate being corrected is no longer valid."))
    cohort = certificate.cohort
    snapshot = certificate_snapshot(certificate, issued_by=issued_by)
    now = timezone.now()
    snapshot |= {
        "number": certificate.number,
        "verification_code": verification_code_display(certificate.verification_code),
        "verification_url": verification_url(certificate.verification_code),
        "issued_on": timezone.localdate(now).isoformat(),
        "supersedes_number": old.number if old else "",
        "quality_assured_on": cohort.approved_on.isoformat() if cohort else None,
    }
    return snapshot, certificate_pdf_render(snapshot)


def _store_locked(
    *,
    certificate_pk: int,
    number: str,
    snapshot: dict,
    pdf: bytes,
    issued_by: User,
    written: list[str],
) -> None:
    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("supersedes")
        .get(pk=certificate_pk)
    )
    if certificate.status != Certificate.Status.DRAFT or certificate.number != number:
        # Another worker finished this certificate first: nothing more to do.
        return
    old = certificate.supersedes
    certificate.pdf.save(f"{number}.pdf", ContentFile(pdf), save=False)
    written.append(certificate.pdf.name)
    certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    certificate.status = Certificate.Status.ISSUED
    certificate.snapshot = snapshot
    certificate.issued_at = timezone.now()
    certificate.issued_on = date.fromisoformat(snapshot["issued_on"])
    certificate.issued_by = issued_by
    # The database's constraints (unique number and code, issued is complete) guard this
    # save; a violation rolls the transaction back like any other failure.
    certificate.save()
    if old is not None:
        old.status = Certificate.Status.SUPERSEDED
        old.save(update_fields=["status"])
    _record(certificate, by=issued_by, action="certificate.issued")
    credential_issue(certificate=certificate, by=issued_by)


@transaction.atomic
def _number_void(*, certificate_pk: int, number: str | None, reason: str, by: User) -> None:
    """Record a taken number as void and take it off the draft, so a retry gets a new one."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate_pk)
    if not number or certificate.status != Certificate.Status.DRAFT:
        return
    if certificate.number == number:
        VoidNumber.objects.get_or_create(
            number=number,
            defaults={
                "organisation_id": certificate.organisation_id,
                "year": certificate.year,
                "sequence": certificate.sequence,
                "certificate": certificate,
                "reason": reason[:300],
            },
        )
        certificate.number = certificate.year = certificate.sequence = None
        certificate.verification_code = None
        certificate.save(update_fields=["number", "year", "sequence", "verification_code"])
        # The reason is an error message, kept with the void number; the history names it.
        _record(certificate, by=by, action="certificate.number_voided", detail=number)


def _delete_quietly(name: str) -> None:
    if name:
        try:
            default_storage.delete(name)
        except OSError:
            logger.exception("Could not delete %s after a failed issue", name)


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, by: User) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != Certificate.Status.ISSUED:
        raise CertificateError(_("Only a valid certificate can be revoked."))
    reason = reason.strip()
    if not reason:
        raise CertificateError(_("Write why the certificate is revoked."), field="reason")
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason[:300]
    certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])
    _record(certificate, by=by, action="certificate.revoked", fields=["revocation_reason"])
    credential_status_publish(organisation=certificate.organisation)
    return certificate


def certificates_anonymise(*, youth: Youth) -> None:
    """A revoked certificate keeps that it had a reason, not the reason's free text. The
    frozen snapshot and the PDF stay, so the certificate still verifies."""
    Certificate.objects.filter(youth=youth).exclude(revocation_reason="").update(
        revocation_reason=ANONYMISED_NAME
    )
