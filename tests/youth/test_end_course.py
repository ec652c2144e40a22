import datetime as dt

import pytest
from django.urls import reverse

from youth.models import Youth

pytestmark = pytest.mark.django_db


def end_url(youth) -> str:
    return reverse("youth:end", args=[youth.pk])


def test_caseworker_ends_the_course_with_an_education(client, caseworker, youth):
    client.force_login(caseworker)
    page = client.get(end_url(youth)).content.decode()
    assert "Afslut forløbet" in page and "Hvad skal den unge videre til?" in page
    response = client.post(
        end_url(youth),
        {
            "status": "completed",
            "ended_on": "30.06.2026",
            "outcome": "education",
            "education": "eud",
            "outcome_note": "Starter på smedeuddannelsen i august.",
        },
    )
    assert response.status_code == 302
    youth.refresh_from_db()
    assert youth.status == Youth.Status.COMPLETED
    assert youth.ended_on == dt.date(2026, 6, 30)
    assert youth.education == Youth.Education.EUD
    profile = client.get(response["Location"]).content.decode()
    assert "Forløbets afslutning" in profile
    assert "Uddannelse: EUD (erhvervsuddannelse)" in profile


def test_end_date_before_start_is_refused_and_nothing_saved(client, caseworker, youth):
    client.force_login(caseworker)
    response = client.post(
        end_url(youth),
        {"status": "stopped", "ended_on": "2025-12-01", "outcome": "public_benefits"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Slutdatoen kan ikke ligge før forløbets start (5. januar 2026)." in page
    assert 'id="error_1_id_ended_on"' in page  # shown next to the field
    assert 'value="public_benefits" selected' in page  # what was chosen is kept
    youth.refresh_from_db()
    assert youth.status == Youth.Status.ACTIVE and youth.ended_on is None


def test_education_without_kind_is_refused(client, caseworker, youth):
    client.force_login(caseworker)
    response = client.post(
        end_url(youth), {"status": "completed", "ended_on": "2026-06-30", "outcome": "education"}
    )
    assert "Vælg hvilken uddannelse." in response.content.decode()
    youth.refresh_from_db()
    assert youth.status == Youth.Status.ACTIVE


def test_kind_of_education_is_dropped_for_other_outcomes(client, caseworker, youth):
    client.force_login(caseworker)
    client.post(
        end_url(youth),
        {"status": "stopped", "ended_on": "2026-06-30", "outcome": "flex_job", "education": "hf"},
    )
    youth.refresh_from_db()
    assert youth.outcome == Youth.Outcome.FLEX_JOB and youth.education == ""


def test_reopen_after_a_mistake(client, caseworker, youth):
    client.force_login(caseworker)
    client.post(end_url(youth), {"status": "stopped", "ended_on": "2026-06-30", "outcome": "other"})
    response = client.post(reverse("youth:reopen", args=[youth.pk]))
    assert response.status_code == 302
    youth.refresh_from_db()
    assert (youth.status, youth.ended_on, youth.outcome) == (Youth.Status.ACTIVE, None, "")
    assert "Forløbet er aktivt igen." in client.get(response["Location"]).content.decode()


def test_reopen_needs_post(client, caseworker, youth):
    client.force_login(caseworker)
    assert client.get(reverse("youth:reopen", args=[youth.pk])).status_code == 405


def test_manager_may_not_end_or_reopen(client, manager, youth):
    client.force_login(manager)
    data = {"status": "stopped", "ended_on": "2026-06-30", "outcome": "other"}
    assert client.post(end_url(youth), data).status_code == 403
    assert client.post(reverse("youth:reopen", args=[youth.pk])).status_code == 403
    youth.refresh_from_db()
    assert youth.status == Youth.Status.ACTIVE


def test_other_organisation_cannot_end_the_course(client, stranger, youth):
    client.force_login(stranger)
    data = {"status": "stopped", "ended_on": "2026-06-30", "outcome": "other"}
    assert client.post(end_url(youth), data).status_code == 404
    assert client.post(reverse("youth:reopen", args=[youth.pk])).status_code == 404
