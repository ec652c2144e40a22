"""The printed certificate: its text, QR code, PDF/A metadata and safe rendering."""

import io
import shutil
import subprocess

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from pypdf import PdfReader

from certificates import pdf as pdf_module
from certificates.pdf import certificate_html
from certificates.services.issuing import certificate_draft_save, certificate_issue
from documents.pdf import BASE_URL, LOGO_URL, StaticOnlyFetcher

pytestmark = pytest.mark.django_db


def stored_pdf(certificate) -> bytes:
    with certificate.pdf.open("rb") as stored:
        return stored.read()


def pdf_text(data: bytes) -> str:
    """The PDF's text with whitespace collapsed: line breaks fall wherever the layout wraps."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def test_pdf_prints_name_goals_levels_points_number_and_url(issued):
    text = pdf_text(stored_pdf(issued))
    assert "Kompetencebevis" in text
    assert issued.youth.full_name in text
    for title in ("Kan fylde varer på hylderne", "Kan møde til tiden", "Kan hjælpe en kunde"):
        assert title in text
    for level in ("Kendskab", "Kundskab", "Mestring"):
        assert level in text
    assert "Faglige kompetencer" in text and "Sociale kompetencer" in text
    assert "4,5" in text  # total points (2 + 1.5 + 1), written the Danish way
    assert issued.number in text
    assert issued.snapshot["verification_url"] in text.replace(" ", "")


def test_pdf_is_archival_with_title_and_danish_language(issued):
    data = stored_pdf(issued)
    reader = PdfReader(io.BytesIO(data))
    assert "Kompetencebevis" in reader.metadata.title
    assert issued.number in reader.metadata.title
    xmp = reader.xmp_metadata.rdf_root.toxml()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp  # PDF/A-3a
    assert reader.trailer["/Root"]["/Lang"] == "da"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF
    assert '<html lang="da">' in certificate_html(issued.snapshot)


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbar-tools")
def test_qr_code_decodes_to_the_verification_url(issued, tmp_path):
    pdf_path = tmp_path / "certificate.pdf"
    pdf_path.write_bytes(stored_pdf(issued))
    pages = len(PdfReader(pdf_path).pages)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", str(pages), str(pdf_path), str(tmp_path / "p")],
        check=True,
    )
    image = sorted(tmp_path.glob("p*.png"))[-1]
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == issued.snapshot["verification_url"]


HOSTILE = [
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/passwd">',
    "<style>body{background:url(http://evil.example/x.png)}</style>",
    "x{background:url(https://evil.example/y)}",
]


def test_user_text_prints_as_text_and_fetches_nothing(
    youth, placement, assessed_goals, caseworker, monkeypatch
):
    fetched = []
    real_fetch = StaticOnlyFetcher.fetch

    def recording_fetch(self, url, headers=None):
        fetched.append(url)
        return real_fetch(self, url, headers)

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", recording_fetch)
    youth.first_name = HOSTILE[0]
    youth.last_name = HOSTILE[1]
    youth.save()
    placement.company.name = HOSTILE[2]
    placement.company.save()
    assessed_goals[0].title = HOSTILE[3]
    assessed_goals[0].criteria = HOSTILE[2]
    assessed_goals[0].save()

    draft = certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker)
    certificate = certificate_issue(certificate=draft, issued_by=caseworker)

    text = pdf_text(stored_pdf(certificate)).replace("\n", " ")
    assert "file:///etc/passwd" in text  # printed, not fetched
    assert "url(https://evil.example/y)" in text
    assert fetched, "the stylesheet is fetched through the safe fetcher"
    assert all(url.startswith(BASE_URL + "static/") for url in fetched)
    assert certificate.snapshot["youth"]["name"].startswith("<img")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://example.com/static/certificates/pdf.css",
        BASE_URL + "static/../../config/settings.py",
        BASE_URL + "static/%2e%2e/config/settings.py",
        LOGO_URL,  # no logo named for this render
        "data:text/css,body{}",
    ],
)
def test_the_fetcher_refuses_everything_but_our_static_files(url):
    with pytest.raises(ValueError):
        StaticOnlyFetcher().fetch(url)


def test_the_fetcher_serves_static_files():
    response = StaticOnlyFetcher().fetch(BASE_URL + "static/certificates/pdf.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_the_organisations_logo_is_embedded_from_storage(
    organisation, youth, assessed_goals, caseworker, monkeypatch
):
    image = io.BytesIO()
    Image.new("RGB", (120, 40), "#0b4f6c").save(image, "PNG")
    organisation.logo.save("logo.png", ContentFile(image.getvalue()))
    served = []
    real_fetch = StaticOnlyFetcher.fetch

    def recording_fetch(self, url, headers=None):
        response = real_fetch(self, url, headers)
        served.append(url)
        return response

    monkeypatch.setattr(StaticOnlyFetcher, "fetch", recording_fetch)
    draft = certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker)
    certificate = certificate_issue(certificate=draft, issued_by=caseworker)
    assert LOGO_URL in served
    assert certificate.snapshot["organisation"]["logo"] == organisation.logo.name
    reader = PdfReader(io.BytesIO(stored_pdf(certificate)))
    assert any(page.images for page in reader.pages)


def test_the_preview_is_marked_as_a_draft_without_number(draft, caseworker):
    from certificates.services.issuing import certificate_preview

    text = pdf_text(certificate_preview(certificate=draft, by=caseworker))
    assert "KLADDE – ikke gyldigt" in text
    assert "HER-" not in text
    draft.refresh_from_db()
    assert draft.number is None


def test_rendering_uses_one_function(monkeypatch, issued):
    """The bare render and the issue path share the same HTML and options."""
    html = certificate_html(issued.snapshot)
    assert pdf_module.html_to_pdf(html).startswith(b"%PDF")
