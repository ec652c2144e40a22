from django.conf import settings
from django.core.checks import Error, Tags, register

MISSING_SECRET = (
    "DJANGO_SECRET_KEY is not set. Set it to a long random string in production, "
    "or set DJANGO_DEBUG=1 for development."
)


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs) -> list[Error]:
    if settings.DEBUG or settings.TESTING or settings.SECRET_KEY_FROM_ENVIRONMENT:
        return []
    return [Error(MISSING_SECRET, id="kompetencebeviser.E001")]
