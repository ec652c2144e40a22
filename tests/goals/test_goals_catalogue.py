"""The goal catalogue: search, filters, pagination, create, edit, retire and reactivate."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.models import Industry
from goals.models import Area, GoalTemplate, Level
from tests.factories import GoalTemplateFactory

URL = "/maal/katalog/"


@pytest.fixture
def templates(organisation):
    return [
        GoalTemplateFactory(organisation=organisation, title="Kan fylde varer op"),
        GoalTemplateFactory(
            organisation=organisation,
            title="Kan møde til tiden",
            criteria="Kommer til den aftalte tid.",
            area=Area.PERSONAL,
            level=Level.MESTRING,
            industry="",
        ),
        GoalTemplateFactory(
            organisation=organisation,
            title="Kan skrælle kartofler",
            industry=Industry.KITCHEN,
            is_active=False,
        ),
    ]


def test_catalogue_url_name():
    assert reverse("goals:catalogue") == URL


def test_staff_see_active_goals_and_retired_separately(
    client, manager, templates, other_organisation
):
    GoalTemplateFactory(organisation=other_organisation, title="Kan passe heste")
    client.force_login(manager)
    page = client.get(URL).content.decode()
    assert "Kan fylde varer op" in page and "Kan møde til tiden" in page
    assert "Kan skrælle kartofler" not in page and "Kan passe heste" not in page
    assert "Taget ud af brug (1)" in page
    retired = client.get(URL, {"vis": "udgaaede"}).content.decode()
    assert "Kan skrælle kartofler" in retired and "Kan fylde varer op" not in retired


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"q": "varer"}, "Kan fylde varer op", "Kan møde til tiden"),
        ({"q": "forsiden"}, "Kan fylde varer op", "xxx"),  # words in the criteria
        ({"area": "personlig"}, "Kan møde til tiden", "Kan fylde varer op"),
        ({"level": "3"}, "Kan møde til tiden", "Kan fylde varer op"),
        ({"industry": "retail"}, "Kan fylde varer op", "Kan møde til tiden"),
    ],
)
def test_search_and_filters(client, caseworker, templates, query, shown, hidden):
    client.force_login(caseworker)
    page = client.get(URL, query).content.decode()
    assert shown in page and hidden not in page


def test_catalogue_is_paginated(client, caseworker, organisation):
    GoalTemplateFactory.create_batch(30, organisation=organisation)
    client.force_login(caseworker)
    first = client.get(URL).content.decode()
    assert "Side 1 af 2" in first
    assert "Side 2 af 2" in client.get(URL, {"side": 2}).content.decode()


def test_caseworker_creates_a_goal_in_the_catalogue(client, caseworker):
    client.force_login(caseworker)
    response = client.post(
        reverse("goals:template_create"),
        {
            "title": "Kan betjene kassen",
            "criteria": "Tager imod betaling.",
            "area": "faglig",
            "level": "2",
            "points": "1,5",
            "industry": "retail",
        },
    )
    assert response.status_code == 302
    template = GoalTemplate.objects.get(title="Kan betjene kassen")
    assert template.organisation == caseworker.organisation
    assert template.points == Decimal("1.5")


def test_bad_input_keeps_what_was_typed(client, caseworker):
    client.force_login(caseworker)
    response = client.post(
        reverse("goals:template_create"),
        {
            "title": "Kan betjene kassen",
            "criteria": "",
            "area": "faglig",
            "level": "4",
            "points": "1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Kan betjene kassen"' in page
    assert not GoalTemplate.objects.exists()


def test_edit_retire_and_reactivate(client, caseworker, templates):
    template = templates[0]
    client.force_login(caseworker)
    client.post(
        reverse("goals:template_edit", args=[template.pk]),
        {
            "title": "Kan fylde frugt op",
            "criteria": "Efter planen.",
            "area": "faglig",
            "level": "1",
            "points": "2",
            "industry": "",
        },
    )
    template.refresh_from_db()
    assert template.title == "Kan fylde frugt op" and template.level == 1
    client.post(reverse("goals:template_retire", args=[template.pk]))
    template.refresh_from_db()
    assert not template.is_active
    client.post(reverse("goals:template_reactivate", args=[template.pk]))
    template.refresh_from_db()
    assert template.is_active


def test_retire_needs_post(client, caseworker, templates):
    client.force_login(caseworker)
    assert client.get(reverse("goals:template_retire", args=[templates[0].pk])).status_code == 405


def test_manager_reads_but_cannot_write(client, manager, templates):
    client.force_login(manager)
    assert client.get(reverse("goals:template_create")).status_code == 403
    assert client.post(reverse("goals:template_retire", args=[templates[0].pk])).status_code == 403
    templates[0].refresh_from_db()
    assert templates[0].is_active


def test_other_organisation_gets_404(client, stranger, templates):
    client.force_login(stranger)
    assert client.get(reverse("goals:template_edit", args=[templates[0].pk])).status_code == 404
    assert client.post(reverse("goals:template_retire", args=[templates[0].pk])).status_code == 404


def test_mentor_has_no_catalogue(client, mentor_user):
    client.force_login(mentor_user)
    assert client.get(URL).status_code == 403


def test_catalogue_query_count_does_not_grow_with_goals(client, caseworker, organisation):
    client.force_login(caseworker)

    def queries_with(count: int) -> int:
        GoalTemplateFactory.create_batch(count, organisation=organisation)
        GoalTemplateFactory.create_batch(count, organisation=organisation, is_active=False)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(30)
