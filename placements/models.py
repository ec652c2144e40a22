from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from companies.models import Company, Mentor
from youth.models import Youth


class Placement(models.Model):
    class Kind(models.TextChoices):
        INTERNSHIP = "virksomhedspraktik", _("Company internship")
        TASTER = "snusepraktik", _("Taster placement")
        WAGE_SUBSIDY = "loentilskud", _("Wage subsidy")
        PAID_HOURS = "loennede_timer", _("Paid hours")
        FLEX_JOB = "fleksjob", _("Flex job")
        APPRENTICESHIP = "mesterlaere", _("Apprenticeship")
        OWN_WORKSHOP = "eget_vaerksted", _("Own workshop")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        INTERRUPTED = "interrupted", _("Interrupted")

    class InterruptionCategory(models.TextChoices):
        """Why a placement was interrupted, in groups a manager can count."""

        HEALTH = "health", _("Health / well-being")
        ATTENDANCE = "attendance", _("Attendance / motivation")
        JOB_OR_EDUCATION = "job_or_education", _("Started a job or education")
        MOVED = "moved", _("Moved")
        COMPANY = "company", _("The company ended the cooperation")
        OTHER = "other", _("Other")

    # Planned or running: the placement still needs its company, mentor and follow-up.
    OPEN_STATUSES = (Status.PLANNED, Status.ACTIVE)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="placements"
    )
    youth = models.ForeignKey(
        Youth, on_delete=models.PROTECT, related_name="placements", verbose_name=_("young person")
    )
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="placements", verbose_name=_("company")
    )
    mentor = models.ForeignKey(
        Mentor,
        on_delete=models.PROTECT,
        related_name="placements",
        null=True,
        blank=True,
        verbose_name=_("mentor"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(48)],
    )
    accommodations = models.TextField(
        _("agreed accommodations"),
        blank=True,
        help_text=_("What the mentor should know and take into account. The mentor sees this."),
    )
    expectations = models.TextField(
        _("expectations agreed"),
        blank=True,
        help_text=_("What the young person, the company and we have agreed. The mentor sees this."),
    )
    follow_up_interval_days = models.PositiveSmallIntegerField(
        _("follow-up every (days)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("How often you plan to follow up. 14 days unless agreed otherwise."),
    )
    next_follow_up_on = models.DateField(
        _("next follow-up"),
        null=True,
        blank=True,
        help_text=_("Leave empty to plan it from the start date and the interval."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    interruption_category = models.CharField(
        _("reason for interruption"),
        max_length=30,
        choices=InterruptionCategory.choices,
        blank=True,
    )
    # The caseworker's own words: staff only, and never in the statistics (it may name the youth).
    interruption_reason = models.CharField(
        _("note on the interruption"), max_length=300, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-starts_on"]
        indexes = [
            models.Index(
                fields=["organisation", "status", "starts_on"], name="placement_org_status"
            ),
            models.Index(fields=["status", "next_follow_up_on"], name="placement_followup_due"),
            # Placements starting or ending soon (the dashboard): a unit's placements are
            # reached through their young person, so the dates lead, not the organisation.
            models.Index(fields=["status", "starts_on"], name="placement_status_starts"),
            models.Index(fields=["status", "ends_on"], name="placement_status_ends"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="placement_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__gte=0) & Q(hours_per_week__lte=48),
                name="placement_hours_in_range",
            ),
            models.CheckConstraint(
                condition=(Q(status="interrupted") & ~Q(interruption_category=""))
                | (~Q(status="interrupted") & Q(interruption_category="")),
                name="placement_interruption_has_category",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.youth} – {self.company} ({self.get_kind_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def last_observation_day(self, today: date) -> date:
        """The latest day a level can be observed on: today, or the last day of a placement
        that has ended (a running placement may outlast its planned end)."""
        if not self.is_open and self.ends_on is not None:
            return min(today, self.ends_on)
        return today

    def has_ended_on(self, today: date) -> bool:
        """Completed, interrupted, or past its end date even if nobody marked it completed."""
        if self.status in (self.Status.COMPLETED, self.Status.INTERRUPTED):
            return True
        return (
            self.status == self.Status.ACTIVE and self.ends_on is not None and self.ends_on < today
        )

    def mentor_log_until(self, today: date) -> date:
        """The last day a mentor may log on an ended placement: the grace period after its end."""
        return (self.ends_on or today) + timedelta(days=settings.MENTOR_GRACE_DAYS)

    def mentor_may_log_on(self, today: date) -> bool:
        """Mentors log while the placement runs and for a grace period after it ends."""
        if self.status == self.Status.PLANNED:
            return False
        if not self.has_ended_on(today):
            return True
        return today <= self.mentor_log_until(today)


class FollowUp(models.Model):
    class Kind(models.TextChoices):
        VISIT = "visit", _("Visit")
        PHONE = "phone", _("Phone call")
        MEETING = "meeting", _("Meeting")

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="follow_ups")
    held_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    note = models.TextField(_("note"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-held_on", "-created_at"]
        indexes = [models.Index(fields=["placement", "-held_on"], name="followup_placement_date")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class WeeklyHours(models.Model):
    """Hours worked and days attended in one week of a placement. Append-only: the newest
    entry for a week is the one that counts, so a correction is a new entry."""

    class Attendance(models.TextChoices):
        AS_AGREED = "as_agreed", _("Attended as agreed")
        FEWER_DAYS = "fewer_days", _("Fewer days")
        ABSENT = "absent", _("Did not attend")

    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="weekly_hours")
    week_starts_on = models.DateField(_("week"))  # always a Monday
    hours_worked = models.DecimalField(
        _("hours worked"), max_digits=4, decimal_places=1, validators=[MinValueValidator(0)]
    )
    attendance = models.CharField(_("attendance"), max_length=20, choices=Attendance.choices)
    days_attended = models.PositiveSmallIntegerField(
        _("days attended"), validators=[MaxValueValidator(7)]
    )
    days_planned = models.PositiveSmallIntegerField(
        _("days planned"), validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hours in a week")
        verbose_name_plural = _("hours per week")
        ordering = ["-week_starts_on", "-created_at"]
        indexes = [
            models.Index(fields=["placement", "week_starts_on", "-created_at"], name="hours_week")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(days_attended__lte=F("days_planned")),
                name="hours_attended_not_above_planned",
            ),
            models.CheckConstraint(condition=Q(hours_worked__gte=0), name="hours_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.week_starts_on}: {self.hours_worked}"
