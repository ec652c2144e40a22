from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from accounts.validators import validate_phone

# What replaces a name or a free-text reason when a young person is anonymised.
ANONYMISED_NAME = "Anonymiseret"


class Youth(models.Model):
    """A young person in the unit's course. No CPR number: it is never needed."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        STOPPED = "stopped", _("Stopped")

    class Outcome(models.TextChoices):
        ORDINARY_JOB = "ordinary_job", _("Ordinary job")
        FLEX_JOB = "flex_job", _("Flex job")
        EDUCATION = "education", _("Education")
        EARLY_RETIREMENT = "early_retirement", _("Early retirement pension")
        PUBLIC_BENEFITS = "public_benefits", _("Public benefits")
        OTHER = "other", _("Other")

    class Education(models.TextChoices):
        FGU = "fgu", _("FGU (preparatory basic education)")
        STU = "stu", _("STU (specially planned youth education)")
        EUD = "eud", _("EUD (vocational education)")
        HF = "hf", _("HF / upper secondary")
        OTHER = "other", _("Other education")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="youth", verbose_name=_("organisation")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="caseload",
        verbose_name=_("caseworker"),
    )
    dream = models.TextField(
        _("My dream"),
        blank=True,
        help_text=_("The young person's own goal, in their own words."),
    )
    support_needs = models.TextField(
        _("support needs"),
        blank=True,
        help_text=_("Sensitive. Seen only by caseworkers and managers, never by mentors."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    started_on = models.DateField(_("start of course"))
    ended_on = models.DateField(_("end of course"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    education = models.CharField(
        _("kind of education"), max_length=10, choices=Education.choices, blank=True
    )
    outcome_note = models.CharField(_("note on the outcome"), max_length=300, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="youth_profile",
    )
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("young person")
        verbose_name_plural = _("young people")
        ordering = ["first_name", "last_name"]
        indexes = [
            models.Index(fields=["organisation", "status"], name="youth_org_status"),
            models.Index(fields=["organisation", "first_name", "last_name"], name="youth_org_name"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="youth_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(status="active", outcome="", ended_on__isnull=True)
                | (~Q(status="active") & Q(ended_on__isnull=False)),
                name="youth_end_matches_status",
            ),
            models.CheckConstraint(
                condition=Q(outcome="education") | Q(education=""),
                name="youth_education_only_with_education_outcome",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def outcome_label(self) -> str:
        if self.outcome == self.Outcome.EDUCATION and self.education:
            return f"{self.get_outcome_display()}: {self.get_education_display()}"
        return self.get_outcome_display()
