from celery import shared_task

from .services import document_prepare


@shared_task(acks_late=True)
def document_prepare_task(document_id: int) -> None:
    """Thin wrapper: the service is idempotent, so a redelivered task is harmless."""
    document_prepare(document_id=document_id)
