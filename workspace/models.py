from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation


class ImportJob(models.Model):
    """A confirmed spreadsheet import, saved row by row by a background task.

    The file is kept (`content`) until every row has a result, so a worker that dies, or a
    run that stops on an error, can continue where it stopped; then it is emptied. Each
    row's result is an ImportRow, written in the same transaction as what the row saved.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Stopped")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    kind = models.CharField(max_length=20)
    filename = models.CharField(max_length=200)
    content = models.BinaryField(editable=False)
    headers = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    # Rows in the file below the headings (known once the task has read it), rows with a result.
    total = models.PositiveIntegerField(null=True, blank=True)
    rows_done = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="import_owner_created"),
            models.Index(fields=["expires_at"], name="import_expires"),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ImportRow(models.Model):
    """One row's result: saved ("new"), already there ("exists"), refused ("error") with the
    messages per column, or "empty"."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField()  # as the spreadsheet counts: the headings are row 1
    status = models.CharField(max_length=10)
    cells = models.JSONField(default=list)
    errors = models.JSONField(default=dict)  # column index (as text) → messages
    row_errors = models.JSONField(default=list)
    # The young person the row is, saved or already here (a plain id, like the access log's):
    # the result page logs whom it shows.
    youth_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="import_row_once"),
        ]

    def __str__(self) -> str:
        return f"{self.job_id}:{self.number} {self.status}"
