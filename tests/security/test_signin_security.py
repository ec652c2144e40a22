"""Sign-in security: lock-out after repeated failures (per username and address), a new
session key on sign-in, sessions that end after inactivity, and personal sign-in links."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from accounts.models import SignInLink
from accounts.services import signin_link_create, signin_link_revoke
from tests.factories import CaseworkerFactory, MentorUserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/log-ind/"


def _sign_in(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail_until_locked(client, username, address="10.0.0.1"):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, username, "forkert", address)


def test_username_is_locked_out_from_that_address_after_repeated_failures(client, caseworker):
    _fail_until_locked(client, "sagsbehandler")
    response = _sign_in(client, "sagsbehandler", "demo")
    assert response.status_code == 429
    assert "For mange forsøg" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_only_for_that_username_and_address(client, organisation, caseworker):
    CaseworkerFactory(organisation=organisation, username="kollega")
    _fail_until_locked(client, "sagsbehandler", "10.0.0.1")
    assert _sign_in(client, "kollega", "demo", "10.0.0.1").status_code == 302
    client.logout()
    assert _sign_in(client, "sagsbehandler", "demo", "10.0.0.2").status_code == 302


def test_failed_sign_ins_are_logged(client, caseworker):
    _fail_until_locked(client, "sagsbehandler")
    attempt = AccessAttempt.objects.get(username="sagsbehandler", ip_address="10.0.0.1")
    assert attempt.failures_since_start == settings.AXES_FAILURE_LIMIT
    assert (
        AccessFailureLog.objects.filter(username="sagsbehandler", ip_address="10.0.0.1").count()
        == settings.AXES_FAILURE_LIMIT
    )


def test_lockout_is_lifted_after_the_cooloff(client, caseworker):
    _fail_until_locked(client, "sagsbehandler")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(hours=2))
    assert _sign_in(client, "sagsbehandler", "demo").status_code == 302


def test_session_key_rotates_on_password_sign_in(client, caseworker):
    client.get(LOGIN)
    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    _sign_in(client, "sagsbehandler", "demo")
    assert client.session.session_key != before


def test_session_key_rotates_on_link_sign_in(client, organisation):
    mentor = MentorUserFactory(organisation=organisation)
    _link, path = signin_link_create(user=mentor, created_by=None)
    session = client.session
    session["probe"] = 1
    session.save()
    before = session.session_key
    client.post(path)
    assert client.session.session_key != before
    assert int(client.session["_auth_user_id"]) == mentor.pk


def test_sessions_end_after_inactivity(client, caseworker):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    _sign_in(client, "sagsbehandler", "demo")
    assert client.get(reverse("workspace:dashboard")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("workspace:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_each_request_extends_the_session(client, caseworker):
    _sign_in(client, "sagsbehandler", "demo")
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    client.get(reverse("workspace:home"))
    session = Session.objects.get()
    assert session.expire_date > timezone.now() + timedelta(
        seconds=settings.SESSION_COOKIE_AGE - 60
    )


def test_a_link_signs_in_its_own_person_only(client, organisation):
    first = MentorUserFactory(organisation=organisation)
    second = MentorUserFactory(organisation=organisation)
    _link, path = signin_link_create(user=first, created_by=None)
    signin_link_create(user=second, created_by=None)
    client.post(path)
    assert int(client.session["_auth_user_id"]) == first.pk


@pytest.mark.parametrize("state", ["revoked", "expired", "closed account", "unknown token"])
def test_unusable_links_are_refused(client, organisation, caseworker, state):
    mentor = MentorUserFactory(organisation=organisation)
    link, path = signin_link_create(user=mentor, created_by=None)
    if state == "revoked":
        signin_link_revoke(link=link, by=caseworker)
    elif state == "expired":
        SignInLink.objects.filter(pk=link.pk).update(
            created_at=timezone.now() - timedelta(days=60),
            expires_at=timezone.now() - timedelta(seconds=1),
        )
    elif state == "closed account":
        mentor.is_active = False
        mentor.save()
    else:
        path = reverse("accounts:link_signin", kwargs={"token": "x" * 43})
    response = client.post(path)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_links_are_time_limited(organisation):
    mentor = MentorUserFactory(organisation=organisation)
    link, _path = signin_link_create(user=mentor, created_by=None)
    assert link.expires_at <= timezone.now() + timedelta(days=settings.SIGNIN_LINK_DAYS)


def test_a_get_of_a_link_does_not_sign_in(client, organisation):
    mentor = MentorUserFactory(organisation=organisation)
    link, path = signin_link_create(user=mentor, created_by=None)
    assert client.get(path).status_code == 200
    assert "_auth_user_id" not in client.session
    link.refresh_from_db()
    assert link.last_used_at is None
