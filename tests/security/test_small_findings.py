"""Issue 12, finding 10: sign-in links are built from SITE_URL, not the Host header; the
mentor invitation is not cached; production refuses a short secret key and warns at
start-up when rate limits are per process (no REDIS_URL)."""

import re
import subprocess
import sys

import pytest
from django.core import mail
from django.urls import reverse

from .test_headers import ROOT, _production_env

SITE = "https://kompetencebeviser.example.dk"


@pytest.fixture
def site(settings):
    settings.SITE_URL = SITE


@pytest.mark.django_db
def test_the_mentor_s_e_mailed_link_uses_site_url_not_the_host_header(
    site, client, caseworker, placement
):
    client.force_login(caseworker)
    response = client.post(reverse("mentor:invite", args=[placement.pk]), HTTP_HOST="localhost")
    assert response.status_code == 200
    (message,) = mail.outbox
    assert re.search(re.escape(SITE) + r"/link/[\w-]+/", message.body)
    assert "localhost" not in message.body
    assert f'value="{SITE}/link/' in response.content.decode()


@pytest.mark.django_db
def test_the_youth_s_e_mailed_link_uses_site_url_not_the_host_header(
    site, client, caseworker, youth
):
    youth.email = "ung@example.com"
    youth.save(update_fields=["email"])
    client.force_login(caseworker)
    response = client.post(reverse("youth:signin_link", args=[youth.pk]), HTTP_HOST="localhost")
    assert response.status_code == 200
    (message,) = mail.outbox
    assert SITE + "/link/" in message.body
    assert "localhost" not in message.body


@pytest.mark.django_db
def test_the_mentor_invitation_is_never_cached(client, caseworker, placement):
    client.force_login(caseworker)
    url = reverse("mentor:invite", args=[placement.pk])
    for response in (client.get(url), client.post(url)):
        assert "no-store" in response["Cache-Control"]


def _start(env) -> subprocess.CompletedProcess:
    """What gunicorn does first: import the WSGI module."""
    return subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_a_short_secret_key():
    starting = _start(_production_env(DJANGO_SECRET_KEY="short"))
    assert starting.returncode != 0
    assert "shorter than 50 characters" in starting.stderr


def test_production_warns_at_start_up_without_redis():
    starting = _start(_production_env())
    assert starting.returncode == 0, starting.stderr
    assert "REDIS_URL is not set" in starting.stderr
    with_redis = _start(_production_env(REDIS_URL="redis://127.0.0.1:6379/0"))
    assert with_redis.returncode == 0, with_redis.stderr
    assert "REDIS_URL is not set" not in with_redis.stderr
