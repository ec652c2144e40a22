"""Sessions that end (issue 12, finding 1): revoking links, closing a mentor, ending a
youth's course and anonymisation end that person's open sessions at once; every session has
an absolute lifetime besides the idle timeout, shorter for a sign-in by link."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.middleware import SIGNED_IN_AT
from accounts.models import User
from accounts.services import signin_link_create, signin_link_revoke, signin_links_revoke_all
from companies.services import mentor_activate, mentor_deactivate
from goals.models import ProgressEntry
from placements.services import placement_complete
from privacy.anonymise import youth_anonymise
from tests.factories import LearningGoalFactory, PlacementFactory
from youth.models import Youth
from youth.services import youth_end_course

pytestmark = pytest.mark.django_db

ME = "/min-side/"


def _signed_in_by_link(user: User) -> tuple[Client, object]:
    link, path = signin_link_create(user=user, created_by=None)
    client = Client()
    assert client.post(path).status_code == 302
    return client, link


def _refused(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_revoking_a_youths_links_ends_the_open_session(youth_user):
    client, _link = _signed_in_by_link(youth_user)
    assert client.get(ME).status_code == 200
    signin_links_revoke_all(user=youth_user)
    assert _refused(client.get(ME))


def test_revoking_the_link_used_to_sign_in_ends_the_session(youth_user, caseworker):
    client, link = _signed_in_by_link(youth_user)
    signin_link_revoke(link=link, by=caseworker)
    assert _refused(client.get(ME))


def test_revoking_through_the_caseworkers_page_ends_the_youths_session(
    caseworker_client, youth, youth_user
):
    youth_client, link = _signed_in_by_link(youth_user)
    url = reverse("youth:signin_link_revoke", kwargs={"pk": youth.pk, "link_pk": link.pk})
    assert caseworker_client.post(url).status_code == 302
    assert _refused(youth_client.get(ME))


def test_a_deactivated_mentor_is_signed_out_and_cannot_log_progress(
    placement, mentor_user, caseworker
):
    goal = LearningGoalFactory(placement=placement)
    client, _link = _signed_in_by_link(mentor_user)
    page = reverse("mentor:placement", kwargs={"pk": placement.pk})
    assert client.get(page).status_code == 200
    placement_complete(placement=placement, by=caseworker)
    mentor_deactivate(mentor=mentor_user.mentor_profile, by=caseworker)

    mentor_user.refresh_from_db()
    assert not mentor_user.is_active
    assert _refused(client.get(page))
    before = ProgressEntry.objects.count()
    response = client.post(
        reverse("mentor:log", kwargs={"goal_pk": goal.pk}),
        {"observed_level": 1, "observed_on": timezone.localdate().isoformat(), "note": "x"},
    )
    assert _refused(response)
    assert ProgressEntry.objects.count() == before


def test_a_reactivated_mentor_can_sign_in_with_a_new_link(placement, mentor_user, caseworker):
    placement_complete(placement=placement, by=caseworker)
    mentor_deactivate(mentor=mentor_user.mentor_profile, by=caseworker)
    mentor_activate(mentor=mentor_user.mentor_profile, by=caseworker)
    client, _link = _signed_in_by_link(mentor_user)
    assert client.get(reverse("mentor:home")).status_code == 200


def test_ending_the_course_ends_the_youths_session(youth, youth_user, caseworker):
    client, _link = _signed_in_by_link(youth_user)
    youth_end_course(
        youth=youth,
        by=caseworker,
        status=Youth.Status.COMPLETED,
        ended_on=timezone.localdate(),
        outcome=Youth.Outcome.ORDINARY_JOB,
    )
    assert _refused(client.get(ME))


def test_anonymisation_ends_the_youths_session(youth, youth_user, caseworker):
    client, _link = _signed_in_by_link(youth_user)
    youth_anonymise(youth=youth, by=None)
    assert _refused(client.get(ME))


def test_ending_one_persons_sessions_leaves_others_signed_in(caseworker_client, youth_user):
    signin_links_revoke_all(user=youth_user)
    assert caseworker_client.get(reverse("workspace:dashboard")).status_code == 200


def _age_session(client: Client, seconds: int) -> None:
    session = client.session
    session[SIGNED_IN_AT] = timezone.now().timestamp() - seconds
    session.save()


def test_staff_sessions_end_after_the_absolute_lifetime(client, caseworker):
    assert settings.SESSION_MAX_SECONDS == 12 * 60 * 60
    client.post("/log-ind/", {"username": "sagsbehandler", "password": "demo"})
    dashboard = reverse("workspace:dashboard")
    _age_session(client, settings.SESSION_MAX_SECONDS - 60)
    assert client.get(dashboard).status_code == 200  # active all day: still signed in
    _age_session(client, settings.SESSION_MAX_SECONDS + 1)
    assert _refused(client.get(dashboard))


def test_link_sessions_have_a_shorter_absolute_lifetime(youth_user):
    assert settings.SESSION_LINK_MAX_SECONDS < settings.SESSION_MAX_SECONDS
    client, _link = _signed_in_by_link(youth_user)
    _age_session(client, settings.SESSION_LINK_MAX_SECONDS - 60)
    assert client.get(ME).status_code == 200
    _age_session(client, settings.SESSION_LINK_MAX_SECONDS + 1)
    assert _refused(client.get(ME))


def test_a_mentor_on_another_running_placement_keeps_the_session_when_one_ends(
    placement, mentor_user, caseworker
):
    """Completing a placement is not the end of the mentor's access (grace period)."""
    other = PlacementFactory(
        organisation=placement.organisation,
        youth=placement.youth,
        company=placement.company,
        mentor=placement.mentor,
    )
    client, _link = _signed_in_by_link(mentor_user)
    placement_complete(placement=placement, by=caseworker)
    assert client.get(reverse("mentor:placement", kwargs={"pk": other.pk})).status_code == 200
