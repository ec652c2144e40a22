"""Time the progress report for a youth with 10 placements and 60 goals: the snapshot (the
queries) and the render to a tagged PDF, each the median of several runs.

Everything runs inside a transaction that is rolled back, so nothing is left behind. Beside
the wall-clock times it prints this process's CPU time (`time.process_time`), which a busy
shared machine inflates less."""

import datetime as dt
import os
import statistics
import time
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Organisation, User
from companies.models import Company, Industry, Mentor
from goals.models import Area, LearningGoal, Level, ProgressEntry
from placements.models import Placement, WeeklyHours
from reports.portfolio import overview_pdf, portfolio_data
from reports.progress_pdf import progress_report_pdf_render
from reports.services import progress_report_save, progress_report_snapshot
from youth.models import Youth

PLACEMENTS = 10
GOALS_PER_PLACEMENT = 6
TARGET_SECONDS = 1.0
AREAS = list(Area)
# Valid CVR numbers (modulus 11), one per company.
CVRS = [
    "29189609", "10150817", "25313763", "24256790", "61126228",
    "55133018", "20756438", "10007127", "35209115", "37553956",
]  # fmt: skip


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Print the median time to build and to render the progress report (and the youth's "
        "overview PDF) for a youth with 10 placements and 60 goals."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5, help="Timed runs of each (5).")

    def handle(self, *args, runs: int, **options):
        try:
            with transaction.atomic():
                self._run(runs)
                raise _Rollback
        except _Rollback:
            pass

    def _run(self, runs: int) -> None:
        caseworker, youth, notes = _data()
        report = progress_report_save(
            youth=youth,
            period_starts_on=dt.date(2025, 1, 1),
            period_ends_on=dt.date(2025, 12, 31),
            youth_words="Jeg er blevet bedre til at møde til tiden.",
            include_accommodations=True,
            assessment="Kan arbejde 10-12 timer om ugen med faste pauser.",
            notes=notes,
            by=caseworker,
        )
        progress_report_pdf_render(progress_report_snapshot(report))  # warm up fonts, CSS
        snapshot_times, render_times, render_cpu = [], [], []
        for _ in range(runs):
            start = time.perf_counter()
            snapshot = progress_report_snapshot(report)
            snapshot_times.append(time.perf_counter() - start)
            start, cpu = time.perf_counter(), time.process_time()
            pdf = progress_report_pdf_render(snapshot)
            render_times.append(time.perf_counter() - start)
            render_cpu.append(time.process_time() - cpu)
        overview_times, overview_cpu = [], []
        for _ in range(runs):
            start, cpu = time.perf_counter(), time.process_time()
            overview_pdf(portfolio_data(youth.user, youth))
            overview_times.append(time.perf_counter() - start)
            overview_cpu.append(time.process_time() - cpu)
        total = statistics.median(snapshot_times) + statistics.median(render_times)
        self.stdout.write(
            f"youth with {PLACEMENTS} placements and {PLACEMENTS * GOALS_PER_PLACEMENT} goals, "
            f"runs: {runs}, PDF {len(pdf) // 1024} KiB"
        )
        self.stdout.write(
            f"median snapshot (queries):   {statistics.median(snapshot_times) * 1000:.1f} ms"
        )
        self.stdout.write(
            f"median render (tagged PDF):  {statistics.median(render_times) * 1000:.1f} ms "
            f"(CPU {statistics.median(render_cpu) * 1000:.1f} ms)"
        )
        self.stdout.write(
            f"median overview PDF of Min kompetencemappe (queries and render): "
            f"{statistics.median(overview_times) * 1000:.1f} ms "
            f"(CPU {statistics.median(overview_cpu) * 1000:.1f} ms)"
        )
        self.stdout.write(f"load average (1 min) on this machine: {os.getloadavg()[0]:.1f}")
        self.stdout.write(
            f"progress report in all: {total * 1000:.0f} ms (target < {TARGET_SECONDS:.0f} s) "
            + ("OK" if total < TARGET_SECONDS else "TOO SLOW")
        )


def _data() -> tuple[User, Youth, list[ProgressEntry]]:
    organisation = Organisation.objects.create(name="Benchmark Ungeindsats", code="BENCHRPT")
    caseworker = User.objects.create(
        username="benchmark-report-caseworker",
        first_name="Anne",
        last_name="Jensen",
        role=User.Role.CASEWORKER,
        organisation=organisation,
    )
    mentor_user = User.objects.create(
        username="benchmark-report-mentor",
        first_name="Peter",
        last_name="Hansen",
        role=User.Role.MENTOR,
        organisation=organisation,
    )
    youth_user = User.objects.create(
        username="benchmark-report-youth", role=User.Role.YOUTH, organisation=organisation
    )
    youth = Youth.objects.create(
        user=youth_user,
        organisation=organisation,
        caseworker=caseworker,
        first_name="Mikkel",
        last_name="Sørensen",
        dream="Jeg vil gerne arbejde i en butik.",
        started_on=dt.date(2025, 1, 6),
    )
    notes = []
    for index in range(PLACEMENTS):
        company = Company.objects.create(
            organisation=organisation,
            name=f"Virksomhed {index + 1} ApS",
            cvr=CVRS[index],
            industry=Industry.RETAIL,
        )
        mentor = Mentor.objects.create(
            company=company, name="Peter Hansen", user=mentor_user if index == 0 else None
        )
        starts_on = dt.date(2025, 1, 6) + dt.timedelta(weeks=5 * index)
        placement = Placement.objects.create(
            organisation=organisation,
            youth=youth,
            company=company,
            mentor=mentor,
            kind=Placement.Kind.INTERNSHIP,
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(weeks=5, days=-3),
            hours_per_week=Decimal("12"),
            status=Placement.Status.COMPLETED,
            accommodations="Korte pauser hver time.",
        )
        WeeklyHours.objects.bulk_create(
            WeeklyHours(
                placement=placement,
                week_starts_on=starts_on + dt.timedelta(weeks=week),
                hours_worked=Decimal(10 + week % 3),
                attendance="fewer_days",
                days_attended=2 + week % 2,
                days_planned=3,
                author=caseworker,
            )
            for week in range(5)
        )
        for number in range(GOALS_PER_PLACEMENT):
            goal = LearningGoal.objects.create(
                placement=placement,
                title=f"Kan løse opgave {number + 1} i virksomhed {index + 1}",
                criteria="Gør det efter aftale med mentoren.",
                area=AREAS[number % 3],
                target_level=Level.KUNDSKAB,
                points=Decimal("1.5"),
            )
            entries = ProgressEntry.objects.bulk_create(
                ProgressEntry(
                    goal=goal,
                    observed_on=starts_on + dt.timedelta(weeks=step),
                    level=min(1 + step // 2, 3),
                    note=f"Iagttagelse {step + 1}",
                    author=mentor_user,
                )
                for step in range(4)
            )
            notes.append(entries[-1])
    return caseworker, youth, notes[:10]
