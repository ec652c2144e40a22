import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.forms import DATE_INPUT_FORMATS, DateInput
from accounts.models import Organisation

from .statistics import Period
from .statistics.period import FIRST_DAY

FIRST_YEAR = FIRST_DAY.year


def _years() -> list[tuple[int, int]]:
    return [(year, year) for year in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


class PeriodForm(forms.Form):
    """The period of the statistics page. Read from the query string: nothing is saved."""

    THIS_YEAR = "this_year"
    LAST_12_MONTHS = "last_12_months"
    YEAR = "year"
    ALL = "all"
    CUSTOM = "custom"

    period = forms.ChoiceField(
        label=_("Period"),
        choices=[
            (THIS_YEAR, _("This year")),
            (LAST_12_MONTHS, _("The last 12 months")),
            (YEAR, _("A calendar year")),
            (ALL, _("All time")),
            (CUSTOM, _("Choose dates")),
        ],
        initial=THIS_YEAR,
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        choices=_years,
        coerce=int,
        required=False,
        help_text=_('With "A calendar year".'),
    )
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=DateInput(),
        input_formats=DATE_INPUT_FORMATS,
        help_text=_('With "Choose dates".'),
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=DateInput(), input_formats=DATE_INPUT_FORMATS
    )

    def clean(self):
        data = super().clean()
        if data.get("period") == self.YEAR and not data.get("year"):
            self.add_error("year", _("Choose a year."))
        if data.get("period") == self.CUSTOM:
            start, end = data.get("start"), data.get("end")
            if not start:
                self.add_error("start", _("Enter the first day of the period."))
            if not end:
                self.add_error("end", _("Enter the last day of the period."))
            if start and start < FIRST_DAY:
                self.add_error(
                    "start",
                    _("The statistics start on %(date)s. Choose that day or a later one.")
                    % {"date": date_format(FIRST_DAY, "j. F Y")},
                )
            today = timezone.localdate()
            if end and end > today:
                self.add_error(
                    "end",
                    _("The period can end today (%(date)s) at the latest.")
                    % {"date": date_format(today, "j. F Y")},
                )
            if start and end and start > end:
                self.add_error("end", _("The period cannot end before it starts."))
        return data

    def to_period(self, organisation: Organisation, today: dt.date) -> Period:
        """The chosen period; call after `is_valid()`."""
        data = self.cleaned_data
        match data["period"]:
            case self.LAST_12_MONTHS:
                return Period.last_12_months(today)
            case self.YEAR:
                return Period.calendar_year(data["year"])
            case self.ALL:
                return Period.all_time(organisation, today)
            case self.CUSTOM:
                return Period(data["start"], data["end"])
        return Period.this_year(today)
