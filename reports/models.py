from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from goals.models import ProgressEntry
from youth.models import Youth


class ProgressReport(models.Model):
    """The progress report ("Progressionsrapport") for the rehabilitation team.

    A draft is edited and previewed; sharing freezes it like a certificate: the snapshot
    of everything printed, the PDF rendered once, its SHA-256, and when, by whom and to
    whom it was given. A shared report never changes."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SHARED = "shared", _("Shared")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="progress_reports"
    )
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="progress_reports")
    period_starts_on = models.DateField(_("period from"))
    period_ends_on = models.DateField(_("period to"))
    youth_words = models.TextField(
        _("the young person's own words"),
        blank=True,
        help_text=_("Only if the young person wants to: their own words about the period."),
    )
    include_accommodations = models.BooleanField(
        _("include the agreed accommodations"),
        default=False,
        help_text=_(
            "The accommodations are sensitive. Tick only when the young person knows that "
            "the rehabilitation team will read them."
        ),
    )
    assessment = models.TextField(_("the caseworker's assessment"), blank=True)
    notes = models.ManyToManyField(
        ProgressEntry, blank=True, related_name="+", verbose_name=_("mentor observations")
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    snapshot = models.JSONField(default=dict, blank=True)
    pdf = models.FileField(upload_to="reports/%Y/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    shared_with = models.CharField(_("given to"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["youth", "-created_at"], name="progressreport_youth")]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_ends_on__gte=F("period_starts_on")),
                name="progressreport_period_in_order",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | (
                    Q(shared_at__isnull=False, shared_by__isnull=False)
                    & ~Q(pdf_sha256="")
                    & ~Q(shared_with="")
                ),
                name="progressreport_shared_is_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.youth} {self.period_starts_on}–{self.period_ends_on}"

    @property
    def is_shared(self) -> bool:
        return self.status == self.Status.SHARED
