from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.changes import model_update
from accounts.display import date_long
from accounts.errors import DomainError
from accounts.models import User
from accounts.services import history_record
from companies.models import Company, Mentor
from youth.models import ANONYMISED_NAME, Youth

from .models import FollowUp, Placement, WeeklyHours

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
FOLLOW_UP_FIELDS = ("held_on", "kind", "note")


class PlacementError(DomainError):
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


def placement_history_record(
    placement: Placement,
    *,
    by: User | None,
    action: str,
    fields=(),
    obj=None,
    detail: str = "",
) -> None:
    """A row in the young person's history about the placement, or about `obj` on it (a
    follow-up, a week's hours, a learning goal, a progress entry)."""
    history_record(
        by=by,
        action=action,
        obj=obj or placement,
        organisation_id=placement.organisation_id,
        youth_id=placement.youth_id,
        fields=fields,
        detail=detail,
    )


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
        organisation_id=youth.organisation_id, youth=youth, company=company, created_by=by
    )
    given = model_update(
        placement,
        {
            "mentor": mentor,
            "kind": kind,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "hours_per_week": hours_per_week,
            "accommodations": accommodations,
            "expectations": expectations,
            "follow_up_interval_days": follow_up_interval_days,
            "next_follow_up_on": next_follow_up_on,
        },
        PLACEMENT_FIELDS,
    )
    _plan_next_follow_up(placement)
    placement.full_clean()
    placement.save()
    placement_history_record(
        placement, by=by, action="placement.created", fields=["company", *given]
    )
    return placement


@transaction.atomic
def placement_update(*, placement: Placement, data: dict, by: User) -> Placement:
    placement = _locked(placement)
    plan_before = (placement.follow_up_interval_days, placement.next_follow_up_on)
    changed = model_update(placement, data, PLACEMENT_FIELDS)
    if "mentor" in changed:
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
    # A new interval moves the next follow-up by itself.
    if placement.next_follow_up_on != plan_before[1] and "next_follow_up_on" not in changed:
        changed.append("next_follow_up_on")
    if changed:
        placement_history_record(placement, by=by, action="placement.updated", fields=changed)
    return placement


@transaction.atomic
def placement_start(*, placement: Placement, by: User) -> Placement:
    """Planned → active: the young person has started at the company."""
    placement = _locked(placement)
    if placement.status != Placement.Status.PLANNED:
        raise PlacementError(_("Only a planned placement can be started."))
    placement.status = Placement.Status.ACTIVE
    placement.save(update_fields=["status", "updated_at"])
    placement_history_record(placement, by=by, action="placement.started", fields=["status"])
    return placement


@transaction.atomic
def placement_complete(*, placement: Placement, by: User) -> Placement:
    """Active → completed. The end date stays if it is set; otherwise it is today."""
    placement = _locked(placement)
    if placement.status != Placement.Status.ACTIVE:
        raise PlacementError(_("Only a running placement can be completed."))
    changed = model_update(
        placement,
        {
            "ends_on": placement.ends_on or timezone.localdate(),
            "status": Placement.Status.COMPLETED,
        },
        ("status", "ends_on"),
    )
    placement_period_check(placement.starts_on, placement.ends_on)
    placement.save(update_fields=["status", "ends_on", "updated_at"])
    placement_history_record(placement, by=by, action="placement.completed", fields=changed)
    return placement


INTERRUPTION_FIELDS = ("status", "interruption_category", "interruption_reason", "ends_on")


@transaction.atomic
def placement_interrupt(
    *, placement: Placement, category: str, ends_on: date, reason: str = "", by: User
) -> Placement:
    """Planned or active → interrupted, with the reason's category, a note and the last day."""
    placement = _locked(placement)
    if not placement.is_open:
        raise PlacementError(_("Only a planned or running placement can be interrupted."))
    if category not in Placement.InterruptionCategory.values:
        raise PlacementError(_("Choose why the placement is interrupted."), field="category")
    placement_period_check(placement.starts_on, ends_on)
    interruption = {
        "status": Placement.Status.INTERRUPTED,
        "interruption_category": category,
        "interruption_reason": reason.strip(),
        "ends_on": ends_on,
    }
    changed = model_update(placement, interruption, INTERRUPTION_FIELDS)
    placement.save(update_fields=[*INTERRUPTION_FIELDS, "updated_at"])
    placement_history_record(placement, by=by, action="placement.interrupted", fields=changed)
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
    follow_up = FollowUp(placement=placement, author=author)
    given = model_update(
        follow_up, {"held_on": held_on, "kind": kind, "note": note}, FOLLOW_UP_FIELDS
    )
    follow_up.full_clean()
    follow_up.save()
    placement_history_record(
        placement, by=author, action="followup.created", fields=given, obj=follow_up
    )
    # The next follow-up is planned one interval after this one (unless already planned later).
    placement = _locked(placement)
    planned = held_on + timedelta(days=placement.follow_up_interval_days)
    if placement.next_follow_up_on is None or planned > placement.next_follow_up_on:
        placement.next_follow_up_on = planned
        placement.save(update_fields=["next_follow_up_on", "updated_at"])
    return follow_up


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def _check_hours_author(placement: Placement, by: User) -> None:
    if by.is_mentor:
        if placement.mentor is None or placement.mentor.user_id != by.pk:
            raise PlacementError(_("You can only record hours on your own placements."))
        if not placement.mentor_may_log_on(timezone.localdate()):
            raise PlacementError(
                _("The placement is not running. Your contact at the municipality records it.")
            )
        return
    if not (by.is_caseworker and by.organisation_id == placement.organisation_id):
        raise PlacementError(_("You may not record hours on this placement."))


@transaction.atomic
def weekly_hours_record(
    *,
    placement: Placement,
    week: date,
    attendance: str,
    hours_worked: Decimal,
    days_attended: int,
    days_planned: int,
    by: User,
) -> WeeklyHours:
    """Record a week's hours and attendance. Nothing is changed: a new entry for the same
    week supersedes the earlier one (the newest counts)."""
    placement = _locked(placement)
    _check_hours_author(placement, by)
    monday = week_start(week)
    if monday > week_start(timezone.localdate()):
        raise PlacementError(
            _("The week has not started yet. Record hours when the week has begun."),
            field="week",
        )
    sunday = monday + timedelta(days=6)
    if sunday < placement.starts_on or (placement.ends_on and monday > placement.ends_on):
        raise PlacementError(
            _("The week is outside the placement (%(start)s–%(end)s).")
            % {
                "start": placement.starts_on.strftime("%d.%m.%Y"),
                "end": placement.ends_on.strftime("%d.%m.%Y") if placement.ends_on else "",
            },
            field="week",
        )
    ceiling = placement.hours_per_week * 2
    if hours_worked > ceiling:
        raise PlacementError(
            _(
                "%(hours)s hours is more than twice the planned %(planned)s hours a week. "
                "Check the number."
            )
            % {"hours": hours_worked, "planned": placement.hours_per_week},
            field="hours_worked",
        )
    if attendance == WeeklyHours.Attendance.AS_AGREED:
        days_attended = days_planned
    if days_attended > days_planned:
        raise PlacementError(
            _("Days attended cannot be more than days planned."), field="days_attended"
        )
    if attendance == WeeklyHours.Attendance.ABSENT and (days_attended or hours_worked):
        raise PlacementError(_('"Did not attend" means no days and no hours.'), field="attendance")
    entry = WeeklyHours(
        placement=placement,
        week_starts_on=monday,
        attendance=attendance,
        hours_worked=hours_worked,
        days_attended=days_attended,
        days_planned=days_planned,
        author=by,
    )
    entry.full_clean(exclude=["placement", "author"])
    entry.save()
    placement_history_record(
        placement,
        by=by,
        action="hours.recorded",
        obj=entry,
        fields=["attendance", "hours_worked", "days_attended"],
        detail=f"uge {monday.isocalendar().week}, {monday.isocalendar().year}",
    )
    return entry


def placements_anonymise(*, youth: Youth) -> None:
    """Clear the free text of the young person's placements and follow-ups, which may name
    people or health matters; an interruption keeps that it had a reason."""
    placements = Placement.objects.filter(youth=youth)
    placements.update(accommodations="", expectations="")
    placements.exclude(interruption_reason="").update(interruption_reason=ANONYMISED_NAME)
    FollowUp.objects.filter(placement__youth=youth).update(note="")
