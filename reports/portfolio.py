"""The young person's own record, "Min kompetencemappe": a ZIP with every valid certificate
as issued (the stored PDF), a plain-language overview PDF of everything learned with levels
and points, and the same as machine-readable JSON. Read-only: built on each download from
what the young person may see, so it follows them after the course ends, until
anonymisation closes their sign-in."""

import io
import json
import zipfile
from datetime import date
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.models import User
from certificates.models import Certificate
from certificates.selectors import certificates_for_user
from documents.pdf import html_to_pdf
from goals.models import AREA_HEADINGS, Area, Level, levels_explained
from goals.selectors import goals_for_user, goals_with_progress
from youth.models import Youth

OVERVIEW_TEMPLATE = "reports/pdf/overview.html"
FORMAT = "kompetencebeviser/kompetencemappe/1"


def portfolio_data(user: User, youth: Youth) -> dict:
    """Everything the young person has learned, as plain JSON: each goal with the level
    reached (approved, else the latest seen), points and workplace; each valid certificate."""
    goals = (
        goals_with_progress(goals_for_user(user))
        .select_related("placement__company")
        .order_by("area", "placement__starts_on", "pk")
    )
    certificates = certificates_for_user(user).filter(status=Certificate.Status.ISSUED)
    with translation.override("da"):
        rows = [
            {
                "title": goal.title,
                "criteria": goal.criteria,
                "area": goal.area,
                "area_name": str(AREA_HEADINGS[Area(goal.area)]),
                "level": goal.assessed_level or goal.current_level,
                "level_name": str(Level(goal.assessed_level or goal.current_level).label)
                if goal.assessed_level or goal.current_level
                else None,
                "approved": goal.assessed_level is not None,
                "approved_on": goal.assessed_on.isoformat() if goal.assessed_on else None,
                "points": str(goal.points),
                "workplace": goal.placement.company.name,
                "period": {
                    "starts_on": goal.placement.starts_on.isoformat(),
                    "ends_on": goal.placement.ends_on.isoformat()
                    if goal.placement.ends_on
                    else None,
                },
            }
            for goal in goals
        ]
        return {
            "format": FORMAT,
            "made_on": timezone.localdate().isoformat(),
            "name": youth.full_name,
            "dream": youth.dream,
            "organisation": youth.organisation.name,
            "goals": rows,
            "total_points": str(sum((Decimal(row["points"]) for row in rows), Decimal(0))),
            "approved_points": str(
                sum((Decimal(row["points"]) for row in rows if row["approved"]), Decimal(0))
            ),
            "certificates": [
                {
                    "number": certificate.number,
                    "issued_on": certificate.issued_on.isoformat(),
                    "verification_url": certificate.snapshot.get("verification_url", ""),
                    "file": _certificate_file(certificate),
                    "sha256": certificate.pdf_sha256,
                }
                for certificate in certificates
            ],
        }


def _certificate_file(certificate: Certificate) -> str:
    return f"kompetencebeviser/{certificate.number}.pdf"


def overview_pdf(data: dict) -> bytes:
    with translation.override("da"):
        areas = [
            {
                "heading": str(AREA_HEADINGS[area]),
                "goals": [
                    goal | {"points": Decimal(goal["points"])}
                    for goal in data["goals"]
                    if goal["area"] == area.value
                ],
            }
            for area in Area
        ]
        html = render_to_string(
            OVERVIEW_TEMPLATE,
            {
                "d": data,
                "areas": [area for area in areas if area["goals"]],
                "made_on": date.fromisoformat(data["made_on"]),
                "certificates": [
                    c | {"issued_on": date.fromisoformat(c["issued_on"])}
                    for c in data["certificates"]
                ],
                "levels": levels_explained(),
                "total_points": Decimal(data["total_points"]),
                "approved_points": Decimal(data["approved_points"]),
            },
        )
    return html_to_pdf(html, accessible=True)


def portfolio_zip(user: User, youth: Youth) -> bytes:
    data = portfolio_data(user, youth)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("oversigt.pdf", overview_pdf(data))
        archive.writestr(
            "kompetencemappe.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        )
        for certificate in certificates_for_user(user).filter(status=Certificate.Status.ISSUED):
            with certificate.pdf.open("rb") as stored:
                archive.writestr(_certificate_file(certificate), stored.read())
    return buffer.getvalue()
