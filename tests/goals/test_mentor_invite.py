"""The caseworker invites the mentor with a personal sign-in link; the mentor signs in."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import SignInLink


@pytest.fixture
def invite_url(placement):
    return reverse("mentor:invite", args=[placement.pk])


def _new_link(client, invite_url) -> str:
    page = client.post(invite_url).content.decode()
    return re.search(r'id="new-link" type="text" value="([^"]+)"', page).group(1)


def test_caseworker_makes_a_link_shown_once_with_qr_and_mail(
    client, caseworker, placement, invite_url
):
    client.force_login(caseworker)
    assert client.get(invite_url).status_code == 200
    response = client.post(invite_url)
    page = response.content.decode()
    assert 'src="data:image/png;base64,' in page
    url = _new_link(client, invite_url)  # a second link
    assert "/link/" in url
    assert SignInLink.objects.filter(user=placement.mentor.user).count() == 2
    assert len(mail.outbox) == 2
    assert mail.outbox[-1].to == [placement.mentor.email]
    assert url in mail.outbox[-1].body
    listing = client.get(invite_url).content.decode()
    assert url not in listing  # the token is never shown again
    assert "Gyldigt" in listing


def test_mentor_without_email_gets_no_mail(client, caseworker, placement, invite_url):
    placement.mentor.email = ""
    placement.mentor.save()
    client.force_login(caseworker)
    page = client.post(invite_url).content.decode()
    assert "Mentoren har ingen e-mailadresse" in page
    assert mail.outbox == []


def test_the_link_signs_the_mentor_in_to_their_own_pages(client, caseworker, placement, invite_url):
    client.force_login(caseworker)
    url = _new_link(client, invite_url)
    client.logout()
    path = urlsplit(url).path
    assert "Log ind" in client.get(path).content.decode()
    client.post(path)
    home = client.get(reverse("mentor:home"))
    assert home.status_code == 200
    assert placement.youth.first_name in home.content.decode()


def test_revoked_and_expired_links_are_refused_in_danish(client, caseworker, placement, invite_url):
    client.force_login(caseworker)
    url = _new_link(client, invite_url)
    link = SignInLink.objects.get()
    client.post(reverse("mentor:invite_revoke", args=[placement.pk, link.pk]))
    link.refresh_from_db()
    assert link.revoked_at is not None
    client.logout()
    path = urlsplit(url).path
    refused = client.post(path).content.decode()
    assert "trukket tilbage" in refused
    assert client.get(reverse("mentor:home")).status_code == 302  # not signed in

    client.force_login(caseworker)
    url = _new_link(client, invite_url)
    SignInLink.objects.filter(revoked_at__isnull=True).update(
        created_at=timezone.now() - timedelta(days=31),
        expires_at=timezone.now() - timedelta(days=1),
    )
    client.logout()
    assert "udløbet" in client.post(urlsplit(url).path).content.decode()


def test_link_lasts_the_configured_number_of_days(client, caseworker, invite_url, settings):
    settings.SIGNIN_LINK_DAYS = 10
    client.force_login(caseworker)
    client.post(invite_url)
    link = SignInLink.objects.get()
    assert (link.expires_at - link.created_at).days == 10


def test_only_caseworkers_of_the_organisation_invite(
    client, manager, stranger, mentor_user, invite_url
):
    client.force_login(manager)
    assert client.post(invite_url).status_code == 403
    client.force_login(stranger)
    assert client.get(invite_url).status_code == 404
    client.force_login(mentor_user)
    assert client.get(invite_url).status_code == 403
    assert not SignInLink.objects.exists()
