import datetime as dt

import pytest
from django.urls import reverse

from accounts.models import AccessLogEntry
from placements.models import Placement
from tests.companies.helpers import make_company
from tests.factories import CompanyFactory, MentorFactory, YouthFactory

CREATE = reverse("placements:create")


def _data(company, mentor, **changes) -> dict:
    data = {
        "company": company.pk,
        "mentor": mentor.pk,
        "kind": "virksomhedspraktik",
        "starts_on": "2026-03-02",
        "ends_on": "30.06.2026",
        "hours_per_week": "12.5",
        "accommodations": "Korte pauser. Én opgave ad gangen.",
        "expectations": "Møder kl. 9 mandag til torsdag.",
    }
    return {**data, **changes}


def test_from_the_youth_page_the_company_is_chosen(
    caseworker_client, caseworker, youth, company, mentor
):
    url = f"{CREATE}?youth={youth.pk}"
    page = caseworker_client.get(url).content.decode()
    assert youth.full_name in page and "Netto Gullestrup" in page
    assert "Mentoren kan se dette." in page
    response = caseworker_client.post(url, _data(company, mentor))
    placement = Placement.objects.get()
    assert response.url == reverse("workspace:placement_detail", args=[placement.pk])
    assert (placement.youth, placement.company, placement.mentor) == (youth, company, mentor)
    assert placement.organisation == youth.organisation
    assert placement.ends_on == dt.date(2026, 6, 30)
    assert str(placement.hours_per_week) == "12.5"
    assert placement.status == Placement.Status.PLANNED
    assert placement.created_by == caseworker


def test_from_the_company_page_the_youth_is_chosen(caseworker_client, youth, company, mentor):
    url = f"{CREATE}?company={company.pk}"
    data = _data(company, mentor, youth=youth.pk)
    del data["company"]
    response = caseworker_client.post(url, data)
    assert response.status_code == 302
    assert Placement.objects.get().company == company


def test_only_active_youth_companies_and_mentors_are_offered(
    caseworker_client, organisation, caseworker, youth, company, mentor, foreign_company
):
    CompanyFactory(organisation=organisation, name="Lukket ApS", cvr="25313763", is_active=False)
    MentorFactory(company=company, name="Gammel Mentor", is_active=False)
    YouthFactory(
        organisation=organisation,
        caseworker=caseworker,
        first_name="Afsluttet",
        status="completed",
        ended_on=dt.date(2026, 3, 1),
        outcome="other",
    )
    form = caseworker_client.get(CREATE).context["form"]
    assert list(form.fields["company"].queryset) == [company]
    assert list(form.fields["mentor"].queryset) == [mentor]
    assert list(form.fields["youth"].queryset) == [youth]


def test_end_before_start_is_refused_and_input_kept(caseworker_client, youth, company, mentor):
    response = caseworker_client.post(
        f"{CREATE}?youth={youth.pk}", _data(company, mentor, ends_on="2026-02-01")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "Slutdatoen ligger før startdatoen (2. marts 2026)."
    ]
    page = response.content.decode()
    assert 'value="2026-02-01"' in page and "Korte pauser. Én opgave ad gangen." in page
    assert not Placement.objects.exists()


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("49", "Denne værdi skal være mindre end eller lig 48."),
        ("-1", "Denne værdi skal være større end eller lig 0."),
    ],
)
def test_hours_out_of_range_are_refused(caseworker_client, youth, company, mentor, hours, message):
    response = caseworker_client.post(
        f"{CREATE}?youth={youth.pk}", _data(company, mentor, hours_per_week=hours)
    )
    assert response.context["form"].errors["hours_per_week"] == [message]
    assert not Placement.objects.exists()


def test_mentor_of_another_company_is_refused(caseworker_client, organisation, youth, company):
    elsewhere = MentorFactory(
        company=make_company(organisation, name="Føtex"),
        name="Kim Berg",
    )
    response = caseworker_client.post(f"{CREATE}?youth={youth.pk}", _data(company, elsewhere))
    assert response.context["form"].errors["mentor"] == [
        "Kim Berg er ikke mentor hos Netto Gullestrup. Vælg en af virksomhedens mentorer."
    ]
    assert not Placement.objects.exists()


def test_another_organisations_youth_or_company_is_not_found(
    caseworker_client, other_organisation, youth, mentor, foreign_company
):
    foreign_youth = YouthFactory(organisation=other_organisation)
    assert caseworker_client.get(f"{CREATE}?youth={foreign_youth.pk}").status_code == 404
    assert caseworker_client.get(f"{CREATE}?company={foreign_company.pk}").status_code == 404
    assert caseworker_client.get(f"{CREATE}?youth=abc").status_code == 404
    foreign_mentor = MentorFactory(company=foreign_company)
    response = caseworker_client.post(
        f"{CREATE}?youth={youth.pk}", _data(foreign_company, foreign_mentor)
    )
    assert "company" in response.context["form"].errors
    assert not Placement.objects.exists()


def test_manager_cannot_create_placements(manager_client, youth, company, mentor):
    assert manager_client.get(f"{CREATE}?youth={youth.pk}").status_code == 403
    assert (
        manager_client.post(f"{CREATE}?youth={youth.pk}", _data(company, mentor)).status_code == 403
    )
    assert not Placement.objects.exists()


def test_caseworker_edits_a_placement(caseworker_client, placement):
    url = reverse("placements:edit", args=[placement.pk])
    data = {
        "mentor": placement.mentor_id,
        "kind": "loentilskud",
        "starts_on": "2026-02-02",
        "ends_on": "",
        "hours_per_week": "20",
        "accommodations": "Ny aftale.",
        "expectations": "",
    }
    assert caseworker_client.post(url, data).status_code == 302
    placement.refresh_from_db()
    assert (placement.kind, placement.ends_on, placement.hours_per_week) == (
        "loentilskud",
        None,
        20,
    )

    response = caseworker_client.post(url, {**data, "ends_on": "2026-01-01"})
    assert "Slutdatoen ligger før startdatoen" in response.context["form"].errors["ends_on"][0]
    placement.refresh_from_db()
    assert placement.ends_on is None


def test_edit_offers_only_the_companys_mentors(caseworker_client, organisation, placement):
    MentorFactory(company=make_company(organisation))
    form = caseworker_client.get(reverse("placements:edit", args=[placement.pk])).context["form"]
    assert list(form.fields["mentor"].queryset) == [placement.mentor]


def test_another_organisations_placement_is_not_found(client, stranger, placement):
    client.force_login(stranger)
    assert client.get(reverse("placements:edit", args=[placement.pk])).status_code == 404


def test_edit_page_shows_agreements_and_writes_one_access_log_row(caseworker_client, placement):
    page = caseworker_client.get(reverse("placements:edit", args=[placement.pk])).content.decode()
    assert placement.accommodations in page
    entry = AccessLogEntry.objects.get()
    assert entry.youth_id == placement.youth_id
    assert entry.organisation_id == placement.organisation_id
