"""Template filters for dates and points (a template builtin: no {% load %} needed).

{{ placement.starts_on|date_long }}   1. december 2026 (in a sentence)
{{ entry.observed_on|date_short }}    01.12.2026 (in a table or a form)
{{ entry.created_at|datetime_short }} 01.12.2026 14:05
{{ goal.points|points }}              1 point / 2,5 points
{{ goal.points|points_number }}       2,5 (under a "Points" heading)
"""

from django import template

from accounts import display

register = template.Library()

register.filter("date_long", display.date_long)
register.filter("date_short", display.date_short)
register.filter("datetime_short", display.datetime_short)
register.filter("points", display.points_text)
register.filter("points_number", display.points_number)
