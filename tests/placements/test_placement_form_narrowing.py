"""The placement form in a big organisation: the youth and company selects offer at most 20
search matches, and the mentor select only the chosen company's mentors, with htmx and
without JavaScript (once the company is chosen)."""

import re

import pytest
from django.urls import reverse

from placements.forms import OFFERED
from placements.models import Placement
from tests.companies.helpers import make_company
from tests.factories import MentorFactory, YouthFactory

CREATE = reverse("placements:create")


def _options(page: str, select_id: str) -> list[str]:
    select = re.search(rf'<select[^>]*id="{select_id}"[^>]*>(.*?)</select>', page, re.S)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select.group(1))


@pytest.fixture
def network(organisation, caseworker):
    """25 companies with a mentor each, and 25 youth: more than a select offers."""
    companies = [make_company(organisation, name=f"Firma {n:02d}") for n in range(25)]
    for company in companies:
        MentorFactory(company=company, name=f"Mentor hos {company.name}")
    netto = make_company(organisation, name="Netto Gullestrup")
    MentorFactory(company=netto, name="Nina Netto")
    MentorFactory(company=netto, name="Niels Netto")
    for n in range(25):
        YouthFactory(organisation=organisation, caseworker=caseworker, first_name=f"Ung{n:02d}")
    return netto


def test_selects_offer_at_most_twenty(caseworker_client, network):
    page = caseworker_client.get(CREATE).content.decode()
    assert len(_options(page, "id_company")) == OFFERED + 1  # and "Choose a company"
    assert len(_options(page, "id_youth")) == OFFERED + 1
    assert len(_options(page, "id_mentor")) <= 2 * OFFERED + 1


def test_search_narrows_the_selects_without_javascript(caseworker_client, network):
    page = caseworker_client.get(CREATE, {"find_company": "netto", "find_youth": "ung07"})
    page = page.content.decode()
    assert _options(page, "id_company")[1:] == ["Netto Gullestrup"]
    assert [name.split(" ")[0] for name in _options(page, "id_youth")[1:]] == ["Ung07"]
    assert sorted(_options(page, "id_mentor")[1:]) == [
        "Niels Netto (Netto Gullestrup)",
        "Nina Netto (Netto Gullestrup)",
    ]
    # Without JavaScript the company is chosen with a link, which narrows the mentors.
    assert f"{CREATE}?company={network.pk}" in page


def test_a_chosen_company_shows_only_its_mentors(caseworker_client, network):
    page = caseworker_client.get(CREATE, {"company": network.pk}).content.decode()
    assert sorted(_options(page, "id_mentor")[1:]) == [
        "Niels Netto (Netto Gullestrup)",
        "Nina Netto (Netto Gullestrup)",
    ]
    add_mentor = reverse("companies:mentor_create", args=[network.pk])
    assert add_mentor in page  # a missing mentor is added at the company


def test_htmx_reloads_the_mentors_of_the_chosen_company(caseworker_client, network):
    page = caseworker_client.get(CREATE).content.decode()
    company_select = re.search(r'<select[^>]*id="id_company"[^>]*>', page).group(0)
    assert f'data-hx-get="{CREATE}"' in company_select
    assert 'data-hx-target="#div_id_mentor"' in company_select
    assert " hx-" not in page  # only data-hx-* attributes (valid HTML)
    # What htmx asks for when the company changes: the page for that company, from which it
    # takes the mentor field.
    response = caseworker_client.get(CREATE, {"company": network.pk}, HTTP_HX_REQUEST="true")
    fragment = re.search(r'<div id="div_id_mentor".*?</select>', response.content.decode(), re.S)
    assert "Nina Netto" in fragment.group(0) and "Firma 00" not in fragment.group(0)
    # A mentor already chosen stays chosen when the list is reloaded.
    nina = network.mentors.get(name="Nina Netto")
    response = caseworker_client.get(
        CREATE, {"company": network.pk, "mentor": nina.pk}, HTTP_HX_REQUEST="true"
    )
    assert f'<option value="{nina.pk}" selected>' in response.content.decode()


def test_any_active_company_may_be_posted(caseworker_client, network, organisation):
    youth = YouthFactory(organisation=organisation, first_name="Zara")
    last = make_company(organisation, name="Zebra ApS")  # not among the 20 offered
    mentor = MentorFactory(company=last)
    response = caseworker_client.post(
        CREATE,
        {
            "youth": youth.pk,
            "company": last.pk,
            "mentor": mentor.pk,
            "kind": "virksomhedspraktik",
            "starts_on": "2026-03-02",
            "hours_per_week": "20",
        },
    )
    assert response.status_code == 302
    assert Placement.objects.get().company == last
