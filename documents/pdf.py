"""HTML to PDF: the one renderer every document uses (certificates, the progress and
statistics reports, the GDPR export).

`html_to_pdf` renders to PDF/A-3a (archival, tagged) and, with `accessible`, identifies the
result as PDF/UA-1. WeasyPrint only ever sees our own static files: the URL fetcher answers
for `/static/…` exactly as the running app serves them (through the configured static
storage, so the hashed names of production's manifest storage resolve; in development also
from the source folders) and for the organisation's logo; every other URL (network,
`file://`, `data:`) is refused. A fetch that fails fails the whole render: a document printed
without its stylesheet must never be issued.
"""

import gc
import mimetypes
import posixpath
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pydyf
import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A base URL that can never reach the network: the fetcher below answers for it alone.
BASE_URL = "https://certificate.invalid/"


LOGO_URL = BASE_URL + "organisation-logo"


# PDF/A-3a: archival, with the logical structure (tags) that screen readers follow.
PDF_OPTIONS = {"pdf_variant": "pdf/a-3a", "pdf_tags": True}


class PdfRenderError(RuntimeError):
    """The document could not be rendered as designed; nothing may be issued from it."""


class UnsafeFetchError(ValueError):
    """WeasyPrint asked for something outside the app's own static files."""


def static_file_bytes(name: str) -> bytes | None:
    """A static file's content as the running app serves it, or None if it serves none.

    Production collects static files into the static storage under hashed names (the
    names `{% static %}` prints); development (`WHITENOISE_USE_FINDERS`) serves them
    straight from the source folders.
    """
    if settings.WHITENOISE_USE_FINDERS and (path := finders.find(name)):
        with open(path, "rb") as static_file:
            return static_file.read()
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name, "rb") as static_file:
            return static_file.read()
    return None


class StaticOnlyFetcher(URLFetcher):
    """Serves the app's static files and one named logo from storage; refuses the rest.

    Every refused or failed URL is kept in `failures`: WeasyPrint itself only logs a
    stylesheet it cannot load and carries on, so `html_to_pdf` checks this list.
    """

    def __init__(self, *, logo_name: str = ""):
        super().__init__(allowed_protocols=["https"])
        self.logo_name = logo_name
        self.failures: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        try:
            return self._fetch(url)
        except Exception:
            self.failures.append(url[:120])
            raise

    def _fetch(self, url: str) -> URLFetcherResponse:
        if url == LOGO_URL and self.logo_name:
            with default_storage.open(self.logo_name, "rb") as logo:
                body = logo.read()
            return self._response(url, body, self.logo_name)
        static_prefix = BASE_URL.rstrip("/") + settings.STATIC_URL
        if url.startswith(static_prefix):
            relative = posixpath.normpath(url.removeprefix(static_prefix).split("?")[0])
            if not relative.startswith(("..", "/")):
                body = static_file_bytes(relative)
                if body is not None:
                    return self._response(url, body, relative)
        raise UnsafeFetchError(f"Refused to fetch {url[:80]}")

    @staticmethod
    def _response(url: str, body: bytes, name: str) -> URLFetcherResponse:
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def pdf_attachment(content: bytes, *, name: str) -> weasyprint.Attachment:
    """A file embedded in the PDF (PDF/A-3 allows attachments), e.g. a long log as CSV."""
    return weasyprint.Attachment(string=content, name=name, relationship="Supplement")


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """WeasyPrint makes hundreds of thousands of short-lived objects in reference cycles, and
    the cyclic garbage collector, woken every 700 allocations, walks them (and every object of
    the app) again and again: a quarter of a long report's render time. Paused for the render,
    the cycles are freed by the next collection after it. It stays off if someone else had
    turned it off; a concurrent render in another thread at worst re-enables it early."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_per_thread = threading.local()


def _font_configuration() -> FontConfiguration:
    """The thread's font configuration, reused by every render. WeasyPrint's default, a new
    one per document, has fontconfig load its configuration and the system's fonts again
    each time: a tenth of a certificate's render. The documents name no web fonts
    (`@font-face`), so it holds only the system's; Pango's font map is not shared between
    threads, hence one per thread."""
    if not hasattr(_per_thread, "fonts"):
        _per_thread.fonts = FontConfiguration()
    return _per_thread.fonts


def html_to_pdf(
    html: str,
    *,
    logo_name: str = "",
    accessible: bool = False,
    attachments: list[weasyprint.Attachment] | None = None,
) -> bytes:
    """Render HTML with the safe fetcher to PDF/A-3a. With `accessible`, the document is
    also identified as PDF/UA-1 (only for templates whose figures all have alternative
    text). Raises `PdfRenderError` if any file the HTML names could not be loaded."""
    fetcher = StaticOnlyFetcher(logo_name=logo_name)
    with _cycle_collector_paused():
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
        pdf = document.write_pdf(
            font_config=_font_configuration(),
            **PDF_OPTIONS,
            attachments=attachments or [],
            finisher=pdf_ua_identify if accessible else None,
        )
    if fetcher.failures:
        raise PdfRenderError(f"Could not load {', '.join(fetcher.failures)}")
    return pdf


# Both font families and their bold and italic faces, as the documents use them.
WARM_UP_HTML = (
    '<html lang="da"><title>Opvarmning</title><h1 style="font-family: DejaVu Serif">'
    'Kompetencebevis</h1><p style="font-family: DejaVu Sans">Kan <b>møde</b> <i>til tiden</i>'
    "</p></html>"
)


def renderer_warm_up() -> None:
    """One small render, so that fontconfig's cache, the fonts, Pango and WeasyPrint's own
    style sheets are loaded. A Celery worker's main process calls it before it forks its
    children (`config/celery.py`): every child then starts warm instead of paying for it
    on its first document."""
    html_to_pdf(WARM_UP_HTML, accessible=True)


# Inserted into the XMP's rdf:RDF element, which declares the rdf prefix.
PDFUA_XMP = b"""<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
   pdfuaid:part="1"/>
 <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
   xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
   xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
   <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
   <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
   <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
   <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
    <pdfaProperty:name>part</pdfaProperty:name>
    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
    <pdfaProperty:category>internal</pdfaProperty:category>
    <pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>
   </rdf:li></rdf:Seq></pdfaSchema:property>
  </rdf:li></rdf:Bag></pdfaExtension:schemas>
 </rdf:Description>
</rdf:RDF>"""


def pdf_ua_identify(_document: weasyprint.Document, pdf: pydyf.PDF) -> None:
    """Add the PDF/UA-1 identification WeasyPrint cannot combine with PDF/A: `pdfuaid:part`
    (declared by a PDF/A extension schema, as PDF/A requires for a non-standard property)
    in the XMP, and a viewer that shows the document's title instead of its file name.

    A WeasyPrint finisher: it edits the PDF's objects before WeasyPrint writes them, so the
    PDF is written once (opening and saving it again with pikepdf took a tenth of a
    certificate's render)."""
    number = int(pdf.catalog["Metadata"].split()[0])
    metadata = pdf.objects[number]
    (xmp,) = metadata.stream
    if xmp.count(b"</rdf:RDF>") != 1:
        raise PdfRenderError("WeasyPrint's XMP metadata has no single rdf:RDF element")
    metadata.stream = [xmp.replace(b"</rdf:RDF>", PDFUA_XMP)]
    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
