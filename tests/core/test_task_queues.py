"""Issuing a cohort has a queue of its own, and one worker on both queues takes from them in
turn: a statistics count sent after a whole cohort's certificates runs next, not last.

The real worker (Redis, REDIS_TEST_URL's server, database 6 emptied first) gets the tasks
with arguments they cannot take: each fails at once without touching the database, and the
worker's log says in which order it received them."""

import os
import re
import time

import pytest
import redis
from celery import Celery
from django.conf import settings

from certificates.tasks import cohort_certificate_issue_task
from config.celery import app
from demo.workers import worker_start, worker_stop
from reports.tasks import statistics_count_task

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/5").rsplit("/", 1)[0] + "/6"
CERTIFICATES = 20


def test_a_cohorts_certificates_go_to_their_own_queue_and_the_rest_to_the_default():
    router = app.amqp.router
    assert router.route({}, cohort_certificate_issue_task.name)["queue"].name == "certificates"
    assert router.route({}, statistics_count_task.name)["queue"].name == "celery"
    assert {queue.name for queue in settings.CELERY_TASK_QUEUES} == {"celery", "certificates"}


@pytest.mark.worker
def test_one_worker_takes_from_both_queues_in_turn(tmp_path):
    broker = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        broker.flushdb()
    except redis.exceptions.ConnectionError:
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(f"REQUIRE_SERVICES is set but Redis at {REDIS_URL} is not running")
        pytest.skip(f"no Redis at {REDIS_URL}")
    sender = Celery(broker=REDIS_URL)
    sender.conf.task_routes = settings.CELERY_TASK_ROUTES
    for _ in range(CERTIFICATES):
        sender.send_task(cohort_certificate_issue_task.name, args=["not a member"])
    sender.send_task(statistics_count_task.name, args=["not an organisation"])

    log = tmp_path / "worker.log"
    worker = worker_start(
        broker_url=REDIS_URL,
        queue=None,
        name="queues",
        env={"REDIS_URL": "", "DJANGO_DEBUG": "1"},
        log=log,
        loglevel="INFO",
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            received = re.findall(r"Task ([\w.]+)\[[\w-]+\] received", _read(log))
            if len(received) == CERTIFICATES + 1:
                break
            time.sleep(0.5)
    finally:
        worker_stop(worker)
    assert received.count(cohort_certificate_issue_task.name) == CERTIFICATES
    print(f"\nthe count was received as task {received.index(statistics_count_task.name) + 1}")
    assert received.index(statistics_count_task.name) <= 1, received


def _read(path) -> str:
    return path.read_text() if path.exists() else ""
