"""progress_entry_create / progress_entry_withdraw: who may log what, and when."""

import datetime as dt
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from goals.models import ProgressEntry
from goals.services.progress import ProgressError, progress_entry_create, progress_entry_withdraw
from placements.models import Placement
from tests.factories import CaseworkerFactory, LearningGoalFactory, MentorUserFactory


@pytest.fixture
def goal(placement):
    return LearningGoalFactory(placement=placement, title="Kan fylde varer op")


def log(goal, author, **overrides):
    values = {
        "level": 2,
        "observed_on": timezone.localdate(),
        "note": "Gik godt i dag.",
        "submission_key": uuid.uuid4(),
    } | overrides
    return progress_entry_create(goal=goal, author=author, **values)


def test_mentor_logs_on_own_placement(goal, mentor_user):
    entry = log(goal, mentor_user)
    assert entry.goal == goal and entry.author == mentor_user and entry.level == 2
    assert entry.note == "Gik godt i dag."


def test_caseworker_of_the_organisation_logs_too(goal, colleague):
    assert log(goal, colleague).author == colleague


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"level": 0}, "Vælg et af de tre niveauer."),
        ({"level": 4}, "Vælg et af de tre niveauer."),
        (
            {"observed_on": "tomorrow"},  # the Copenhagen tomorrow when the test runs
            "Datoen kan ikke ligge i fremtiden.",
        ),
        (
            {"observed_on": dt.date(2026, 2, 1)},
            "Datoen kan ikke ligge før praktikken startede (2. februar 2026).",
        ),
    ],
)
def test_bad_input_is_refused_in_danish_and_nothing_saved(goal, mentor_user, overrides, message):
    if overrides.get("observed_on") == "tomorrow":
        overrides = {"observed_on": timezone.localdate() + timedelta(days=1)}
    with pytest.raises(ProgressError) as refused:
        log(goal, mentor_user, **overrides)
    assert refused.value.message == message
    assert not ProgressEntry.objects.exists()


def test_mentor_cannot_log_a_goal_on_another_placement(goal, organisation):
    other_mentor = MentorUserFactory(organisation=organisation)
    with pytest.raises(ProgressError, match="dine egne praktikker"):
        log(goal, other_mentor)
    assert not ProgressEntry.objects.exists()


def test_caseworker_of_another_organisation_cannot_log(goal, stranger, manager):
    for outsider in (stranger, manager):
        with pytest.raises(ProgressError):
            log(goal, outsider)
    assert not ProgressEntry.objects.exists()


def test_the_same_submission_key_gives_one_entry(goal, mentor_user):
    key = uuid.uuid4()
    first = log(goal, mentor_user, submission_key=key)
    second = log(goal, mentor_user, submission_key=key, note="Dobbelttryk")
    assert first == second
    assert ProgressEntry.objects.count() == 1


def test_a_used_key_cannot_be_reused_by_someone_else(goal, mentor_user, colleague):
    key = uuid.uuid4()
    log(goal, mentor_user, submission_key=key)
    with pytest.raises(ProgressError):
        log(goal, colleague, submission_key=key)
    assert ProgressEntry.objects.count() == 1


def _end_placement(placement, days_ago):
    placement.status = Placement.Status.COMPLETED
    placement.ends_on = timezone.localdate() - timedelta(days=days_ago)
    placement.save()


def test_mentor_may_log_for_30_days_after_the_placement_ended(goal, placement, mentor_user):
    _end_placement(placement, days_ago=30)
    assert log(goal, mentor_user, observed_on=placement.ends_on).pk


def test_after_the_grace_period_the_mentor_is_refused(goal, placement, mentor_user, colleague):
    _end_placement(placement, days_ago=31)
    with pytest.raises(ProgressError, match="sluttede for mere end 30 dage siden"):
        log(goal, mentor_user)
    # the caseworker can still record
    assert log(goal, colleague, observed_on=placement.ends_on).pk


def test_planned_placement_is_refused(goal, placement, mentor_user):
    placement.status = Placement.Status.PLANNED
    placement.save()
    with pytest.raises(ProgressError, match="ikke startet"):
        log(goal, mentor_user)


def test_author_withdraws_within_24_hours(goal, mentor_user):
    entry = log(goal, mentor_user)
    progress_entry_withdraw(entry=entry, by=mentor_user)
    entry.refresh_from_db()
    assert entry.withdrawn_at is not None
    assert ProgressEntry.objects.filter(pk=entry.pk).exists()  # stays in the history


def test_withdrawal_after_24_hours_is_refused(goal, mentor_user):
    entry = log(goal, mentor_user)
    ProgressEntry.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - timedelta(hours=24, minutes=1)
    )
    with pytest.raises(ProgressError, match="24 timer"):
        progress_entry_withdraw(entry=entry, by=mentor_user)
    entry.refresh_from_db()
    assert entry.withdrawn_at is None


def test_nobody_withdraws_someone_elses_entry(goal, mentor_user, organisation):
    entry = log(goal, mentor_user)
    with pytest.raises(ProgressError):
        progress_entry_withdraw(entry=entry, by=CaseworkerFactory(organisation=organisation))
    entry.refresh_from_db()
    assert entry.withdrawn_at is None
