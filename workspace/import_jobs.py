"""A confirmed import runs in the task queue, row by row, and the caseworker follows it.

Saving a 2,000-row file takes about a minute (every row goes through the same service as
the form), too long for a request. `import_job_create` stores the file with the job and
sends the task; `import_job_run` saves the rows that have no result yet:

- each row is saved in one transaction together with its result (an ImportRow), holding
  the job's row lock, so a row is saved exactly once: a worker that dies loses the row it
  was on (rolled back) and nothing else, and the redelivered task continues from there;
  a second worker on the same job (a redelivery while the first still runs) waits for the
  lock, sees the row's result and moves on;
- a run that stops on an unexpected error keeps every result so far and the file, and the
  caseworker can continue it (`import_job_resume`);
- the rows are matched against what is in the database, as in the preview, so a row saved
  by an earlier run (or by the same file imported twice) is "already here", never twice.

The services are called with the importing caseworker as the acting user, as the form does.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone, translation

from accounts.models import User

from .imports import KINDS, ImportFileError, import_read, import_row, import_run_start
from .models import ImportJob, ImportRow

logger = logging.getLogger(__name__)

OPEN = (ImportJob.Status.PENDING, ImportJob.Status.RUNNING)


def import_job_create(*, owner: User, kind: str, filename: str, content: bytes) -> ImportJob:
    """Store the previewed file as a job; the task starts when this transaction commits."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    with transaction.atomic():
        job = ImportJob.objects.create(
            organisation_id=owner.organisation_id,
            owner=owner,
            kind=kind,
            filename=filename[:200],
            content=content,
            expires_at=timezone.now() + timedelta(hours=settings.DOCUMENT_RETENTION_HOURS),
        )
        transaction.on_commit(lambda: import_job_run_task.delay(job.pk))
    return job


def import_job_resume(*, job: ImportJob) -> bool:
    """Continue a stopped job from the first row without a result. False if it cannot."""
    with transaction.atomic():
        resumed = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.FAILED).update(
            status=ImportJob.Status.PENDING, error=""
        )
        if resumed:
            transaction.on_commit(lambda: import_job_run_task.delay(job.pk))
    return bool(resumed)


def import_job_run(*, job_id: int) -> None:
    """Save every row of the job's file that has no result yet. Idempotent: run twice, or
    by two workers at once, each row is saved once; a finished job is left alone."""
    job = ImportJob.objects.select_related("owner").filter(pk=job_id, status__in=OPEN).first()
    if job is None:
        return
    # The file is Danish, and so are its errors, also in a worker.
    with translation.override("da"):
        try:
            _run(job)
        except ImportFileError as error:
            _stop(job.pk, error.message)
        except Exception:
            logger.exception("Import %s stopped", job.pk)
            _stop(job.pk, "")


def _run(job: ImportJob) -> None:
    kind = KINDS[job.kind]
    dataset = import_read(content=bytes(job.content), filename=job.filename)
    run = import_run_start(kind=kind, dataset=dataset, user=job.owner)
    ImportJob.objects.filter(pk=job.pk, status__in=OPEN).update(
        status=ImportJob.Status.RUNNING, total=dataset.height, headers=run.headers
    )
    done = _numbers_done(job.pk)
    for number, values in enumerate(dataset, start=2):
        if number in done:
            continue
        with transaction.atomic():
            locked = ImportJob.objects.select_for_update().get(pk=job.pk)
            if locked.status != ImportJob.Status.RUNNING:
                return  # finished or stopped by another worker
            if locked.rows_done != len(done):
                # Another worker saved rows meanwhile: match against the database as it is.
                done = _numbers_done(job.pk)
                run.seen = kind.existing(job.owner)
                if number in done:
                    continue
            row = import_row(run, number, values, save=True)
            ImportRow.objects.create(
                job_id=job.pk,
                number=number,
                status=row.status,
                cells=row.cells,
                errors={str(column): messages for column, messages in row.errors.items()},
                row_errors=row.row_errors,
                youth_id=row.youth_id,
            )
            ImportJob.objects.filter(pk=job.pk).update(rows_done=F("rows_done") + 1)
            done.add(number)
    # Every row has its result: the file itself is no longer needed.
    ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.RUNNING).update(
        status=ImportJob.Status.DONE, finished_at=timezone.now(), content=b""
    )


def _numbers_done(job_id: int) -> set[int]:
    return set(ImportRow.objects.filter(job_id=job_id).values_list("number", flat=True))


def _stop(job_id: int, message: str) -> None:
    """Stopped, results so far and the file kept: the caseworker may continue it."""
    ImportJob.objects.filter(pk=job_id, status__in=OPEN).update(
        status=ImportJob.Status.FAILED, error=message[:500]
    )


def import_job_counts(job: ImportJob) -> dict[str, int]:
    """Rows saved ("new"), already there and refused so far, as the preview counts them."""
    counts = dict.fromkeys(("new", "exists", "error"), 0)
    counts.update(
        job.rows.exclude(status="empty").order_by().values_list("status").annotate(n=Count("pk"))
    )
    return counts


def import_jobs_purge_expired(*, now=None) -> int:
    """Delete imports past their time, with their rows (the file's personal data)."""
    _total, per_model = ImportJob.objects.filter(expires_at__lt=now or timezone.now()).delete()
    return per_model.get(ImportJob._meta.label, 0)


@shared_task(acks_late=True)
def import_job_run_task(job_id: int) -> None:
    """Thin wrapper: the service is idempotent, so a redelivered task saves nothing twice."""
    import_job_run(job_id=job_id)
