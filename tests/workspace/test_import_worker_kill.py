"""A real Celery worker on Redis, killed (SIGKILL) in the middle of a confirmed import, then
a second one: every row of the file is saved exactly once and has exactly one result.

Needs Redis and PostgreSQL, like the cohort's worker-kill test (whose helpers it uses).
"""

import uuid
from types import SimpleNamespace

import pytest
import redis

from companies.models import Company
from demo.workers import task_sender, worker_kill, worker_start, worker_stop, workers_wait_ready
from tests.certificates.test_cohort_worker_kill import (
    REDIS_TEST_URL,
    _redis_or_skip,
    _wait_for,
    _worker_env,
)
from tests.workspace.test_import_jobs import companies_file
from workspace import import_jobs
from workspace.import_jobs import import_job_create
from workspace.models import ImportJob, ImportRow

ROWS = 300


@pytest.mark.worker
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_loses_no_row_and_saves_none_twice(
    caseworker, settings, monkeypatch, tmp_path
):
    _redis_or_skip()
    queue = f"import-kill-{uuid.uuid4().hex[:8]}"
    monkeypatch.setattr(
        import_jobs,
        "import_job_run_task",
        SimpleNamespace(
            delay=task_sender(
                broker_url=REDIS_TEST_URL, queue=queue, task=import_jobs.import_job_run_task
            )
        ),
    )
    env = _worker_env(settings)
    log = tmp_path / "worker.log"
    first = worker_start(broker_url=REDIS_TEST_URL, queue=queue, name="first", env=env, log=log)
    second = None

    def rows_done() -> int:
        return ImportJob.objects.get().rows_done

    try:
        workers_wait_ready(broker_url=REDIS_TEST_URL, names=["first"])
        import_job_create(
            owner=caseworker, kind="virksomheder", filename="f.csv", content=companies_file(ROWS)
        )
        _wait_for(lambda: rows_done() >= 20, timeout=120, what="twenty rows", log=log)
        worker_kill(first)
        assert rows_done() < ROWS, "the worker finished before it could be killed"

        second = worker_start(
            broker_url=REDIS_TEST_URL, queue=queue, name="second", env=env, log=log
        )
        _wait_for(
            lambda: ImportJob.objects.get().status == ImportJob.Status.DONE,
            timeout=300,
            what="the rest of the import after the restart",
            log=log,
        )
    finally:
        for worker in (first, second):
            if worker is not None:
                worker_stop(worker)
        redis.Redis.from_url(REDIS_TEST_URL).delete(queue)

    assert Company.objects.count() == ROWS
    assert Company.objects.values("cvr").distinct().count() == ROWS
    results = list(ImportRow.objects.order_by("number").values_list("number", "status"))
    assert results == [(number, "new") for number in range(2, ROWS + 2)]
