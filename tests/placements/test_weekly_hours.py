import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from placements.models import WeeklyHours
from placements.services import week_start
from tests.factories import MentorUserFactory, PlacementFactory


@pytest.fixture
def running(placement):
    """The placement started eight weeks ago and ends in eight weeks, 15 hours a week."""
    today = timezone.localdate()
    placement.starts_on = today - dt.timedelta(weeks=8)
    placement.ends_on = today + dt.timedelta(weeks=8)
    placement.save()
    return placement


def _url(placement) -> str:
    return reverse("placements:hours_record", args=[placement.pk])


def _week(weeks_ago: int) -> str:
    return (timezone.localdate() - dt.timedelta(weeks=weeks_ago)).isoformat()


def _post(client, placement, **data):
    fields = {
        "week": _week(1),
        "attendance": "fewer_days",
        "hours_worked": "9",
        "days_attended": "2",
        "days_planned": "3",
    }
    return client.post(_url(placement), fields | data)


def test_caseworker_records_a_week_from_the_placement_page(caseworker_client, running):
    page = caseworker_client.get(reverse("workspace:placement_detail", args=[running.pk]))
    assert "Timer og fremmøde" in page.content.decode()
    response = _post(caseworker_client, running)
    assert response.status_code == 302
    entry = WeeklyHours.objects.get()
    assert entry.week_starts_on == week_start(timezone.localdate() - dt.timedelta(weeks=1))
    assert (entry.hours_worked, entry.days_attended, entry.days_planned) == (Decimal(9), 2, 3)


def test_mentor_records_attended_as_agreed_with_one_tap(client, mentor_user, running):
    client.force_login(mentor_user)
    page = client.get(reverse("mentor:placement", args=[running.pk])).content.decode()
    assert "Mødt som aftalt" in page and "Færre dage" in page and "Ikke mødt" in page
    response = _post(client, running, attendance="as_agreed", days_attended="0")
    assert response.url == reverse("mentor:placement", args=[running.pk]) + f"#hours-{running.pk}"
    entry = WeeklyHours.objects.get()
    assert (entry.author, entry.days_attended, entry.days_planned) == (mentor_user, 3, 3)


def test_mentor_of_another_placement_gets_404(client, organisation, running):
    other_mentor = MentorUserFactory(organisation=organisation)
    client.force_login(other_mentor)
    assert _post(client, running).status_code == 404
    assert not WeeklyHours.objects.exists()


def test_manager_and_youth_may_not_record(manager_client, running, client, youth_user):
    assert _post(manager_client, running).status_code == 403
    client.force_login(youth_user)
    assert _post(client, running).status_code == 403
    assert not WeeklyHours.objects.exists()


def test_caseworker_of_another_organisation_gets_404(client, stranger, running):
    client.force_login(stranger)
    assert _post(client, running).status_code == 404


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"hours_worked": "30.5"}, "hours_worked", "mere end dobbelt så mange"),
        ({"week": _week(20)}, "week", "Ugen ligger uden for praktikken"),
        ({"week": _week(-1)}, "week", "Ugen er ikke begyndt endnu"),
    ],
)
def test_refusals_in_danish_next_to_the_field(caseworker_client, running, data, field, message):
    response = _post(caseworker_client, running, **data)
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert message in response.content.decode()
    assert not WeeklyHours.objects.exists()


def test_thirty_hours_is_allowed_at_fifteen_planned(caseworker_client, running):
    assert _post(caseworker_client, running, hours_worked="30").status_code == 302


def test_a_correction_is_a_new_entry_and_the_newest_counts(caseworker_client, running):
    _post(caseworker_client, running, hours_worked="9")
    _post(caseworker_client, running, hours_worked="12", days_attended="3")
    assert WeeklyHours.objects.count() == 2
    page = caseworker_client.get(reverse("workspace:placement_detail", args=[running.pk]))
    weeks = page.context["weeks"]
    assert [(w.hours_worked, w.days_attended) for w in weeks] == [(Decimal(12), 3)]


def test_mentor_cannot_record_on_a_placement_of_another_company(client, running, organisation):
    placement = PlacementFactory(organisation=organisation)
    mentor = MentorUserFactory(organisation=organisation, mentor=placement.mentor)
    client.force_login(mentor)
    assert _post(client, running).status_code == 404


def test_mentor_cannot_record_after_the_placement_has_ended(client, mentor_user, running):
    running.status = "completed"
    running.starts_on = timezone.localdate() - dt.timedelta(weeks=30)
    running.ends_on = timezone.localdate() - dt.timedelta(weeks=20)
    running.save()
    client.force_login(mentor_user)
    response = _post(client, running, week=_week(21))
    assert response.status_code == 400
    assert "Praktikken er ikke i gang." in response.content.decode()
    assert not WeeklyHours.objects.exists()
