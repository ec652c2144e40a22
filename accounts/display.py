"""How dates and points are written, the same way on every page, e-mail and message.

Prose gets the long date ("1. december 2026"), tables and forms the short one
("01.12.2026"); the formats themselves are in config/formats/<language>/formats.py.
"""

import datetime as dt
from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import ngettext


def date_long(value: dt.date | None) -> str:
    """A date in a sentence: "1. december 2026"."""
    return date_format(_local(value), "DATE_FORMAT") if value else ""


def date_short(value: dt.date | None) -> str:
    """A date in a table or a form: "01.12.2026"."""
    return date_format(_local(value), "SHORT_DATE_FORMAT") if value else ""


def datetime_short(value: dt.datetime | None) -> str:
    """A moment in a table: "01.12.2026 14:05", in Copenhagen time."""
    return date_format(_local(value), "SHORT_DATETIME_FORMAT") if value else ""


def _local(value: dt.date) -> dt.date:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def person_name(first_name: str, last_name: str, username: str) -> str:
    """A person as User.__str__ writes them, from plain values: the full name, or the
    username when there is none."""
    return f"{first_name} {last_name}".strip() or username


def points_number(value: Decimal | float | int | None) -> str:
    """Points as a number: "2", "2,5" (no trailing ",0")."""
    return "" if value is None else floatformat(value, -1)


def points_text(value: Decimal | float | int | None) -> str:
    """Points with their unit, singular for exactly one: "1 point", "2,5 points"."""
    if value is None:
        return ""
    count = 1 if Decimal(value) == 1 else 2
    return ngettext("%(points)s point", "%(points)s points", count) % {
        "points": points_number(value)
    }
