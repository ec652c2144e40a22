"""Documents made in the background: request one, let a task prepare it, purge it later.

An app that makes a kind of document registers its renderer once (in its AppConfig.ready),
so this app, low in the dependency order, never imports the apps that use it:

    document_kind_register("gdpr-export", render_gdpr_export, label=_("Insight export (PDF)"))

The label names the kind in the change history ("Dokument bestilt (Indsigt (PDF))"). A
renderer gets the PreparedDocument (owner, organisation, params) and returns the bytes and
the file name. It runs in a Celery worker (in-process when no broker is configured).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.services import history_record

from .models import PreparedDocument

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderedDocument:
    content: bytes
    filename: str


Renderer = Callable[[PreparedDocument], RenderedDocument]
_RENDERERS: dict[str, Renderer] = {}
_LABELS: dict[str, str] = {}


def document_kind_register(kind: str, renderer: Renderer, *, label: str) -> None:
    _RENDERERS[kind] = renderer
    _LABELS[kind] = label


def document_request(
    *, kind: str, owner: User, title: str, params: dict, youth_id: int | None = None
) -> PreparedDocument:
    """Ask for a document; the task that prepares it starts when this transaction commits.

    A request for the same document that is still being prepared is reused, so a double
    click does not render twice.
    """
    if kind not in _RENDERERS:
        raise ValueError(f"unknown document kind {kind!r}")
    from .tasks import document_prepare_task

    with transaction.atomic():
        pending = PreparedDocument.objects.filter(
            owner=owner, kind=kind, params=params, status=PreparedDocument.Status.PENDING
        ).first()
        if pending is not None:
            return pending
        document = PreparedDocument.objects.create(
            organisation_id=owner.organisation_id,
            owner=owner,
            kind=kind,
            title=title,
            params=params,
            youth_id=youth_id,
            expires_at=timezone.now() + timedelta(hours=settings.DOCUMENT_RETENTION_HOURS),
        )
        # The title names the young person: the history keeps only the kind, in words.
        history_record(
            by=owner,
            action="document.requested",
            obj=document,
            youth_id=youth_id,
            detail=str(_LABELS[kind]),
        )
        transaction.on_commit(lambda: document_prepare_task.delay(document.pk))
    return document


def document_prepare(*, document_id: int) -> None:
    """Render a pending document and store it. Idempotent: a document that is ready (or
    failed) is left alone, and the row lock makes a second worker wait and then do nothing.
    If the worker dies while rendering, the transaction is rolled back and the redelivered
    task (acks_late) starts again."""
    written = ""
    try:
        with transaction.atomic():
            document = PreparedDocument.objects.select_for_update().get(pk=document_id)
            if document.status != PreparedDocument.Status.PENDING:
                return
            rendered = _RENDERERS[document.kind](document)
            document.file.save(rendered.filename, ContentFile(rendered.content), save=False)
            written = document.file.name
            document.filename = rendered.filename
            document.status = PreparedDocument.Status.READY
            document.ready_at = timezone.now()
            document.save()
    except PreparedDocument.DoesNotExist:
        return
    except Exception:
        logger.exception("Preparing document %s failed", document_id)
        if written:
            default_storage.delete(written)
        PreparedDocument.objects.filter(
            pk=document_id, status=PreparedDocument.Status.PENDING
        ).update(status=PreparedDocument.Status.FAILED)


def documents_purge_expired(*, now=None) -> int:
    """Delete documents past their time, file and row; returns how many."""
    now = now or timezone.now()
    expired = list(PreparedDocument.objects.filter(expires_at__lt=now))
    for document in expired:
        if document.file:
            document.file.delete(save=False)
        document.delete()
    return len(expired)
