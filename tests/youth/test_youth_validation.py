"""Wrong data about a young person is refused with a Danish message next to the field, and
what was typed is kept: birth date, phone, and a second person with the same name and
birth date (warned; the caseworker opens the existing one or confirms)."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import YouthFactory
from tests.youth.test_youth_form import CREATE, form_data
from youth.models import Youth

pytestmark = pytest.mark.django_db


def field_block(page: str, name: str) -> str:
    """The HTML of one form field: its label, input and messages (crispy's div_id_<name>)."""
    start = page.index(f'id="div_id_{name}"')
    following = page.find('id="div_id_', start + 1)
    return page[start : following if following != -1 else len(page)]


def refused(client, caseworker, **changes) -> str:
    response = client.post(CREATE, form_data(caseworker, **changes))
    assert response.status_code == 200
    assert not Youth.objects.filter(first_name="Mikkel").exists()
    page = response.content.decode()
    assert 'value="Mikkel"' in page and 'value="Sørensen"' in page
    return page


def test_a_birth_date_in_the_future_is_refused(caseworker_client, caseworker):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page = refused(caseworker_client, caseworker, birth_date=tomorrow.isoformat())
    block = field_block(page, "birth_date")
    assert "Fødselsdatoen kan ikke ligge i fremtiden." in block
    assert f'value="{tomorrow.isoformat()}"' in block


def test_a_birth_date_after_the_course_start_is_refused(caseworker_client, caseworker):
    page = refused(caseworker_client, caseworker, birth_date="2026-03-01", started_on="2026-02-01")
    assert "Fødselsdatoen skal ligge før forløbets start (1. februar 2026)." in field_block(
        page, "birth_date"
    )


def test_editing_to_a_birth_date_after_the_start_is_refused(caseworker_client, youth):
    url = reverse("youth:edit", args=[youth.pk])
    data = form_data(youth.caseworker, first_name=youth.first_name, last_name=youth.last_name)
    data.update(started_on="2026-01-05", birth_date="2026-06-01")
    response = caseworker_client.post(url, data)
    assert "Fødselsdatoen skal ligge før" in field_block(response.content.decode(), "birth_date")
    youth.refresh_from_db()
    assert youth.birth_date == dt.date(2005, 4, 12)


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("abc", "Et telefonnummer må kun indeholde cifre, mellemrum og tegnene + ( ) - . /"),
        ("2030 4050 ring", "Et telefonnummer må kun indeholde cifre"),
        ("---", "Skriv telefonnummeret med mindst 8 cifre, fx 29 84 53 68."),
        ("45+20304050", "Et + må kun stå først, som i +45."),
    ],
)
def test_a_phone_number_that_cannot_be_called_is_refused(
    caseworker_client, caseworker, phone, message
):
    page = refused(caseworker_client, caseworker, phone=phone)
    block = field_block(page, "phone")
    assert message in block
    assert f'value="{phone}"' in block


@pytest.mark.parametrize("phone", ["20 30 40 50", "+45 20304050", "(+45) 20-30-40-50"])
def test_phone_numbers_as_people_write_them_are_accepted(caseworker_client, caseworker, phone):
    assert caseworker_client.post(CREATE, form_data(caseworker, phone=phone)).status_code == 302
    assert Youth.objects.get(first_name="Mikkel").phone == phone


@pytest.fixture
def registered(organisation, caseworker):
    return YouthFactory(
        organisation=organisation,
        caseworker=caseworker,
        first_name="Mikkel",
        last_name="Sørensen",
        birth_date=dt.date(2007, 5, 14),
    )


def test_same_name_and_birth_date_warns_and_links_to_the_existing_person(
    caseworker_client, caseworker, registered
):
    response = caseworker_client.post(
        CREATE, form_data(caseworker, first_name="mikkel", last_name="Sørensen ")
    )
    assert response.status_code == 200
    assert Youth.objects.count() == 1
    page = response.content.decode()
    warning = page[page.index('id="duplicate-warning"') :]
    assert "Mikkel Sørensen, født 14. maj 2007, er allerede oprettet." in warning
    assert reverse("workspace:youth_detail", args=[registered.pk]) in warning
    assert "Ja, det er en anden person med samme navn og fødselsdato." in warning
    assert 'value="mikkel"' in page


def test_the_caseworker_confirms_it_is_another_person(caseworker_client, caseworker, registered):
    response = caseworker_client.post(CREATE, form_data(caseworker, confirm_duplicate="on"))
    assert response.status_code == 302
    assert Youth.objects.filter(first_name="Mikkel", birth_date=dt.date(2007, 5, 14)).count() == 2


def test_no_warning_for_another_birth_date_or_another_organisation(
    caseworker_client, caseworker, registered, other_organisation
):
    YouthFactory(
        organisation=other_organisation,
        first_name="Anna",
        last_name="Holm",
        birth_date=dt.date(2007, 5, 14),
    )
    assert (
        caseworker_client.post(CREATE, form_data(caseworker, birth_date="2007-05-15")).status_code
        == 302
    )
    data = form_data(caseworker, first_name="Anna", last_name="Holm")
    assert caseworker_client.post(CREATE, data).status_code == 302


def test_the_warning_text_is_not_shown_before_anything_is_typed(caseworker_client):
    page = caseworker_client.get(CREATE).content.decode()
    assert not re.search("duplicate-warning|confirm_duplicate", page)
