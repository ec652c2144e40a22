"""A real Celery worker against Redis, killed (SIGKILL) in the middle of a cohort, then
started again: every certificate is issued exactly once and every number taken is
accounted for (issued, or void with a reason).

Needs Redis (REDIS_TEST_URL, default redis://127.0.0.1:6379/5) and PostgreSQL. Skipped
without them, except in CI (.ci/run sets REQUIRE_SERVICES), where it must run.
"""

import os
import time
import uuid
from types import SimpleNamespace

import pytest
import redis
from django.db import connection

from certificates import tasks
from certificates.models import Certificate, Cohort, CohortMember, VoidNumber
from certificates.services.cohorts import cohort_external_decide, cohort_issue
from demo.workers import task_sender, worker_kill, worker_start, worker_stop, workers_wait_ready
from tests.certificates.cohorts import cohort_with, submitted_and_internally_approved

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/5")
YOUTH = 8
# A task taken by the killed worker is delivered again after this many seconds.
VISIBILITY_SECONDS = 5


def _redis_or_skip() -> None:
    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(f"REQUIRE_SERVICES is set but Redis at {REDIS_TEST_URL} is not running")
        pytest.skip(f"no Redis at {REDIS_TEST_URL}")
    if connection.vendor != "postgresql":
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail("REQUIRE_SERVICES is set but the tests do not run on PostgreSQL")
        pytest.skip("the worker needs the test database on PostgreSQL")


def _worker_env(settings) -> dict[str, str]:
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    return {
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "1",
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_SECONDS),
        "REDIS_URL": "",
    }


def _issued_count(cohort) -> int:
    return cohort.members.filter(issue_state=CohortMember.Issue.ISSUED).count()


def _wait_for(condition, *, timeout: float, what: str, log) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}; worker log:\n{log.read_text()[-3000:]}")


@pytest.mark.worker
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_loses_nothing_and_issues_nothing_twice(
    organisation,
    awarding_body,
    caseworker,
    internal_assurer,
    external_assurer,
    settings,
    monkeypatch,
    tmp_path,
):
    _redis_or_skip()
    cohort = cohort_with(organisation, awarding_body, [caseworker] * YOUTH)
    cohort = submitted_and_internally_approved(cohort, internal_assurer)
    cohort = cohort_external_decide(cohort=cohort, approve=True, comment="", by=external_assurer)

    queue = f"kill-test-{uuid.uuid4().hex[:8]}"
    # cohort_issue sends each task through `.delay`: here to the worker's queue on Redis.
    monkeypatch.setattr(
        tasks,
        "cohort_certificate_issue_task",
        SimpleNamespace(delay=task_sender(broker_url=REDIS_TEST_URL, queue=queue)),
    )
    env = _worker_env(settings)
    log = tmp_path / "worker.log"
    first = worker_start(broker_url=REDIS_TEST_URL, queue=queue, name="first", env=env, log=log)
    second = None
    try:
        workers_wait_ready(broker_url=REDIS_TEST_URL, names=["first"])
        cohort_issue(cohort=cohort, by=caseworker)
        _wait_for(lambda: _issued_count(cohort) >= 2, timeout=120, what="two certificates", log=log)
        worker_kill(first)  # in the middle of the cohort, most likely mid-render
        stopped_at = _issued_count(cohort)
        assert stopped_at < YOUTH, "the worker finished before it could be killed"

        second = worker_start(
            broker_url=REDIS_TEST_URL, queue=queue, name="second", env=env, log=log
        )
        _wait_for(
            lambda: Cohort.objects.get(pk=cohort.pk).status == Cohort.Status.ISSUED,
            timeout=180,
            what="the rest of the cohort after the restart",
            log=log,
        )
    finally:
        for worker in (first, second):
            if worker is not None:
                worker_stop(worker)
        redis.Redis.from_url(REDIS_TEST_URL).delete(queue)

    assert _issued_count(cohort) == YOUTH
    issued = Certificate.objects.filter(organisation=organisation, status="issued")
    # Exactly once: one issued certificate per youth, each with a stored PDF.
    assert issued.count() == YOUTH
    assert sorted(issued.values_list("youth_id", flat=True)) == sorted(
        cohort.members.values_list("youth_id", flat=True)
    )
    assert all(certificate.pdf_sha256 for certificate in issued)
    # Every number taken is accounted for: issued or void, none twice, none missing.
    numbers = list(issued.values_list("sequence", flat=True)) + list(
        VoidNumber.objects.filter(organisation=organisation).values_list("sequence", flat=True)
    )
    assert sorted(numbers) == list(range(1, len(numbers) + 1))
    assert not Certificate.objects.filter(
        organisation=organisation, status="draft", number__isnull=False
    ).exists()
