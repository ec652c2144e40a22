"""The median runs in the database on PostgreSQL and SQLite alike and gives the same answer.

Run this file on both: plain `pytest` (SQLite) and with DATABASE_URL set to PostgreSQL.
"""

import pytest

from placements.models import Placement
from reports.statistics.db import DaysBetween, median

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        ([], None),
        (["7"], 7.0),
        (["30", "10"], 20.0),
        (["12.5", "3", "40"], 12.5),
        (["1", "2", "3", "4"], 2.5),
        (["5", "5", "5", "9", "1"], 5.0),
    ],
)
def test_median_of_hours(organisation, make_placement, hours, expected):
    for value in hours:
        make_placement("2025-01-01", hours=value)
    placements = Placement.objects.filter(organisation=organisation)
    assert median(placements, "hours_per_week") == expected


def test_median_ignores_rows_outside_the_queryset(organisation, other_organisation, make_placement):
    make_placement("2025-01-01", hours="10")
    make_placement("2025-01-01", hours="48", org=other_organisation)
    assert median(Placement.objects.filter(organisation=organisation), "hours_per_week") == 10.0


def test_days_between_two_dates_over_a_leap_day(organisation, make_placement):
    make_placement("2024-02-28", "2024-03-01", Placement.Status.COMPLETED)
    make_placement("2025-12-31", "2026-01-01", Placement.Status.COMPLETED)
    days = Placement.objects.annotate(days=DaysBetween("ends_on", "starts_on"))
    assert sorted(days.values_list("days", flat=True)) == [1, 2]
    assert median(days, "days") == 1.5


def test_median_takes_one_query(organisation, make_placement, django_assert_num_queries):
    for value in ("1", "2", "3"):
        make_placement("2025-01-01", hours=value)
    with django_assert_num_queries(1):
        assert median(Placement.objects.all(), "hours_per_week") == 2.0
