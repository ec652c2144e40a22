"""The task queue (Celery). Configured from the CELERY_* settings in config/settings.py:
Redis as the broker when REDIS_URL is set; with no broker, tasks run in-process, so the
quick start needs no Redis. Start a worker with:

    celery -A config worker --loglevel=INFO
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("kompetencebeviser")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
