from django.conf import settings
from django.core.checks import Error, Tags, register

SECRET_KEY_MIN_LENGTH = 50
MISSING_SECRET = (
    "DJANGO_SECRET_KEY is not set. Set it to a long random string in production, "
    "or set DJANGO_DEBUG=1 for development."
)
SHORT_SECRET = (
    f"DJANGO_SECRET_KEY is shorter than {SECRET_KEY_MIN_LENGTH} characters. Use a long "
    'random string: python -c "import secrets; print(secrets.token_urlsafe(50))"'
)
NO_SHARED_CACHE = (
    "REDIS_URL is not set: rate limits (the sign-in lockout cache, the verification page) "
    "are counted per process, so every gunicorn worker and app server allows the full "
    "limit. Set REDIS_URL in production."
)


def secret_key_problem() -> str | None:
    """Why the secret key cannot serve production; None when it can (or in development)."""
    if settings.DEBUG:
        return None
    if not settings.SECRET_KEY_FROM_ENVIRONMENT:
        return MISSING_SECRET
    if len(settings.SECRET_KEY) < SECRET_KEY_MIN_LENGTH:
        return SHORT_SECRET
    return None


def cache_is_per_process() -> bool:
    return settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs) -> list[Error]:
    problem = None if settings.TESTING else secret_key_problem()
    return [Error(problem, id="kompetencebeviser.E001")] if problem else []
