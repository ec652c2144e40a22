"""The period a statistics page covers: first and last day, both included."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Min
from django.utils.formats import date_format

from accounts.models import Organisation
from placements.models import Placement
from youth.models import Youth

# Statistics start here at the earliest: the app holds no older data, and a period is
# bounded on both sides (until today), so no request can ask for thousands of years.
FIRST_DAY = dt.date(2015, 1, 1)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError("a period cannot end before it starts")

    @property
    def as_range(self) -> tuple[dt.date, dt.date]:
        """For `__range` lookups: both days included."""
        return (self.start, self.end)

    def reference_day(self, today: dt.date) -> dt.date:
        """The day "active" is counted on: the period's last day, or today if that is earlier."""
        return min(self.end, today)

    def months(self) -> list[dt.date]:
        """The first day of every month the period touches."""
        month, months = self.start.replace(day=1), []
        while month <= self.end:
            months.append(month)
            month = (month + dt.timedelta(days=32)).replace(day=1)
        return months

    def __str__(self) -> str:
        return f"{date_format(self.start, 'j.n.Y')}–{date_format(self.end, 'j.n.Y')}"

    @classmethod
    def this_year(cls, today: dt.date) -> "Period":
        return cls(today.replace(month=1, day=1), today.replace(month=12, day=31))

    @classmethod
    def calendar_year(cls, year: int) -> "Period":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def last_12_months(cls, today: dt.date) -> "Period":
        try:
            year_ago = today.replace(year=today.year - 1)
        except ValueError:  # 29 February
            year_ago = today.replace(year=today.year - 1, day=28)
        return cls(year_ago + dt.timedelta(days=1), today)

    @classmethod
    def all_time(cls, organisation: Organisation, today: dt.date) -> "Period":
        """From the organisation's first youth or placement (FIRST_DAY at the earliest)
        until today."""
        firsts = (
            Youth.objects.filter(organisation=organisation).aggregate(first=Min("started_on"))[
                "first"
            ],
            Placement.objects.filter(organisation=organisation).aggregate(first=Min("starts_on"))[
                "first"
            ],
        )
        start = max(min((day for day in firsts if day), default=today), FIRST_DAY)
        return cls(min(start, today), today)
