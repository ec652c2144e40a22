import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from goals.models import ProgressEntry
from tests.factories import (
    FollowUpFactory,
    LearningGoalFactory,
    PlacementFactory,
    ProgressEntryFactory,
    YouthFactory,
)
from tests.workspace.conftest import issued_certificate

pytestmark = pytest.mark.django_db
URL = reverse("workspace:dashboard")


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def section(page: str, heading_id: str) -> str:
    """The text of one dashboard card, from its heading to the next section."""
    start = page.index(f'id="{heading_id}"')
    return page[start : page.find("</section>", start)]


def test_caseworker_sees_own_active_youth_and_manager_the_organisations(
    client, caseworker, colleague, manager, organisation, other_organisation
):
    mine = YouthFactory(organisation=organisation, caseworker=caseworker)
    theirs = YouthFactory(organisation=organisation, caseworker=colleague)
    foreign = YouthFactory(organisation=other_organisation)
    client.force_login(caseworker)
    page = client.get(URL).content.decode()
    assert "Min oversigt" in page
    assert mine.full_name in section(page, "active-youth")
    assert theirs.full_name not in page
    assert reverse("workspace:youth_detail", args=[mine.pk]) in page
    client.force_login(manager)
    page = client.get(URL).content.decode()
    assert "Oversigt over organisationen" in page
    assert mine.full_name in page and theirs.full_name in page
    assert foreign.full_name not in page


def test_placements_starting_or_ending_soon(client, caseworker, youth):
    starting = PlacementFactory(
        organisation=youth.organisation,
        youth=youth,
        status="planned",
        starts_on=days(3),
        ends_on=None,
    )
    ending = PlacementFactory(
        organisation=youth.organisation, youth=youth, starts_on=days(-60), ends_on=days(10)
    )
    later = PlacementFactory(
        organisation=youth.organisation,
        youth=youth,
        status="planned",
        starts_on=days(30),
        ends_on=None,
    )
    client.force_login(caseworker)
    soon = section(client.get(URL).content.decode(), "placements-soon")
    assert f"Starter {days(3):%d.%m.%Y}" in soon
    assert f"Slutter {days(10):%d.%m.%Y}" in soon
    assert reverse("workspace:placement_detail", args=[starting.pk]) in soon
    assert reverse("workspace:placement_detail", args=[ending.pk]) in soon
    assert reverse("workspace:placement_detail", args=[later.pk]) not in soon


def test_withdrawn_entries_are_not_news(client, caseworker, placement, mentor_user):
    goal = LearningGoalFactory(placement=placement, title="Kan rydde op")
    entry = ProgressEntryFactory(goal=goal, author=mentor_user)
    ProgressEntry.objects.filter(pk=entry.pk).update(withdrawn_at=timezone.now())
    client.force_login(caseworker)
    assert "Kan rydde op" not in client.get(URL).content.decode()


def test_active_placements_without_follow_up_for_14_days(client, caseworker, youth):
    quiet = PlacementFactory(
        organisation=youth.organisation, youth=youth, starts_on=days(-40), ends_on=None
    )
    FollowUpFactory(placement=quiet, held_on=days(-20))
    never = PlacementFactory(
        organisation=youth.organisation, youth=youth, starts_on=days(-30), ends_on=None
    )
    fresh = PlacementFactory(
        organisation=youth.organisation, youth=youth, starts_on=days(-40), ends_on=None
    )
    FollowUpFactory(placement=fresh, held_on=days(-3))
    new = PlacementFactory(
        organisation=youth.organisation, youth=youth, starts_on=days(-5), ends_on=None
    )
    client.force_login(caseworker)
    missing = section(client.get(URL).content.decode(), "no-follow-up")
    assert f"Sidste opfølgning {days(-20):%d.%m.%Y}" in missing
    assert "Ingen opfølgning endnu" in missing
    assert reverse("workspace:placement_detail", args=[quiet.pk]) in missing
    assert reverse("workspace:placement_detail", args=[never.pk]) in missing
    assert reverse("workspace:placement_detail", args=[fresh.pk]) not in missing
    assert reverse("workspace:placement_detail", args=[new.pk]) not in missing


def test_youth_with_assessed_goals_not_on_a_certificate(
    client, caseworker, placement, organisation
):
    waiting = LearningGoalFactory(placement=placement, assessed_level=2, assessed_on=days(-1))
    LearningGoalFactory(placement=placement)  # not assessed
    done_youth = YouthFactory(organisation=organisation, caseworker=caseworker)
    done_goal = LearningGoalFactory(
        placement=PlacementFactory(organisation=organisation, youth=done_youth),
        assessed_level=3,
        assessed_on=days(-1),
    )
    issued_certificate(done_youth, [done_goal], "HER-2026-0001")
    client.force_login(caseworker)
    ready = section(client.get(URL).content.decode(), "to-certify")
    assert placement.youth.full_name in ready
    assert "1 vurderet mål" in ready
    assert done_youth.full_name not in ready
    assert waiting.title not in ready


def test_mentor_and_youth_cannot_see_the_dashboard(client, mentor_user, youth_user):
    client.force_login(mentor_user)
    assert client.get(URL).status_code == 403
    client.force_login(youth_user)
    assert client.get(URL).status_code == 403


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


@pytest.mark.parametrize("user_fixture", ["caseworker", "manager"])
def test_query_count_does_not_grow_with_rows(
    client, request, user_fixture, make_youth_with_history, mentor_user
):
    user = request.getfixturevalue(user_fixture)
    client.force_login(user)
    make_youth_with_history()
    user.progress_seen_at = None
    user.save()
    small = _queries(client)
    for _ in range(6):
        make_youth_with_history(placements=2)
    user.progress_seen_at = None
    user.save()
    big = _queries(client)
    assert big == small
