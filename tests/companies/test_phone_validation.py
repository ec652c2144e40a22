"""A phone number that cannot be called is refused for companies and mentors too."""

import pytest
from django.urls import reverse

from companies.models import Company, Mentor

pytestmark = pytest.mark.django_db
MESSAGE = "Et telefonnummer må kun indeholde cifre, mellemrum og tegnene + ( ) - . /"


def test_a_mentor_phone_with_letters_is_refused_next_to_the_field(caseworker_client, company):
    url = reverse("companies:mentor_create", args=[company.pk])
    response = caseworker_client.post(url, {"name": "Jens Hansen", "phone": "abc"})
    assert response.status_code == 200
    assert response.context["form"].errors["phone"] == [MESSAGE]
    page = response.content.decode()
    assert 'value="abc"' in page and 'value="Jens Hansen"' in page
    assert 'href="tel:' not in page
    assert not Mentor.objects.exists()


def test_a_company_phone_with_letters_is_refused(caseworker_client):
    response = caseworker_client.post(
        reverse("companies:create"),
        {"name": "Føtex Herning", "cvr": "25313763", "industry": "retail", "phone": "abc"},
    )
    assert response.context["form"].errors["phone"] == [MESSAGE]
    assert not Company.objects.exists()
