from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.display import date_long
from accounts.errors import FieldError
from accounts.models import User
from companies.models import Company, Mentor
from youth.models import Youth

from .models import FollowUp, Placement

# What a caseworker may change on a placement after it is created (not who or where).
PLACEMENT_FIELDS = (
    "mentor",
    "kind",
    "starts_on",
    "ends_on",
    "hours_per_week",
    "accommodations",
    "expectations",
    "follow_up_interval_days",
    "next_follow_up_on",
)


class PlacementError(FieldError):
    """A placement change that cannot be made; `field` names the form field, if any."""


def placement_period_check(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise PlacementError(
            _("The end date is before the start date (%(start)s).")
            % {"start": date_long(starts_on)},
            field="ends_on",
        )


def _check_mentor(mentor: Mentor | None, company: Company) -> None:
    if mentor is None:
        return
    if mentor.company_id != company.pk:
        raise PlacementError(
            _("%(mentor)s is not a mentor at %(company)s. Choose one of the company's mentors.")
            % {"mentor": mentor.name, "company": company.name},
            field="mentor",
        )
    if not mentor.is_active:
        raise PlacementError(
            _("%(mentor)s is no longer active as a mentor.") % {"mentor": mentor.name},
            field="mentor",
        )


def _plan_next_follow_up(placement: Placement) -> None:
    """An unplanned next follow-up: one interval after the latest note, or after the start."""
    if placement.next_follow_up_on is not None:
        return
    notes = FollowUp.objects.filter(placement_id=placement.pk) if placement.pk else []
    latest = notes.order_by("-held_on").first() if notes else None
    since = latest.held_on if latest else placement.starts_on
    placement.next_follow_up_on = since + timedelta(days=placement.follow_up_interval_days)


def _locked(placement: Placement) -> Placement:
    return (
        Placement.objects.select_for_update(of=("self",))
        .select_related("youth", "company", "mentor")
        .get(pk=placement.pk)
    )


@transaction.atomic
def placement_create(
    *,
    youth: Youth,
    company: Company,
    mentor: Mentor | None,
    kind: str,
    starts_on: date,
    ends_on: date | None,
    hours_per_week: Decimal,
    accommodations: str = "",
    expectations: str = "",
    follow_up_interval_days: int = 14,
    next_follow_up_on: date | None = None,
    by: User,
) -> Placement:
    if company.organisation_id != youth.organisation_id:
        raise PlacementError(_("The company is not in your network."), field="company")
    if not company.is_active:
        raise PlacementError(
            _("%(company)s is not active in the network.") % {"company": company.name},
            field="company",
        )
    if youth.status != Youth.Status.ACTIVE:
        raise PlacementError(
            _("%(name)s's course has ended.") % {"name": youth.full_name}, field="youth"
        )
    _check_mentor(mentor, company)
    placement_period_check(starts_on, ends_on)
    placement = Placement(
        organisation_id=youth.organisation_id,
        youth=youth,
        company=company,
        mentor=mentor,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        hours_per_week=hours_per_week,
        accommodations=accommodations,
        expectations=expectations,
        follow_up_interval_days=follow_up_interval_days,
        next_follow_up_on=next_follow_up_on,
        created_by=by,
    )
    _plan_next_follow_up(placement)
    placement.full_clean()
    placement.save()
    return placement


@transaction.atomic
def placement_update(*, placement: Placement, data: dict) -> Placement:
    placement = _locked(placement)
    mentor_before = placement.mentor_id
    plan_before = (placement.follow_up_interval_days, placement.next_follow_up_on)
    for field in PLACEMENT_FIELDS:
        if field in data:
            setattr(placement, field, data[field])
    if placement.mentor_id != mentor_before:
        _check_mentor(placement.mentor, placement.company)
    placement_period_check(placement.starts_on, placement.ends_on)
    # A new interval (with the date left as it was) or an emptied date is planned anew from
    # the latest note or the start; an unchanged form changes nothing.
    interval, next_on = placement.follow_up_interval_days, placement.next_follow_up_on
    if interval != plan_before[0] and next_on == plan_before[1]:
        placement.next_follow_up_on = None
    if (interval, next_on) != plan_before:
        _plan_next_follow_up(placement)
    placement.full_clean()
    placement.save()
    return placement


@transaction.atomic
def placement_start(*, placement: Placement) -> Placement:
    """Planned → active: the young person has started at the company."""
    placement = _locked(placement)
    if placement.status != Placement.Status.PLANNED:
        raise PlacementError(_("Only a planned placement can be started."))
    placement.status = Placement.Status.ACTIVE
    placement.save(update_fields=["status", "updated_at"])
    return placement


@transaction.atomic
def placement_complete(*, placement: Placement) -> Placement:
    """Active → completed. The end date stays if it is set; otherwise it is today."""
    placement = _locked(placement)
    if placement.status != Placement.Status.ACTIVE:
        raise PlacementError(_("Only a running placement can be completed."))
    placement.ends_on = placement.ends_on or timezone.localdate()
    placement_period_check(placement.starts_on, placement.ends_on)
    placement.status = Placement.Status.COMPLETED
    placement.save(update_fields=["status", "ends_on", "updated_at"])
    return placement


@transaction.atomic
def placement_interrupt(
    *, placement: Placement, category: str, ends_on: date, reason: str = ""
) -> Placement:
    """Planned or active → interrupted, with the reason's category, a note and the last day."""
    placement = _locked(placement)
    if not placement.is_open:
        raise PlacementError(_("Only a planned or running placement can be interrupted."))
    if category not in Placement.InterruptionCategory.values:
        raise PlacementError(_("Choose why the placement is interrupted."), field="category")
    placement_period_check(placement.starts_on, ends_on)
    placement.status = Placement.Status.INTERRUPTED
    placement.interruption_category = category
    placement.interruption_reason = reason.strip()
    placement.ends_on = ends_on
    placement.save(
        update_fields=[
            "status",
            "interruption_category",
            "interruption_reason",
            "ends_on",
            "updated_at",
        ]
    )
    return placement


@transaction.atomic
def followup_create(
    *, placement: Placement, author: User, held_on: date, kind: str, note: str
) -> FollowUp:
    if held_on > timezone.localdate():
        raise PlacementError(
            _("A follow-up note is about something that has happened. Choose today or earlier."),
            field="held_on",
        )
    follow_up = FollowUp(placement=placement, author=author, held_on=held_on, kind=kind, note=note)
    follow_up.full_clean()
    follow_up.save()
    # The next follow-up is planned one interval after this one (unless already planned later).
    placement = _locked(placement)
    planned = held_on + timedelta(days=placement.follow_up_interval_days)
    if placement.next_follow_up_on is None or planned > placement.next_follow_up_on:
        placement.next_follow_up_on = planned
        placement.save(update_fields=["next_follow_up_on", "updated_at"])
    return follow_up
