"""The certificate as PDF.

`certificate_pdf_render(snapshot)` turns a frozen snapshot (see `services.issuing`) into an
archival, accessible PDF (PDF/A-3a, tagged, identified as PDF/UA-1) with the general
renderer, `documents.pdf.html_to_pdf`. All text in the snapshot is escaped by the Django
template, so user text prints as text.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import segno
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from documents.pdf import LOGO_URL, html_to_pdf
from goals.models import AREA_HEADINGS, Area, Level, levels_explained

TEMPLATE = "certificates/pdf/certificate.html"


@dataclass(frozen=True)
class GoalLine:
    title: str
    criteria: str
    level: int
    level_label: str
    points: Decimal
    # Where the goal was shown (several when learned on more than one placement).
    workplaces: tuple[str, ...] = ()


def _qr_svg(url: str) -> str:
    # segno writes the SVG itself from the URL; nothing user-typed is interpolated. The
    # <title> becomes the figure's alternative text in the tagged PDF.
    title = _("QR code that opens the verification page %(url)s") % {"url": url}
    return mark_safe(segno.make(url, error="m").svg_inline(scale=3, border=2, title=title))


def snapshot_placements(snapshot: dict) -> list[dict]:
    """The snapshot's placements with their dates as dates (the PDF and the verify page)."""
    return [
        {
            **placement,
            "starts_on": date.fromisoformat(placement["starts_on"]),
            "ends_on": placement["ends_on"] and date.fromisoformat(placement["ends_on"]),
        }
        for placement in snapshot["placements"]
    ]


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
                workplaces=tuple(goal.get("workplaces", ())),
            )
            for goal in snapshot["goals"]
            if goal["area"] == area
        ]
        if goals:
            areas.append({"heading": AREA_HEADINGS[area], "goals": goals})
    placements = snapshot_placements(snapshot)
    verification_url = snapshot.get("verification_url", "")
    return {
        "s": snapshot,
        "draft": draft,
        "areas": areas,
        "placements": placements,
        "several_workplaces": len(placements) > 1,
        "total_points": Decimal(snapshot["total_points"]),
        "issued_on": snapshot.get("issued_on") and date.fromisoformat(snapshot["issued_on"]),
        "quality_assured_on": quality_assured_on(snapshot),
        "levels": levels_explained(),
        "logo_url": LOGO_URL if snapshot["organisation"].get("logo") else "",
        "qr_svg": _qr_svg(verification_url) if verification_url else "",
        "verification_url": verification_url,
        "steps": [1, 2, 3],
    }


def quality_assured_on(snapshot: dict) -> date | None:
    """The day the awarding body approved the certificate's cohort; None when the
    certificate was issued outside a cohort (not quality-assured by the OCN method)."""
    approved = snapshot.get("quality_assured_on")
    return date.fromisoformat(approved) if approved else None


def certificate_html(snapshot: dict, *, draft: bool = False) -> str:
    """The print HTML for a snapshot, in Danish whatever the caller's language."""
    with translation.override("da"):
        return render_to_string(TEMPLATE, _context(snapshot, draft=draft))


def certificate_pdf_render(snapshot: dict, *, draft: bool = False) -> bytes:
    """Render a certificate snapshot to an archival, accessible PDF. Raises
    `PdfRenderError` (or whatever WeasyPrint raises) if it cannot be rendered as designed."""
    html = certificate_html(snapshot, draft=draft)
    return html_to_pdf(html, logo_name=snapshot["organisation"].get("logo", ""), accessible=True)
