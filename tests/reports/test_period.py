import datetime as dt

import pytest

from reports.forms import PeriodForm
from reports.statistics import Period

TODAY = dt.date(2026, 5, 10)


def test_presets():
    assert Period.this_year(TODAY) == Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert Period.last_12_months(TODAY) == Period(dt.date(2025, 5, 11), TODAY)
    assert Period.last_12_months(dt.date(2028, 2, 29)) == Period(
        dt.date(2027, 3, 1), dt.date(2028, 2, 29)
    )
    assert Period.calendar_year(2024) == Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_active_is_counted_on_the_last_day_or_today():
    assert Period.this_year(TODAY).reference_day(TODAY) == TODAY
    assert Period.calendar_year(2025).reference_day(TODAY) == dt.date(2025, 12, 31)


def test_months_of_a_period():
    months = Period(dt.date(2025, 11, 15), dt.date(2026, 2, 1)).months()
    assert months == [
        dt.date(2025, 11, 1),
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
        dt.date(2026, 2, 1),
    ]


@pytest.mark.django_db
def test_all_time_starts_with_the_first_youth_or_placement(
    organisation, make_youth, make_placement
):
    assert Period.all_time(organisation, TODAY) == Period(TODAY, TODAY)
    make_youth("2023-04-01")
    make_placement("2022-09-01")  # its youth started 5.1.2026 (the factory's date)
    assert Period.all_time(organisation, TODAY) == Period(dt.date(2022, 9, 1), TODAY)


@pytest.mark.django_db
def test_form_reads_the_chosen_period(organisation):
    def chosen(data):
        form = PeriodForm(data)
        assert form.is_valid(), form.errors
        return form.to_period(organisation, TODAY)

    assert chosen({"period": "this_year"}) == Period.this_year(TODAY)
    assert chosen({"period": "last_12_months"}) == Period.last_12_months(TODAY)
    assert chosen({"period": "year", "year": "2025"}) == Period.calendar_year(2025)
    assert chosen({"period": "custom", "start": "01.03.2025", "end": "2025-03-31"}) == Period(
        dt.date(2025, 3, 1), dt.date(2025, 3, 31)
    )


def test_form_refuses_an_incomplete_or_reversed_period(db):
    form = PeriodForm({"period": "custom", "start": "2025-03-31", "end": "2025-03-01"})
    assert not form.is_valid()
    assert form.errors["end"] == ["Perioden kan ikke slutte, før den begynder."]
    assert not PeriodForm({"period": "year"}).is_valid()
    assert not PeriodForm({"period": "custom"}).is_valid()
