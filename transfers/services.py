"""Handing a young person over to another unit. Every write here is a service that takes
the acting user; the receiving unit decides."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.errors import DomainError
from accounts.models import Organisation, User
from accounts.services import history_record
from certificates.models import Certificate, Cohort, CohortMember
from placements.models import Placement
from youth.models import Youth

from .models import Transfer


class TransferError(DomainError):
    """A handover that cannot be started or decided now; the message says why."""


def _blockers(youth: Youth) -> list[str]:
    """What must be finished at the sending unit first: work in progress there would
    otherwise have nobody who may finish it (the receiver only reads what came before)."""
    reasons = []
    running = (Placement.Status.PLANNED, Placement.Status.ACTIVE)
    if Placement.objects.filter(youth=youth, status__in=running).exists():
        reasons.append(_("Complete or interrupt the planned or running placement first."))
    if Certificate.objects.filter(youth=youth, status=Certificate.Status.DRAFT).exists():
        reasons.append(_("Issue or delete the draft certificate first."))
    in_cohort = CohortMember.objects.filter(youth=youth).exclude(
        cohort__status=Cohort.Status.ISSUED
    )
    if in_cohort.exists():
        reasons.append(_("Take the young person out of the cohort, or finish the cohort, first."))
    return reasons


def _record(transfer: Transfer, *, by: User, action: str, organisation_id: int) -> None:
    """In the history of the unit that acted; the young person's profile shows every row
    about them, so each unit sees the other's answer there. The note and the reason for
    declining are the units' own words and stay on the transfer."""
    history_record(
        by=by,
        action=action,
        obj=transfer,
        organisation_id=organisation_id,
        youth_id=transfer.youth_id,
    )


def _check_blockers(youth: Youth) -> None:
    if reasons := _blockers(youth):
        raise TransferError(" ".join(reasons))


def transfer_start(*, youth: Youth, to_organisation: Organisation, note: str, by: User) -> Transfer:
    """Offer the young person to another unit. Nothing moves until the receiver accepts."""
    with transaction.atomic():
        youth = Youth.objects.select_for_update().get(pk=youth.pk)
        if not (by.is_caseworker and by.organisation_id == youth.organisation_id):
            raise TransferError(_("Only the young person's own unit can hand them over."))
        if youth.anonymised_at is not None:
            raise TransferError(_("An anonymised person cannot be handed over."))
        if (
            to_organisation.pk == youth.organisation_id
            or to_organisation.kind != Organisation.Kind.UNIT
        ):
            raise TransferError(
                _("Choose another youth unit on the installation."), field="to_organisation"
            )
        if Transfer.objects.filter(youth=youth, status=Transfer.Status.PENDING).exists():
            raise TransferError(_("A handover of this young person is already waiting."))
        _check_blockers(youth)
        transfer = Transfer.objects.create(
            youth=youth,
            from_organisation_id=youth.organisation_id,
            to_organisation=to_organisation,
            note=note.strip(),
            started_by=by,
        )
        _record(transfer, by=by, action="transfer.started", organisation_id=youth.organisation_id)
        return transfer


def _decide(transfer: Transfer, *, by: User, organisation_id: int) -> Transfer:
    """Lock a pending handover for a decision by a caseworker of the given unit."""
    transfer = Transfer.objects.select_for_update().get(pk=transfer.pk)
    if transfer.status != Transfer.Status.PENDING:
        raise TransferError(_("This handover has already been decided."))
    if not (by.is_caseworker and by.organisation_id == organisation_id):
        raise TransferError(_("Only a caseworker of the unit concerned can decide this."))
    transfer.decided_by = by
    transfer.decided_at = timezone.now()
    return transfer


def transfer_cancel(*, transfer: Transfer, by: User) -> Transfer:
    """The sender withdraws the offer before the receiver has decided."""
    with transaction.atomic():
        transfer = _decide(transfer, by=by, organisation_id=transfer.from_organisation_id)
        transfer.status = Transfer.Status.CANCELLED
        transfer.save(update_fields=["status", "decided_by", "decided_at"])
        _record(
            transfer,
            by=by,
            action="transfer.cancelled",
            organisation_id=transfer.from_organisation_id,
        )
        return transfer


def transfer_decline(*, transfer: Transfer, reason: str, by: User) -> Transfer:
    """The receiver says no, with a reason the sender sees."""
    if not reason.strip():
        raise TransferError(_("Write why the handover is declined."), field="decline_reason")
    with transaction.atomic():
        transfer = _decide(transfer, by=by, organisation_id=transfer.to_organisation_id)
        transfer.status = Transfer.Status.DECLINED
        transfer.decline_reason = reason.strip()
        transfer.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
        _record(
            transfer, by=by, action="transfer.declined", organisation_id=transfer.to_organisation_id
        )
        return transfer


def transfer_accept(*, transfer: Transfer, caseworker: User, by: User) -> Transfer:
    """The receiver takes the young person over: from now on the youth belongs to the
    receiving unit with `caseworker` as their caseworker. What was made before (placements,
    goals, progress, hours, reports, certificates) keeps the unit it was made in."""
    with transaction.atomic():
        transfer = _decide(transfer, by=by, organisation_id=transfer.to_organisation_id)
        if not (caseworker.is_caseworker and caseworker.organisation_id == by.organisation_id):
            raise TransferError(_("Choose a caseworker in your own unit."), field="caseworker")
        youth = Youth.objects.select_for_update().get(pk=transfer.youth_id)
        _check_blockers(youth)
        youth.organisation_id = transfer.to_organisation_id
        youth.caseworker = caseworker
        youth.save(update_fields=["organisation", "caseworker"])
        transfer.status = Transfer.Status.ACCEPTED
        transfer.save(update_fields=["status", "decided_by", "decided_at"])
        history_record(
            by=by,
            action="youth.transferred",
            obj=youth,
            youth_id=youth.pk,
            fields=["organisation", "caseworker"],
        )
        return transfer
