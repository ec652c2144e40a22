import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CaseworkerFactory, CompanyFactory, PlacementFactory, YouthFactory
from youth.models import Youth

pytestmark = pytest.mark.django_db
URL = reverse("youth:list")


def names(response) -> list[str]:
    return [youth.full_name for youth in response.context["page"].object_list]


def test_caseworker_sees_the_organisations_youth_but_not_others(
    client, caseworker, youth, other_organisation
):
    YouthFactory(organisation=other_organisation, first_name="Fremmed", last_name="Person")
    client.force_login(caseworker)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1" in page and "Unge" in page
    assert youth.full_name in page
    assert "Fremmed Person" not in page
    assert reverse("workspace:youth_detail", args=[youth.pk]) in page


def test_manager_sees_the_list_but_no_register_button(client, manager, youth):
    client.force_login(manager)
    response = client.get(URL)
    assert response.status_code == 200
    assert youth.full_name in response.content.decode()
    assert reverse("youth:create") not in response.content.decode()


def test_mentor_and_youth_are_refused(client, mentor_user, youth_user):
    client.force_login(mentor_user)
    assert client.get(URL).status_code == 403
    client.force_login(youth_user)
    assert client.get(URL).status_code == 403


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_search_by_first_and_last_name(client, caseworker, organisation):
    YouthFactory(
        organisation=organisation, caseworker=caseworker, first_name="Mads", last_name="Holm"
    )
    YouthFactory(
        organisation=organisation, caseworker=caseworker, first_name="Sara", last_name="Holm"
    )
    YouthFactory(
        organisation=organisation, caseworker=caseworker, first_name="Ali", last_name="Berg"
    )
    client.force_login(caseworker)
    assert names(client.get(URL, {"q": "holm"})) == ["Mads Holm", "Sara Holm"]
    assert names(client.get(URL, {"q": "sara holm"})) == ["Sara Holm"]
    assert "Ingen unge passer til søgningen." in client.get(URL, {"q": "xyz"}).content.decode()


def test_filter_by_status_caseworker_and_company(client, caseworker, colleague, organisation):
    mine = YouthFactory(organisation=organisation, caseworker=caseworker, first_name="Mads")
    YouthFactory(organisation=organisation, caseworker=colleague, first_name="Sara")
    YouthFactory(
        organisation=organisation,
        caseworker=caseworker,
        first_name="Ali",
        status=Youth.Status.COMPLETED,
        ended_on=dt.date(2026, 3, 1),
        outcome=Youth.Outcome.ORDINARY_JOB,
    )
    placement = PlacementFactory(organisation=organisation, youth=mine)
    client.force_login(caseworker)
    assert names(client.get(URL, {"status": "completed"})) == [
        y.full_name for y in Youth.objects.filter(first_name="Ali")
    ]
    assert {n.split()[0] for n in names(client.get(URL, {"caseworker": colleague.pk}))} == {"Sara"}
    response = client.get(URL, {"company": placement.company.name.upper()})
    assert names(response) == [mine.full_name]
    assert f'value="{placement.company.name.upper()}"' in response.content.decode()


def test_the_company_filter_finds_every_word_of_the_name_in_one_company(
    client, caseworker, organisation
):
    placed = {}
    for first_name, company_name in [
        ("Asta", "Netto Herning"),
        ("Bo", "Netto Ikast"),
        ("Cia", "Herning Bogtrykkeri"),
    ]:
        youth = YouthFactory(
            organisation=organisation, caseworker=caseworker, first_name=first_name
        )
        company = CompanyFactory(organisation=organisation, name=company_name)
        PlacementFactory(organisation=organisation, youth=youth, company=company)
        placed[first_name] = youth
    PlacementFactory(organisation=organisation, youth=placed["Asta"])  # a second placement
    client.force_login(caseworker)

    def found(company: str) -> set[str]:
        return {name.split()[0] for name in names(client.get(URL, {"company": company}))}

    assert found("netto") == {"Asta", "Bo"}
    assert found("herning netto") == {"Asta"}
    assert found("Herning") == {"Asta", "Cia"}
    assert found("Brugsen") == set()


def test_unknown_filter_values_are_ignored(client, caseworker, youth, stranger):
    client.force_login(caseworker)
    response = client.get(URL, {"status": "nonsense", "caseworker": stranger.pk, "sort": "x"})
    assert response.status_code == 200
    assert names(response) == [youth.full_name]


def test_sort_by_start_date_and_status(client, caseworker, organisation):
    for name, started in [("Anna", dt.date(2026, 1, 1)), ("Bo", dt.date(2026, 3, 1))]:
        YouthFactory(
            organisation=organisation, caseworker=caseworker, first_name=name, started_on=started
        )
    client.force_login(caseworker)
    assert [n.split()[0] for n in names(client.get(URL, {"sort": "-started_on"}))] == ["Bo", "Anna"]
    assert [n.split()[0] for n in names(client.get(URL, {"sort": "started_on"}))] == ["Anna", "Bo"]
    assert client.get(URL, {"sort": "status"}).status_code == 200


def test_pages_of_25_keep_the_filters(client, caseworker, organisation):
    YouthFactory.create_batch(30, organisation=organisation, caseworker=caseworker)
    client.force_login(caseworker)
    response = client.get(URL, {"status": "active"})
    assert len(response.context["page"].object_list) == 25
    assert "status=active&amp;side=2" in response.content.decode()
    assert len(client.get(URL, {"status": "active", "side": 2}).context["page"].object_list) == 5
    assert "30 unge" in response.content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_rows(client, caseworker, organisation):
    client.force_login(caseworker)
    companies = CompanyFactory.create_batch(5, organisation=organisation)

    def add(n):
        for i in range(n):
            colleague = CaseworkerFactory(organisation=organisation)
            youth = YouthFactory(organisation=organisation, caseworker=colleague)
            PlacementFactory(organisation=organisation, youth=youth, company=companies[i % 5])

    add(2)
    small = _queries(client, URL)
    add(20)
    assert _queries(client, URL) == small
