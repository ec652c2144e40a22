import gc
import logging
import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse to serve production without a real secret, and
# say so at start-up when rate limits cannot be shared between processes.
if not settings.DEBUG:
    from accounts.checks import NO_SHARED_CACHE, cache_is_per_process, secret_key_problem

    if problem := secret_key_problem():
        raise ImproperlyConfigured(problem)
    if cache_is_per_process():
        logging.getLogger("config.wsgi").warning(NO_SHARED_CACHE)

# Django's start-up objects (over 100,000) live as long as the worker. Frozen, the garbage
# collector no longer walks them in every full collection, which otherwise took ~140 ms on
# this 2-core machine once every few dozen requests: the slowest request of every page.
gc.collect()
gc.freeze()
