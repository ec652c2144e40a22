"""The mentor logs on a phone; the caseworker sees it on the goal's timeline."""

import pytest
from django.urls import reverse

from accounts.services import signin_link_create
from goals.models import ProgressEntry
from tests.browser.conftest import DESKTOP
from tests.factories import LearningGoalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_mentor_logs_on_a_phone_and_caseworker_sees_it(
    browser_page, live_server, placement, mentor_user, caseworker
):
    page = browser_page
    goal = LearningGoalFactory(placement=placement, title="Kan sætte varer på plads")
    _link, path = signin_link_create(user=mentor_user, created_by=caseworker)

    page.goto(live_server.url + path)
    page.get_by_role("button", name="Log ind").click()
    if not page.url.endswith(reverse("mentor:home")):
        page.goto(live_server.url + reverse("mentor:home"))
    # The big button on the trainee's card, as a mentor taps it.
    trainee = page.locator("article.mentor-placement", has_text=placement.youth.first_name)
    trainee.get_by_role("link", name="Skriv hvordan det går").click()

    card = page.locator(f"#goal-{goal.pk}")
    card.get_by_label("Kort notat (kan udelades)").fill("Satte mælk på plads uden hjælp.")
    card.get_by_role("button", name="Kundskab").click()
    card = page.locator(f"#goal-{goal.pk}")
    card.get_by_text("Gemt. Tak!").wait_for()
    assert card.get_by_text("Satte mælk på plads uden hjælp.").is_visible()
    assert ProgressEntry.objects.get().level == 2
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the mentor's page scrolls sideways on a phone"

    page.context.clear_cookies()
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Brugernavn").fill(caseworker.username)
    page.get_by_label("Adgangskode").fill("demo")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_load_state()
    page.goto(live_server.url + reverse("goals:detail", args=[goal.pk]))
    timeline = page.locator(".timeline")
    assert timeline.get_by_text("Satte mælk på plads uden hjælp.").is_visible()
    assert mentor_user.get_full_name() in timeline.inner_text()
