import pytest
from django.urls import reverse

from companies.models import Company
from tests.factories import CompanyFactory, PlacementFactory

CREATE = reverse("companies:create")
CVR_MESSAGE = "Et CVR-nummer har 8 cifre og et gyldigt kontrolciffer. Tjek nummeret."


def _data(**changes) -> dict:
    data = {"name": "Føtex Herning", "cvr": "25313763", "industry": "retail", "city": "Herning"}
    return {**data, **changes}


def test_caseworker_adds_a_company(caseworker_client, organisation):
    response = caseworker_client.post(
        CREATE, _data(cvr="25 31 37 63", in_network_since="03.02.2025")
    )
    company = Company.objects.get(name="Føtex Herning")
    assert response.status_code == 302
    assert response.url == reverse("workspace:company_detail", args=[company.pk])
    assert company.organisation == organisation
    assert company.cvr == "25313763"
    assert company.in_network_since.isoformat() == "2025-02-03"


@pytest.mark.parametrize("cvr", ["25313764", "2531376", "2531376A"])
def test_bad_cvr_is_refused_next_to_the_field(caseworker_client, cvr):
    response = caseworker_client.post(CREATE, _data(cvr=cvr))
    assert response.status_code == 200
    assert response.context["form"].errors["cvr"] == [CVR_MESSAGE]
    page = response.content.decode()
    assert CVR_MESSAGE in page
    assert f'value="{cvr}"' in page and 'value="Føtex Herning"' in page
    assert not Company.objects.exists()


def test_duplicate_cvr_in_the_organisation_is_refused(caseworker_client, company):
    response = caseworker_client.post(CREATE, _data(cvr=company.cvr))
    assert response.context["form"].errors["cvr"] == [
        "Netto Gullestrup har allerede CVR-nummer 29189609 i jeres netværk."
    ]
    assert Company.objects.count() == 1


def test_same_cvr_in_another_organisation_is_fine(caseworker_client, foreign_company):
    response = caseworker_client.post(CREATE, _data(cvr=foreign_company.cvr))
    assert response.status_code == 302
    assert Company.objects.filter(cvr=foreign_company.cvr).count() == 2


def test_caseworker_edits_a_company(caseworker_client, company):
    url = reverse("companies:edit", args=[company.pk])
    assert "Netto Gullestrup" in caseworker_client.get(url).content.decode()
    response = caseworker_client.post(url, _data(name="Netto Gullestrup Syd", cvr=company.cvr))
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.name == "Netto Gullestrup Syd"


def test_edit_to_a_cvr_already_used_is_refused(caseworker_client, organisation, company):
    other = CompanyFactory(organisation=organisation, cvr="25313763")
    response = caseworker_client.post(
        reverse("companies:edit", args=[other.pk]), _data(cvr=company.cvr)
    )
    assert "har allerede CVR-nummer" in response.context["form"].errors["cvr"][0]
    other.refresh_from_db()
    assert other.cvr == "25313763"


def test_manager_cannot_add_or_edit(manager_client, company):
    assert manager_client.get(CREATE).status_code == 403
    assert manager_client.post(CREATE, _data()).status_code == 403
    edit = reverse("companies:edit", args=[company.pk])
    assert manager_client.post(edit, _data(cvr=company.cvr)).status_code == 403
    assert Company.objects.count() == 1


def test_another_organisations_company_is_not_found(caseworker_client, foreign_company):
    assert (
        caseworker_client.get(reverse("companies:edit", args=[foreign_company.pk])).status_code
        == 404
    )
    deactivate = reverse("companies:deactivate", args=[foreign_company.pk])
    assert caseworker_client.post(deactivate).status_code == 404
    foreign_company.refresh_from_db()
    assert foreign_company.is_active


def test_deactivate_and_activate_again(caseworker_client, company):
    deactivate = reverse("companies:deactivate", args=[company.pk])
    assert caseworker_client.get(deactivate).status_code == 405
    response = caseworker_client.post(deactivate, follow=True)
    assert "Netto Gullestrup er ikke længere aktiv i netværket." in response.content.decode()
    company.refresh_from_db()
    assert not company.is_active
    caseworker_client.post(reverse("companies:activate", args=[company.pk]))
    company.refresh_from_db()
    assert company.is_active


def test_company_with_running_placement_stays_active(caseworker_client, company, youth):
    PlacementFactory(organisation=company.organisation, youth=youth, company=company)
    response = caseworker_client.post(
        reverse("companies:deactivate", args=[company.pk]), follow=True
    )
    assert "Afslut dem først" in response.content.decode()
    company.refresh_from_db()
    assert company.is_active


def test_manager_cannot_deactivate(manager_client, company):
    assert (
        manager_client.post(reverse("companies:deactivate", args=[company.pk])).status_code == 403
    )
    company.refresh_from_db()
    assert company.is_active
