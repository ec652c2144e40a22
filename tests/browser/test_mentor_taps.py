"""The mentor on a phone (390 px) taps what a person taps: the big button on the trainee card,
a level, "Træk tilbage". Every touch target is at least 44 × 44 px."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.services import signin_link_create
from goals.models import Level, ProgressEntry
from tests.browser.accessibility import axe_check, screenshot, scrolls_sideways
from tests.browser.conftest import PHONE, sign_in_by_link
from tests.factories import LearningGoalFactory, PlacementFactory, YouthFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOUCH = 44


def assert_touch_target(locator) -> None:
    box = locator.bounding_box()
    assert box is not None, "the touch target is not on screen"
    assert box["width"] >= TOUCH and box["height"] >= TOUCH, f"too small to tap: {box}"


def in_viewport(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


@pytest.fixture
def mentor_signed_in(browser_page, live_server, mentor_user, caseworker, goals):
    """The mentor, signed in with a personal link, on their home page with the goals below."""
    _link, path = signin_link_create(user=mentor_user, created_by=caseworker)
    sign_in_by_link(browser_page, live_server, path)
    expect(browser_page).to_have_url(live_server.url + reverse("mentor:home"))
    return browser_page


@pytest.fixture
def goals(running_placement):
    """Four goals, so that the last one's buttons are far down the page on a phone."""
    return [
        LearningGoalFactory(
            placement=running_placement, title=f"Kan opgave nummer {n}", target_level=target
        )
        for n, target in enumerate(
            [Level.KUNDSKAB, Level.KENDSKAB, Level.MESTRING, Level.KUNDSKAB], start=1
        )
    ]


def test_the_big_button_on_the_trainee_card_opens_the_goals(
    mentor_signed_in, live_server, goals, running_placement
):
    page = mentor_signed_in
    card = page.locator("article.mentor-placement")
    button = card.get_by_role("link", name=re.compile("Skriv hvordan det går"))
    expect(button).to_be_visible()
    assert_touch_target(button)
    # A real click at the button's centre: nothing may lie over it.
    button.click()
    expect(page).to_have_url(
        live_server.url + reverse("mentor:placement", args=[running_placement.pk])
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(running_placement.youth.first_name)


def test_a_tapped_level_is_confirmed_where_the_thumb_is_and_announced(
    mentor_signed_in, goals, running_placement, mentor_user
):
    page = mentor_signed_in
    page.locator("article.mentor-placement").get_by_role(
        "link", name=re.compile("Skriv hvordan det går")
    ).click()
    screenshot(page, "mentor-13-goals")
    goal = goals[-1]
    card = page.locator(f"#goal-{goal.pk}")
    level = card.get_by_role("button", name=re.compile("Kundskab"))
    assert_touch_target(level)
    level.scroll_into_view_if_needed()
    level.click()

    confirmation = card.get_by_text("Gemt. Tak!")
    expect(confirmation).to_be_visible()
    assert in_viewport(confirmation), "the confirmation is off-screen"
    tapped = card.get_by_role("button", name=re.compile("Kundskab"))
    expect(tapped).to_have_class(re.compile("is-saved"))
    expect(card.get_by_role("button", name=re.compile("Kendskab"))).not_to_have_class(
        re.compile("is-saved")
    )
    # The confirmation sits below the level buttons, not above the note field.
    assert confirmation.bounding_box()["y"] > tapped.bounding_box()["y"]
    # Screen readers hear it through the page's live region.
    expect(page.get_by_role("status")).to_contain_text("Gemt. Tak! Kundskab")
    screenshot(page, "mentor-13-after-tap")
    axe_check(page, "mentor-13-after-tap")
    assert ProgressEntry.objects.get().level == Level.KUNDSKAB
    assert not scrolls_sideways(page)


def test_each_goal_card_shows_its_target_level_and_the_bars_have_a_legend(mentor_signed_in, goals):
    page = mentor_signed_in
    legend = page.get_by_role("region", name="Sådan læser du søjlerne")
    expect(legend).to_contain_text("Kendskab")
    expect(legend).to_contain_text("Mestring")
    page.get_by_role("link", name=re.compile("Skriv hvordan det går")).click()
    card = page.locator(f"#goal-{goals[2].pk}")
    expect(card).to_contain_text(re.compile(r"Målniveau:\s*Niveau 3 af 3:\s*Mestring"))
    expect(page.get_by_role("region", name="Sådan læser du søjlerne")).to_be_visible()


def test_withdraw_is_a_proper_button(mentor_signed_in, goals):
    page = mentor_signed_in
    page.get_by_role("link", name=re.compile("Skriv hvordan det går")).click()
    card = page.locator(f"#goal-{goals[0].pk}")
    card.get_by_role("button", name=re.compile("Kendskab")).click()
    expect(card.get_by_text("Gemt. Tak!")).to_be_visible()
    withdraw = page.locator(f"#goal-{goals[0].pk}").get_by_role("button", name="Træk tilbage")
    assert_touch_target(withdraw)
    page.once("dialog", lambda dialog: dialog.accept())
    withdraw.click()
    expect(page.get_by_text("Dit notat er trukket tilbage.")).to_be_visible()
    assert ProgressEntry.objects.get().withdrawn_at is not None


def test_ended_placements_are_shown_apart_and_vanish_after_the_grace_period(
    mentor_signed_in, live_server, settings, running_placement, mentor_user
):
    page = mentor_signed_in
    today = timezone.localdate()
    mentor = mentor_user.mentor_profile
    youth = running_placement.youth
    youth.first_name = "Oda"  # never the random name of the other young person below
    youth.save(update_fields=["first_name"])

    def placement(who, ends_on):
        return PlacementFactory(
            organisation=who.organisation,
            youth=who,
            company=mentor.company,
            mentor=mentor,
            starts_on=ends_on - dt.timedelta(days=60),
            ends_on=ends_on,
        )

    # The same young person's earlier placement, not marked completed but long over.
    placement(youth, today - dt.timedelta(days=settings.MENTOR_GRACE_DAYS + 5))
    recent = YouthFactory(organisation=youth.organisation, first_name="Sofie")
    ended = placement(recent, today - dt.timedelta(days=3))
    page.reload()

    cards = page.locator("article.mentor-placement")
    expect(cards).to_have_count(1)
    expect(cards).to_contain_text(youth.first_name)
    last_day = ended.ends_on + dt.timedelta(days=settings.MENTOR_GRACE_DAYS)
    ended_list = page.locator(".mentor-ended")
    expect(ended_list).to_contain_text("Sofie")
    expect(ended_list).to_contain_text(f"Afsluttet – du kan skrive til og med {last_day.day}.")
    assert_touch_target(ended_list.get_by_role("link", name=re.compile("Sofie")))
    assert page.get_by_text(youth.first_name, exact=True).count() == 1


SMALL_TARGETS = """() => [...document.querySelectorAll(
    "main a, main button, main summary, main input:not([type=hidden]), main textarea")]
  .filter((el) => el.offsetParent !== null)
  .map((el) => [el.tagName.toLowerCase() + " " + (el.innerText || el.name || "").trim(),
                el.getBoundingClientRect()])
  .filter(([, box]) => box.width < 44 || box.height < 44)
  .map(([name, box]) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`)"""


def test_every_touch_target_on_the_mentors_pages_is_at_least_44_px(mentor_signed_in, goals):
    page = mentor_signed_in
    assert page.evaluate(SMALL_TARGETS) == [], "the mentor's home page"
    page.get_by_role("link", name=re.compile("Skriv hvordan det går")).click()
    card = page.locator(f"#goal-{goals[0].pk}")
    card.get_by_role("button", name=re.compile("Kendskab")).click()
    expect(card.get_by_text("Gemt. Tak!")).to_be_visible()
    page.locator("details").evaluate_all("(all) => all.forEach((d) => { d.open = true; })")
    small = page.evaluate(SMALL_TARGETS)
    assert small == [], "\n".join(small)
