"""Every GET page state of every role, on the national data set (`seed_national`).

`page_states()` names the pages with the big organisation's heaviest objects; `measure()`
requests one through the test client and returns its status, query count and server times.
The benchmark command and the query-count tests share this list, so what is measured is what
is tested.
"""

import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

from celery import current_app
from django.core.cache import cache
from django.db import connection, reset_queries
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate
from certificates.services.issuing import verification_code_display
from companies.models import Company
from goals.models import LearningGoal
from placements.models import Placement
from reports import tables
from reports.counting import statistics_count
from reports.forms import PeriodForm
from youth.models import Youth

from .national import BIG_CASEWORKER, BIG_MANAGER, BIG_MENTOR, BIG_YOUTH

PERIODS = (
    {},
    {"period": "last_12_months"},
    {"period": "year", "year": 2025},
    {"period": "all"},
    {"period": "custom", "start": "2025-03-01", "end": "2026-02-28"},
)
THIS_YEAR = {"period": PeriodForm.THIS_YEAR}  # what the page shows with no period chosen


@dataclass(frozen=True)
class PageState:
    role: str
    label: str
    url: str
    username: str | None  # None: anonymous
    # Every request finds the cache empty and tasks are queued, not run: what a manager who
    # chooses a period nobody asked for lately gets first (see `_first_request`).
    first_request: bool = False


def _url(name: str, query: dict | None = None, **kwargs) -> str:
    url = reverse(name, kwargs=kwargs or None)
    return f"{url}?{urlencode(query)}" if query else url


def page_states() -> list[PageState]:
    """The page states, found in the data set: the big organisation's heaviest objects."""
    caseworker = User.objects.get(username=BIG_CASEWORKER)
    mentor_user = User.objects.get(username=BIG_MENTOR)
    youth = Youth.objects.get(user__username=BIG_YOUTH)
    company = Company.objects.get(mentors__user=mentor_user)
    busiest_placement = (
        Placement.objects.filter(youth=youth).annotate(n=Count("goals")).order_by("-n", "-pk")[0]
    )
    mentor_placement = Placement.objects.filter(
        mentor__user=mentor_user, status=Placement.Status.ACTIVE
    ).first()
    goal = (
        LearningGoal.objects.filter(placement__youth=youth)
        .annotate(n=Count("entries"))
        .order_by("-n", "pk")[0]
    )
    certificate = Certificate.objects.filter(youth=youth, status="issued").order_by("pk")[0]
    youth_count = Youth.objects.filter(organisation_id=caseworker.organisation_id).count()
    company_count = Company.objects.filter(organisation_id=caseworker.organisation_id).count()
    last_youth_page = max(1, (youth_count + 24) // 25)
    last_company_page = max(1, (company_count + 24) // 25)

    cw, mg = BIG_CASEWORKER, BIG_MANAGER
    states = [
        ("caseworker", "dashboard", _url("workspace:dashboard"), cw),
        ("manager", "dashboard", _url("workspace:dashboard"), mg),
        ("caseworker", "my tasks", _url("workspace:my_tasks"), cw),
        ("caseworker", "youth list", _url("youth:list"), cw),
        ("caseworker", "youth list: search", _url("youth:list", {"q": "jens"}), cw),
        ("caseworker", "youth list: status", _url("youth:list", {"status": "active"}), cw),
        (
            "caseworker",
            "youth list: own caseload",
            _url("youth:list", {"caseworker": caseworker.pk, "sort": "-started_on"}),
            cw,
        ),
        ("caseworker", "youth list: company", _url("youth:list", {"company": company.name}), cw),
        (
            "caseworker",
            "youth list: last page",
            _url("youth:list", {"side": last_youth_page}),
            cw,
        ),
        (
            "caseworker",
            "youth list: search, status, page 2",
            _url("youth:list", {"q": "a", "status": "completed", "side": 2}),
            cw,
        ),
        ("manager", "youth list: last page", _url("youth:list", {"side": last_youth_page}), mg),
        ("caseworker", "youth profile", _url("workspace:youth_detail", pk=youth.pk), cw),
        ("caseworker", "youth edit", _url("youth:edit", pk=youth.pk), cw),
        ("caseworker", "youth sign-in link", _url("youth:signin_link", pk=youth.pk), cw),
        ("caseworker", "access log", _url("privacy:youth_access_log", pk=youth.pk), cw),
        ("manager", "history", _url("workspace:history"), mg),
        ("manager", "history: last page", _url("workspace:history", {"side": 9999}), mg),
        (
            "manager",
            "history: filtered",
            _url("workspace:history", {"action": "youth.updated", "name": "jens"}),
            mg,
        ),
        ("caseworker", "history: one youth", _url("workspace:history", {"ung": youth.pk}), cw),
        (
            "caseworker",
            "access log: last page",
            _url("privacy:youth_access_log", {"side": 9999}, pk=youth.pk),
            cw,
        ),
        ("caseworker", "GDPR export JSON", _url("privacy:youth_export_json", pk=youth.pk), cw),
        ("caseworker", "GDPR export PDF", _url("privacy:youth_export_pdf", pk=youth.pk), cw),
        ("caseworker", "company list", _url("companies:list"), cw),
        ("caseworker", "company list: search", _url("companies:list", {"q": "brugsen 1"}), cw),
        (
            "caseworker",
            "company list: industry, active",
            _url("companies:list", {"industry": "retail", "active": "yes"}),
            cw,
        ),
        (
            "caseworker",
            "company list: running placement",
            _url("companies:list", {"with_placement": "on"}),
            cw,
        ),
        (
            "caseworker",
            "company list: last page",
            _url("companies:list", {"side": last_company_page}),
            cw,
        ),
        ("caseworker", "company profile", _url("workspace:company_detail", pk=company.pk), cw),
        (
            "caseworker",
            "company profile: page 2",
            _url("workspace:company_detail", {"side": 2}, pk=company.pk),
            cw,
        ),
        ("caseworker", "company edit", _url("companies:edit", pk=company.pk), cw),
        ("caseworker", "mentor create", _url("companies:mentor_create", pk=company.pk), cw),
        (
            "caseworker",
            "placement profile",
            _url("workspace:placement_detail", pk=busiest_placement.pk),
            cw,
        ),
        ("caseworker", "placement create", _url("placements:create"), cw),
        (
            "caseworker",
            "placement create for youth",
            _url("placements:create", {"youth": youth.pk}),
            cw,
        ),
        (
            "caseworker",
            "placement create for company",
            _url("placements:create", {"company": company.pk}),
            cw,
        ),
        ("caseworker", "placement edit", _url("placements:edit", pk=busiest_placement.pk), cw),
        (
            "caseworker",
            "follow-up create",
            _url("placements:followup_create", pk=busiest_placement.pk),
            cw,
        ),
        ("caseworker", "goal catalogue", _url("goals:catalogue"), cw),
        (
            "caseworker",
            "goal create",
            _url("goals:create", {"placement": busiest_placement.pk}),
            cw,
        ),
        ("caseworker", "goal detail", _url("goals:detail", pk=goal.pk), cw),
        ("caseworker", "goal assess", _url("goals:assess", pk=goal.pk), cw),
        ("caseworker", "certificate list", _url("certificates:list"), cw),
        (
            "caseworker",
            "certificate list: search, last page",
            _url("certificates:list", {"q": "a", "side": 9999}),
            cw,
        ),
        (
            "caseworker",
            "certificate list: youth",
            _url("certificates:list", {"youth": youth.pk}),
            cw,
        ),
        ("caseworker", "certificate detail", _url("certificates:detail", pk=certificate.pk), cw),
        ("caseworker", "certificate new", _url("certificates:issue", youth_pk=youth.pk), cw),
        ("caseworker", "search: name", _url("workspace:search", {"q": "jens"}), cw),
        ("caseworker", "search: CVR", _url("workspace:search", {"q": company.cvr[:4]}), cw),
        ("caseworker", "search: number", _url("workspace:search", {"q": certificate.number}), cw),
        ("caseworker", "goals in one go", _url("goals:add", pk=busiest_placement.pk), cw),
        (
            "caseworker",
            "assess a placement",
            _url("goals:assess_placement", pk=busiest_placement.pk),
            cw,
        ),
        ("caseworker", "goal packages", _url("goals:packages"), cw),
        ("caseworker", "import", _url("workspace:import"), cw),
        ("caseworker", "settings", _url("accounts:settings"), cw),
        ("caseworker", "progress reports", _url("progress:youth", youth_pk=youth.pk), cw),
        ("caseworker", "progress report new", _url("progress:create", youth_pk=youth.pk), cw),
        ("mentor", "mentor home", _url("mentor:home"), BIG_MENTOR),
    ]
    if mentor_placement is not None:
        states.append(
            (
                "mentor",
                "mentor placement",
                _url("mentor:placement", pk=mentor_placement.pk),
                BIG_MENTOR,
            )
        )
    states += [
        ("youth", "my page", _url("me:home"), BIG_YOUTH),
        ("youth", "my certificates", _url("me:certificates"), BIG_YOUTH),
        ("youth", "my progress reports", _url("progress:mine"), BIG_YOUTH),
        (
            "anonymous",
            "issuer profile",
            _url("ob:issuer", code=certificate.number.split("-")[0]),
            None,
        ),
        ("anonymous", "sign-in page", _url("accounts:login"), None),
        ("anonymous", "verification lookup", _url("verify:lookup"), None),
        (
            "anonymous",
            "verification",
            _url("verify:detail", code=verification_code_display(certificate.verification_code)),
            None,
        ),
    ]
    for role, username in (("manager", mg), ("caseworker", cw)):
        for period in PERIODS:
            label = f"statistics {period.get('period', 'this_year')}"
            states.append((role, label, _url("reports:statistics", period), username))
    states.append(
        ("manager", "statistics sections (polled)", _url("reports:sections", {"period": "all"}), mg)
    )
    states.append(("manager", "statistics report PDF", _url("reports:pdf", {"period": "all"}), mg))
    for slug in tables.TABLE_SECTIONS:
        states.append(
            (
                "manager",
                f"CSV {slug} (all time)",
                _url("reports:csv", {"period": "all"}, table=slug),
                mg,
            )
        )
    first_requests = [
        PageState(
            "manager",
            f"statistics {period.get('period', 'this_year')}: first request",
            _url("reports:statistics", period),
            mg,
            first_request=True,
        )
        for period in PERIODS
    ]
    return [PageState(*state) for state in states] + first_requests


@dataclass(frozen=True)
class Measurement:
    state: PageState
    status: int
    queries: int
    median_ms: float
    p95_ms: float
    # This process's CPU time (the app server's own work, without PostgreSQL's or the time
    # spent waiting for a core): on a busy shared machine it shows the page's cost when the
    # wall-clock figures are inflated by other work.
    cpu_median_ms: float


def _client(state: PageState) -> Client:
    client = Client()
    if state.username:
        client.force_login(User.objects.get(username=state.username))
    # The request clears the query log when it starts; empty it now so the count is right.
    reset_queries()
    return client


@contextmanager
def _first_request(state: PageState):
    """For a first-request state: an empty cache, and tasks sent as to a broker (Celery's
    in-memory transport, which nothing reads here) instead of run in-process as the quick
    start does, so the time is the page's own; the count it asks for is timed by
    `measure_count`."""
    if not state.first_request:
        yield
        return
    cache.clear()
    conf = current_app.conf
    eager, conf.task_always_eager = conf.task_always_eager, False
    try:
        yield
    finally:
        conf.task_always_eager = eager


def request_once(client: Client, state: PageState, number: int = 0):
    # A different address per request, so the verification page's rate limit never answers.
    with _first_request(state):
        return client.get(state.url, REMOTE_ADDR=f"10.{number // 250 % 250}.{number % 250}.1")


def measure(state: PageState, *, runs: int = 15) -> Measurement:
    """One warm-up request (its queries are counted), then `runs` timed requests."""
    status, client, queries = _counted(state)
    times, cpu = [], []
    for number in range(1, runs + 1):
        started, cpu_started = time.perf_counter(), time.process_time()
        request_once(client, state, number)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return Measurement(
        state=state,
        status=status,
        queries=queries,
        median_ms=statistics.median(times),
        p95_ms=_p95(times),
        cpu_median_ms=statistics.median(cpu),
    )


@dataclass(frozen=True)
class CountMeasurement:
    label: str
    median_ms: float
    p95_ms: float
    cpu_median_ms: float


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) > 1 else times[0]


def measure_count(*, runs: int = 5) -> list[CountMeasurement]:
    """The background count (`statistics_count_task`'s work) of the big manager's
    organisation for every period of the page, the cache emptied before each run: how long
    a manager who chose a new period waits for the figures, besides the queue and the poll."""
    organisation = User.objects.get(username=BIG_MANAGER).organisation
    results = []
    for query in PERIODS:
        form = PeriodForm({key: str(value) for key, value in (query or THIS_YEAR).items()})
        if not form.is_valid():
            raise ValueError(form.errors)
        period = form.to_period(organisation, timezone.localdate())
        times, cpu = [], []
        for _run in range(runs):
            cache.clear()
            started, cpu_started = time.perf_counter(), time.process_time()
            statistics_count(organisation_id=organisation.pk, period=period)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        label = f"statistics count {query.get('period', 'this_year')}"
        results.append(
            CountMeasurement(label, statistics.median(times), _p95(times), statistics.median(cpu))
        )
    return results


def _counted(state: PageState) -> tuple[int, Client, int]:
    client = _client(state)
    with CaptureQueriesContext(connection) as queries:
        response = request_once(client, state)
    # Read now: the next request empties the query log the count is read from.
    return response.status_code, client, len(queries)


def query_count(state: PageState) -> tuple[int, int]:
    """(status, queries) of one request: what the tests compare at two data sizes."""
    status, _client, queries = _counted(state)
    return status, queries
