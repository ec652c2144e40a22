from celery import shared_task

from .services.cohorts import cohort_member_issue


@shared_task(acks_late=True)
def cohort_certificate_issue_task(member_id: int, by_id: int) -> None:
    """Thin wrapper: the service is idempotent, so a redelivered task issues nothing twice."""
    cohort_member_issue(member_id=member_id, by_id=by_id)
