"""Cohorts ("hold") and OCN quality assurance in three steps.

Step 1: the guide (caseworker) approves each youth. Step 2: the internal quality assurer
reviews a sample of at least 33 %. Step 3: the awarding body's external quality assurer
reviews a sample of at least 20 % and approves the cohort. The samples are drawn from a
stored seed and rule (see `certificates.cohorts.sampling`), so anyone can redraw them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from youth.models import Youth


class Cohort(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        INTERNAL = "internal", _("Submitted for internal quality assurance")
        EXTERNAL = "external", _("With the awarding body")
        RETURNED = "returned", _("Returned by the awarding body")
        APPROVED = "approved", _("Approved")
        ISSUING = "issuing", _("Certificates being issued")
        ISSUED = "issued", _("Issued")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=100, help_text=_('For example "Forår 2026".'))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    awarding_body = models.ForeignKey(
        Organisation,
        verbose_name=_("awarding body"),
        on_delete=models.PROTECT,
        related_name="cohorts_to_assure",
        limit_choices_to={"kind": Organisation.Kind.AWARDING_BODY},
    )
    # The samples: percentage, seed and size are stored, so the draw can be repeated.
    internal_percent = models.PositiveSmallIntegerField(default=33)
    internal_seed = models.BigIntegerField(null=True, blank=True)
    internal_size = models.PositiveIntegerField(default=0)
    external_percent = models.PositiveSmallIntegerField(default=20)
    external_seed = models.BigIntegerField(null=True, blank=True)
    external_size = models.PositiveIntegerField(default=0)
    submitted_at = models.DateTimeField(null=True, blank=True)
    internal_approved_at = models.DateTimeField(null=True, blank=True)
    external_comment = models.TextField(_("comment from the awarding body"), blank=True)
    external_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The date printed as "Kvalitetssikret efter OCN-metoden".
    approved_on = models.DateField(_("quality-assured on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "status"], name="cohort_org_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(internal_percent__gte=33) & Q(external_percent__gte=20),
                name="cohort_sample_shares_at_least_ocn",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "issuing", "issued"])
                | Q(approved_on__isnull=False),
                name="cohort_approved_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CohortMember(models.Model):
    class Review(models.TextChoices):
        NONE = "", _("Not sampled")
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned to the guide")

    class Issue(models.TextChoices):
        WAITING = "", _("Not started")
        QUEUED = "queued", _("Waiting")
        ISSUED = "issued", _("Issued")
        FAILED = "failed", _("Failed")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="members")
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="cohort_members")
    # The draft certificate (step 1): its goals are what the assurers review.
    certificate = models.OneToOneField(
        "certificates.Certificate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cohort_member",
    )
    guide_approved_at = models.DateTimeField(null=True, blank=True)
    guide_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    internal_sampled = models.BooleanField(default=False)
    internal_review = models.CharField(
        max_length=10, choices=Review.choices, default=Review.NONE, blank=True
    )
    # Raised each time a returned youth is approved again by the guide: reviews per round.
    review_round = models.PositiveSmallIntegerField(default=1)
    external_sampled = models.BooleanField(default=False)
    issue_state = models.CharField(
        max_length=10, choices=Issue.choices, default=Issue.WAITING, blank=True
    )
    issue_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("youth in a cohort")
        verbose_name_plural = _("youth in cohorts")
        ordering = ["youth__first_name", "youth__last_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "youth"], name="cohortmember_once"),
        ]

    def __str__(self) -> str:
        return f"{self.cohort}: {self.youth_id}"


class GoalReview(models.Model):
    """A quality assurer's decision on one goal of one sampled youth, in one round."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approve")
        RETURNED = "returned", _("Return")

    member = models.ForeignKey(CohortMember, on_delete=models.CASCADE, related_name="reviews")
    goal = models.ForeignKey("goals.LearningGoal", on_delete=models.PROTECT, related_name="+")
    round = models.PositiveSmallIntegerField()
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "goal", "round"], name="goalreview_once_per_round"
            ),
            models.CheckConstraint(
                condition=Q(decision="approved") | ~Q(comment=""),
                name="goalreview_return_has_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal_id}: {self.decision}"


class VoidNumber(models.Model):
    """A certificate number that was taken but never issued, and why: every number is
    accounted for (an issued certificate, or a row here)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(max_length=30, unique=True)
    certificate = models.ForeignKey(
        "certificates.Certificate", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(max_length=300)
    voided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("void certificate number")
        verbose_name_plural = _("void certificate numbers")
        ordering = ["organisation", "year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "sequence"], name="voidnumber_sequence_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.number
