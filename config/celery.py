"""The task queue (Celery). Configured from the CELERY_* settings in config/settings.py:
Redis as the broker when REDIS_URL is set; with no broker, tasks run in-process, so the
quick start needs no Redis. Start a worker with:

    celery -A config worker --loglevel=INFO
"""

import gc
import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("kompetencebeviser")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def worker_prepare(**_kwargs) -> None:
    """In the worker's main process, before it forks the children that run the tasks (a
    child that replaces one after CELERY_WORKER_MAX_TASKS_PER_CHILD tasks is forked from it
    too): load the PDF renderer's fonts once, then move every object that survived start-up
    into the permanent generation. Each child inherits both: its first certificate renders
    warm, and its garbage collections no longer walk the start-up objects (whose memory
    pages then also stay shared with the parent)."""
    from documents.pdf import renderer_warm_up  # Django is set up by now

    renderer_warm_up()
    gc.collect()
    gc.freeze()
