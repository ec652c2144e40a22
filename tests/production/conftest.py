"""Production static files: `collectstatic` into a temporary folder with the manifest
storage production uses (hashed names, compressed copies), as the README's production
section does. The rest of the suite runs with the plain storage and could not see a
document that only breaks with hashed names."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.certificates.conftest import draft  # noqa: F401  (fixture)

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    static_root = tmp_path_factory.mktemp("collected-static")
    with override_settings(STATIC_ROOT=static_root, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", "--noinput", verbosity=0)
    return static_root


@pytest.fixture
def production_static(settings, collected_static):
    """Static files resolved and served the way production resolves them: only from the
    collected, hashed files, never from the source folders."""
    settings.DEBUG = False
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = PRODUCTION_STORAGES
    settings.WHITENOISE_USE_FINDERS = False
    return collected_static
