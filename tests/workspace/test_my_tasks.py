"""My tasks: each kind appears when there is work and disappears when done. The overview
fetches them from their own address after it has loaded (htmx)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry
from accounts.services import signin_link_create
from certificates.models import Certificate
from certificates.services.cohorts import (
    cohort_member_guide_approve,
    cohort_member_review,
    cohort_submit,
)
from certificates.services.issuing import certificate_draft_discard
from goals.models import Level
from goals.services.goals import placement_goals_assess
from placements.models import Placement
from placements.services import followup_create, placement_create, placement_start, placement_update
from tests.certificates.cohorts import cohort_with
from tests.factories import (
    AwardingBodyFactory,
    CaseworkerFactory,
    LearningGoalFactory,
    PlacementFactory,
    ProgressEntryFactory,
    YouthFactory,
)


def tasks(client) -> str:
    """The task list as the overview swaps it in."""
    response = client.get(reverse("workspace:my_tasks"), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page, "htmx gets the list alone"
    start = page.index('id="my-tasks-heading"')
    return page[start : page.index("</section>", start)]


def test_the_overview_fetches_the_tasks_and_links_to_them_without_javascript(
    caseworker_client, running
):
    running.next_follow_up_on = timezone.localdate()
    running.save()
    page = caseworker_client.get(reverse("workspace:dashboard")).content.decode()
    url = reverse("workspace:my_tasks")
    assert f'data-hx-get="{url}" data-hx-trigger="load"' in page
    assert f'<a href="{url}">Vis mine opgaver</a>' in page
    assert "Opfølgninger, der skal laves" not in page, "the overview does not count them"
    response = caseworker_client.get(url)
    assert "HX-Request" in response["Vary"]
    full = response.content.decode()
    assert "<html" in full and "Tilbage til oversigten" in full
    assert "Opfølgninger, der skal laves" in full


def test_the_tasks_are_access_logged_for_every_youth_they_name(
    caseworker_client, caseworker, running
):
    running.next_follow_up_on = timezone.localdate()
    running.save()
    tasks(caseworker_client)
    row = AccessLogEntry.objects.get(user=caseworker, what="Mine opgaver")
    assert (row.youth_id, row.organisation_id) == (running.youth_id, running.organisation_id)


@pytest.fixture
def running(placement):
    """The shared placement, started a month ago; the mentor has no sign-in link yet."""
    today = timezone.localdate()
    placement.starts_on = today - dt.timedelta(days=30)
    placement.ends_on = today + dt.timedelta(days=60)
    placement.status = Placement.Status.ACTIVE
    placement.next_follow_up_on = today + dt.timedelta(days=3)
    placement.save()
    return placement


def test_a_new_placement_plans_its_first_follow_up_one_interval_after_the_start(
    youth, company, mentor, caseworker
):
    start = timezone.localdate()
    placement = placement_create(
        youth=youth,
        company=company,
        mentor=mentor,
        kind=Placement.Kind.INTERNSHIP,
        starts_on=start,
        ends_on=None,
        hours_per_week=10,
        follow_up_interval_days=21,
        by=caseworker,
    )
    assert placement.next_follow_up_on == start + dt.timedelta(days=21)


def test_follow_up_due_appears_and_a_note_makes_it_disappear(
    caseworker_client, caseworker, running
):
    assert "Opfølgninger, der skal laves" not in tasks(caseworker_client)
    today = timezone.localdate()
    running.next_follow_up_on = today - dt.timedelta(days=1)
    running.save()
    shown = tasks(caseworker_client)
    assert "Opfølgninger, der skal laves" in shown
    assert reverse("placements:followup_create", args=[running.pk]) in shown

    followup_create(placement=running, author=caseworker, held_on=today, kind="visit", note="Godt")
    running.refresh_from_db()
    assert running.next_follow_up_on == today + dt.timedelta(days=14)
    assert "Opfølgninger, der skal laves" not in tasks(caseworker_client)


def test_placement_to_start_appears_until_it_is_started(caseworker_client, caseworker, youth):
    planned = PlacementFactory(
        organisation=youth.organisation,
        youth=youth,
        status=Placement.Status.PLANNED,
        starts_on=timezone.localdate() + dt.timedelta(days=2),
    )
    assert "Praktikker, der skal startes" in tasks(caseworker_client)
    placement_start(placement=planned, by=caseworker)
    assert "Praktikker, der skal startes" not in tasks(caseworker_client)


def test_placement_ending_soon_appears(caseworker_client, running):
    running.ends_on = timezone.localdate() + dt.timedelta(days=5)
    running.save()
    shown = tasks(caseworker_client)
    assert "Praktikker, der slutter" in shown and running.company.name in shown


def test_goals_with_entries_appear_until_assessed(
    caseworker_client, caseworker, running, mentor_user
):
    goal = LearningGoalFactory(placement=running)
    LearningGoalFactory(placement=running)  # nothing logged: no task
    assert "Mål med notater" not in tasks(caseworker_client)
    ProgressEntryFactory(goal=goal, level=Level.KUNDSKAB, author=mentor_user)
    shown = tasks(caseworker_client)
    assert ": 1 mål" in shown
    assert reverse("goals:assess_placement", args=[running.pk]) in shown
    placement_goals_assess(
        placement=running, levels={goal.pk: 2}, assessed_on=timezone.localdate(), by=caseworker
    )
    assert "Mål med notater" not in tasks(caseworker_client)


def test_drafts_appear_until_issued_or_discarded(caseworker_client, caseworker, youth):
    draft = Certificate.objects.create(organisation=youth.organisation, youth=youth)
    shown = tasks(caseworker_client)
    assert "Kladder til beviser" in shown
    assert reverse("certificates:detail", args=[draft.pk]) in shown
    certificate_draft_discard(certificate=draft, by=caseworker)
    assert "Kladder til beviser" not in tasks(caseworker_client)


def test_expiring_mentor_link_appears_until_a_new_link_is_made(
    caseworker_client, caseworker, running, mentor_user
):
    signin_link_create(user=mentor_user, created_by=caseworker, days=3)
    shown = tasks(caseworker_client)
    assert "Mentorers login-links" in shown
    assert reverse("mentor:invite", args=[running.pk]) in shown
    signin_link_create(user=mentor_user, created_by=caseworker, days=30)
    assert "Mentorers login-links" not in tasks(caseworker_client)


def test_a_colleagues_youth_gives_me_no_tasks(caseworker_client, colleague, organisation):
    youth = YouthFactory(organisation=organisation, caseworker=colleague)
    PlacementFactory(
        organisation=organisation,
        youth=youth,
        status=Placement.Status.PLANNED,
        starts_on=timezone.localdate(),
    )
    assert "Der er ikke noget, der venter på dig lige nu." in tasks(caseworker_client)


def test_managers_see_no_task_list(manager_client):
    assert (
        "my-tasks-heading"
        not in manager_client.get(reverse("workspace:dashboard")).content.decode()
    )
    assert manager_client.get(reverse("workspace:my_tasks")).status_code == 403


def _make_work(organisation, caseworker, mentor_user, count):
    today = timezone.localdate()
    for _ in range(count):
        youth = YouthFactory(organisation=organisation, caseworker=caseworker)
        placement = PlacementFactory(
            organisation=organisation,
            youth=youth,
            company=mentor_user.mentor_profile.company,
            mentor=mentor_user.mentor_profile,
            starts_on=today - dt.timedelta(days=20),
            ends_on=today + dt.timedelta(days=3),
            next_follow_up_on=today,
        )
        goal = LearningGoalFactory(placement=placement)
        ProgressEntryFactory(goal=goal, author=mentor_user, observed_on=today)
        Certificate.objects.create(organisation=organisation, youth=youth)


def test_task_queries_do_not_grow_with_the_work(
    caseworker_client, caseworker, organisation, mentor_user
):
    signin_link_create(user=mentor_user, created_by=caseworker, days=2)
    _make_work(organisation, caseworker, mentor_user, 2)
    with CaptureQueriesContext(connection) as small:
        tasks(caseworker_client)
    _make_work(organisation, caseworker, mentor_user, 14)
    with CaptureQueriesContext(connection) as large:
        shown = tasks(caseworker_client)
    print(f"\ntask queries: {len(small)} with 2 placements, {len(large)} with 16")
    assert "10+" in shown, "each kind shows at most 10 rows"
    assert len(large) == len(small)


def test_settings_page_saves_the_digest_and_the_language(caseworker_client, caseworker):
    url = reverse("accounts:settings")
    assert "Daglig e-mail med nye notater" in caseworker_client.get(url).content.decode()
    response = caseworker_client.post(url, {"wants_daily_digest": "on", "language": "en"})
    assert response.status_code == 302
    caseworker.refresh_from_db()
    assert caseworker.wants_daily_digest
    assert "My settings" in caseworker_client.get(url).content.decode()
    caseworker_client.post(url, {"language": "da"})
    caseworker.refresh_from_db()
    assert not caseworker.wants_daily_digest


def test_settings_are_for_caseworkers(client, mentor_user):
    client.force_login(mentor_user)
    assert client.get(reverse("accounts:settings")).status_code == 403


def test_a_changed_interval_plans_the_next_follow_up_anew(running, caseworker):
    before = running.next_follow_up_on
    placement_update(placement=running, data={"hours_per_week": 12}, by=caseworker)
    running.refresh_from_db()
    assert running.next_follow_up_on == before, "an unrelated change keeps the plan"
    placement_update(placement=running, data={"follow_up_interval_days": 7}, by=caseworker)
    running.refresh_from_db()
    assert running.next_follow_up_on == running.starts_on + dt.timedelta(days=7)
    chosen = timezone.localdate() + dt.timedelta(days=2)
    placement_update(placement=running, data={"next_follow_up_on": chosen}, by=caseworker)
    running.refresh_from_db()
    assert running.next_follow_up_on == chosen, "a date the caseworker chooses is kept"


def test_a_youth_returned_by_the_internal_assurer_is_a_task_until_the_guide_corrects(
    caseworker_client, organisation, caseworker
):
    assurer = CaseworkerFactory(organisation=organisation, is_quality_assurer=True)
    cohort = cohort_with(organisation, AwardingBodyFactory(), [caseworker])
    cohort = cohort_submit(cohort=cohort, by=caseworker)
    member = cohort.members.get()
    first, second = member.certificate.goals.order_by("pk")
    assert "Retur fra kvalitetssikring" not in tasks(caseworker_client)

    decisions = {first.pk: ("approved", ""), second.pk: ("returned", "Mangler dokumentation")}
    cohort_member_review(member=member, decisions=decisions, by=assurer)
    shown = tasks(caseworker_client)
    assert "Retur fra kvalitetssikring" in shown
    assert reverse("cohorts:member", args=[cohort.pk, member.pk]) in shown

    cohort_member_guide_approve(member=member, goals=[first, second], by=caseworker)
    assert "Retur fra kvalitetssikring" not in tasks(caseworker_client)


def test_each_placement_kind_counts_its_own_rows_and_a_placement_can_be_in_two(
    caseworker_client, caseworker, organisation, company, mentor
):
    """The kinds about placements share one query: twelve follow-ups due fill their own
    list (10 and "more") and still leave the two to start and the one ending, which is
    also due for a follow-up, in theirs."""
    today = timezone.localdate()

    def placement(**fields):
        youth = YouthFactory(organisation=organisation, caseworker=caseworker)
        return PlacementFactory(
            organisation=organisation, youth=youth, company=company, mentor=mentor, **fields
        )

    due = [
        placement(
            starts_on=today - dt.timedelta(days=60),
            ends_on=None,
            next_follow_up_on=today - dt.timedelta(days=n),
        )
        for n in range(12)
    ]
    both = placement(
        starts_on=today - dt.timedelta(days=60),
        ends_on=today + dt.timedelta(days=2),
        next_follow_up_on=today - dt.timedelta(days=30),
    )
    starting = [
        placement(status=Placement.Status.PLANNED, starts_on=today + dt.timedelta(days=n))
        for n in (1, 5)
    ]
    page = tasks(caseworker_client)

    def kind(name: str) -> str:
        start = page.index(f'data-task-kind="{name}"')
        return page[start : page.index("</ul>", start)]

    assert page.count('data-task-kind="follow_up"') == 1 and "10+" in page
    follow_ups = kind("follow_up")
    assert reverse("placements:followup_create", args=[both.pk]) in follow_ups, "oldest first"
    assert reverse("placements:followup_create", args=[due[-1].pk]) in follow_ups
    assert reverse("placements:followup_create", args=[due[0].pk]) not in follow_ups
    assert reverse("workspace:placement_detail", args=[both.pk]) in kind("ending")
    assert all(
        reverse("workspace:placement_detail", args=[p.pk]) in kind("starting") for p in starting
    )
