import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.models import Industry
from placements.models import Placement
from tests.companies.helpers import make_company
from tests.factories import CompanyFactory, MentorFactory, PlacementFactory

URL = reverse("companies:list")


def _names(response) -> list[str]:
    return [company.name for company in response.context["page"]]


def test_caseworker_sees_own_network_only(caseworker_client, company, foreign_company):
    response = caseworker_client.get(URL)
    assert response.status_code == 200
    assert "Netto Gullestrup" in response.content.decode()
    assert "Fremmed ApS" not in response.content.decode()


def test_manager_may_look_but_gets_no_add_button(manager_client, company):
    response = manager_client.get(URL)
    assert response.status_code == 200
    assert reverse("companies:create") not in response.content.decode()


@pytest.mark.parametrize("fixture", ["mentor_user", "youth_user"])
def test_mentors_and_youth_are_refused(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(URL).status_code == 403


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.parametrize(
    ("query", "expected"),
    [("netto", ["Netto Gullestrup"]), ("2918", ["Netto Gullestrup"]), ("ikast", ["Bageriet"])],
)
def test_search_by_name_cvr_or_city(caseworker_client, organisation, company, query, expected):
    CompanyFactory(organisation=organisation, name="Bageriet", cvr="25313763", city="Ikast")
    assert _names(caseworker_client.get(URL, {"q": query})) == expected


def test_filters_by_industry_and_active(caseworker_client, organisation, company):
    CompanyFactory(
        organisation=organisation,
        name="Gartneriet",
        cvr="25313763",
        industry=Industry.GARDENING,
        is_active=False,
    )
    assert _names(caseworker_client.get(URL, {"industry": "gardening"})) == ["Gartneriet"]
    assert _names(caseworker_client.get(URL, {"active": "yes"})) == ["Netto Gullestrup"]
    assert _names(caseworker_client.get(URL, {"active": "no"})) == ["Gartneriet"]


def test_filter_only_companies_with_a_running_placement(
    caseworker_client, organisation, company, youth
):
    quiet = CompanyFactory(organisation=organisation, name="Stille ApS", cvr="25313763")
    PlacementFactory(organisation=organisation, youth=youth, company=company)
    PlacementFactory(
        organisation=organisation, youth=youth, company=quiet, status=Placement.Status.COMPLETED
    )
    response = caseworker_client.get(URL, {"with_placement": "on"})
    assert _names(response) == ["Netto Gullestrup"]
    assert response.context["page"][0].running_placements == 1


def test_pages_of_25_keep_the_search(caseworker_client, organisation):
    for n in range(30):
        make_company(organisation, name=f"Firma {n:02d}")
    first = caseworker_client.get(URL, {"q": "firma"})
    assert len(first.context["page"]) == 25
    assert "q=firma&amp;side=2" in first.content.decode()
    second = caseworker_client.get(URL, {"q": "firma", "side": 2})
    assert _names(second) == [f"Firma {n}" for n in range(25, 30)]
    assert "Side 2 af 2" in second.content.decode()


def _make_companies(organisation, youth, count: int) -> None:
    for _ in range(count):
        company = make_company(organisation)
        MentorFactory.create_batch(2, company=company)
        PlacementFactory(organisation=organisation, youth=youth, company=company)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL).status_code == 200
    return len(context)


def test_query_count_does_not_grow_with_rows(caseworker_client, organisation, youth):
    _make_companies(organisation, youth, 2)
    few = _queries(caseworker_client)
    _make_companies(organisation, youth, 20)
    assert _queries(caseworker_client) == few
