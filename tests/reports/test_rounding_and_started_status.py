"""Shares round half up to one decimal on the page, in the CSV and in the PDF; and the status
of everyone who started in a period, with shares of that total."""

import io
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from pypdf import PdfReader

from documents.models import PreparedDocument
from reports.tables import Share, csv_text, display

pytestmark = pytest.mark.django_db

URL = reverse("reports:statistics")
YEAR_2025 = {"period": "year", "year": "2025"}


@pytest.mark.parametrize(
    ("value", "shown", "in_csv"),
    [
        (Share(14 / 18), "77,8 %", "77,8"),  # 77.77…: cut off it would be 77,7
        (Share(3 / 31), "9,7 %", "9,7"),  # 9.677…: cut off it would be 9,6
        (Share(29 / 200), "14,5 %", "14,5"),  # 0.145 is 14.4999… as a float times 100
        (Share(1 / 16), "6,3 %", "6,3"),  # exactly half: up
        (Decimal("7.25"), "7,3", "7,3"),
        (2.45, "2,5", "2,5"),
    ],
)
def test_numbers_round_half_up_to_one_decimal(value, shown, in_csv):
    assert display(value) == shown
    assert csv_text(value) == in_csv


def page_rows(response) -> dict[str, list[list[str]]]:
    return {
        table.slug: table.displayed_rows()
        for section in response.context["sections"]
        for table in section.tables
    }


def test_fourteen_of_eighteen_is_77_8_percent_on_the_page_in_the_csv_and_in_the_pdf(
    client, manager, make_youth, django_capture_on_commit_callbacks
):
    for _ in range(14):
        make_youth("2024-03-01", "2025-06-30", "ordinary_job")
    for _ in range(4):
        make_youth("2024-03-01", "2025-06-30", "public_benefits")
    client.force_login(manager)

    page = client.get(URL, YEAR_2025)
    csv = client.get(reverse("reports:csv", args=["outcomes"]), YEAR_2025)
    with django_capture_on_commit_callbacks(execute=True):  # the report is a task
        client.post(f"{reverse('reports:pdf')}?{urlencode(YEAR_2025)}")
    document = PreparedDocument.objects.get(owner=manager)
    pdf = client.get(reverse("documents:download", args=[document.pk]))

    assert ["Ordinært job", "14", "77,8 %"] in page_rows(page)["outcomes"]
    assert "77,8 %" in page.content.decode()
    assert "Ordinært job;14;77,8" in csv.content.decode("utf-8-sig").split("\r\n")
    reader = PdfReader(io.BytesIO(b"".join(pdf.streaming_content)))
    pdf_text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Ordinært job 14 77,8 %" in pdf_text


def test_three_of_thirty_one_is_9_7_percent(client, manager, make_youth):
    for _ in range(3):
        make_youth("2024-03-01", "2025-06-30", "flex_job")
    for _ in range(28):
        make_youth("2024-03-01", "2025-06-30", "other")
    client.force_login(manager)

    page = client.get(URL, YEAR_2025)
    csv = client.get(reverse("reports:csv", args=["outcomes"]), YEAR_2025)

    assert ["Fleksjob", "3", "9,7 %"] in page_rows(page)["outcomes"]
    assert "Fleksjob;3;9,7" in csv.content.decode("utf-8-sig").split("\r\n")


def test_everyone_who_started_is_counted_once_with_shares_of_all_who_started(
    client, manager, make_youth, other_organisation
):
    make_youth("2025-01-01")  # still active
    make_youth("2025-12-31")  # still active
    make_youth("2025-02-01", "2026-01-01", "public_benefits")  # active on 31.12.2025
    make_youth("2025-03-01", "2025-06-30", "ordinary_job")
    make_youth("2025-03-01", "2025-09-30", "education", "fgu")
    make_youth("2025-03-01", "2025-09-30", "education", "eud")
    make_youth("2025-02-01", "2025-12-31")  # ended, no outcome
    make_youth("2024-12-31", "2025-06-30", "flex_job")  # started before: not in this table
    make_youth("2025-05-01", org=other_organisation)  # never ours
    client.force_login(manager)

    response = client.get(URL, YEAR_2025)

    rows = page_rows(response)["started-status"]
    assert ["Ordinært job", "1", "14,3 %"] in rows  # 1 of 7
    assert ["Fleksjob", "0", "0,0 %"] in rows
    assert ["Uddannelse: FGU (forberedende grunduddannelse)", "1", "14,3 %"] in rows
    assert ["Uddannelse: EUD (erhvervsuddannelse)", "1", "14,3 %"] in rows
    assert ["Afsluttet, udfald ikke registreret", "1", "14,3 %"] in rows
    assert ["Stadig aktive den 31.12.2025", "3", "42,9 %"] in rows
    assert rows[-1] == ["I alt", "7", "100,0 %"]
    page = response.content.decode()
    assert "Status for alle unge, der startede i perioden" in page
    assert "Andelene er af alle unge, hvis forløb startede i perioden" in page
    assert "Andelene er af de unge, hvis forløb sluttede i perioden" in page
    csv = client.get(reverse("reports:csv", args=["started-status"]), YEAR_2025)
    assert "I alt;7;100,0" in csv.content.decode("utf-8-sig").split("\r\n")
