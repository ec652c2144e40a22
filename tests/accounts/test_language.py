import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_danish_even_when_the_browser_asks_for_english(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="da">' in response.content.decode()
    assert "Log ind" in response.content.decode()


def test_the_language_switch_changes_to_english_and_back(client):
    login = reverse("accounts:login")
    response = client.post(reverse("set_language"), {"language": "en", "next": login})
    assert response.status_code == 302
    assert "Sign in" in client.get(login).content.decode()
    client.post(reverse("set_language"), {"language": "da", "next": login})
    assert "Log ind" in client.get(login).content.decode()


def test_an_unknown_language_falls_back_to_danish(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert "Log ind" in client.get(reverse("accounts:login")).content.decode()
