"""The figures as the tables a manager reads: one list, used by the page, the CSV and the PDF.

A cell is a number, a `Share` (0–1), text or a month; `display` and `csv_text` write it in
Danish (decimal comma). Each table that has a chart names the column its bars show.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from certificates.models import Cohort
from companies.models import Industry
from goals.models import Area, Level
from placements.models import Placement
from youth.models import Youth

from . import statistics as stats
from .charts import bar_chart

# The companies table shows this many on the page and in the PDF report (all in the CSV).
COMPANIES_SHOWN = 20


class Share(float):
    """A proportion between 0 and 1, shown as a percentage."""

    __slots__ = ()


class Month(dt.date):
    """The first day of a month, shown as the month and year."""

    __slots__ = ()


Cell = int | float | Decimal | Share | Month | str | None


ONE_DECIMAL = Decimal("0.1")


def one_decimal(value: float | Decimal) -> str:
    """The value rounded half up to one decimal, written the Danish way (77,8; 9,7; 2,5).

    Django's number_format cuts the digits off (14/18 = 77.77… would print as 77,7), so the
    rounding happens here first. A float goes through its shortest repr, so 0.145 is 0.145.
    """
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return number_format(exact.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP), 1)


def percent(share: Share) -> str:
    """A share as a number of percent, rounded half up to one decimal (no % sign)."""
    return one_decimal(Decimal(repr(float(share))) * 100)


def display(value: Cell) -> str:
    if value is None:
        return "–"
    if isinstance(value, Share):
        return f"{percent(value)} %"
    if isinstance(value, Month):
        return date_format(value, "F Y").capitalize()
    if isinstance(value, int):
        return number_format(value)
    if isinstance(value, float | Decimal):
        return one_decimal(value)
    return str(value)


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV
# injection"): a company named =HYPERLINK(...) would become a live link.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Cell) -> str:
    """As `display`, but a share is a plain number of percent, ready for a spreadsheet, and
    text is never a formula (a leading apostrophe); numbers, negative ones too, stay numbers."""
    if isinstance(value, Share):
        return percent(value)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return display(value)


def _text(value):
    return str(value) if isinstance(value, Promise) else value


@dataclass(frozen=True)
class Table:
    slug: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    # Index of the column whose numbers the bar chart shows; None for no chart.
    chart_column: int | None = None
    note: str = ""
    # The last row sums the others: bold in the table, left out of the chart.
    has_total: bool = False
    # Long tables show their first rows on the page and in the PDF; the CSV has them all.
    shown: int | None = None

    @property
    def shown_rows(self) -> list[list[Cell]]:
        return self.rows[: self.shown] if self.shown is not None else self.rows

    @property
    def cut(self) -> bool:
        return self.shown is not None and len(self.rows) > self.shown

    @property
    def chart(self) -> str:
        rows = self.rows[:-1] if self.has_total else self.shown_rows
        if self.chart_column is None or not any(row[self.chart_column] for row in rows):
            return ""
        return bar_chart(
            chart_id=f"chart-{self.slug}",
            title=f"{self.title} ({self.headers[self.chart_column].lower()})",
            labels=[display(row[0]) for row in rows],
            values=[float(row[self.chart_column] or 0) for row in rows],
            shown=[display(row[self.chart_column]) for row in rows],
        )

    def __post_init__(self) -> None:
        # Labels taken from model choices are lazy translations. The sections are cached per
        # language as plain text: unpickling a lazy string builds a new class each time
        # (Django's lazy()), which made reading the cached page slow and filled the garbage
        # collector's generations on every request.
        object.__setattr__(self, "headers", [_text(header) for header in self.headers])
        object.__setattr__(self, "rows", [[_text(cell) for cell in row] for row in self.rows])

    def displayed_rows(self) -> list[list[str]]:
        return [[display(cell) for cell in row] for row in self.shown_rows]


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    tables: list[Table] = field(default_factory=list)
    note: str = ""


def _share(part: int, whole: int) -> Share | None:
    return Share(part / whole) if whole else None


def _started_status_rows(figures: stats.YouthFigures, active_day: str) -> list[list[Cell]]:
    """Everyone who started, as evaluation reports show it: each outcome, education by kind,
    still active, and the total they are shares of."""
    counts = figures.started_by_status

    def count(outcome: str, education: str | None = None) -> int:
        return sum(n for (o, e), n in counts.items() if o == outcome and education in (None, e))

    labels: list[tuple[str, int]] = []
    for outcome, label in Youth.Outcome.choices:
        if outcome != Youth.Outcome.EDUCATION:
            labels.append((label, count(outcome)))
            continue
        for education, kind in Youth.Education.choices:
            labels.append((_("Education: %(kind)s") % {"kind": kind}, count(outcome, education)))
        if unknown := count(outcome, ""):
            labels.append((_("Education: kind not recorded"), unknown))
    if not_recorded := count(""):
        labels.append((_("Ended, outcome not recorded"), not_recorded))
    labels.append((_("Still active on %(day)s") % {"day": active_day}, count(stats.STILL_ACTIVE)))
    rows: list[list[Cell]] = [[label, n, _share(n, figures.started)] for label, n in labels]
    rows.append([_("Total"), figures.started, _share(figures.started, figures.started)])
    return rows


def youth_section(figures: stats.YouthFigures) -> Section:
    active_day = date_format(figures.active_on, "j.n.Y")
    outcome_rows: list[list[Cell]] = [
        [
            label,
            figures.outcomes.get(value, 0),
            _share(figures.outcomes.get(value, 0), figures.ended),
        ]
        for value, label in Youth.Outcome.choices
    ]
    if figures.outcomes.get(""):
        outcome_rows.append(
            [_("Not recorded"), figures.outcomes[""], _share(figures.outcomes[""], figures.ended)]
        )
    outcome_rows.append([_("Total"), figures.ended, _share(figures.ended, figures.ended)])
    return Section(
        slug="youth",
        title=_("Young people"),
        tables=[
            Table(
                slug="youth",
                title=_("Young people in the period"),
                headers=[_("Figure"), _("Count")],
                rows=[
                    [_("Started"), figures.started],
                    [_("Active on %(day)s") % {"day": active_day}, figures.active],
                    [_("Completed"), figures.completed],
                    [_("Stopped"), figures.stopped],
                ],
                chart_column=1,
            ),
            Table(
                slug="started-status",
                has_total=True,
                title=_("Status of all young people who started in the period"),
                headers=[_("Status"), _("Count"), _("Share (%)")],
                rows=_started_status_rows(figures, active_day),
                chart_column=1,
                note=_(
                    "The shares are of all young people whose course started in the period "
                    "(the total row), including those still active."
                ),
            ),
            Table(
                slug="outcomes",
                has_total=True,
                title=_("Where they went: outcome at the end"),
                headers=[_("Outcome"), _("Count"), _("Share (%)")],
                rows=outcome_rows,
                chart_column=1,
                note=_(
                    "The shares are of the young people whose course ended in the period "
                    "(the total row)."
                ),
            ),
            Table(
                slug="education",
                title=_("Kind of education"),
                headers=[_("Education"), _("Count")],
                rows=[
                    [label, figures.educations[value]]
                    for value, label in Youth.Education.choices
                    if value in figures.educations
                ],
                note=_("Young people who went on to education."),
            ),
        ],
    )


def placement_section(figures: stats.PlacementFigures) -> Section:
    statuses = Placement.Status.choices
    return Section(
        slug="placements",
        title=_("Placements"),
        note=_("Counted over placements that started in the period."),
        tables=[
            Table(
                slug="placements",
                title=_("Placements: key figures"),
                headers=[_("Figure"), _("Value")],
                rows=[
                    [_("Started"), figures.started],
                    [_("Completed"), figures.completed],
                    [_("Interrupted"), figures.interrupted],
                    [
                        _("Completion rate (completed of completed and interrupted)"),
                        None if figures.completion_rate is None else Share(figures.completion_rate),
                    ],
                    [_("Median length (days)"), figures.median_length_days],
                    [_("Average hours per week"), figures.average_hours],
                    [_("Median hours per week"), figures.median_hours],
                ],
            ),
            Table(
                slug="placement-kinds",
                title=_("Placements by kind and status"),
                headers=[_("Kind"), *(label for _value, label in statuses), _("Total")],
                rows=[
                    [
                        label,
                        *(figures.count(kind=kind, status=status) for status, _label in statuses),
                        figures.count(kind=kind),
                    ]
                    for kind, label in Placement.Kind.choices
                    if figures.count(kind=kind)
                ],
                chart_column=len(statuses) + 1,
            ),
            Table(
                slug="interruptions",
                has_total=True,
                title=_("Reasons for interruption"),
                headers=[_("Reason"), _("Count"), _("Share (%)")],
                rows=[
                    *(
                        [
                            label,
                            figures.interruption_categories[category],
                            _share(figures.interruption_categories[category], figures.interrupted),
                        ]
                        for category, label in Placement.InterruptionCategory.choices
                    ),
                    [
                        _("Total"),
                        figures.interrupted,
                        _share(figures.interrupted, figures.interrupted),
                    ],
                ],
                chart_column=1,
                note=_("Interrupted placements, by the reason the caseworker chose."),
            ),
        ],
    )


def progression_section(figures: stats.ProgressionFigures) -> Section:
    levels = Level.choices
    return Section(
        slug="progression",
        title=_("Progression"),
        tables=[
            Table(
                slug="progression",
                title=_("Progression: key figures"),
                headers=[_("Figure"), _("Value")],
                rows=[
                    [_("Goals assessed"), figures.assessed_total],
                    [_("Goals with two or more progress entries"), figures.measured],
                    [_("Of these, the level rose"), figures.rose],
                    [
                        _("Share where the level rose"),
                        None if figures.rose_share is None else Share(figures.rose_share),
                    ],
                    [_("Average points per certificate"), figures.average_points],
                ],
            ),
            Table(
                slug="goals-assessed",
                title=_("Goals assessed by area and level reached"),
                headers=[_("Area"), *(label for _value, label in levels), _("Total")],
                rows=[
                    [
                        label,
                        *(figures.assessed.get((area, level), 0) for level, _label in levels),
                        sum(figures.assessed.get((area, level), 0) for level, _label in levels),
                    ]
                    for area, label in Area.choices
                ],
                chart_column=len(levels) + 1,
            ),
        ],
    )


def certificate_section(figures: stats.CertificateFigures) -> Section:
    return Section(
        slug="certificates",
        title=_("Certificates"),
        tables=[
            Table(
                slug="certificates",
                has_total=True,
                title=_("Certificates issued and revoked per month"),
                headers=[_("Month"), _("Issued"), _("Revoked")],
                rows=[
                    *(
                        [Month(m.year, m.month, 1), issued, revoked]
                        for m, issued, revoked in figures.per_month
                    ),
                    [_("Total"), figures.issued, figures.revoked],
                ],
                chart_column=1,
            ),
        ],
    )


def quality_assurance_section(figures: stats.QualityAssuranceFigures) -> Section:
    whole = figures.submitted_youth
    steps = [
        (
            _("Internal quality assurance"),
            figures.internal_sampled,
            figures.internal_returned,
            figures.internal_approved,
        ),
        (
            _("External quality assurance"),
            figures.external_sampled,
            figures.external_returned,
            figures.external_approved,
        ),
    ]
    return Section(
        slug="quality-assurance",
        title=_("Cohorts and quality assurance"),
        note=_("Cohorts created in the period. Shares are of the youth in submitted cohorts."),
        tables=[
            Table(
                slug="cohorts",
                has_total=True,
                title=_("Cohorts by status"),
                headers=[_("Status"), _("Cohorts")],
                rows=[
                    *(
                        [label, figures.cohorts_by_status.get(value, 0)]
                        for value, label in Cohort.Status.choices
                    ),
                    [_("Total"), sum(figures.cohorts_by_status.values())],
                ],
                chart_column=1,
            ),
            Table(
                slug="quality-assurance",
                title=_("Youth sampled, returned and approved at each step"),
                headers=[
                    _("Step"),
                    _("Sampled"),
                    _("Share sampled"),
                    _("Returned"),
                    _("Approved"),
                ],
                rows=[
                    [step, sampled, _share(sampled, whole), returned, approved]
                    for step, sampled, returned, approved in steps
                ],
                note=_("%(count)s youth in submitted cohorts.") % {"count": whole},
            ),
        ],
    )


def network_section(figures: stats.NetworkFigures) -> Section:
    return Section(
        slug="network",
        title=_("Company network"),
        note=_("Active in the period: the company had a placement running in the period."),
        tables=[
            Table(
                slug="network",
                has_total=True,
                title=_("Companies by industry"),
                headers=[_("Industry"), _("In the network"), _("Active in the period")],
                rows=[
                    *(
                        [label, *figures.by_industry[value]]
                        for value, label in Industry.choices
                        if value in figures.by_industry
                    ),
                    [_("Total"), figures.in_network, figures.active],
                ],
                chart_column=1,
            ),
            Table(
                slug="companies",
                title=_("Placements per company"),
                headers=[_("Company"), _("Placements")],
                rows=[[name, n] for name, n in figures.placements_per_company],
                chart_column=1,
                note=_(
                    "Placements running in the period. The %(shown)s companies with the most "
                    "are shown; the CSV file has every company."
                )
                % {"shown": COMPANIES_SHOWN},
                shown=COMPANIES_SHOWN,
            ),
        ],
    )


def follow_up_section(figures: stats.FollowUpFigures) -> Section:
    return Section(
        slug="follow-up",
        title=_("Follow-up"),
        tables=[
            Table(
                slug="follow-up",
                title=_("Follow-up on placements"),
                headers=[_("Figure"), _("Value")],
                rows=[
                    [_("Placements running in the period"), figures.running],
                    [_("Of these, with no follow-up in the period"), figures.without_follow_up],
                    [_("Intervals between two follow-ups"), figures.gaps],
                    [_("Median days between follow-ups"), figures.median_days],
                ],
            ),
        ],
    )


# Each section: the figures it counts (the database's work, done once) and the tables it
# shows them in (built once per language from the same figures).
SECTIONS: dict[str, tuple[Callable[..., Any], Callable[[Any], Section]]] = {
    "youth": (stats.youth_figures, youth_section),
    "placements": (stats.placement_figures, placement_section),
    "progression": (stats.progression_figures, progression_section),
    "certificates": (stats.certificate_figures, certificate_section),
    "network": (stats.network_figures, network_section),
    "follow-up": (stats.follow_up_figures, follow_up_section),
    "quality-assurance": (stats.quality_assurance_figures, quality_assurance_section),
}
# Which section each table is in, so a CSV computes only its own section.
TABLE_SECTIONS = {
    "youth": "youth",
    "started-status": "youth",
    "outcomes": "youth",
    "education": "youth",
    "placements": "placements",
    "placement-kinds": "placements",
    "interruptions": "placements",
    "progression": "progression",
    "goals-assessed": "progression",
    "certificates": "certificates",
    "network": "network",
    "companies": "network",
    "follow-up": "follow-up",
    "cohorts": "quality-assurance",
    "quality-assurance": "quality-assurance",
}
