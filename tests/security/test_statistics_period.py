"""The statistics period is bounded (issue 12, finding 2): from FIRST_DAY to the Copenhagen
today; a period outside gets a Danish message next to its field and is never computed
(year 9999 was a 500, 0001–9999 grew a worker to 3 GB)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.forms import PeriodForm
from reports.statistics import Period
from reports.statistics.period import FIRST_DAY

pytestmark = pytest.mark.django_db

HUGE = {"period": "custom", "start": "0001-01-01", "end": "9999-12-31"}


def test_a_period_before_the_first_day_is_refused_with_a_danish_message():
    form = PeriodForm({"period": "custom", "start": "0001-01-01", "end": "2025-12-31"})
    assert not form.is_valid()
    assert form.errors["start"] == [
        "Statistikken begynder 1. januar 2015. Vælg den dag eller en senere."
    ]


def test_a_period_after_today_is_refused_with_a_danish_message():
    form = PeriodForm({"period": "custom", "start": "2025-01-01", "end": "9999-12-31"})
    assert not form.is_valid()
    (message,) = form.errors["end"]
    assert message.startswith("Perioden kan højst slutte i dag")


def test_the_longest_period_allowed_is_first_day_to_today():
    today = timezone.localdate()
    form = PeriodForm(
        {"period": "custom", "start": FIRST_DAY.isoformat(), "end": today.isoformat()}
    )
    assert form.is_valid(), form.errors
    period = form.to_period(None, today)
    assert len(period.months()) <= (today.year - FIRST_DAY.year + 1) * 12


def test_a_calendar_year_outside_the_list_is_refused():
    assert not PeriodForm({"period": "year", "year": "9999"}).is_valid()
    assert not PeriodForm({"period": "year", "year": str(FIRST_DAY.year - 1)}).is_valid()


def test_all_time_starts_no_earlier_than_the_first_day(organisation, youth):
    youth.started_on = dt.date(1990, 1, 1)
    youth.save(update_fields=["started_on"])
    today = timezone.localdate()
    assert Period.all_time(organisation, today) == Period(FIRST_DAY, today)


@pytest.mark.parametrize(
    "name", ["reports:statistics", "reports:sections", "reports:csv", "reports:pdf"]
)
@pytest.mark.parametrize("end", ["9999-11-30", "9999-12-31"])
def test_a_huge_period_is_not_computed(manager_client, name, end):
    args = ["youth"] if name == "reports:csv" else []
    response = manager_client.get(reverse(name, args=args), HUGE | {"end": end})
    assert response.status_code == 200
    if name == "reports:statistics":
        page = response.content.decode()
        assert "Statistikken begynder 1. januar 2015" in page
        assert "Perioden kan højst slutte i dag" in page
