"""The company page and the placement page (workspace:company_detail, placement_detail)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry
from companies.services import mentor_signin_link_create
from tests.factories import (
    FollowUpFactory,
    LearningGoalFactory,
    MentorFactory,
    PlacementFactory,
    ProgressEntryFactory,
    YouthFactory,
)


@pytest.fixture
def company(placement):
    return placement.company


def _company_url(company) -> str:
    return reverse("workspace:company_detail", args=[company.pk])


def _placement_url(placement) -> str:
    return reverse("workspace:placement_detail", args=[placement.pk])


def test_company_page_shows_details_mentors_and_placements(client, caseworker, placement, company):
    company.city, company.phone = "Herning", "97 12 34 56"
    company.save()
    mentor = placement.mentor
    mentor.name = "Lone Madsen"
    mentor.save()
    MentorFactory(company=company, name="Kim Berg")
    mentor_signin_link_create(mentor=mentor, by=caseworker)
    client.force_login(caseworker)
    page = client.get(_company_url(company)).content.decode()
    assert company.cvr in page and "Herning" in page and "97 12 34 56" in page
    assert "Lone Madsen" in page and "Login-link gælder til" in page
    assert "Kim Berg" in page and "Ikke inviteret endnu" in page
    assert placement.youth.full_name in page and "Virksomhedspraktik" in page
    assert "02.02.2026" in page and "18.12.2026" in page
    assert reverse("companies:mentor_create", args=[company.pk]) in page
    assert f"{reverse('placements:create')}?company={company.pk}" in page


def test_manager_sees_the_company_page_without_buttons(client, manager, company):
    client.force_login(manager)
    page = client.get(_company_url(company)).content.decode()
    assert company.name in page
    assert reverse("companies:edit", args=[company.pk]) not in page
    assert reverse("companies:deactivate", args=[company.pk]) not in page


def test_other_organisation_gets_not_found(client, stranger, placement, company):
    client.force_login(stranger)
    assert client.get(_company_url(company)).status_code == 404
    assert client.get(_placement_url(placement)).status_code == 404
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("fixture", ["mentor_user", "youth_user"])
def test_mentor_and_youth_use_their_own_pages(client, request, placement, company, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(_company_url(company)).status_code == 403
    assert client.get(_placement_url(placement)).status_code == 403


def test_placement_page_shows_agreements_goals_and_notes(client, caseworker, placement):
    FollowUpFactory(placement=placement, held_on=dt.date(2026, 3, 1), note="Første besøg.")
    FollowUpFactory(placement=placement, held_on=dt.date(2026, 4, 1), kind="phone", note="Opkald.")
    LearningGoalFactory(placement=placement, title="Kan fylde varer op")
    client.force_login(caseworker)
    page = client.get(_placement_url(placement)).content.decode()
    assert placement.youth.full_name in page and placement.company.name in page
    assert "Korte pauser hver time." in page and "Møder kl. 9" in page
    assert "Mentoren kan se disse aftaler." in page
    assert "Kan fylde varer op" in page
    assert page.index("Opkald.") < page.index("Første besøg.")
    assert reverse("placements:complete", args=[placement.pk]) in page
    assert reverse("placements:interrupt", args=[placement.pk]) in page
    assert reverse("mentor:invite", args=[placement.pk]) in page


def test_placement_page_writes_one_access_log_row(client, caseworker, placement):
    client.force_login(caseworker)
    client.get(_placement_url(placement))
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.youth_id, entry.organisation_id) == (
        caseworker,
        placement.youth_id,
        placement.organisation_id,
    )
    assert entry.purpose == "Sagsbehandling af den unges forløb"


def test_manager_reads_the_placement_page_without_buttons(client, manager, placement):
    FollowUpFactory(placement=placement, note="Følsomt notat.")
    client.force_login(manager)
    page = client.get(_placement_url(placement)).content.decode()
    assert "Følsomt notat." in page
    assert reverse("placements:edit", args=[placement.pk]) not in page
    assert reverse("placements:followup_create", args=[placement.pk]) not in page


def test_interrupted_placement_shows_the_reason(client, caseworker, placement):
    placement.status, placement.interruption_category = "interrupted", "moved"
    placement.interruption_reason = "Flyttet til Aarhus."
    placement.save()
    client.force_login(caseworker)
    page = client.get(_placement_url(placement)).content.decode()
    assert "Årsag til afbrydelse" in page and "Flyttede" in page
    assert "Uddybning" in page and "Flyttet til Aarhus." in page and "Afbrudt" in page
    assert reverse("placements:interrupt", args=[placement.pk]) not in page


def _grow(placement, caseworker, mentor_user, times: int) -> None:
    """More mentors, placements, goals, entries and notes on the same company and placement."""
    organisation = placement.organisation
    for _ in range(times):
        mentor = MentorFactory(company=placement.company)
        mentor_signin_link_create(mentor=mentor, by=caseworker)
        youth = YouthFactory(organisation=organisation, caseworker=caseworker)
        PlacementFactory(
            organisation=organisation, youth=youth, company=placement.company, mentor=mentor
        )
        goal = LearningGoalFactory(placement=placement)
        ProgressEntryFactory(goal=goal, author=mentor_user, observed_on=timezone.localdate())
        FollowUpFactory(placement=placement)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("page", ["company", "placement"])
def test_query_count_does_not_grow(client, caseworker, mentor_user, placement, page):
    url = _company_url(placement.company) if page == "company" else _placement_url(placement)
    client.force_login(caseworker)
    _grow(placement, caseworker, mentor_user, 1)
    few = _queries(client, url)
    _grow(placement, caseworker, mentor_user, 8)
    assert _queries(client, url) == few
