"""The daily e-mail digest of new progress entries to caseworkers who want it."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from goals.models import ProgressEntry
from tests.factories import LearningGoalFactory, ProgressEntryFactory


@pytest.fixture
def goal(placement, caseworker):
    caseworker.wants_daily_digest = True
    caseworker.email = "sb@herning.example"
    caseworker.save()
    return LearningGoalFactory(placement=placement, title="Kan rydde op på lageret")


def test_caseworker_gets_one_mail_with_the_mentors_new_entries(goal, mentor_user, caseworker):
    ProgressEntryFactory(goal=goal, author=mentor_user, level=2, note="Hemmelig note")
    ProgressEntryFactory(goal=goal, author=mentor_user, level=3)
    call_command("send_progress_digest", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sb@herning.example"]
    assert "(2)" in message.subject
    assert "Kan rydde op på lageret" in message.body
    assert "Kundskab" in message.body and "Mestring" in message.body
    assert f"/maal/{goal.pk}/" in message.body
    assert "Hemmelig note" not in message.body  # notes stay in the system


def test_no_mail_without_wish_own_entries_old_or_withdrawn(goal, mentor_user, caseworker):
    ProgressEntryFactory(goal=goal, author=caseworker)  # own entry
    old = ProgressEntryFactory(goal=goal, author=mentor_user)
    ProgressEntry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    ProgressEntryFactory(goal=goal, author=mentor_user, withdrawn_at=timezone.now())
    call_command("send_progress_digest", stdout=io.StringIO())
    assert mail.outbox == []


def test_caseworker_who_does_not_want_it_gets_nothing(goal, mentor_user, caseworker):
    caseworker.wants_daily_digest = False
    caseworker.save()
    ProgressEntryFactory(goal=goal, author=mentor_user)
    call_command("send_progress_digest", stdout=io.StringIO())
    assert mail.outbox == []
