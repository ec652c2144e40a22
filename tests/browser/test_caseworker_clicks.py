"""The caseworker's walk from issue 19, in a real browser, counting clicks.

A new young person → a placement at a company already in the network → six catalogue
goals → the mentor logs → every goal assessed → a certificate issued. A click is anything
a person taps: a link, a button, a checkbox, a radio button, a drop-down (one tap for
choosing an option), and the OK of a confirmation dialogue. Typing into a field is not a
click. The mentor's entries are made with factories: they are the mentor's clicks.

Counted the same way, the walk took 61 clicks before (tests/browser/test_journeys.py at
d1abc52: 4 clicks per goal added, 4 per goal assessed).
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from certificates.models import Certificate
from companies.models import Industry
from goals.models import Area, Level
from placements.models import Placement
from tests.browser.accessibility import step
from tests.browser.conftest import DESKTOP, sign_in
from tests.factories import CompanyFactory, GoalTemplateFactory, MentorFactory, ProgressEntryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOALS = [
    ("Kan sætte varer på plads efter en plan", Area.PROFESSIONAL, Industry.RETAIL),
    ("Kan fylde køledisken op", Area.PROFESSIONAL, Industry.RETAIL),
    ("Kan hjælpe en kunde med at finde en vare", Area.PROFESSIONAL, Industry.RETAIL),
    ("Kan møde til tiden tre dage om ugen", Area.PERSONAL, ""),
    ("Kan sige til, når noget er svært", Area.PERSONAL, ""),
    ("Kan spørge en kollega om hjælp", Area.SOCIAL, ""),
]


class Clicks:
    """Every tap goes through here, so the count is what a person does."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def tap(self, locator):
        locator.click()
        self.count += 1

    def tick(self, locator):
        locator.check()
        self.count += 1

    def choose(self, locator, **option):
        locator.select_option(**option)
        self.count += 1

    def confirm_next(self):
        self.page.once("dialog", lambda dialog: dialog.accept())
        self.count += 1


def test_new_youth_to_issued_certificate_in_under_25_clicks(
    browser_page, live_server, caseworker, mentor_user, private_media
):
    page = browser_page
    page.set_viewport_size(DESKTOP)
    organisation = caseworker.organisation
    company = CompanyFactory(organisation=organisation, name="Brugsen Herning")
    MentorFactory(company=company, name="Lone Madsen")
    for title, area, industry in GOALS:
        GoalTemplateFactory(organisation=organisation, title=title, area=area, industry=industry)
    GoalTemplateFactory(
        organisation=organisation, title="Kan gøre rent efter plan", industry=Industry.CLEANING
    )
    today = timezone.localdate()
    sign_in(page, live_server, caseworker)
    clicks = Clicks(page)

    clicks.tap(page.get_by_role("link", name="Unge", exact=True))
    clicks.tap(page.get_by_role("link", name="Opret en ung"))
    page.get_by_label("Fornavn").fill("Sofie")
    page.get_by_label("Efternavn").fill("Jensen")
    page.get_by_label("Fødselsdato").fill("2008-05-14")
    page.get_by_label("Forløbets start").fill(today.isoformat())
    clicks.tap(page.get_by_role("button", name="Opret", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sofie Jensen")

    clicks.tap(page.get_by_role("link", name="Ny praktik"))
    clicks.choose(page.get_by_label("Virksomhed"), label="Brugsen Herning")
    clicks.choose(page.get_by_label("Mentor"), label="Lone Madsen (Brugsen Herning)")
    clicks.choose(page.get_by_label("Type"), value="virksomhedspraktik")
    page.get_by_label("Startdato").fill(today.isoformat())
    page.get_by_label("Slutdato").fill((today + dt.timedelta(days=90)).isoformat())
    page.get_by_label("Timer om ugen").fill("15")
    clicks.tap(page.get_by_role("button", name="Gem"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sofie Jensen hos Brugsen Herning")

    clicks.tap(page.get_by_role("link", name="Tilføj mål"))
    expect(page.get_by_text("Kan gøre rent efter plan")).to_have_count(0)
    step(page, "clicks", "01-goals-in-one-go")
    for title, _area, _industry in GOALS:
        clicks.tick(page.get_by_label(title))
    clicks.tap(page.get_by_role("button", name="Tilføj de valgte mål"))
    for title, _area, _industry in GOALS:
        expect(page.get_by_role("link", name=title, exact=True)).to_be_visible()

    # The mentor logs every goal at Kundskab on their phone; the caseworker opens the
    # placement again (the same page, reloaded: no click counted, as in the old walk).
    placement = Placement.objects.get(youth__first_name="Sofie")
    goals = list(placement.goals.order_by("pk"))
    for goal in goals:
        ProgressEntryFactory(goal=goal, level=Level.KUNDSKAB, author=mentor_user, observed_on=today)
    page.reload()

    clicks.tap(page.get_by_role("link", name="Vurdér alle mål"))
    step(page, "clicks", "02-assess-at-once")
    # The mentor's levels are filled in; the caseworker sees two goals differently.
    for goal, level in ((goals[0], "Mestring"), (goals[5], "Kendskab")):
        clicks.tick(page.locator(f"#assess-{goal.pk}").get_by_label(level))
    clicks.tap(page.get_by_role("button", name="Gem vurderingerne"))
    expect(page.get_by_text("6 vurderinger er gemt.")).to_be_visible()

    clicks.tap(page.get_by_role("link", name="Udsted bevis"))
    clicks.tap(page.get_by_role("button", name="Gem og se kladden"))
    clicks.confirm_next()
    clicks.tap(page.get_by_role("button", name="Udsted bevis"))
    certificate = Certificate.objects.get(youth=placement.youth)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bevis {certificate.number}")
    step(page, "clicks", "03-issued")

    assert certificate.status == Certificate.Status.ISSUED
    assert set(certificate.goals.all()) == set(goals)
    assert sorted(goal.assessed_level for goal in certificate.goals.all()) == [1, 2, 2, 2, 2, 3]
    print(f"\nClicks from the overview to an issued certificate: {clicks.count}")
    assert clicks.count < 25
