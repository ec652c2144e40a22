"""Database expressions the figures need on both PostgreSQL and SQLite.

Every figure is computed by the database; these helpers keep one exact answer on both.
"""

from django.db import connections
from django.db.models import F, FloatField, Func, IntegerField, QuerySet
from django.db.models.aggregates import Aggregate


class DaysBetween(Func):
    """Whole days from `start` to `end` (two date columns), as an integer."""

    output_field = IntegerField()
    arity = 2

    def __init__(self, end, start, **extra):
        super().__init__(end, start, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        # PostgreSQL: date - date is already an integer number of days.
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ")

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
        )


class Median(Aggregate):
    """PostgreSQL's exact median: the middle value, or the mean of the two middle values."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


# SQLite has no percentile function: sort in the database and read the middle one or two
# rows with LIMIT/OFFSET computed from the row count. One query, same answer as PostgreSQL.
SQLITE_MEDIAN = """
SELECT AVG(value) FROM (
    SELECT value FROM ({inner}) AS numbers
    ORDER BY value
    LIMIT 2 - (SELECT COUNT(*) FROM ({inner}) AS counted) %% 2
    OFFSET ((SELECT COUNT(*) FROM ({inner}) AS counted) - 1) / 2
) AS middle
"""


def median(queryset: QuerySet, field: str) -> float | None:
    """The median of `field` over the rows of `queryset` (None if there are none), in one query."""
    numbers = queryset.filter(**{f"{field}__isnull": False})
    connection = connections[queryset.db]
    if connection.vendor == "postgresql":
        return numbers.aggregate(value=Median(field))["value"]
    inner, params = numbers.order_by().values(value=F(field)).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(SQLITE_MEDIAN.format(inner=inner), params * 3)
        (value,) = cursor.fetchone()
    return value
