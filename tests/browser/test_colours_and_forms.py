"""The app's own colours, not Bootstrap's default blue, on the caseworker's pages: links,
buttons, the focused field, a chosen radio button, the current page of a long list."""

import pytest
from django.urls import reverse

from tests.browser.conftest import DESKTOP, sign_in
from tests.factories import LearningGoalFactory, ProgressEntryFactory, YouthFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Bootstrap 5's primary blue (#0d6efd) and its focus border (#86b7fe), as computed styles.
BOOTSTRAP_BLUE = """() => {
  const blue = /rgba?\\(\\s*(13,\\s*110,\\s*253|134,\\s*183,\\s*254)\\b/;
  const found = [];
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    for (const property of ["color", "background-color", "border-top-color",
                            "border-bottom-color", "box-shadow", "outline-color"]) {
      const value = style.getPropertyValue(property);
      if (blue.test(value)) {
        const classes = typeof el.className === "string" ? el.className.trim() : "";
        found.push(`${el.tagName.toLowerCase()}.${classes} ${property}: ${value}`);
      }
    }
  }
  return found;
}"""


def bootstrap_blue(page) -> list[str]:
    return page.evaluate(BOOTSTRAP_BLUE)


def test_no_bootstrap_blue_on_the_caseworkers_pages(
    browser_page, live_server, caseworker, organisation, placement, mentor_user
):
    page = browser_page
    page.set_viewport_size(DESKTOP)
    for n in range(30):  # more than one page of young people: the list gets page links
        YouthFactory(organisation=organisation, caseworker=caseworker, first_name=f"Ung{n:02}")
    goal = LearningGoalFactory(placement=placement, title="Kan sætte varer på plads")
    ProgressEntryFactory(goal=goal, author=mentor_user)
    sign_in(page, live_server, caseworker)
    assert bootstrap_blue(page) == [], "the dashboard"

    page.goto(live_server.url + reverse("youth:list"))
    page.get_by_text("Side 1 af 2").wait_for()
    assert bootstrap_blue(page) == [], "the youth list with its page links"

    page.goto(live_server.url + reverse("youth:create"))
    page.get_by_label("Fornavn").click()  # focused: Bootstrap draws a blue border and glow
    assert bootstrap_blue(page) == [], "a focused field"

    page.goto(live_server.url + reverse("goals:assess", args=[goal.pk]))
    page.get_by_role("radio").first.check()
    assert bootstrap_blue(page) == [], "a chosen radio button"
