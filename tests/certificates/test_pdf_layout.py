"""The certificate as a page: what fits on page 1, what stays together, what never breaks."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from goals.models import Area, Level
from placements.models import Placement
from tests.certificates.conftest import CRITERIA, GOALS, issue_with_goals
from tests.factories import CompanyFactory, LearningGoalFactory, MentorFactory, PlacementFactory

pytestmark = pytest.mark.django_db


def pages_text(certificate) -> list[str]:
    with certificate.pdf.open("rb") as stored:
        return [page.extract_text() for page in PdfReader(io.BytesIO(stored.read())).pages]


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


@pytest.mark.parametrize("count", [6, 10])
def test_up_to_ten_goals_with_signatures_and_verification_fit_on_one_page(
    youth, placement, caseworker, organisation, count
):
    second = PlacementFactory(
        organisation=organisation,
        youth=youth,
        kind=Placement.Kind.OWN_WORKSHOP,
        starts_on=dt.date(2026, 5, 4),
        status=Placement.Status.COMPLETED,
    )
    # Names of a usual length: a random long double name may break across lines.
    for mentor, name in ((placement.mentor, "Lone Madsen"), (second.mentor, "Per Holm")):
        mentor.name = name
        mentor.save(update_fields=["name"])
    certificate = issue_with_goals(youth, placement, caseworker, count, second=second)

    pages = pages_text(certificate)

    assert len(pages) == 1
    page = " ".join(pages[0].split())
    for title, _area, _level in GOALS[:count]:
        assert title in page
    assert "Point i alt" in page
    assert caseworker.get_full_name() in page
    assert placement.mentor.name in page and second.mentor.name in page
    assert certificate.number in page


def test_a_long_certificate_keeps_the_close_together_and_the_issue_date_on_page_one(
    youth, placement, caseworker
):
    certificate = issue_with_goals(youth, placement, caseworker, 18)

    pages = pages_text(certificate)

    assert len(pages) == 2
    issued = f"Udstedt {certificate.issued_on.day}."
    assert issued in " ".join(pages[0].split())
    last = " ".join(pages[-1].split())
    # Total, signatures and verification stay together on the last page.
    for text in ("Point i alt", caseworker.get_full_name(), "Mentor på arbejdspladsen"):
        assert text in last
    assert certificate.snapshot["verification_url"] in last


def test_a_goal_row_never_splits_across_pages(youth, placement, caseworker):
    certificate = issue_with_goals(youth, placement, caseworker, 18)

    pages = [" ".join(page.split()) for page in pages_text(certificate)]

    for goal in certificate.snapshot["goals"]:
        page_with_title = next(page for page in pages if goal["title"] in page)
        assert CRITERIA in page_with_title


def test_the_verification_url_is_printed_on_one_line(youth, placement, caseworker, settings):
    settings.SITE_URL = "https://kompetencebeviser.ungeindsatsen.herning.dk"
    certificate = issue_with_goals(youth, placement, caseworker, 3)

    page_lines = lines(pages_text(certificate)[0])

    assert any(certificate.snapshot["verification_url"] in line for line in page_lines)


def test_a_date_never_breaks_in_the_middle(youth, caseworker, organisation):
    company = CompanyFactory(
        organisation=organisation, name="Herning Kommunes Genbrugsplads og Materielgård Syd"
    )
    placement = PlacementFactory(
        organisation=organisation,
        youth=youth,
        company=company,
        mentor=MentorFactory(company=company),
        kind=Placement.Kind.INTERNSHIP,
        starts_on=dt.date(2026, 9, 28),
        ends_on=dt.date(2026, 11, 30),
        status=Placement.Status.COMPLETED,
    )
    certificate = issue_with_goals(youth, placement, caseworker, 2)

    page_lines = lines(pages_text(certificate)[0])

    for date in ("28. september 2026", "30. november 2026"):
        assert any(date in line for line in page_lines), date


def test_the_certificate_says_in_plain_words_what_the_person_has_shown(
    youth, placement, caseworker
):
    certificate = issue_with_goals(youth, placement, caseworker, 2)

    page = " ".join(pages_text(certificate)[0].split())

    assert youth.full_name in page
    assert f"har vist, at {youth.first_name} kan det, der står på dette bevis." in page
    assert "Sagsbehandler" in page and "Mentor på arbejdspladsen" in page


def test_a_goal_learned_on_two_placements_is_printed_once_with_both_workplaces(
    youth, placement, caseworker, organisation
):
    second = PlacementFactory(
        organisation=organisation,
        youth=youth,
        kind=Placement.Kind.OWN_WORKSHOP,
        starts_on=dt.date(2026, 5, 4),
        status=Placement.Status.COMPLETED,
    )
    again = LearningGoalFactory(
        placement=second,
        title="Kan møde til tiden og melde afbud",
        criteria=CRITERIA,
        area=Area.PERSONAL,
        target_level=Level.MESTRING,
        points=Decimal("1.5"),
    )
    certificate = issue_with_goals(youth, placement, caseworker, 6, extra=[again])

    page = " ".join(pages_text(certificate)[0].split())

    assert page.count("Kan møde til tiden og melde afbud") == 1
    assert f"{placement.company.name}, {second.company.name}" in page
    # Six lines of 1.5 points: the goal learned twice counts once.
    assert certificate.snapshot["total_points"] == "9.0"
    assert "Point i alt 9" in page
