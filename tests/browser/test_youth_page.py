"""The young person's page on a phone: certificates first, goals grouped by placement."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from certificates.services.issuing import certificate_revoke, verification_url
from goals.models import Level
from goals.services.goals import learning_goal_assess
from placements.models import Placement
from tests.browser.accessibility import axe_check, screenshot, scrolls_sideways
from tests.browser.conftest import sign_in_by_link
from tests.factories import LearningGoalFactory, PlacementFactory, ProgressEntryFactory
from youth.services import youth_signin_link_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def finished_placement(running_placement, caseworker):
    """An earlier placement at another company, completed, with the same goal as now."""
    today = timezone.localdate()
    return PlacementFactory(
        organisation=running_placement.organisation,
        youth=running_placement.youth,
        company__name="Bilka Herning",
        company__organisation=running_placement.organisation,
        starts_on=today - dt.timedelta(days=200),
        ends_on=today - dt.timedelta(days=100),
        status=Placement.Status.COMPLETED,
    )


@pytest.fixture
def youth_signed_in(browser_page, live_server, youth_user, caseworker, running_placement):
    def sign_in():
        _link, path = youth_signin_link_create(youth=running_placement.youth, by=caseworker)
        sign_in_by_link(browser_page, live_server, path)
        expect(browser_page).to_have_url(live_server.url + reverse("me:home"))
        return browser_page

    return sign_in


def test_certificates_come_first_with_what_an_employer_needs(
    youth_signed_in, issued_certificate, finished_placement
):
    page = youth_signed_in()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    main = page.get_by_role("main")
    headings = main.get_by_role("heading", level=2).all_inner_texts()
    assert headings[0] == "Mine beviser", headings

    card = page.locator("article.me-certificate")
    expect(card).to_contain_text(issued_certificate.number)
    expect(card).to_contain_text("Arbejdsplads")
    expect(card).to_contain_text(issued_certificate.snapshot["placements"][0]["company"])
    placement = issued_certificate.goals.first().placement
    expect(card).to_contain_text(f"{placement.starts_on:%d.%m.%Y} – {placement.ends_on:%d.%m.%Y}")
    expect(card).to_contain_text("Point i alt")
    expect(card.locator("dd").nth(2)).to_have_text("6")  # three goals of 2 points
    expect(card.get_by_role("link", name=f"Hent {issued_certificate.number}")).to_be_visible()

    expect(card.get_by_role("heading", name="Del med en arbejdsgiver")).to_be_visible()
    link = card.get_by_label(f"Link til bevis {issued_certificate.number}")
    expected = verification_url(issued_certificate.verification_code)
    expect(link).to_have_value(expected)
    copy = card.get_by_role("button", name="Kopiér link")
    box = copy.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    copy.click()
    expect(card.get_by_role("button", name="Kopieret")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    screenshot(page, "youth-13-my-page")
    axe_check(page, "youth-13-my-page")
    assert not scrolls_sideways(page)


def test_a_revoked_certificate_says_so_in_words(youth_signed_in, issued_certificate, caseworker):
    certificate_revoke(certificate=issued_certificate, reason="Forkert navn.", by=caseworker)
    page = youth_signed_in()
    card = page.locator("article.me-certificate")
    expect(card).to_contain_text("Ikke gyldigt længere.")
    expect(card).to_contain_text("Send det ikke til nogen.")
    expect(card.get_by_role("heading", name="Del med en arbejdsgiver")).to_have_count(0)


def test_goals_are_grouped_by_placement_current_first_with_what_is_missing(
    youth_signed_in, goals, finished_placement, caseworker
):
    title = goals[0].title  # learned at both workplaces
    old = LearningGoalFactory(placement=finished_placement, title=title, target_level=2)
    learning_goal_assess(
        goal=old, by=caseworker, level=Level.KUNDSKAB, assessed_on=old.placement.ends_on
    )
    ProgressEntryFactory(goal=goals[0], level=Level.KENDSKAB)
    ProgressEntryFactory(goal=goals[1], level=Level.MESTRING)
    page = youth_signed_in()

    groups = page.locator("section.me-placement")
    expect(groups).to_have_count(2)
    current, finished = groups.nth(0), groups.nth(1)
    expect(current.get_by_role("heading", level=3)).to_contain_text(goals[0].placement.company.name)
    expect(current.get_by_role("heading", level=3)).to_contain_text("Nu")
    expect(finished.get_by_role("heading", level=3)).to_contain_text("Bilka Herning")
    expect(finished.get_by_role("heading", level=3)).to_contain_text("Afsluttet")

    now_goal = current.locator("li.me-goal").filter(has_text=title)
    expect(now_goal).to_contain_text(re.compile(r"Målniveau\s*Niveau 2 af 3:\s*Kundskab"))
    expect(now_goal).to_contain_text("Du mangler at komme fra Kendskab til Kundskab.")
    reached = current.locator("li.me-goal").filter(has_text=goals[1].title)
    expect(reached).to_contain_text(
        "Du har nået målniveauet. Din kontaktperson mangler at godkende det."
    )
    expect(current.locator("li.me-goal").filter(has_text=goals[2].title)).to_contain_text(
        "Der er ikke skrevet noget endnu. Målet er Kundskab."
    )
    expect(finished.locator("li.me-goal").filter(has_text=title)).to_contain_text(
        "Færdig: godkendt på målniveauet."
    )
    screenshot(page, "youth-13-goals")
