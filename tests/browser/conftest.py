"""Real-browser journeys: headless Chromium driven by Playwright against the live server."""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.core.handlers.base import BaseHandler
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

from certificates.services.issuing import certificate_draft_save, certificate_issue
from goals.models import Level
from goals.services.goals import learning_goal_assess
from placements.models import Placement
from tests.browser.html_checker import start_checker
from tests.factories import LearningGoalFactory

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# itself (creating data) are still synchronous and safe here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
PHONE = {"width": 390, "height": 844}
PAGES_CHECKED = pytest.StashKey[int]()
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def live_server(_plain_http_server, live_server):
    """pytest-django's live server, started with plain HTTP (no redirect to HTTPS)."""
    return live_server


@pytest.fixture(scope="session")
def _plain_http_server():
    # The security middleware reads these once, when the live server starts.
    with override_settings(
        SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False
    ):
        yield


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"REQUIRE_BROWSER is set but {CHROMIUM} is missing.")
        pytest.skip(f"Browser journeys need {CHROMIUM} (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def html_checker(request):
    """The Nu HTML Checker service (None where this machine cannot run it, never in CI)."""
    checker = start_checker()
    yield checker
    if checker is not None:
        checker.stop()
        request.config.stash[PAGES_CHECKED] = len(checker.pages_checked)


def pytest_terminal_summary(terminalreporter, config):
    if config.stash.get(PAGES_CHECKED, 0):
        pages = config.stash[PAGES_CHECKED]
        terminalreporter.write_line(f"Nu HTML Checker: {pages} page states checked")


@pytest.fixture
def served_documents(monkeypatch):
    """Every full HTML document the live server sends during the test, as (path, html)."""
    documents = []
    get_response = BaseHandler.get_response

    def recording_get_response(handler, http_request):
        response = get_response(handler, http_request)
        is_page = response.get("Content-Type", "").startswith("text/html")
        is_document = response.status_code == 200 and "HX-Request" not in http_request.headers
        if is_page and is_document and not response.streaming:
            documents.append((http_request.get_full_path(), response.content.decode()))
        return response

    monkeypatch.setattr(BaseHandler, "get_response", recording_get_response)
    return documents


@pytest.fixture
def browser_page(chromium, request, html_checker, served_documents):
    """A fresh page at phone width (`page.set_viewport_size(DESKTOP)` for desktop).

    A screenshot of the last state is saved under build/screenshots/<test name>.png, and
    every HTML document the test loaded must pass the Nu HTML Checker with no error.
    """
    context = chromium.new_context(viewport=PHONE, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    context.close()
    if html_checker is None:
        return
    invalid = []
    for path, html in served_documents:
        html_checker.pages_checked.add((request.node.name, path, html))
        invalid += [f"{path}: {error}" for error in html_checker.errors(html)]
    assert not invalid, "The Nu HTML Checker found errors:\n" + "\n".join(invalid)


@pytest.fixture
def private_media(settings):
    """The temporary media folder tests/conftest.py sets up for every test."""
    return settings.MEDIA_ROOT


def sign_in(page, live_server, user, password="demo"):
    """Sign in on the sign-in page as a caseworker or manager would, and land on the overview."""
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Brugernavn").fill(user.username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(live_server.url + reverse("workspace:dashboard"))


def sign_in_by_link(page, live_server, path):
    """Open a personal sign-in link (mentor, young person) and press the button."""
    page.goto(live_server.url + path)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(lambda url: not url.endswith(path))


# The journeys' shared data, made with factories and services -------------------------------

JOURNEY_GOALS = [
    "Kan møde til tiden tre dage om ugen",
    "Kan sætte varer på plads efter en plan",
    "Kan spørge en kollega om hjælp",
]


@pytest.fixture
def running_placement(placement):
    """The shared placement, running from a month ago to two months ahead."""
    today = timezone.localdate()
    placement.starts_on = today - dt.timedelta(days=30)
    placement.ends_on = today + dt.timedelta(days=60)
    placement.status = Placement.Status.ACTIVE
    placement.save()
    return placement


@pytest.fixture
def goals(running_placement):
    return [
        LearningGoalFactory(placement=running_placement, title=title, target_level=Level.KUNDSKAB)
        for title in JOURNEY_GOALS
    ]


@pytest.fixture
def issued_certificate(goals, caseworker, private_media):
    """A certificate on the three goals, assessed and issued through the services."""
    assessed = [
        learning_goal_assess(
            goal=goal, by=caseworker, level=Level.KUNDSKAB, assessed_on=timezone.localdate()
        )
        for goal in goals
    ]
    youth = goals[0].placement.youth
    draft = certificate_draft_save(youth=youth, goals=assessed, by=caseworker)
    return certificate_issue(certificate=draft, issued_by=caseworker)
