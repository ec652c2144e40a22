import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from placements.models import Placement


def _post(client, name, placement, data=None):
    return client.post(reverse(f"placements:{name}", args=[placement.pk]), data or {}, follow=True)


def _status(placement) -> str:
    placement.refresh_from_db()
    return placement.status


def test_start_a_planned_placement(caseworker_client, placement):
    Placement.objects.filter(pk=placement.pk).update(status="planned")
    response = _post(caseworker_client, "start", placement)
    assert "Praktikken er startet." in response.content.decode()
    assert _status(placement) == "active"


def test_complete_keeps_an_agreed_end_date(caseworker_client, placement):
    response = _post(caseworker_client, "complete", placement)
    assert "Praktikken er afsluttet." in response.content.decode()
    assert _status(placement) == "completed"
    assert placement.ends_on == dt.date(2026, 12, 18)


def test_complete_without_end_date_ends_today(caseworker_client, placement):
    Placement.objects.filter(pk=placement.pk).update(ends_on=None, starts_on=dt.date(2026, 1, 5))
    _post(caseworker_client, "complete", placement)
    assert _status(placement) == "completed"
    assert placement.ends_on == timezone.localdate()


@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        ("active", "start", "Kun en planlagt praktik kan startes."),
        ("planned", "complete", "Kun en praktik, der er i gang, kan afsluttes."),
        ("completed", "complete", "Kun en praktik, der er i gang, kan afsluttes."),
    ],
)
def test_invalid_transitions_are_refused(caseworker_client, placement, status, action, message):
    Placement.objects.filter(pk=placement.pk).update(status=status)
    response = _post(caseworker_client, action, placement)
    assert message in response.content.decode()
    assert _status(placement) == status


def test_a_finished_placement_cannot_be_interrupted(caseworker_client, placement):
    Placement.objects.filter(pk=placement.pk).update(status="completed")
    response = caseworker_client.post(
        reverse("placements:interrupt", args=[placement.pk]),
        {"category": "other", "reason": "Fejl", "ends_on": "2026-03-01"},
    )
    assert response.context["form"].non_field_errors() == [
        "Kun en planlagt praktik eller en praktik i gang kan afbrydes."
    ]
    assert _status(placement) == "completed"


@pytest.mark.parametrize("action", ["start", "complete"])
def test_state_changes_need_post(caseworker_client, placement, action):
    assert (
        caseworker_client.get(reverse(f"placements:{action}", args=[placement.pk])).status_code
        == 405
    )


@pytest.mark.parametrize("action", ["start", "complete", "interrupt"])
def test_manager_cannot_change_state(manager_client, placement, action):
    response = manager_client.post(
        reverse(f"placements:{action}", args=[placement.pk]),
        {"category": "moved", "reason": "x", "ends_on": "2026-03-01"},
    )
    assert response.status_code == 403
    assert _status(placement) == "active"


@pytest.mark.parametrize("action", ["start", "complete", "interrupt"])
def test_other_organisation_gets_not_found(client, stranger, placement, action):
    client.force_login(stranger)
    response = client.post(
        reverse(f"placements:{action}", args=[placement.pk]),
        {"category": "moved", "reason": "x", "ends_on": "2026-03-01"},
    )
    assert response.status_code == 404
    assert _status(placement) == "active"
