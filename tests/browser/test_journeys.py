"""The five main journeys in a real browser, with axe-core on every page they pass.

Journey 1 builds everything through the user interface. Journeys 2-5 start from data made
with factories and services, so that each can run alone; their own steps go through the
browser. Screenshots of every step land in build/screenshots/<journey>-<step>.png.
"""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.services import signin_link_create
from certificates.models import Certificate
from goals.models import Level, ProgressEntry
from placements.models import Placement
from tests.browser.accessibility import scrolls_sideways, step
from tests.browser.conftest import DESKTOP, JOURNEY_GOALS, sign_in, sign_in_by_link
from tests.factories import GoalTemplateFactory, ProgressEntryFactory
from youth.models import Youth
from youth.services import youth_signin_link_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def accept_confirm(page):
    """The next "Are you sure?" question (data-confirm) is answered yes."""
    page.once("dialog", lambda dialog: dialog.accept())


@pytest.fixture
def desktop_page(browser_page):
    browser_page.set_viewport_size(DESKTOP)
    return browser_page


def test_1_caseworker_sets_up_a_youth_company_placement_and_goals(
    desktop_page, live_server, caseworker
):
    page = desktop_page
    for title in JOURNEY_GOALS:
        GoalTemplateFactory(organisation=caseworker.organisation, title=title)
    today = timezone.localdate()

    page.goto(live_server.url + reverse("accounts:login"))
    step(page, "1", "01-sign-in")
    sign_in(page, live_server, caseworker)
    step(page, "1", "02-overview")

    page.get_by_role("link", name="Unge", exact=True).click()
    step(page, "1", "03-youth-list")
    page.get_by_role("link", name="Opret en ung").click()
    page.get_by_label("Fornavn").fill("Sofie")
    page.get_by_label("Efternavn").fill("Jensen")
    page.get_by_label("Fødselsdato").fill("2008-05-14")
    page.get_by_label("Forløbets start").fill(today.isoformat())
    page.get_by_label("Min drøm").fill("Jeg vil gerne arbejde i en butik og have min egen løn.")
    step(page, "1", "04-youth-form")
    page.get_by_role("button", name="Opret", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sofie Jensen")
    expect(page.get_by_text("Jeg vil gerne arbejde i en butik")).to_be_visible()
    step(page, "1", "05-youth-profile")

    page.get_by_role("link", name="Virksomheder", exact=True).click()
    step(page, "1", "06-company-list")
    page.get_by_role("link", name="Tilføj virksomhed").click()
    page.get_by_label("Navn").fill("Brugsen Herning")
    page.get_by_label("CVR-nummer").fill("29189609")
    page.get_by_label("Branche").select_option(index=1)
    step(page, "1", "07-company-form")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Brugsen Herning")
    page.get_by_role("link", name="Tilføj mentor").click()
    page.get_by_label("Navn").fill("Lone Madsen")
    page.get_by_label("Stilling").fill("Butiksleder")
    page.get_by_label("E-mail").fill("lone@example.com")
    step(page, "1", "08-mentor-form")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Lone Madsen").first).to_be_visible()
    step(page, "1", "09-company")

    page.get_by_role("link", name="Unge", exact=True).click()
    page.get_by_role("link", name="Sofie Jensen").click()
    page.get_by_role("link", name="Ny praktik").click()
    # Choosing the company reloads the mentor list with that company's mentors (htmx).
    with page.expect_response(lambda response: "/praktikker/ny/" in response.url):
        page.get_by_label("Virksomhed").select_option(label="Brugsen Herning")
    page.get_by_label("Mentor").select_option(label="Lone Madsen (Brugsen Herning)")
    page.get_by_label("Type").select_option("virksomhedspraktik")
    page.get_by_label("Startdato").fill(today.isoformat())
    page.get_by_label("Slutdato").fill((today + dt.timedelta(days=90)).isoformat())
    page.get_by_label("Timer om ugen").fill("15")
    page.get_by_label("Aftalte skånehensyn").fill("Korte pauser. Én opgave ad gangen.")
    step(page, "1", "10-placement-form")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sofie Jensen hos Brugsen Herning")
    step(page, "1", "11-placement")

    page.get_by_role("link", name="Tilføj mål").click()
    step(page, "1", "12-goal-catalogue")
    for title in JOURNEY_GOALS:
        page.get_by_label(title).check()
    page.get_by_role("button", name="Tilføj de valgte mål").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sofie Jensen hos Brugsen Herning")
    for title in JOURNEY_GOALS:
        expect(page.get_by_role("link", name=title, exact=True)).to_be_visible()
    step(page, "1", "13-placement-with-goals")

    youth = Youth.objects.get(first_name="Sofie", last_name="Jensen")
    assert youth.dream.startswith("Jeg vil gerne arbejde i en butik")
    placement = Placement.objects.get(youth=youth)
    assert placement.company.name == "Brugsen Herning"
    assert placement.mentor.name == "Lone Madsen"
    assert sorted(g.title for g in placement.goals.all()) == sorted(JOURNEY_GOALS)
    assert all(g.template_id for g in placement.goals.all()), "goals come from the catalogue"


def test_2_mentor_logs_progress_on_a_phone(
    browser_page, live_server, goals, mentor_user, caseworker
):
    page = browser_page
    youth = goals[0].placement.youth
    _link, path = signin_link_create(user=mentor_user, created_by=caseworker)

    page.goto(live_server.url + path)
    step(page, "2", "01-link")
    sign_in_by_link(page, live_server, path)
    expect(page).to_have_url(live_server.url + reverse("mentor:home"))
    step(page, "2", "02-trainees")
    # The big button on the trainee's card, as a mentor taps it.
    card = page.locator("article.mentor-placement", has_text=youth.first_name)
    card.get_by_role("link", name="Skriv hvordan det går").click()
    step(page, "2", "03-goals")

    for goal, level, note in (
        (goals[0], "Kundskab", "Kom til tiden alle dage i denne uge."),
        (goals[1], "Kendskab", "Satte mælk på plads med lidt hjælp."),
    ):
        card = page.locator(f"#goal-{goal.pk}")
        card.get_by_label("Kort notat (kan udelades)").fill(note)
        card.get_by_role("button", name=level).click()
        expect(card.get_by_text("Gemt. Tak!")).to_be_visible()
        expect(card.get_by_text(note)).to_be_visible()
    step(page, "2", "04-logged")

    assert not scrolls_sideways(page), "the mentor's page scrolls sideways on a phone"
    entries = ProgressEntry.objects.order_by("goal_id")
    assert [(e.goal_id, e.level, e.author_id) for e in entries] == [
        (goals[0].pk, Level.KUNDSKAB, mentor_user.pk),
        (goals[1].pk, Level.KENDSKAB, mentor_user.pk),
    ]


def test_3_caseworker_assesses_previews_and_issues(
    desktop_page, live_server, goals, mentor_user, caseworker, private_media
):
    page = desktop_page
    placement = goals[0].placement
    youth = placement.youth
    for goal in goals:
        ProgressEntryFactory(goal=goal, level=Level.KUNDSKAB, author=mentor_user)

    sign_in(page, live_server, caseworker)
    # The overview fetches My tasks after it has loaded: the goals with entries are one.
    task = f"{youth.full_name} · {placement.company.name}: {len(goals)} mål"
    expect(page.get_by_role("link", name=task)).to_be_visible()
    step(page, "3", "00-overview")
    page.get_by_role("link", name="Unge", exact=True).click()
    page.get_by_role("link", name=youth.full_name).click()
    step(page, "3", "01-youth-profile")
    page.get_by_role("link", name=placement.company.name).click()
    step(page, "3", "02-placement")
    for number, goal in enumerate(goals, start=1):
        page.get_by_role("link", name=re.compile(rf"^Vurdér\W+{re.escape(goal.title)}$")).click()
        page.get_by_label("Kundskab").check()
        if number == 1:
            step(page, "3", "03-assess")
        page.get_by_role("button", name="Gem vurdering").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(goal.title)
        page.get_by_role("link", name=f"{youth.full_name} · {placement.company.name}").click()
    step(page, "3", "04-assessed")

    page.get_by_role("link", name=youth.full_name).first.click()
    page.get_by_role("link", name="Udsted bevis").click()
    for goal in goals:
        expect(page.get_by_role("checkbox", name=re.compile(re.escape(goal.title)))).to_be_checked()
    step(page, "3", "05-choose-goals")
    page.get_by_role("button", name="Gem og se kladden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kladde til bevis")
    step(page, "3", "06-draft")

    preview = page.get_by_role("link", name="Se kladden som PDF")
    response = page.request.get(live_server.url + preview.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.body())
    assert youth.full_name in text
    assert all(goal.title in text for goal in goals)

    accept_confirm(page)
    page.get_by_role("button", name="Udsted bevis").click()
    certificate = Certificate.objects.get(youth=youth)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bevis {certificate.number}")
    step(page, "3", "07-issued")
    assert certificate.status == Certificate.Status.ISSUED
    assert set(certificate.goals.all()) == set(goals)


def test_4_youth_sees_goals_and_downloads_the_certificate(
    browser_page, live_server, issued_certificate, youth_user, caseworker
):
    page = browser_page
    youth = issued_certificate.youth
    _link, path = youth_signin_link_create(youth=youth, by=caseworker)

    sign_in_by_link(page, live_server, path)
    expect(page).to_have_url(live_server.url + reverse("me:home"))
    expect(page.get_by_text(youth.dream)).to_be_visible()
    for title in JOURNEY_GOALS:
        expect(page.get_by_text(title)).to_be_visible()
    # The three levels in plain words.
    expect(page.get_by_text("Du kender opgaven og laver den med hjælp.")).to_be_visible()
    expect(page.get_by_text("Du laver en del af opgaven selv.")).to_be_visible()
    expect(
        page.get_by_text("Du klarer opgaven selv. Også når der sker noget uventet.")
    ).to_be_visible()
    step(page, "4", "01-my-page")
    assert not scrolls_sideways(page)

    # The certificates come first on the young person's page, with the download button.
    expect(page.get_by_role("heading", name="Mine beviser")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Hent {issued_certificate.number}").click()
    text = pdf_text(download_info.value.path().read_bytes())
    assert youth.full_name in text
    assert all(title in text for title in JOURNEY_GOALS)


def test_5_anyone_verifies_and_sees_the_revocation(
    browser_page, chromium, live_server, issued_certificate, caseworker
):
    page = browser_page
    verify_path = reverse("verify:detail", args=[issued_certificate.snapshot["verification_code"]])
    assert issued_certificate.snapshot["verification_url"].endswith(verify_path)

    page.goto(live_server.url + verify_path)
    expect(page.get_by_role("status")).to_contain_text("Gyldigt.")
    expect(page.get_by_text(issued_certificate.youth.full_name)).to_be_visible()
    step(page, "5", "01-valid")

    office = chromium.new_context(viewport=DESKTOP, locale="da-DK").new_page()
    try:
        sign_in(office, live_server, caseworker)
        office.get_by_role("link", name="Beviser", exact=True).click()
        office.get_by_role("link", name=issued_certificate.number, exact=True).click()
        office.get_by_label("Hvorfor tilbagekaldes beviset?").fill("Udstedt til den forkerte.")
        step(office, "5", "02-revoke")
        accept_confirm(office)
        office.get_by_role("button", name="Træk tilbage").click()
        expect(office.get_by_text("Udstedt til den forkerte.")).to_be_visible()
        step(office, "5", "03-revoked")
    finally:
        office.context.close()

    page.reload()
    expect(page.get_by_role("status")).to_contain_text("Tilbagekaldt.")
    step(page, "5", "04-verify-revoked")


def pdf_text(pdf: bytes) -> str:
    """The PDF's text with whitespace collapsed, as a search in a PDF reader would see it."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())
