import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse to serve production without a real secret.
if not (settings.DEBUG or settings.SECRET_KEY_FROM_ENVIRONMENT):
    from accounts.checks import MISSING_SECRET

    raise ImproperlyConfigured(MISSING_SECRET)
