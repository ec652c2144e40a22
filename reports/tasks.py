import datetime as dt

from celery import shared_task

from .counting import statistics_count
from .statistics import Period


@shared_task(acks_late=True)
def statistics_count_task(organisation_id: int, start: str, end: str) -> None:
    """Thin wrapper: the organisation and the period (ISO dates) are all it is given; the
    service is idempotent, so a task sent or delivered twice counts once."""
    period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    statistics_count(organisation_id=organisation_id, period=period)
