"""Template filters for dates and points (a template builtin: no {% load %} needed).

{{ placement.starts_on|date_long }}   1. december 2026 (in a sentence)
{{ entry.observed_on|date_short }}    01.12.2026 (in a table or a form)
{{ entry.created_at|datetime_short }} 01.12.2026 14:05
{{ goal.points|points }}              1 point / 2,5 points
{{ goal.points|points_number }}       2,5 (under a "Points" heading)
{% if user|may_change:placement.organisation_id %} write buttons of a row
"""

from django import template

from accounts import display

register = template.Library()

register.filter("date_long", display.date_long)
register.filter("date_short", display.date_short)
register.filter("datetime_short", display.datetime_short)
register.filter("points", display.points_text)
register.filter("points_number", display.points_number)


@register.filter
def may_change(user, made_in: int) -> bool:
    """{% if user|may_change:placement.organisation_id %}: the write buttons of a row, shown
    only to a caseworker of the organisation that made it (the same rule as
    `accounts.access.require_write`)."""
    return user.is_caseworker and user.organisation_id == made_in
