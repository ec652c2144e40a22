import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from companies.models import Industry
from placements.models import Placement
from youth.models import Youth


class Level(models.IntegerChoices):
    """The three OCN levels. A level says where this learning starts, not who the person is."""

    KENDSKAB = 1, _("Kendskab")
    KUNDSKAB = 2, _("Kundskab")
    MESTRING = 3, _("Mestring")


LEVEL_EXPLANATIONS = {
    Level.KENDSKAB: _("Knows the task and does it with help and guidance."),
    Level.KUNDSKAB: _("Does the task partly on their own."),
    Level.MESTRING: _("Does the task on their own, also when something unexpected happens."),
}


def levels_explained() -> list[tuple[Level, str, str]]:
    """The three levels in order, each with its name and plain explanation."""
    return [(level, level.label, LEVEL_EXPLANATIONS[level]) for level in Level]


def validate_goal_title(title: str) -> None:
    """OCN goals say what the young person can do: "Kan møde til tiden"."""
    if not re.match(r"^kan\s", title.strip(), flags=re.IGNORECASE):
        raise ValidationError(
            _('Start the goal with "Kan", e.g. "Kan møde til tiden".'), code="goal_title_kan"
        )


class Area(models.TextChoices):
    PROFESSIONAL = "faglig", _("Professional")
    PERSONAL = "personlig", _("Personal")
    SOCIAL = "social", _("Social")


AREA_HEADINGS = {
    Area.PROFESSIONAL: _("Professional competences"),
    Area.PERSONAL: _("Personal competences"),
    Area.SOCIAL: _("Social competences"),
}

LEVEL_RANGE = [MinValueValidator(1), MaxValueValidator(3)]
POINTS = {
    "max_digits": 4,
    "decimal_places": 1,
    "validators": [MinValueValidator(0)],
    "help_text": _("The amount of learning. In OCN, 1 point is about 10 hours of learning."),
}


def _level_in_range(field: str) -> Q:
    return Q(**{f"{field}__gte": 1, f"{field}__lte": 3})


class GoalTemplate(models.Model):
    """A learning goal in the organisation's catalogue, ready to add to a placement."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="goal_templates"
    )
    title = models.CharField(
        _("goal"),
        max_length=200,
        help_text=_('Start with "Kan …".'),
        validators=[validate_goal_title],
    )
    criteria = models.TextField(_("assessment criteria"))
    area = models.CharField(_("competence area"), max_length=20, choices=Area.choices)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, validators=LEVEL_RANGE
    )
    points = models.DecimalField(_("points"), **POINTS)
    industry = models.CharField(
        _("industry"),
        max_length=20,
        choices=Industry.choices,
        blank=True,
        help_text=_("Leave empty for general workplace goals."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("goal in the catalogue")
        verbose_name_plural = _("goal catalogue")
        ordering = ["area", "title"]
        indexes = [
            models.Index(fields=["organisation", "is_active", "area"], name="goaltemplate_org_area")
        ]
        constraints = [
            models.CheckConstraint(
                condition=_level_in_range("level"), name="goaltemplate_level_1_3"
            ),
            models.CheckConstraint(
                condition=Q(points__gte=0), name="goaltemplate_points_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class GoalPackage(models.Model):
    """A named set of catalogue goals (e.g. "Dagligvarebutik – start") added to a placement
    in one go."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="goal_packages"
    )
    name = models.CharField(_("name"), max_length=100)
    templates = models.ManyToManyField(GoalTemplate, related_name="packages")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("goal package")
        verbose_name_plural = _("goal packages")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="goalpackage_org_name")
        ]

    def __str__(self) -> str:
        return self.name


class LearningGoal(models.Model):
    placement = models.ForeignKey(
        Placement, on_delete=models.PROTECT, related_name="goals", verbose_name=_("placement")
    )
    template = models.ForeignKey(
        GoalTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(
        _("goal"),
        max_length=200,
        help_text=_('Start with "Kan …".'),
        validators=[validate_goal_title],
    )
    criteria = models.TextField(_("assessment criteria"))
    area = models.CharField(_("competence area"), max_length=20, choices=Area.choices)
    target_level = models.PositiveSmallIntegerField(
        _("target level"), choices=Level.choices, validators=LEVEL_RANGE
    )
    points = models.DecimalField(_("points"), **POINTS)
    assessed_level = models.PositiveSmallIntegerField(
        _("level reached"), choices=Level.choices, validators=LEVEL_RANGE, null=True, blank=True
    )
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("learning goal")
        verbose_name_plural = _("learning goals")
        ordering = ["area", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_level_in_range("target_level"), name="learninggoal_target_level_1_3"
            ),
            models.CheckConstraint(
                condition=Q(assessed_level__isnull=True) | _level_in_range("assessed_level"),
                name="learninggoal_assessed_level_1_3",
            ),
            models.CheckConstraint(
                condition=Q(points__gte=0), name="learninggoal_points_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(assessed_level__isnull=True, assessed_on__isnull=True)
                | Q(assessed_level__isnull=False, assessed_on__isnull=False),
                name="learninggoal_assessment_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_assessed(self) -> bool:
        return self.assessed_level is not None

    @property
    def is_below_target(self) -> bool:
        """Assessed, at a lower level than the goal aimed for: the caseworker decides the points."""
        return self.is_assessed and self.assessed_level < self.target_level


class ProgressEntry(models.Model):
    """What a mentor or caseworker saw on one day. Append-only: withdrawn, never deleted."""

    goal = models.ForeignKey(LearningGoal, on_delete=models.PROTECT, related_name="entries")
    observed_on = models.DateField(_("date"))
    level = models.PositiveSmallIntegerField(
        _("level seen"), choices=Level.choices, validators=LEVEL_RANGE
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # Sent with the form, so a double-tapped submit creates one entry, not two.
    submission_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("progress entry")
        verbose_name_plural = _("progress entries")
        ordering = ["-observed_on", "-created_at"]
        indexes = [
            models.Index(fields=["goal", "-created_at"], name="progress_goal_created"),
            # The latest level seen on a goal and its timeline: newest observation first.
            models.Index(
                fields=["goal", "-observed_on", "-created_at"], name="progress_goal_observed"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=_level_in_range("level"), name="progress_level_1_3"),
        ]

    def __str__(self) -> str:
        return f"{self.observed_on}: {self.get_level_display()}"


class ProgressSeen(models.Model):
    """Up to when a caseworker or manager has seen the mentors' entries on one goal: marked
    on the dashboard, or by opening the goal. Newer entries are news again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    goal = models.ForeignKey(LearningGoal, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "goal"], name="progress_seen_user_goal"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} saw goal {self.goal_id} at {self.seen_at}"


class CertificateCounter(models.Model):
    """The last certificate sequence used per organisation and year (locked when issuing)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_sequence = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="counter_org_year")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last_sequence}"


class Certificate(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Replaced by a newer certificate")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="certificates"
    )
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="certificates")
    goals = models.ManyToManyField(LearningGoal, related_name="certificates")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # NULL until issued: drafts have no number or code, and NULLs do not collide under UNIQUE.
    number = models.CharField(  # noqa: DJ001
        _("certificate number"), max_length=30, unique=True, null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True)
    verification_code = models.CharField(max_length=20, unique=True, null=True, blank=True)  # noqa: DJ001
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Everything the certificate prints, frozen when it is issued.
    snapshot = models.JSONField(default=dict, blank=True)
    pdf = models.FileField(upload_to="certificates/%Y/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.CharField(_("reason"), max_length=300, blank=True)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    cohort = models.ForeignKey(
        "certificates.Cohort",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-created_at"]
        indexes = [
            models.Index(fields=["organisation", "status", "year"], name="certificate_org_status"),
            # The certificate list: an organisation's newest first, a page at a time.
            models.Index(
                fields=["organisation", "-created_at", "-id"], name="certificate_org_created"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "sequence"], name="certificate_sequence_unique"
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(
                    number__isnull=False,
                    verification_code__isnull=False,
                    issued_at__isnull=False,
                )
                & ~Q(pdf_sha256=""),
                name="certificate_issued_is_complete",
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked") | ~Q(revocation_reason=""),
                name="certificate_revocation_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.number or str(_("Draft certificate"))

    @property
    def is_issued(self) -> bool:
        return self.status != self.Status.DRAFT


class StatusList(models.Model):
    """One of an organisation's public revocation lists (W3C Bitstring Status List).

    `signed` is the BitstringStatusListCredential as a VC-JWT, signed again whenever a
    certificate on it is revoked or replaced; the public URL serves it as stored.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()
    signed = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="statuslist_number")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.number}"


class Credential(models.Model):
    """The signed Open Badges 3.0 credential of an issued certificate. Like the PDF, it
    never changes once made; revocation shows through the status list."""

    certificate = models.OneToOneField(
        Certificate, on_delete=models.PROTECT, related_name="credential"
    )
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="+")
    # A random position, so the position says nothing about when it was issued.
    status_index = models.PositiveIntegerField()
    # The credential with its embedded Data Integrity proof (JSON-LD) …
    document = models.JSONField()
    # … and the same credential as a VC-JWT (baked into the badge image).
    jwt = models.TextField()
    key_id = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="credential_status_position"
            )
        ]

    def __str__(self) -> str:
        return self.document.get("id", "")


# Cohorts and quality assurance live in their own module; Django finds them through here.
from .cohorts import Cohort, CohortMember, GoalReview, VoidNumber  # noqa: E402, F401
