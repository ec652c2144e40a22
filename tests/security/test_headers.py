"""Security headers, deploy settings, no inline script/style, and private media files."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.views.static import serve

from .matrix import INLINE_SCRIPT, INLINE_STYLE
from .urlwalk import all_view_callbacks

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"


def _directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.django_db
def test_security_headers_on_every_response(client):
    response = client.get("/log-ind/")
    csp = _directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def _production_env(**extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "PYTEST", "ACCESS_LOG", "REDIS_URL"))
    }
    env |= {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "sqlite:////tmp/x.sqlite3",
    }
    return env | extra


def _manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_have_hsts_and_secure_cookies():
    script = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = _manage("shell", "-c", script, env=_production_env())
    assert result.returncode == 0, result.stderr
    hsts, session_secure, csrf_secure, ssl_redirect, debug = result.stdout.split()[-5:]
    assert int(hsts) >= 31536000
    assert (session_secure, csrf_secure, ssl_redirect, debug) == ("True", "True", "True", "False")


def test_production_without_secret_key_fails_loudly():
    env = _production_env()
    del env["DJANGO_SECRET_KEY"]
    result = _manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    starting = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert starting.returncode != 0  # gunicorn would refuse to start
    assert "DJANGO_SECRET_KEY" in starting.stderr


def test_everyday_commands_need_no_secret():
    env = _production_env()
    del env["DJANGO_SECRET_KEY"]
    result = _manage("makemigrations", "--check", "--dry-run", env=env)
    assert result.returncode == 0, result.stderr


def _screen_templates():
    """Screen templates; print templates (PDF) are rendered by WeasyPrint, not a browser."""
    for path in sorted(TEMPLATES.rglob("*.html")):
        if "pdf" not in path.relative_to(TEMPLATES).parts:
            yield path


def test_templates_have_no_inline_script_or_style():
    offenders = []
    for path in _screen_templates():
        text = path.read_text()
        for pattern in (INLINE_SCRIPT, INLINE_STYLE):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0).strip()}")
    assert not offenders, "\n".join(offenders)


def test_no_url_pattern_serves_media_files():
    for route, callback in all_view_callbacks():
        assert callback is not serve, f"{route} serves files from disk"
        assert not route.startswith(settings.MEDIA_URL.lstrip("/") or "media/")


@pytest.mark.django_db
def test_uploaded_files_are_not_reachable_by_path(client, caseworker, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "logo.png").write_bytes(b"\x89PNG")
    client.force_login(caseworker)
    for path in ("/media/logos/logo.png", "/logos/logo.png", "/static/../media/logos/logo.png"):
        assert client.get(path).status_code == 404
