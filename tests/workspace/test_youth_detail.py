import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import AccessLogEntry
from goals.models import LearningGoal
from tests.factories import LearningGoalFactory, PlacementFactory, ProgressEntryFactory
from tests.workspace.conftest import issued_certificate

pytestmark = pytest.mark.django_db


def profile_url(youth) -> str:
    return reverse("workspace:youth_detail", args=[youth.pk])


def test_caseworker_sees_the_whole_profile(client, caseworker, youth, placement, mentor_user):
    youth.email = "ung@example.com"
    youth.save()
    goal = LearningGoalFactory(
        placement=placement, title="Kan betjene kasseapparatet", area="faglig", target_level=3
    )
    LearningGoalFactory(placement=placement, title="Kan bede om hjælp", area="social")
    ProgressEntryFactory(goal=goal, author=mentor_user, level=2, observed_on=dt.date(2026, 3, 2))
    certificate = issued_certificate(youth, [goal], "HER-2026-0007")
    client.force_login(caseworker)
    response = client.get(profile_url(youth))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert "Min drøm" in page and youth.dream in page
    assert youth.support_needs in page
    assert "ung@example.com" in page
    assert str(caseworker) in page
    assert placement.company.name in page
    assert reverse("workspace:placement_detail", args=[placement.pk]) in page
    assert "Faglige kompetencer" in page and "Sociale kompetencer" in page
    assert "Personlige kompetencer" not in page  # no goals in that area
    assert "Kan betjene kasseapparatet" in page
    assert reverse("goals:detail", args=[goal.pk]) in page
    assert "Mestring" in page  # the target, in words
    assert "Kundskab" in page and "02.03.2026" in page  # latest seen
    assert "Ikke set endnu" in page  # the social goal
    assert "HER-2026-0007" in page
    assert reverse("certificates:detail", args=[certificate.pk]) in page
    assert f"{reverse('placements:create')}?youth={youth.pk}" in page
    assert reverse("certificates:issue", args=[youth.pk]) in page
    assert reverse("youth:signin_link", args=[youth.pk]) in page
    assert reverse("youth:end", args=[youth.pk]) in page


def test_the_three_levels_are_shown_as_steps(client, caseworker, placement):
    goal = LearningGoalFactory(placement=placement, target_level=2)
    goal.assessed_level = 3
    goal.assessed_on = dt.date(2026, 5, 1)
    goal.save()
    client.force_login(caseworker)
    page = client.get(profile_url(placement.youth)).content.decode()
    assert page.count('class="step on"') == 2 + 3
    assert "Vurderet" in page and "01.05.2026" in page


def test_viewing_writes_one_access_log_row(client, caseworker, youth, placement):
    client.force_login(caseworker)
    client.get(profile_url(youth))
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.youth_id, entry.organisation_id) == (
        caseworker,
        youth.pk,
        youth.organisation_id,
    )
    assert entry.purpose == "Sagsbehandling af den unges forløb"


def test_manager_reads_without_action_buttons(client, manager, youth):
    client.force_login(manager)
    page = client.get(profile_url(youth)).content.decode()
    assert youth.dream in page and youth.support_needs in page
    assert reverse("youth:edit", args=[youth.pk]) not in page
    assert AccessLogEntry.objects.filter(user=manager).count() == 1


def test_other_organisation_gets_404_and_no_log(client, stranger, youth):
    client.force_login(stranger)
    assert client.get(profile_url(youth)).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_mentor_and_youth_are_refused(client, mentor_user, youth_user, youth, placement):
    client.force_login(mentor_user)
    assert client.get(profile_url(youth)).status_code == 403
    client.force_login(youth_user)
    assert client.get(profile_url(youth)).status_code == 403


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_placements_goals_and_entries(
    client, caseworker, make_youth_with_history, mentor_user
):
    client.force_login(caseworker)
    small_youth = make_youth_with_history(placements=1)
    big_youth = make_youth_with_history(placements=5)
    for goal in LearningGoal.objects.filter(placement__youth=big_youth):
        ProgressEntryFactory.create_batch(3, goal=goal, author=mentor_user)
    assert _queries(client, profile_url(big_youth)) == _queries(client, profile_url(small_youth))


def test_ended_course_shows_the_outcome_and_can_be_reopened(client, caseworker, organisation):
    youth = PlacementFactory(organisation=organisation).youth
    youth.caseworker = caseworker
    youth.status = "stopped"
    youth.ended_on = dt.date(2026, 4, 1)
    youth.outcome = "early_retirement"
    youth.outcome_note = "Bevilget i marts."
    youth.save()
    client.force_login(caseworker)
    page = client.get(profile_url(youth)).content.decode()
    assert "Stoppet den 01.04.2026." in page
    assert "Førtidspension" in page and "Bevilget i marts." in page
    assert reverse("youth:reopen", args=[youth.pk]) in page
    assert reverse("youth:end", args=[youth.pk]) not in page
