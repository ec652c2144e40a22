"""The hours-and-attendance card, included with one line on a placement page (the
caseworker's and the mentor's)."""

from django import template
from django.utils import timezone

from accounts.models import User
from placements.forms import WeeklyHoursForm
from placements.models import Placement, WeeklyHours
from placements.selectors import current_weeks, weekly_hours_for_user
from placements.services import week_start

register = template.Library()

WEEKS_SHOWN = 8


@register.inclusion_tag("placements/partials/hours_card.html")
def hours_card(placement: Placement, user: User, form: WeeklyHoursForm | None = None) -> dict:
    entries = weekly_hours_for_user(user).filter(placement=placement)
    weeks = current_weeks(entries[: WEEKS_SHOWN * 4])[:WEEKS_SHOWN]
    may_record = user.is_caseworker or (
        user.is_mentor and placement.mentor_may_log_on(timezone.localdate())
    )
    days_planned = weeks[0].days_planned if weeks else 5
    return {
        "placement": placement,
        "weeks": weeks,
        "may_record": may_record,
        "form": form
        or WeeklyHoursForm(
            auto_id=f"id_hours_%s_{placement.pk}",
            initial={
                "week": week_start(placement.last_observation_day(timezone.localdate())),
                "attendance": WeeklyHours.Attendance.AS_AGREED,
                "hours_worked": placement.hours_per_week,
                "days_attended": days_planned,
                "days_planned": days_planned,
            },
        ),
    }
