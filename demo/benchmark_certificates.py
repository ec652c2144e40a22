"""The cohort-issuing benchmark (`manage.py benchmark_cohort`): four cohorts of N approved
youth are issued against the broker, by 1, 2, 2 and 1 worker processes in that order (so a
drift in the machine's speed during the run weighs on both alike), and one certificate's
HTML is rendered bare by WeasyPrint for comparison, before and after each 1-worker run.

It writes a throwaway organisation (code BENCH…) with its youth and certificates to the
database it runs on: run it on a scratch database, never on production data.
"""

import datetime as dt
import secrets
import statistics
import string
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import weasyprint
from django.conf import settings
from django.contrib.auth.hashers import make_password

from accounts.models import Organisation, User
from certificates import tasks
from certificates.models import Cohort, CohortMember
from certificates.pdf import certificate_html
from certificates.services.cohorts import (
    cohort_create,
    cohort_external_decide,
    cohort_issue,
    cohort_member_add,
    cohort_member_guide_approve,
    cohort_member_review,
    cohort_submit,
)
from certificates.services.issuing import certificate_snapshot
from companies.models import Company, Industry
from documents.pdf import BASE_URL, PDF_OPTIONS, StaticOnlyFetcher
from goals.models import Area, LearningGoal, Level
from placements.models import Placement
from youth.models import Youth

from .workers import task_sender, worker_start, worker_stop, workers_wait_ready

# How many worker processes issue each cohort, in this order.
WORKERS_ORDER = (1, 2, 2, 1)


@dataclass(frozen=True)
class BenchmarkResult:
    size: int
    runs: list[tuple[int, float]]  # (worker processes, seconds) in the order they ran
    bare_render_seconds: float

    def _mean(self, workers: int) -> float:
        return statistics.mean(seconds for count, seconds in self.runs if count == workers)

    @property
    def one_worker_seconds(self) -> float:
        return self._mean(1)

    @property
    def two_workers_seconds(self) -> float:
        return self._mean(2)

    @property
    def ratio(self) -> float:
        return self.two_workers_seconds / self.one_worker_seconds

    @property
    def per_certificate_seconds(self) -> float:
        return self.one_worker_seconds / self.size

    @property
    def overhead(self) -> float:
        return self.per_certificate_seconds / self.bare_render_seconds


def benchmark_run(*, size: int, broker_url: str, log: Path) -> BenchmarkResult:
    people = _organisation()
    cohorts = [
        _approved_cohort(people, size=size, number=number)
        for number in range(1, len(WORKERS_ORDER) + 1)
    ]
    # The bare render is timed just before and just after each 1-worker run and the median
    # taken: on a shared machine the speed drifts by a tenth or more within minutes.
    runs, bare = [], []
    for cohort, workers in zip(cohorts, WORKERS_ORDER, strict=True):
        if workers == 1:
            bare += _bare_render_timings(cohort, people["caseworker"])
        runs.append((workers, _issue_with_workers(cohort, people, workers, broker_url, log)))
        if workers == 1:
            bare += _bare_render_timings(cohort, people["caseworker"])
    return BenchmarkResult(size=size, runs=runs, bare_render_seconds=statistics.median(bare))


def _organisation() -> dict:
    code = "BENCH" + "".join(secrets.choice(string.ascii_uppercase) for _ in range(4))
    org = Organisation.objects.create(name=f"Benchmark {code}", code=code)
    body, _created = Organisation.objects.get_or_create(
        code="OCNBENCH",
        defaults={"name": "OCN-Danmark (benchmark)", "kind": Organisation.Kind.AWARDING_BODY},
    )
    password = make_password(None)
    make = User.objects.create
    return {
        "org": org,
        "body": body,
        "caseworker": make(
            username=f"{code}-cw", role="caseworker", organisation=org, password=password
        ),
        "kvalitet": make(
            username=f"{code}-qa",
            role="manager",
            organisation=org,
            is_quality_assurer=True,
            password=password,
        ),
        "ocn": make(username=f"{code}-ocn", role="assurer", organisation=body, password=password),
        "company": Company.objects.create(
            organisation=org, name="Benchmark ApS", cvr="29189609", industry=Industry.RETAIL
        ),
    }


def _approved_cohort(people: dict, *, size: int, number: int) -> Cohort:
    org, caseworker = people["org"], people["caseworker"]
    cohort = cohort_create(name=f"Benchmark {number}", awarding_body=people["body"], by=caseworker)
    today = dt.date(2026, 6, 1)
    for index in range(size):
        youth = Youth.objects.create(
            organisation=org,
            caseworker=caseworker,
            first_name=f"Ung{index}",
            last_name=f"Hold{number}",
            started_on=today,
        )
        placement = Placement.objects.create(
            organisation=org,
            youth=youth,
            company=people["company"],
            kind=Placement.Kind.INTERNSHIP,
            starts_on=dt.date(2026, 2, 2),
            ends_on=today,
            hours_per_week=Decimal("15.0"),
            status=Placement.Status.COMPLETED,
        )
        goals = LearningGoal.objects.bulk_create(
            LearningGoal(
                placement=placement,
                title=f"Kan {area.label.lower()} opgave {n}",
                criteria="Gør det efter aftale.",
                area=area,
                target_level=level,
                points=Decimal("1.5"),
                assessed_level=level,
                assessed_on=today,
                assessed_by=caseworker,
            )
            for n, (area, level) in enumerate(zip(Area, Level, strict=True))
        )
        member = cohort_member_add(cohort=cohort, youth=youth, by=caseworker)
        cohort_member_guide_approve(member=member, goals=goals, by=caseworker)
    cohort = cohort_submit(cohort=cohort, by=caseworker, seed=1)
    for member in cohort.members.filter(internal_sampled=True):
        goal_ids = member.certificate.goals.values_list("pk", flat=True)
        cohort_member_review(
            member=member,
            decisions={pk: ("approved", "") for pk in goal_ids},
            by=people["kvalitet"],
        )
    cohort.refresh_from_db()
    return cohort_external_decide(cohort=cohort, approve=True, comment="", by=people["ocn"])


def _bare_render_timings(cohort: Cohort, caseworker: User, runs: int = 5) -> list[float]:
    """WeasyPrint alone on the same certificate HTML (same fetcher and PDF/A options), in
    seconds, after one untimed render."""
    certificate = cohort.members.first().certificate
    snapshot = certificate_snapshot(certificate, issued_by=caseworker) | {
        "number": "BENCH-2026-0001",
        "verification_code": "ABCDE-FGHJK-MNPQR-STVWX",
        "verification_url": f"{settings.SITE_URL}/v/ABCDE-FGHJK-MNPQR-STVWX/",
        "issued_on": "2026-06-01",
        "quality_assured_on": "2026-06-01",
    }
    html = certificate_html(snapshot)
    timings = []
    for run in range(runs + 1):
        started = time.perf_counter()
        weasyprint.HTML(
            string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher(logo_name="")
        ).write_pdf(**PDF_OPTIONS)
        if run:
            timings.append(time.perf_counter() - started)
    return timings


def _issue_with_workers(
    cohort: Cohort, people: dict, count: int, broker_url: str, log: Path
) -> float:
    queue = f"benchmark-{secrets.token_hex(4)}"
    names = [f"bench{n}-{queue}" for n in range(count)]
    env = {"DJANGO_DEBUG": "1" if settings.DEBUG else "", "REDIS_URL": ""}
    workers = [
        worker_start(broker_url=broker_url, queue=queue, name=name, env=env, log=log)
        for name in names
    ]
    try:
        workers_wait_ready(broker_url=broker_url, names=names)
        sender = SimpleNamespace(delay=task_sender(broker_url=broker_url, queue=queue))
        started = time.perf_counter()
        with mock.patch.object(tasks, "cohort_certificate_issue_task", sender):
            cohort_issue(cohort=cohort, by=people["caseworker"])
        done = CohortMember.Issue.ISSUED, CohortMember.Issue.FAILED
        while cohort.members.exclude(issue_state__in=done).exists():
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
    finally:
        for worker in workers:
            worker_stop(worker)
    failed = cohort.members.filter(issue_state=CohortMember.Issue.FAILED).count()
    if failed:
        raise RuntimeError(f"{failed} certificates failed; see {log}")
    return elapsed
