"""Ids in the query string (issue 12, finding 9): `?youth=²` and other values that are not
an id answer 404 (or are ignored), never 500. One helper, accounts.forms.request_id."""

import pytest
from django.http import Http404, QueryDict
from django.urls import reverse

from accounts.forms import request_id
from companies.models import cvr_is_valid

pytestmark = pytest.mark.django_db

NOT_IDS = ["²", "١٢x", "-1", "0", "1.5", "abc", "9" * 30, "12 OR 1=1"]


@pytest.mark.parametrize("raw", NOT_IDS)
def test_a_value_that_is_not_an_id_is_a_404(raw):
    with pytest.raises(Http404):
        request_id(QueryDict(mutable=True) | {"youth": raw}, "youth")


def test_an_id_is_an_int_and_no_value_is_none():
    assert request_id(QueryDict("youth=12"), "youth") == 12
    assert request_id(QueryDict("youth="), "youth") is None
    assert request_id(QueryDict(""), "youth") is None


def _pages(world):
    a = world.a
    return [
        f"/praktikker/ny/?youth={{}}&company={a.company.pk}",
        f"/praktikker/ny/?youth={a.youth.pk}&company={{}}",
        "/beviser/?youth={}",
        "/maal/ny/?placement={}",
        f"/maal/ny/?placement={a.placement.pk}&template={{}}",
        f"/beviser/nyt/{a.youth.pk}/?kladde={{}}",
    ]


@pytest.mark.parametrize("raw", ["%C2%B2", "%D9%A1", "-3", "99999999999999999999999"])
def test_pages_answer_404_not_500_for_unicode_digits(world, client, raw):
    client.raise_request_exception = False
    client.force_login(world.a.caseworker)
    for page in _pages(world):
        response = client.get(page.format(raw))
        assert response.status_code == 404, (page.format(raw), response.status_code)


def test_a_cvr_of_unicode_digits_is_invalid_not_an_error():
    assert not cvr_is_valid("²" * 8)
    assert cvr_is_valid("29189609")


def test_posted_choices_that_are_not_ids_are_refused_not_a_500(world, client):
    """A ticked goal or a chosen youth sent as "²" (a digit to str.isdigit, not to int)."""
    client.raise_request_exception = False
    client.force_login(world.a.caseworker)
    picked = client.post(
        reverse("goals:add", args=[world.a.placement.pk]), {"templates": ["²"], "save": "1"}
    )
    created = client.post(reverse("placements:create"), {"youth": "²", "company": "²"})
    assert (picked.status_code, created.status_code) == (200, 200)
