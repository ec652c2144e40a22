"""A mentor and a caseworker writing to the same goal at the same moment: both entries land."""

import threading
import uuid

import pytest
from django.db import connection, transaction
from django.utils import timezone

from goals.models import ProgressEntry
from goals.services.progress import progress_entry_create
from tests.factories import LearningGoalFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_mentor_and_caseworker_write_at_the_same_time(
    on_postgres, placement, caseworker, mentor_user
):
    goal = LearningGoalFactory(placement=placement)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(author, note):
        try:
            start.wait(timeout=10)
            with transaction.atomic():
                progress_entry_create(
                    goal=goal,
                    author=author,
                    level=2,
                    observed_on=timezone.localdate(),
                    note=note,
                    submission_key=uuid.uuid4(),
                )
        except BaseException as error:  # reported to the main thread below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=write, args=(mentor_user, "fra mentoren")),
        threading.Thread(target=write, args=(caseworker, "fra sagsbehandleren")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(ProgressEntry.objects.filter(goal=goal).values_list("note", flat=True)) == [
        "fra mentoren",
        "fra sagsbehandleren",
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_double_tap_from_two_connections_gives_one_entry(
    on_postgres, placement, mentor_user
):
    goal = LearningGoalFactory(placement=placement)
    key = uuid.uuid4()
    start = threading.Barrier(2)
    results: list[object] = []

    def write():
        try:
            start.wait(timeout=10)
            entry = progress_entry_create(
                goal=goal,
                author=mentor_user,
                level=1,
                observed_on=timezone.localdate(),
                note="dobbelttryk",
                submission_key=key,
            )
            results.append(entry.pk)
        except BaseException as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 2 and results[0] == results[1]
    assert ProgressEntry.objects.filter(goal=goal).count() == 1
