"""The one place certificates become PDF.

`certificate_pdf_render(snapshot)` turns a frozen snapshot (see `services.issuing`) into
PDF/A-3u bytes. WeasyPrint only ever sees our own static files: the URL fetcher answers
for `/static/…` (looked up with the staticfiles finders) and for the organisation's logo
named in the snapshot; every other URL (network, `file://`, `data:`) is refused. All text
in the snapshot is escaped by the Django template, so user text prints as text.
"""

import mimetypes
import posixpath
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import segno
import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .models import AREA_HEADINGS, Area, Level, levels_explained

TEMPLATE = "certificates/pdf/certificate.html"
# A base URL that can never reach the network: the fetcher below answers for it alone.
BASE_URL = "https://certificate.invalid/"
LOGO_URL = BASE_URL + "organisation-logo"
PDF_OPTIONS = {"pdf_variant": "pdf/a-3u", "pdf_tags": True}


class UnsafeFetchError(ValueError):
    """WeasyPrint asked for something outside the app's own static files."""


class StaticOnlyFetcher(URLFetcher):
    """Serves the app's static files and one named logo from storage; refuses the rest."""

    def __init__(self, *, logo_name: str = ""):
        super().__init__(allowed_protocols=["https"])
        self.logo_name = logo_name

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url == LOGO_URL and self.logo_name:
            with default_storage.open(self.logo_name, "rb") as logo:
                body = logo.read()
            return self._response(url, body, self.logo_name)
        static_prefix = BASE_URL.rstrip("/") + settings.STATIC_URL
        if url.startswith(static_prefix):
            relative = posixpath.normpath(url.removeprefix(static_prefix).split("?")[0])
            path = None if relative.startswith(("..", "/")) else finders.find(relative)
            if path:
                with open(path, "rb") as static_file:
                    return self._response(url, static_file.read(), relative)
        raise UnsafeFetchError(f"Refused to fetch {url[:80]}")

    @staticmethod
    def _response(url: str, body: bytes, name: str) -> URLFetcherResponse:
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


@dataclass(frozen=True)
class GoalLine:
    title: str
    criteria: str
    level: int
    level_label: str
    points: Decimal


def _qr_svg(url: str) -> str:
    # segno writes the SVG itself from the URL; nothing user-typed is interpolated.
    return mark_safe(segno.make(url, error="m").svg_inline(scale=3, border=2))


def _context(snapshot: dict, *, draft: bool) -> dict:
    areas = []
    for area in Area:
        goals = [
            GoalLine(
                title=goal["title"],
                criteria=goal["criteria"],
                level=goal["level"],
                level_label=Level(goal["level"]).label,
                points=Decimal(goal["points"]),
            )
            for goal in snapshot["goals"]
            if goal["area"] == area
        ]
        if goals:
            areas.append({"heading": AREA_HEADINGS[area], "goals": goals})
    placements = [
        {
            **placement,
            "starts_on": date.fromisoformat(placement["starts_on"]),
            "ends_on": placement["ends_on"] and date.fromisoformat(placement["ends_on"]),
        }
        for placement in snapshot["placements"]
    ]
    verification_url = snapshot.get("verification_url", "")
    return {
        "s": snapshot,
        "draft": draft,
        "areas": areas,
        "placements": placements,
        "total_points": Decimal(snapshot["total_points"]),
        "issued_on": snapshot.get("issued_on") and date.fromisoformat(snapshot["issued_on"]),
        "levels": levels_explained(),
        "logo_url": LOGO_URL if snapshot["organisation"].get("logo") else "",
        "qr_svg": _qr_svg(verification_url) if verification_url else "",
        "verification_url": verification_url,
        "steps": [1, 2, 3],
    }


def certificate_html(snapshot: dict, *, draft: bool = False) -> str:
    """The print HTML for a snapshot, in Danish whatever the caller's language."""
    with translation.override("da"):
        return render_to_string(TEMPLATE, _context(snapshot, draft=draft))


def pdf_attachment(content: bytes, *, name: str) -> weasyprint.Attachment:
    """A file embedded in the PDF (PDF/A-3 allows attachments), e.g. a long log as CSV."""
    return weasyprint.Attachment(string=content, name=name, relationship="Supplement")


def html_to_pdf(
    html: str, *, logo_name: str = "", attachments: list[weasyprint.Attachment] | None = None
) -> bytes:
    """A bare WeasyPrint render with the safe fetcher (also used by the benchmark)."""
    fetcher = StaticOnlyFetcher(logo_name=logo_name)
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return document.write_pdf(**PDF_OPTIONS, attachments=attachments or [])


def certificate_pdf_render(snapshot: dict, *, draft: bool = False) -> bytes:
    """Render a certificate snapshot to PDF/A-3u bytes. Raises whatever WeasyPrint raises."""
    html = certificate_html(snapshot, draft=draft)
    return html_to_pdf(html, logo_name=snapshot["organisation"].get("logo", ""))
