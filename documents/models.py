from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation


class PreparedDocument(models.Model):
    """A document that grows with the data (a GDPR export, a statistics report), made by a
    background task and kept privately for its owner until `expires_at`.

    `youth_id` is a plain id like the access log's: set when the document shows a young
    person's data, so every download is access-logged.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prepared_documents"
    )
    kind = models.CharField(max_length=50)
    title = models.CharField(_("title"), max_length=200)
    params = models.JSONField(default=dict, blank=True)
    youth_id = models.BigIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(upload_to="prepared/%Y/%m/", blank=True)
    filename = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("prepared document")
        verbose_name_plural = _("prepared documents")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["owner", "kind", "status"], name="document_owner_kind"),
            models.Index(fields=["expires_at"], name="document_expires"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="ready") | ~models.Q(file=""),
                name="document_ready_has_file",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"
