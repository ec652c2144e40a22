"""Real Celery worker processes for the cohort benchmark and the worker-kill tests: start
them against a broker on a queue of their own, send tasks (a cohort's, an import's) to
them, stop or kill them. Production starts workers with `celery -A config worker` instead."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from celery import Celery

from certificates.tasks import cohort_certificate_issue_task


def worker_start(
    *,
    broker_url: str,
    queue: str | None,
    name: str,
    env: dict[str, str],
    log: Path,
    loglevel: str = "WARNING",
) -> subprocess.Popen:
    """One worker with one process (concurrency 1), in a session of its own so that it
    and its child can be killed together. Without a queue it consumes every queue of
    CELERY_TASK_QUEUES, as `celery -A config worker` does in production."""
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--pool=prefork",
        "--concurrency=1",
        *([f"--queues={queue}"] if queue else []),
        f"--hostname={name}@%h",
        f"--loglevel={loglevel}",
        "--without-gossip",
        "--without-mingle",
    ]
    environment = os.environ | env | {"CELERY_BROKER_URL": broker_url}
    with log.open("ab") as out:
        return subprocess.Popen(
            command, env=environment, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def workers_wait_ready(*, broker_url: str, names: list[str], timeout: float = 60) -> None:
    """Until every named worker answers a ping: timing starts with the workers listening."""
    app = Celery(broker=broker_url)
    deadline = time.monotonic() + timeout
    wanted = set(names)
    while time.monotonic() < deadline:
        replies = app.control.ping(timeout=1.0) or []
        answered = {next(iter(reply)).split("@")[0] for reply in replies}
        if wanted <= answered:
            return
    raise TimeoutError(f"workers {sorted(wanted)} did not start within {timeout} s")


def worker_kill(worker: subprocess.Popen) -> None:
    """SIGKILL to the worker and its child: no warm shutdown, nothing acknowledged."""
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)


def worker_stop(worker: subprocess.Popen) -> None:
    """SIGTERM to the main process, as a service manager stops it: a warm shutdown that lets
    the running task finish."""
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker_kill(worker)


def task_sender(*, broker_url: str, queue: str, task=cohort_certificate_issue_task):
    """A replacement for the task's `delay` that sends it to `queue` on `broker_url`."""
    app = Celery(broker=broker_url)
    name = task.name

    def send(*args):
        app.send_task(name, args=args, queue=queue)

    return send
