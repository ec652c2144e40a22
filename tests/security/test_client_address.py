"""The client's address (issue 12, finding 4): one helper (accounts/client.py, django-ipware)
for the sign-in lockout, the /v/ rate limit and the access log; direct and behind
DJANGO_PROXY_COUNT trusted proxies; and a throttle per address across usernames."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory

from accounts.client import client_address
from accounts.models import AccessLogEntry
from tests.factories import CaseworkerFactory

pytestmark = pytest.mark.django_db

LOGIN = "/log-ind/"
PROXY = "10.0.0.1"  # the load balancer: every request arrives from it


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _request(**meta):
    return RequestFactory().get("/", REMOTE_ADDR=PROXY, **meta)


def test_direct_clients_are_their_socket_address_whatever_they_send(settings):
    settings.PROXY_COUNT = 0
    assert client_address(_request()) == PROXY
    assert client_address(_request(HTTP_X_FORWARDED_FOR="6.6.6.6")) == PROXY


def test_behind_one_proxy_the_address_it_appended_counts(settings):
    settings.PROXY_COUNT = 1
    assert client_address(_request(HTTP_X_FORWARDED_FOR="8.8.8.8")) == "8.8.8.8"
    # A client that sends its own X-Forwarded-For cannot choose its address.
    assert client_address(_request(HTTP_X_FORWARDED_FOR="6.6.6.6, 8.8.8.8")) == "8.8.8.8"


def test_behind_two_proxies_the_first_proxy_s_entry_counts(settings):
    settings.PROXY_COUNT = 2
    forwarded = "6.6.6.6, 8.8.8.8, 10.0.0.9"
    assert client_address(_request(HTTP_X_FORWARDED_FOR=forwarded)) == "8.8.8.8"


def test_behind_a_proxy_a_request_without_the_header_is_the_socket_address(settings):
    settings.PROXY_COUNT = 1
    assert client_address(_request()) == PROXY


def _sign_in(client, username, password, forwarded):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_behind_a_proxy_a_lockout_is_for_the_client_not_for_everyone(client, settings, caseworker):
    settings.PROXY_COUNT = 1
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "sagsbehandler", "forkert", "8.8.8.8")
    assert _sign_in(client, "sagsbehandler", "demo", "8.8.8.8").status_code == 429
    assert AccessAttempt.objects.filter(ip_address="8.8.8.8").exists()
    # The same person from another address (through the same load balancer) gets in.
    assert _sign_in(client, "sagsbehandler", "demo", "9.9.9.9").status_code == 302


def test_one_address_guessing_across_many_usernames_is_throttled(client, organisation):
    """Password spraying: 20 failures over 14 usernames from one address."""
    settings_limit = settings.AXES_ADDRESS_FAILURE_LIMIT
    assert settings_limit <= 20
    CaseworkerFactory(organisation=organisation, username="rigtig")
    for attempt in range(settings_limit):
        client.post(
            LOGIN,
            {"username": f"bruger{attempt % 14}", "password": "forkert"},
            REMOTE_ADDR="10.0.0.7",
        )
    refused = client.post(LOGIN, {"username": "rigtig", "password": "demo"}, REMOTE_ADDR="10.0.0.7")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    other = client.post(LOGIN, {"username": "rigtig", "password": "demo"}, REMOTE_ADDR="10.0.0.8")
    assert other.status_code == 302


def test_a_few_failures_across_usernames_do_not_lock_the_address(client, organisation):
    """A shared office address: colleagues' typos do not lock each other out."""
    CaseworkerFactory(organisation=organisation, username="rigtig")
    for attempt in range(settings.AXES_FAILURE_LIMIT + 2):
        client.post(
            LOGIN,
            {"username": f"bruger{attempt}", "password": "forkert"},
            REMOTE_ADDR="10.0.0.7",
        )
    ok = client.post(LOGIN, {"username": "rigtig", "password": "demo"}, REMOTE_ADDR="10.0.0.7")
    assert ok.status_code == 302


def test_a_successful_sign_in_does_not_clear_the_address_s_other_failures(client, organisation):
    CaseworkerFactory(organisation=organisation, username="rigtig")
    for attempt in range(3):
        client.post(
            LOGIN,
            {"username": f"bruger{attempt}", "password": "forkert"},
            REMOTE_ADDR="10.0.0.7",
        )
    client.post(LOGIN, {"username": "rigtig", "password": "demo"}, REMOTE_ADDR="10.0.0.7")
    assert AccessAttempt.objects.filter(ip_address="10.0.0.7").count() == 3


def test_behind_a_proxy_each_visitor_has_their_own_verification_limit(client, settings):
    from certificates.views.verify import LOOKUPS_PER_WINDOW

    settings.PROXY_COUNT = 1
    url = "/v/AAAA-BBBB-CCCC-DDDD-EEEE/"
    for _lookup in range(LOOKUPS_PER_WINDOW):
        client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="8.8.8.8")
    assert client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="8.8.8.8").status_code == 429
    assert client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="9.9.9.9").status_code == 404


def test_the_access_log_records_the_client_address(client, settings, caseworker, youth):
    settings.PROXY_COUNT = 1
    client.force_login(caseworker)
    response = client.get(f"/unge/{youth.pk}/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="8.8.8.8")
    assert response.status_code == 200
    assert AccessLogEntry.objects.get(youth_id=youth.pk).address == "8.8.8.8"
