"""Keyboard only, 200 % zoom and phone width on the pages of the main journeys."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.services import signin_link_create
from goals.models import Level
from tests.browser.accessibility import (
    axe_check,
    axe_violations,
    screenshot,
    scrolls_sideways,
    step,
)
from tests.browser.conftest import DESKTOP, PHONE, sign_in, sign_in_by_link
from tests.factories import GoalTemplateFactory, LearningGoalFactory, ProgressEntryFactory
from youth.models import Youth
from youth.services import youth_signin_link_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# 200 % zoom of a 1280 px wide window leaves 640 CSS pixels; WCAG 1.4.10 reflow asks for 320.
ZOOM_200 = {"width": 640, "height": 450}
WIDTHS = {"zoom-200": ZOOM_200, "phone": PHONE}

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), text: (el.innerText || el.value || el.name || "").trim(),
    outline: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
    shadow: style.boxShadow !== "none",
    inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < innerHeight && box.left < innerWidth,
  };
}"""


def tab_through(page, stops: int) -> list[dict]:
    """Press Tab `stops` times; how each focused element shows that it has focus."""
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_STYLE))
    return seen


def assert_focus_visible(stops: list[dict]) -> None:
    hidden = [s for s in stops if s["tag"] != "body" and not (s["outline"] >= 2 and s["inView"])]
    assert not hidden, f"focus is not visible on: {hidden}"


def test_keyboard_only_sign_in_and_register(browser_page, live_server, caseworker):
    page = browser_page
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + reverse("accounts:login"))
    # The sign-in page puts the cursor in the first field.
    expect(page.get_by_label("Brugernavn")).to_be_focused()
    page.keyboard.type(caseworker.username)
    page.keyboard.press("Tab")
    page.keyboard.type("forkert")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Brugernavn eller adgangskode er forkert")
    step(page, "keyboard", "01-sign-in-error")
    page.get_by_label("Adgangskode").focus()
    page.keyboard.type("demo")
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + reverse("workspace:dashboard"))

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Gå til indhold")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert_focus_visible([page.evaluate(FOCUS_STYLE)])
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    in_main = page.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert in_main, "after the skip link, Tab goes on inside the main content"
    assert_focus_visible(tab_through(page, 12))

    page.goto(live_server.url + reverse("youth:create"))
    assert_focus_visible(tab_through(page, 14))
    screenshot(page, "keyboard-03-focus")
    page.get_by_label("Fornavn").focus()
    page.keyboard.type("Ali")
    page.keyboard.press("Enter")
    # The first field with an error gets the cursor; its error is tied to it.
    last_name = page.get_by_label("Efternavn")
    expect(last_name).to_be_focused()
    expect(last_name).to_have_attribute("aria-invalid", "true")
    error_id = last_name.get_attribute("aria-describedby").split()[0]
    expect(page.locator(f"#{error_id}")).to_contain_text("Dette felt er påkrævet.")
    expect(page.get_by_label("Fornavn")).to_have_value("Ali")
    step(page, "keyboard", "02-form-errors")
    assert not Youth.objects.exists()


@pytest.fixture
def world(issued_certificate, mentor_user, caseworker):
    """The journeys' issued certificate, plus a goal still in progress and a catalogue goal."""
    placement = issued_certificate.youth.placements.get()
    goal = LearningGoalFactory(placement=placement)
    ProgressEntryFactory(goal=goal, level=Level.KUNDSKAB, author=mentor_user)
    GoalTemplateFactory(organisation=caseworker.organisation)
    return {"placement": placement, "goal": goal, "certificate": issued_certificate}


def journey_pages(role: str, world: dict) -> list[tuple[str, str]]:
    placement, goal, certificate = world["placement"], world["goal"], world["certificate"]
    youth, company = placement.youth, placement.company
    pages = {
        "caseworker": [
            ("overview", reverse("workspace:dashboard")),
            ("youth-list", reverse("youth:list")),
            ("youth-form", reverse("youth:create")),
            ("youth-profile", reverse("workspace:youth_detail", args=[youth.pk])),
            ("company-list", reverse("companies:list")),
            ("company-form", reverse("companies:create")),
            ("company", reverse("workspace:company_detail", args=[company.pk])),
            ("mentor-form", reverse("companies:mentor_create", args=[company.pk])),
            ("placement-form", reverse("placements:create") + f"?youth={youth.pk}"),
            ("placement", reverse("workspace:placement_detail", args=[placement.pk])),
            ("goal-form", reverse("goals:create") + f"?placement={placement.pk}"),
            ("goal", reverse("goals:detail", args=[goal.pk])),
            ("assess", reverse("goals:assess", args=[goal.pk])),
            ("mentor-invite", reverse("mentor:invite", args=[placement.pk])),
            ("certificate-goals", reverse("certificates:issue", args=[youth.pk])),
            ("certificate", reverse("certificates:detail", args=[certificate.pk])),
            ("certificate-list", reverse("certificates:list")),
        ],
        "mentor": [
            ("trainees", reverse("mentor:home")),
            ("mentor-goals", reverse("mentor:placement", args=[placement.pk])),
        ],
        "youth": [("my-page", reverse("me:home")), ("my-certificates", reverse("me:certificates"))],
        "anonymous": [
            ("sign-in", reverse("accounts:login")),
            ("link-sign-in", reverse("accounts:link_signin", args=["unknown-token"])),
            ("verify-lookup", reverse("verify:lookup")),
            ("verify", reverse("verify:detail", args=[certificate.snapshot["verification_code"]])),
        ],
    }
    return pages[role]


@pytest.mark.parametrize("role", ["caseworker", "mentor", "youth", "anonymous"])
def test_pages_reflow_at_200_percent_zoom_and_phone_width(
    browser_page, live_server, world, role, caseworker, mentor_user, youth_user
):
    page = browser_page
    if role == "caseworker":
        sign_in(page, live_server, caseworker)
    elif role == "mentor":
        sign_in_by_link(page, live_server, signin_link_create(user=mentor_user, created_by=None)[1])
    elif role == "youth":
        path = youth_signin_link_create(youth=world["placement"].youth, by=caseworker)[1]
        sign_in_by_link(page, live_server, path)
    wide = []
    for name, path in journey_pages(role, world):
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        for width_name, viewport in WIDTHS.items():
            page.set_viewport_size(viewport)
            screenshot(page, f"{width_name}-{name}")
            if scrolls_sideways(page):
                width = page.evaluate("document.documentElement.scrollWidth")
                wide.append(f"{name} at {width_name}: {width} px")
    assert not wide, "pages scroll sideways: " + "; ".join(wide)


def test_the_axe_check_finds_what_it_should(browser_page):
    """The harness itself: a field without a label and grey-on-grey text fail the check."""
    page = browser_page
    page.set_content(
        '<html lang="da"><title>Prøve</title><main><h1>Prøve</h1>'
        '<input type="text"><p style="color:#aaa;background:#bbb">Svag tekst</p></main></html>'
    )
    found = {v["id"] for v in axe_violations(page)}
    assert {"label", "color-contrast"} <= found
    with pytest.raises(AssertionError, match="label"):
        axe_check(page, "harness-self-check")
