from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from youth.models import Youth


class Transfer(models.Model):
    """A handover of a young person from one unit to another, started by the sender's
    caseworker and accepted (or declined) by the receiver. On acceptance the youth's
    `organisation` and `caseworker` change; placements, goals, certificates and reports keep
    the organisation they were made in, which is what makes them read-only for the
    receiver (see docs/architecture.md, "Handover")."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting acceptance")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Withdrawn")

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="transfers")
    from_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    to_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("receiving unit")
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    note = models.TextField(
        _("note to the receiving unit"),
        blank=True,
        help_text=_("Why the young person moves on, and what the new caseworker should know."),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["to_organisation", "status"], name="transfer_incoming"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["youth"], condition=Q(status="pending"), name="transfer_one_pending"
            ),
            models.CheckConstraint(
                condition=~Q(from_organisation=F("to_organisation")),
                name="transfer_between_two_units",
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False),
                name="transfer_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.youth_id}: {self.from_organisation_id} → {self.to_organisation_id}"
