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
        # The table keeps the name it had in `certificates` (moved without copying).
        db_table = "certificates_goaltemplate"
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
        # The table keeps the name it had in `certificates` (moved without copying).
        db_table = "certificates_goalpackage"
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
        # The table keeps the name it had in `certificates` (moved without copying).
        db_table = "certificates_learninggoal"
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
        # The table keeps the name it had in `certificates` (moved without copying).
        db_table = "certificates_progressentry"
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
        # The table keeps the name it had in `certificates` (moved without copying).
        db_table = "certificates_progressseen"
        constraints = [
            models.UniqueConstraint(fields=["user", "goal"], name="progress_seen_user_goal"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} saw goal {self.goal_id} at {self.seen_at}"
