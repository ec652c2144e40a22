from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Organisation, User

from .models import Transfer


def transfers_for_user(user: User) -> QuerySet[Transfer]:
    """The handovers a unit's staff may see: those it started and those offered to it."""
    if not user.is_staff_member:
        return Transfer.objects.none()
    organisation = user.organisation_id
    return Transfer.objects.filter(
        Q(from_organisation_id=organisation) | Q(to_organisation_id=organisation)
    ).select_related("youth", "from_organisation", "to_organisation", "started_by", "decided_by")


def incoming_transfers(user: User) -> QuerySet[Transfer]:
    """Handovers waiting for the user's unit to decide, oldest first."""
    return (
        transfers_for_user(user)
        .filter(to_organisation_id=user.organisation_id, status=Transfer.Status.PENDING)
        .order_by("started_at")
    )


def get_transfer_for_user(user: User, pk: int) -> Transfer:
    return get_object_or_404(transfers_for_user(user), pk=pk)


def pending_transfer_of(youth_id: int) -> Transfer | None:
    return (
        Transfer.objects.filter(youth_id=youth_id, status=Transfer.Status.PENDING)
        .select_related("to_organisation", "started_by")
        .first()
    )


def receiving_units(user: User) -> QuerySet[Organisation]:
    """The other youth units on the installation a young person can be handed over to."""
    return (
        Organisation.objects.filter(kind=Organisation.Kind.UNIT)
        .exclude(pk=user.organisation_id)
        .order_by("name")
    )
