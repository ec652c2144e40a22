"""Every kind of PDF, rendered with production's static storage, takes its print
stylesheet: the fonts the print CSS names are the ones embedded, and the layout holds.
A stylesheet that cannot be loaded fails the render, and nothing is issued."""

import io

import pikepdf
import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static

from certificates.models import Certificate
from certificates.pdf import certificate_pdf_render
from certificates.services.issuing import CertificateError, certificate_issue
from documents.models import PreparedDocument
from documents.pdf import PdfRenderError, html_to_pdf
from placements.models import Placement
from privacy.export import youth_data_export, youth_export_pdf

pytestmark = pytest.mark.django_db


def embedded_fonts(pdf: bytes) -> set[str]:
    """Base names of the fonts embedded in the PDF, without the subset prefix."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        names = set()
        for page in document.pages:
            for font in page.Resources.get("/Font", {}).values():
                names.add(str(font.BaseFont).split("+")[-1].lstrip("/"))
        return names


def page_count(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)


def test_static_urls_are_the_hashed_names_production_serves(production_static):
    url = static("certificates/pdf.css")
    assert url != "/static/certificates/pdf.css"  # a hashed name, e.g. pdf.3fd5….css
    assert staticfiles_storage.exists(url.removeprefix("/static/"))


def test_issued_certificate_takes_its_print_stylesheet(production_static, draft, caseworker):
    certificate = certificate_issue(certificate=draft, issued_by=caseworker)
    with certificate.pdf.open("rb") as stored:
        pdf = stored.read()
    fonts = embedded_fonts(pdf)
    # pdf.css sets the text in DejaVu Sans and the headings in DejaVu Serif Bold; without
    # the stylesheet WeasyPrint falls back to its default serif for everything.
    assert "DejaVu-Sans" in fonts, fonts
    assert any(name.startswith("DejaVu-Serif-Bold") for name in fonts), fonts
    assert page_count(pdf) == 1  # three goals fit on one A4 page with the print layout


def test_the_draft_preview_takes_its_print_stylesheet(production_static, draft, caseworker):
    from certificates.services.issuing import certificate_snapshot

    pdf = certificate_pdf_render(certificate_snapshot(draft, issued_by=caseworker), draft=True)
    assert "DejaVu-Sans" in embedded_fonts(pdf)


def test_statistics_report_takes_its_print_stylesheet(
    production_static, manager_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the task runs in-process
        response = manager_client.post("/statistik/pdf/?period=year")
    assert response.status_code == 302
    document = PreparedDocument.objects.get()
    assert document.status == PreparedDocument.Status.READY
    with document.file.open("rb") as stored:
        assert "DejaVu-Sans" in embedded_fonts(stored.read())


def test_gdpr_export_takes_its_print_stylesheet(production_static, youth, caseworker):
    pdf = youth_export_pdf(export=youth_data_export(youth=youth, by=caseworker))
    assert "DejaVu-Sans" in embedded_fonts(pdf)


def test_a_missing_stylesheet_fails_the_render(production_static):
    html = '<html lang="da"><head><title>x</title>'
    html += '<link rel="stylesheet" href="/static/certificates/missing.css"></head>'
    html += "<body><p>Kan</p></body></html>"
    with pytest.raises(PdfRenderError, match="missing.css"):
        html_to_pdf(html)


def test_a_failed_stylesheet_issues_nothing(production_static, draft, caseworker, monkeypatch):
    from documents import pdf as pdf_module

    monkeypatch.setattr(pdf_module, "static_file_bytes", lambda name: None)
    with pytest.raises(CertificateError):
        certificate_issue(certificate=draft, issued_by=caseworker)
    draft.refresh_from_db()
    assert draft.status == Certificate.Status.DRAFT
    assert draft.number is None and not draft.pdf
    assert Placement.objects.filter(youth=draft.youth).exists()
