"""The figures on the statistics page: one function per group, each a fixed number of queries.

Every function takes the organisation and a `Period` and counts only that organisation's
rows. The definitions are written for managers in `docs/statistics.md` and on the page.
"""

import datetime as dt
import statistics
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    RowRange,
    Sum,
    Value,
    Window,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, Lag, LastValue, RowNumber, TruncMonth
from django.utils import timezone

from accounts.models import Organisation
from accounts.queries import InIds
from certificates.models import Certificate, Cohort, CohortMember, GoalReview
from companies.models import Company
from goals.models import LearningGoal, ProgressEntry
from placements.models import FollowUp, Placement
from youth.models import Youth

from .db import DaysBetween, median
from .period import Period


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _running_in(period: Period) -> Q:
    """Placements that ran on at least one day of the period (planned ones never ran)."""
    return (
        Q(starts_on__lte=period.end)
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=period.start))
        & ~Q(status=Placement.Status.PLANNED)
    )


@dataclass(frozen=True)
class YouthFigures:
    started: int
    # Active on this day: the period's last day, or the day they were counted if earlier.
    active_on: dt.date
    active: int
    completed: int
    stopped: int
    # Youth who ended in the period, by outcome ("" = no outcome recorded) and education kind.
    outcomes: dict[str, int]
    educations: dict[str, int]
    # Every youth who started in the period, by where they are on the reference day:
    # (outcome, education kind) for those who ended, (STILL_ACTIVE, "") for the others.
    started_by_status: dict[tuple[str, str], int]

    @property
    def ended(self) -> int:
        return sum(self.outcomes.values())


STILL_ACTIVE = "still_active"


def youth_figures(*, organisation: Organisation, period: Period) -> YouthFigures:
    day = period.reference_day(timezone.localdate())
    ended_in_period = Q(ended_on__range=period.as_range)
    not_ended_by_day = Q(ended_on__isnull=True) | Q(ended_on__gt=day)
    youth = Youth.objects.filter(organisation=organisation)
    counts = youth.aggregate(
        started=Count("pk", filter=Q(started_on__range=period.as_range)),
        active=Count("pk", filter=Q(started_on__lte=day) & not_ended_by_day),
        completed=Count("pk", filter=ended_in_period & Q(status=Youth.Status.COMPLETED)),
        stopped=Count("pk", filter=ended_in_period & Q(status=Youth.Status.STOPPED)),
    )
    outcomes: dict[str, int] = {}
    educations: dict[str, int] = {}
    for row in (
        youth.filter(ended_in_period)
        .values("outcome", "education")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        outcomes[row["outcome"]] = outcomes.get(row["outcome"], 0) + row["n"]
        if row["education"]:
            educations[row["education"]] = row["n"]
    started_by_status: dict[tuple[str, str], int] = {}
    for row in (
        youth.filter(started_on__range=period.as_range)
        .annotate(still_active=ExpressionWrapper(not_ended_by_day, output_field=BooleanField()))
        .values("still_active", "outcome", "education")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        key = (STILL_ACTIVE, "") if row["still_active"] else (row["outcome"], row["education"])
        started_by_status[key] = started_by_status.get(key, 0) + row["n"]
    return YouthFigures(
        **counts,
        active_on=day,
        outcomes=outcomes,
        educations=educations,
        started_by_status=started_by_status,
    )


@dataclass(frozen=True)
class PlacementFigures:
    """Over placements that started in the period."""

    by_kind_and_status: dict[tuple[str, str], int]
    # Interrupted placements by Placement.InterruptionCategory, every category (0 if none).
    interruption_categories: dict[str, int]
    median_length_days: float | None
    average_hours: Decimal | None
    median_hours: float | None

    @property
    def started(self) -> int:
        return sum(self.by_kind_and_status.values())

    def count(self, *, kind: str | None = None, status: str | None = None) -> int:
        return sum(
            n
            for (k, s), n in self.by_kind_and_status.items()
            if kind in (None, k) and status in (None, s)
        )

    @property
    def completed(self) -> int:
        return self.count(status=Placement.Status.COMPLETED)

    @property
    def interrupted(self) -> int:
        return self.count(status=Placement.Status.INTERRUPTED)

    @property
    def completion_rate(self) -> float | None:
        return _share(self.completed, self.completed + self.interrupted)


def placement_figures(*, organisation: Organisation, period: Period) -> PlacementFigures:
    started = Placement.objects.filter(organisation=organisation, starts_on__range=period.as_range)
    by_kind_and_status = {
        (row["kind"], row["status"]): row["n"]
        for row in started.values("kind", "status").annotate(n=Count("pk")).order_by()
    }
    # One query, a column per category; prefixed, as "company" is also a field of Placement.
    by_category = started.aggregate(
        **{
            f"category_{category}": Count("pk", filter=Q(interruption_category=category))
            for category in Placement.InterruptionCategory.values
        }
    )
    interruption_categories = {
        category: by_category[f"category_{category}"]
        for category in Placement.InterruptionCategory.values
    }
    ended = started.filter(
        status__in=[Placement.Status.COMPLETED, Placement.Status.INTERRUPTED],
        ends_on__isnull=False,
    ).annotate(days=DaysBetween("ends_on", "starts_on"))
    return PlacementFigures(
        by_kind_and_status=by_kind_and_status,
        interruption_categories=interruption_categories,
        median_length_days=median(ended, "days"),
        average_hours=started.aggregate(avg=Avg("hours_per_week"))["avg"],
        median_hours=median(started, "hours_per_week"),
    )


@dataclass(frozen=True)
class ProgressionFigures:
    # Goals assessed in the period, by (area, level reached).
    assessed: dict[tuple[str, int], int]
    # Goals with at least two progress entries in the period, and those whose level rose.
    measured: int
    rose: int
    # Certificates issued in the period and their average points.
    average_points: Decimal | None

    @property
    def assessed_total(self) -> int:
        return sum(self.assessed.values())

    @property
    def rose_share(self) -> float | None:
        return _share(self.rose, self.measured)


def progression_figures(*, organisation: Organisation, period: Period) -> ProgressionFigures:
    # The organisation's placements as ids looked up in the goals' index (InIds): joined,
    # PostgreSQL read every goal in the country to keep the organisation's.
    placement_ids = Placement.objects.filter(organisation=organisation).values("pk")
    goals = LearningGoal.objects.filter(InIds("placement_id", placement_ids))
    assessed = {
        (row["area"], row["assessed_level"]): row["n"]
        for row in goals.filter(assessed_on__range=period.as_range)
        .values("area", "assessed_level")
        .annotate(n=Count("pk"))
        .order_by()
    }
    # One pass over the period's entries, numbered per goal from the first to the last: the
    # first row holds the first level seen, the number of entries and the last level (over
    # the whole goal: one window, one sort). The database counts the goals too (the window
    # query is a subquery of the count), and nothing is sorted by the model's ordering.
    whole_goal = {
        "partition_by": F("goal_id"),
        "order_by": [F("observed_on").asc(), F("created_at").asc(), F("pk").asc()],
        "frame": RowRange(start=None, end=None),
    }
    measured_goals = (
        ProgressEntry.objects.filter(
            InIds("goal__placement_id", placement_ids),
            withdrawn_at__isnull=True,
            observed_on__range=period.as_range,
        )
        .order_by()
        .annotate(
            number=Window(RowNumber(), **whole_goal),
            entry_count=Window(Count("pk"), **whole_goal),
            last_level=Window(LastValue("level"), **whole_goal),
        )
        .filter(number=1, entry_count__gte=2)
    )
    change = measured_goals.aggregate(
        measured=Count("pk"), rose=Count("pk", filter=Q(last_level__gt=F("level")))
    )
    points = DecimalField(max_digits=8, decimal_places=1)
    average_points = (
        Certificate.objects.filter(organisation=organisation, issued_on__range=period.as_range)
        .exclude(status=Certificate.Status.DRAFT)
        # The total frozen on the certificate; the goals' points if the snapshot has none.
        .annotate(
            total=Coalesce(
                Cast(KT("snapshot__total_points"), points),
                Sum("goals__points"),
                Value(Decimal(0)),
                output_field=points,
            )
        )
        .aggregate(avg=Avg("total"))["avg"]
    )
    return ProgressionFigures(assessed=assessed, **change, average_points=average_points)


@dataclass(frozen=True)
class CertificateFigures:
    # (first day of the month, issued, revoked) for every month of the period.
    per_month: list[tuple[dt.date, int, int]]

    @property
    def issued(self) -> int:
        return sum(issued for _, issued, _ in self.per_month)

    @property
    def revoked(self) -> int:
        return sum(revoked for _, _, revoked in self.per_month)


def _as_date(month: dt.date | dt.datetime) -> dt.date:
    return month.date() if isinstance(month, dt.datetime) else month


def certificate_figures(*, organisation: Organisation, period: Period) -> CertificateFigures:
    certificates = Certificate.objects.filter(organisation=organisation)
    issued = {
        _as_date(row["month"]): row["n"]
        for row in certificates.filter(issued_on__range=period.as_range)
        .exclude(status=Certificate.Status.DRAFT)
        .values(month=TruncMonth("issued_on"))
        .annotate(n=Count("pk"))
        .order_by()
    }
    revoked = {
        _as_date(row["month"]): row["n"]
        for row in certificates.filter(revoked_at__date__range=period.as_range)
        .values(month=TruncMonth("revoked_at"))
        .annotate(n=Count("pk"))
        .order_by()
    }
    return CertificateFigures(
        per_month=[
            (month, issued.get(month, 0), revoked.get(month, 0)) for month in period.months()
        ]
    )


@dataclass(frozen=True)
class NetworkFigures:
    # industry -> (companies in the network, companies with a placement in the period)
    by_industry: dict[str, tuple[int, int]]
    # (company name, placements running in the period), most first
    placements_per_company: list[tuple[str, int]]

    @property
    def in_network(self) -> int:
        return sum(in_network for in_network, _ in self.by_industry.values())

    @property
    def active(self) -> int:
        return sum(active for _, active in self.by_industry.values())


def network_figures(*, organisation: Organisation, period: Period) -> NetworkFigures:
    running = Placement.objects.filter(_running_in(period), organisation=organisation)
    in_network = Q(is_active=True) & (
        Q(in_network_since__isnull=True) | Q(in_network_since__lte=period.end)
    )
    had_placement = Exists(running.filter(company=OuterRef("pk")))
    by_industry = {
        row["industry"]: (row["in_network"], row["active"])
        for row in Company.objects.filter(organisation=organisation)
        .values("industry")
        .annotate(
            in_network=Count("pk", filter=in_network),
            active=Count("pk", filter=Q(had_placement)),
        )
        .order_by()
        if row["in_network"] or row["active"]
    }
    per_company = [
        (row["company__name"], row["n"])
        for row in running.values("company", "company__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "company__name")
    ]
    return NetworkFigures(by_industry=by_industry, placements_per_company=per_company)


@dataclass(frozen=True)
class FollowUpFigures:
    running: int  # placements running in the period
    without_follow_up: int  # of those, with no follow-up held in the period
    gaps: int  # pairs of consecutive follow-ups in the period
    median_days: float | None


def follow_up_figures(*, organisation: Organisation, period: Period) -> FollowUpFigures:
    running = Placement.objects.filter(_running_in(period), organisation=organisation)
    follow_ups = FollowUp.objects.filter(
        placement__in=running.values("pk"), held_on__range=period.as_range
    )
    counts = running.aggregate(
        running=Count("pk"),
        without_follow_up=Count(
            "pk", filter=~Q(Exists(follow_ups.filter(placement=OuterRef("pk"))))
        ),
    )
    # The window runs once: the gaps are read and counted here, their median taken in Python
    # (the same exact median as the database's: the middle value or the mean of the two).
    gaps = sorted(
        follow_ups.annotate(
            previous=Window(
                Lag("held_on"), partition_by=F("placement_id"), order_by=[F("held_on"), F("pk")]
            )
        )
        .annotate(days=DaysBetween("held_on", "previous"))
        .filter(previous__isnull=False)
        .values_list("days", flat=True)
    )
    return FollowUpFigures(
        **counts,
        gaps=len(gaps),
        median_days=float(statistics.median(gaps)) if gaps else None,
    )


@dataclass(frozen=True)
class QualityAssuranceFigures:
    """Cohorts created in the period by status, and per QA step the youth in submitted
    cohorts, how many were sampled, returned and approved."""

    cohorts_by_status: dict[str, int]
    submitted_youth: int
    internal_sampled: int
    internal_returned: int
    internal_approved: int
    external_sampled: int
    external_returned: int
    external_approved: int


def quality_assurance_figures(
    *, organisation: Organisation, period: Period
) -> QualityAssuranceFigures:
    cohorts = Cohort.objects.filter(
        organisation=organisation, created_at__date__range=period.as_range
    )
    by_status = dict(cohorts.values_list("status").annotate(n=Count("pk")).order_by())
    members = CohortMember.objects.filter(cohort__in=cohorts).exclude(
        cohort__status=Cohort.Status.OPEN
    )
    after_external = (Cohort.Status.APPROVED, Cohort.Status.ISSUING, Cohort.Status.ISSUED)
    returned_once = GoalReview.objects.filter(
        member=OuterRef("pk"), decision=GoalReview.Decision.RETURNED
    )
    counts = members.aggregate(
        submitted=Count("pk"),
        n_internal_sampled=Count("pk", filter=Q(internal_sampled=True)),
        n_internal_returned=Count("pk", filter=Q(Exists(returned_once))),
        n_internal_approved=Count("pk", filter=Q(internal_review=CohortMember.Review.APPROVED)),
        n_external_sampled=Count("pk", filter=Q(external_sampled=True)),
        n_external_returned=Count(
            "pk", filter=Q(external_sampled=True, cohort__status=Cohort.Status.RETURNED)
        ),
        n_external_approved=Count(
            "pk", filter=Q(external_sampled=True, cohort__status__in=after_external)
        ),
    )
    return QualityAssuranceFigures(
        cohorts_by_status=by_status,
        submitted_youth=counts["submitted"],
        internal_sampled=counts["n_internal_sampled"],
        internal_returned=counts["n_internal_returned"],
        internal_approved=counts["n_internal_approved"],
        external_sampled=counts["n_external_sampled"],
        external_returned=counts["n_external_returned"],
        external_approved=counts["n_external_approved"],
    )
