"""Journey: a caseworker makes the progress report for a youth with two placements, picks
two mentor notes, previews the draft, shares it with the rehabilitation team, and the PDF is
kept as PNG pages in build/screenshots/ to look at."""

import io
import re
import shutil
import subprocess

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from reports.models import ProgressReport
from tests.browser.accessibility import step
from tests.browser.conftest import DESKTOP, SCREENSHOTS, sign_in
from tests.reports.test_progress_report import ASSESSMENT, course  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def test_caseworker_makes_previews_and_shares_a_progress_report(
    browser_page,
    live_server,
    caseworker,
    course,  # noqa: F811
):
    page = browser_page
    page.set_viewport_size(DESKTOP)
    youth = course["youth"]
    sign_in(page, live_server, caseworker)
    page.goto(live_server.url + reverse("workspace:youth_detail", args=[youth.pk]))
    expect(page.get_by_role("heading", name="Udvikling over tid")).to_be_visible()
    step(page, "report", "01-profile-with-charts")

    page.get_by_role("link", name="Progressionsrapporter").click()
    page.get_by_role("link", name="Ny progressionsrapport").click()
    page.get_by_label("Periode fra").fill("2026-02-01")
    page.get_by_label("Periode til").fill("2026-06-30")
    page.get_by_label("Den unges egne ord").fill("Jeg er blevet bedre til at møde til tiden.")
    page.get_by_label("Medtag de aftalte skånehensyn").check()
    page.get_by_label("Sagsbehandlerens vurdering").fill(ASSESSMENT)
    page.get_by_role("checkbox", name=re.compile("Møder nu til tiden")).check()
    page.get_by_role("checkbox", name=re.compile("Betjener kassen alene")).check()
    step(page, "report", "02-form")
    page.get_by_role("button", name="Gem kladde").click()
    expect(page.get_by_text("Kladden er gemt.")).to_be_visible()
    step(page, "report", "03-draft")

    preview = page.get_by_role("link", name="Se kladden (PDF)")
    response = page.request.get(live_server.url + preview.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    draft_text = pdf_text(response.body())
    assert "KLADDE" in draft_text and "Møder nu til tiden" in draft_text

    page.get_by_label("Givet til").fill("Rehabiliteringsteamet, Herning Kommune, møde 12.1.")
    page.get_by_role("button", name="Del med rehabiliteringsteamet").click()
    expect(page.get_by_text("Rapporten er låst og registreret som delt.")).to_be_visible()
    step(page, "report", "04-shared")
    report = ProgressReport.objects.get()
    assert report.is_shared and report.shared_by == caseworker

    with page.expect_download() as download:
        page.get_by_role("link", name="Hent rapporten (PDF)").click()
    pdf = download.value.path().read_bytes()
    text = pdf_text(pdf)
    assert ASSESSMENT in text and "Betjener kassen alene" in text
    assert "Kom 10 minutter for sent" not in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "report-05-shared.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(SCREENSHOTS / "report-05-shared.pdf"),
             str(SCREENSHOTS / "report-05-pdf-page")],
            check=True,
        )  # fmt: skip
