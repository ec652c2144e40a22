from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import SignInLink
from accounts.services import signin_link_create, signin_link_revoke
from tests.factories import MentorUserFactory

pytestmark = pytest.mark.django_db


def test_signin_page_is_danish(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert '<html lang="da">' in response.content.decode()
    assert "Log ind" in response.content.decode()


def test_caseworker_signs_in_with_password(client, caseworker):
    response = client.post(
        reverse("accounts:login"), {"username": "sagsbehandler", "password": "demo"}
    )
    assert response.status_code == 302
    assert client.get(reverse("workspace:home")).wsgi_request.user == caseworker


def test_wrong_password_is_refused_in_danish(client, caseworker):
    response = client.post(
        reverse("accounts:login"), {"username": "sagsbehandler", "password": "forkert"}
    )
    assert response.status_code == 200
    assert "Brugernavn eller adgangskode er forkert" in response.content.decode()


def test_new_session_key_on_signin(client, caseworker):
    client.get(reverse("accounts:login"))
    before = client.session.session_key
    client.post(reverse("accounts:login"), {"username": "sagsbehandler", "password": "demo"})
    assert client.session.session_key != before


def test_mentor_signs_in_with_link(client, organisation):
    mentor = MentorUserFactory(organisation=organisation)
    _link, path = signin_link_create(user=mentor, created_by=None)
    assert client.get(path).status_code == 200  # a preview does not sign in
    assert "_auth_user_id" not in client.session
    response = client.post(path)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == mentor.pk


def test_link_stores_only_a_hash(organisation):
    mentor = MentorUserFactory(organisation=organisation)
    link, path = signin_link_create(user=mentor, created_by=None)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert token not in link.token_hash
    assert not SignInLink.objects.filter(token_hash=token).exists()


def test_expired_link_is_refused(client, organisation):
    mentor = MentorUserFactory(organisation=organisation)
    link, path = signin_link_create(user=mentor, created_by=None)
    SignInLink.objects.filter(pk=link.pk).update(
        created_at=timezone.now() - timedelta(days=40),
        expires_at=timezone.now() - timedelta(days=1),
    )
    response = client.post(path)
    assert response.status_code == 200
    assert "udløbet" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_revoked_link_is_refused(client, organisation, caseworker):
    mentor = MentorUserFactory(organisation=organisation)
    link, path = signin_link_create(user=mentor, created_by=None)
    signin_link_revoke(link=link, by=caseworker)
    response = client.post(path)
    assert "trukket tilbage" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_link_is_refused(client, db):
    response = client.post(reverse("accounts:link_signin", kwargs={"token": "nonsense"}))
    assert "ikke gyldigt" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_caseworkers_cannot_get_signin_links(caseworker):
    from accounts.services import SignInLinkError

    with pytest.raises(SignInLinkError):
        signin_link_create(user=caseworker, created_by=None)


def test_signout_requires_post(client, caseworker):
    client.force_login(caseworker)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_createsuperuser_makes_an_administrator(db):
    from django.core.management import call_command

    from accounts.models import User

    call_command("createsuperuser", interactive=False, username="root", email="root@example.org")
    root = User.objects.get(username="root")
    assert root.role == User.Role.ADMIN and root.organisation is None and root.is_superuser
