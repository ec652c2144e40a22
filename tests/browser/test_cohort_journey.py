"""The OCN journey in the browser: the caseworker submits a cohort, `kvalitet` returns one
youth, the caseworker corrects, `kvalitet` approves, `ocn` approves, the caseworker issues
the cohort, watches the progress (polled, no reload) to the end, downloads the merged PDF."""

import io
import threading
from types import SimpleNamespace

import pytest
from django.db import connection
from django.urls import reverse
from pypdf import PdfReader

from certificates import tasks
from certificates.services.cohorts import cohort_member_issue
from tests.browser.conftest import DESKTOP, sign_in
from tests.certificates.cohorts import cohort_with
from tests.factories import AwardingBodyFactory, CaseworkerFactory, ExternalAssurerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _issue_in_the_background(member_id: int, by_id: int) -> None:
    """Stands in for a worker: the task runs a moment later, in another thread."""

    def run():
        try:
            cohort_member_issue(member_id=member_id, by_id=by_id)
        finally:
            connection.close()

    threading.Timer(1.0, run).start()


def _sign_in_as_assurer(page, live_server, user):
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Brugernavn").fill(user.username)
    page.get_by_label("Adgangskode").fill("demo")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(live_server.url + reverse("assurance:list"))


def test_a_cohort_through_the_three_steps_and_issued(
    browser_page, live_server, organisation, caseworker, private_media, monkeypatch
):
    page = browser_page
    page.set_viewport_size(DESKTOP)
    body = AwardingBodyFactory()
    ocn = ExternalAssurerFactory(organisation=body, username="ocn")
    kvalitet = CaseworkerFactory(
        organisation=organisation, username="kvalitet", is_quality_assurer=True
    )
    cohort = cohort_with(organisation, body, [caseworker] * 3)
    cohort_url = live_server.url + reverse("cohorts:detail", args=[cohort.pk])
    monkeypatch.setattr(
        tasks, "cohort_certificate_issue_task", SimpleNamespace(delay=_issue_in_the_background)
    )

    # The caseworker submits; the sample is drawn.
    sign_in(page, live_server, caseworker)
    page.goto(cohort_url)
    page.get_by_role("button", name="Indsend til kvalitetssikring").click()
    page.get_by_text("Indsendt til intern kvalitetssikring").wait_for()
    sampled = cohort.members.get(internal_sampled=True)
    name = sampled.youth.full_name
    first_goal, *other_goals = sampled.certificate.goals.order_by("pk")

    # kvalitet returns one goal of the sampled youth.
    page.context.clear_cookies()
    sign_in(page, live_server, kvalitet)
    page.goto(cohort_url)
    page.get_by_role("link", name=name).click()
    page.locator(f"#id_decision_{first_goal.pk}_1").check()
    page.locator(f"#id_comment_{first_goal.pk}").fill("Evidensen mangler for niveauet.")
    for goal in other_goals:
        page.locator(f"#id_decision_{goal.pk}_0").check()
    page.get_by_role("button", name="Gem gennemgangen").click()
    page.get_by_text("Sendt retur til vejlederen").wait_for()

    # The caseworker reads the comment and approves again (step 1).
    page.context.clear_cookies()
    sign_in(page, live_server, caseworker)
    page.goto(cohort_url)
    page.get_by_role("link", name=name).click()
    page.get_by_text("Evidensen mangler for niveauet.").wait_for()
    page.get_by_role("button", name="Godkend mål, niveauer og evidens").click()
    page.get_by_text("Venter på gennemgang").wait_for()

    # kvalitet approves every goal: the cohort goes to the awarding body.
    page.context.clear_cookies()
    sign_in(page, live_server, kvalitet)
    page.goto(cohort_url)
    page.get_by_role("link", name=name).click()
    for goal in [first_goal, *other_goals]:
        page.locator(f"#id_decision_{goal.pk}_0").check()
    page.get_by_role("button", name="Gem gennemgangen").click()
    page.get_by_text("Hos det godkendende organ").wait_for()

    # ocn approves the cohort.
    page.context.clear_cookies()
    _sign_in_as_assurer(page, live_server, ocn)
    page.get_by_role("link", name=cohort.name).click()
    page.get_by_label("Godkend holdet").check()
    page.get_by_role("button", name="Gem afgørelsen").click()
    page.get_by_text("Godkendt").first.wait_for()

    # The caseworker issues and watches the progress to the end without reloading.
    page.context.clear_cookies()
    sign_in(page, live_server, caseworker)
    page.goto(cohort_url)
    page.get_by_role("button", name="Udsted holdets beviser").click()
    page.get_by_text("af 3 beviser færdige").wait_for()
    url_while_issuing = page.url
    page.get_by_text("3 af 3 beviser færdige").wait_for(timeout=60_000)
    assert page.url == url_while_issuing
    # The merged PDF is made in the background: ask for it, then download it from its page.
    page.get_by_role("link", name="Alle beviser i én PDF (til udskrift)").click()
    page.get_by_role("button", name="Lav filen").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hent").click()
    reader = PdfReader(io.BytesIO(download_info.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert text.count("Kvalitetssikret efter OCN-metoden") == 3
    for member in cohort.members.select_related("youth"):
        assert member.youth.full_name in text
