"""The progress report's print version: snapshot → HTML → tagged PDF (through the one PDF
renderer, `certificates.pdf.html_to_pdf`). Every chart is SVG with a <title> and <desc>."""

from datetime import date
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from documents.pdf import LOGO_URL, html_to_pdf
from goals.models import AREA_HEADINGS, Area, Level

from .charts import progression_chart

TEMPLATE = "reports/pdf/progress_report.html"


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def level_names() -> list[str]:
    return [str(level.label) for level in Level]


def goal_chart(goal: dict, index: int, start: date, end: date):
    return progression_chart(
        chart_id=f"goal-{index}",
        title=goal["title"],
        points=[(date.fromisoformat(p["date"]), p["level"]) for p in goal["timeline"]],
        start=start,
        end=end,
        level_names=level_names(),
        labelled=False,
    )


def _context(snapshot: dict, *, draft: bool) -> dict:
    start = date.fromisoformat(snapshot["period"]["starts_on"])
    end = date.fromisoformat(snapshot["period"]["ends_on"])
    names = level_names()
    placements = []
    for placement in snapshot["placements"]:
        hours = placement["hours"]
        average = hours["average_hours"]
        placements.append(
            placement
            | {
                "planned_hours": Decimal(placement["planned_hours"]),
                "average_hours": Decimal(average) if average else None,
                "starts_on": _day(placement["starts_on"]),
                "ends_on": _day(placement["ends_on"]),
                "attendance_percent": round(100 * hours["days_attended"] / hours["days_planned"])
                if hours["days_planned"]
                else None,
            }
        )
    goals = [
        goal
        | {
            "chart": goal_chart(goal, index, start, end),
            "points": Decimal(goal["points"]),
            "start_label": goal["start_level"] and names[goal["start_level"] - 1],
            "level_label": goal["level"] and names[goal["level"] - 1],
            "start_on": _day(goal["start_on"]),
            "level_on": _day(goal["level_on"]),
        }
        for index, goal in enumerate(snapshot["goals"])
    ]
    # Grouped by area as on the certificate: one table says both what the youth can do now and
    # how each goal got there.
    areas = [
        (AREA_HEADINGS[area], [goal for goal in goals if goal["area"] == area.value])
        for area in Area
    ]
    notes = [
        note | {"date": _day(note["date"]), "level_label": names[note["level"] - 1]}
        for note in snapshot["notes"]
    ]
    return {
        "s": snapshot,
        "draft": draft,
        "start": start,
        "end": end,
        "placements": placements,
        "areas": [(heading, area_goals) for heading, area_goals in areas if area_goals],
        "notes": notes,
        "total_points": Decimal(snapshot["total_points"]),
        "shared_on": _day(snapshot.get("shared_on")),
        "logo_url": LOGO_URL if snapshot["organisation"].get("logo") else "",
    }


def progress_report_html(snapshot: dict, *, draft: bool = False) -> str:
    with translation.override("da"):
        return render_to_string(TEMPLATE, _context(snapshot, draft=draft))


def progress_report_pdf_render(snapshot: dict, *, draft: bool = False) -> bytes:
    html = progress_report_html(snapshot, draft=draft)
    return html_to_pdf(html, logo_name=snapshot["organisation"].get("logo", ""), accessible=True)
