import pytest
from django.conf import settings
from django.urls import reverse

from accounts.models import SignInLink
from tests.factories import YouthFactory

pytestmark = pytest.mark.django_db


def link_url(youth) -> str:
    return reverse("youth:signin_link", args=[youth.pk])


def test_link_is_shown_once_with_a_qr_code_and_emailed(client, caseworker, youth, mailoutbox):
    youth.email = "ung@example.com"
    youth.save()
    client.force_login(caseworker)
    assert client.get(link_url(youth)).status_code == 200
    assert not SignInLink.objects.exists()  # GET changes nothing

    response = client.post(link_url(youth))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    url = response.context["url"]
    assert url.startswith(settings.SITE_URL + "/link/")
    assert f'value="{url}"' in page
    assert 'src="data:image/png;base64,' in page
    assert "Linket (vises kun denne ene gang)" in page
    youth.refresh_from_db()
    assert youth.user is not None and youth.user.role == "youth"
    assert SignInLink.objects.filter(user=youth.user, created_by=caseworker).count() == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ung@example.com"]
    assert url in mailoutbox[0].body
    assert "Her er dit personlige link" in mailoutbox[0].body

    again = client.get(link_url(youth)).content.decode()
    assert url not in again  # only the list of links afterwards
    assert "Gyldigt" in again


def test_the_link_signs_the_young_person_in(client, caseworker, youth):
    client.force_login(caseworker)
    url = client.post(link_url(youth)).context["url"]
    client.logout()
    client.post(url.removeprefix("http://testserver"))
    youth.refresh_from_db()
    assert int(client.session["_auth_user_id"]) == youth.user_id


def test_without_email_nothing_is_sent(client, caseworker, youth, mailoutbox):
    youth.email = ""
    youth.save()
    client.force_login(caseworker)
    page = client.post(link_url(youth)).content.decode()
    assert "Den unge har ingen e-mailadresse" in page
    assert mailoutbox == []


def test_caseworker_withdraws_a_link(client, caseworker, youth):
    client.force_login(caseworker)
    client.post(link_url(youth))
    link = SignInLink.objects.get()
    revoke = reverse("youth:signin_link_revoke", args=[youth.pk, link.pk])
    assert client.get(revoke).status_code == 405
    response = client.post(revoke)
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert "Trukket tilbage" in client.get(link_url(youth)).content.decode()


def test_another_youths_link_cannot_be_withdrawn_through_this_youth(
    client, caseworker, youth, organisation
):
    other = YouthFactory(organisation=organisation, caseworker=caseworker)
    client.force_login(caseworker)
    client.post(link_url(other))
    link = SignInLink.objects.get()
    client.post(link_url(youth))
    response = client.post(reverse("youth:signin_link_revoke", args=[youth.pk, link.pk]))
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_manager_and_other_organisation_are_refused(client, manager, stranger, youth):
    client.force_login(manager)
    assert client.post(link_url(youth)).status_code == 403
    client.force_login(stranger)
    assert client.post(link_url(youth)).status_code == 404
    assert not SignInLink.objects.exists()
