"""Measure the mentor's two busiest requests at two data sizes; nothing is kept."""

import statistics
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation, User
from companies.models import Company, Mentor
from goals.models import LearningGoal, ProgressEntry
from placements.models import Placement
from youth.models import Youth

PLACEMENTS = 10
GOALS_PER_PLACEMENT = 5


@dataclass(frozen=True)
class Measurement:
    entries_per_goal: int
    home_ms: float
    home_queries: int
    log_ms: float
    log_queries: int


class _Rollback(Exception):
    pass


def _build(entries_per_goal: int, goals_per_placement: int) -> tuple[User, LearningGoal]:
    """A throwaway organisation: one mentor with 10 placements, goals and entries."""
    start = timezone.localdate() - timedelta(days=120)
    organisation = Organisation.objects.create(name="Benchmark", code="BENCHMARKZ")
    caseworker = User.objects.create(
        username=f"bench-cw-{uuid.uuid4().hex[:8]}",
        role=User.Role.CASEWORKER,
        organisation=organisation,
    )
    mentor_user = User.objects.create(
        username=f"bench-m-{uuid.uuid4().hex[:8]}",
        role=User.Role.MENTOR,
        organisation=organisation,
        first_name="Bente",
    )
    company = Company.objects.create(
        organisation=organisation, name="Benchmark ApS", cvr="29189609", industry="retail"
    )
    mentor = Mentor.objects.create(company=company, name="Bente Mentor", user=mentor_user)
    placements = []
    for number in range(PLACEMENTS):
        youth = Youth.objects.create(
            organisation=organisation,
            caseworker=caseworker,
            first_name=f"Ung{number}",
            last_name="Benchmark",
            started_on=start,
        )
        placements.append(
            Placement.objects.create(
                organisation=organisation,
                youth=youth,
                company=company,
                mentor=mentor,
                kind=Placement.Kind.INTERNSHIP,
                starts_on=start,
                hours_per_week=Decimal("15"),
                status=Placement.Status.ACTIVE,
            )
        )
    goals = LearningGoal.objects.bulk_create(
        LearningGoal(
            placement=placement,
            title=f"Kan opgave {number}",
            criteria="Kriterier",
            area="faglig",
            target_level=2,
            points=Decimal("1"),
        )
        for placement in placements
        for number in range(goals_per_placement)
    )
    ProgressEntry.objects.bulk_create(
        ProgressEntry(
            goal=goal,
            author=mentor_user,
            level=1 + number % 3,
            note="Notat",
            observed_on=start + timedelta(days=number),
        )
        for goal in goals
        for number in range(entries_per_goal)
    )
    return mentor_user, goals[0]


def _timed(request) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        response = request()
        elapsed = (time.perf_counter() - began) * 1000
    assert response.status_code in (200, 302), response.status_code
    return elapsed, len(queries)


def measure(
    entries_per_goal: int, runs: int, goals_per_placement: int = GOALS_PER_PLACEMENT
) -> Measurement:
    """Build the data, time `runs` requests of each kind, then roll everything back."""
    result = None
    try:
        with transaction.atomic():
            mentor_user, goal = _build(entries_per_goal, goals_per_placement)
            client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0])
            client.force_login(mentor_user)
            home = reverse("mentor:home")
            log = reverse("mentor:log", args=[goal.pk])

            def post():
                data = {
                    "level": "2",
                    "note": "Benchmark",
                    "observed_on": timezone.localdate().isoformat(),
                    "submission_key": str(uuid.uuid4()),
                }
                return client.post(log, data, secure=True, HTTP_HX_REQUEST="true")

            _timed(lambda: client.get(home, secure=True))  # warm up
            homes = [_timed(lambda: client.get(home, secure=True)) for _ in range(runs)]
            logs = [_timed(post) for _ in range(runs)]
            result = Measurement(
                entries_per_goal=entries_per_goal,
                home_ms=statistics.median(ms for ms, _ in homes),
                home_queries=max(count for _, count in homes),
                log_ms=statistics.median(ms for ms, _ in logs),
                log_queries=max(count for _, count in logs),
            )
            raise _Rollback
    except _Rollback:
        pass
    return result


class Command(BaseCommand):
    help = (
        "Median server time and query count of the mentor's home page (10 placements) and "
        "of the mentor's log request, at two data sizes. Builds its data in a transaction "
        "that is rolled back: nothing is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20, help="Requests per measurement (20).")
        parser.add_argument(
            "--sizes", type=int, nargs=2, default=[3, 30], help="Entries per goal (3 30)."
        )

    def handle(self, *args, runs: int, sizes: list[int], **options):
        self.stdout.write(
            f"Mentor with {PLACEMENTS} placements × {GOALS_PER_PLACEMENT} goals; "
            f"median of {runs} runs ({connection.vendor})."
        )
        self.stdout.write(
            f"{'entries/goal':>12} | {'home ms':>8} | {'home queries':>12} | "
            f"{'log ms':>8} | {'log queries':>11}"
        )
        for size in sizes:
            m = measure(size, runs)
            self.stdout.write(
                f"{m.entries_per_goal:>12} | {m.home_ms:>8.1f} | {m.home_queries:>12} | "
                f"{m.log_ms:>8.1f} | {m.log_queries:>11}"
            )
