"""The statistics are counted in the background (reports/counting.py): a manager never waits
for the count, sees older figures with their time while they are counted again, and sees
"being counted" (then the figures, fetched by the page) when there are none yet."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from placements.models import Placement
from reports import counting
from reports.statistics import Period
from reports.tasks import statistics_count_task

pytestmark = pytest.mark.django_db

PAGE = reverse("reports:statistics")
POLL = reverse("reports:sections")
YEAR_2025 = {"period": "year", "year": "2025"}
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
# Five minutes to midnight in Copenhagen is still 22:55 in UTC: a time shown in UTC, or a
# date taken from it, would be wrong here.
NEAR_MIDNIGHT = dt.datetime(2025, 12, 31, 23, 55, tzinfo=COPENHAGEN)
COUNTING = "Tallene tælles op …"
RECOUNTING = "De tælles op igen nu"


@pytest.fixture(autouse=True)
def cached_statistics(settings):
    """The production settings (the tests elsewhere count in the request), an empty cache."""
    settings.STATISTICS_CACHE_SECONDS = 600
    settings.STATISTICS_KEEP_SECONDS = 24 * 60 * 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock():
    with time_machine.travel(NEAR_MIDNIGHT, tick=False) as traveller:
        yield traveller


@pytest.fixture
def sent(monkeypatch):
    """The tasks sent, as a broker would receive them: nothing runs them until the test
    does (`run_sent`)."""
    calls = []
    monkeypatch.setattr(statistics_count_task, "delay", lambda *args: calls.append(args))
    return calls


def run_sent(sent):
    for args in sent:
        statistics_count_task(*args)


@pytest.fixture
def figures_2025(organisation, other_organisation, make_youth, make_placement):
    make_youth("2025-02-01", "2025-09-30", "ordinary_job")
    make_youth("2025-03-01")
    make_placement("2025-05-01", "2025-05-20", Placement.Status.INTERRUPTED, category="moved")
    for _ in range(7):
        make_youth("2025-02-01", "2025-06-01", "flex_job", org=other_organisation)


def rows(response, slug):
    return next(
        table.displayed_rows()
        for section in response.context["sections"]
        for table in section.tables
        if table.slug == slug
    )


def test_a_first_request_says_the_figures_are_being_counted_and_sends_one_task(
    client, manager, organisation, figures_2025, sent, clock
):
    client.force_login(manager)
    response = client.get(PAGE, YEAR_2025)
    page = response.content.decode()
    assert response.status_code == 200
    assert COUNTING in page and 'role="status"' in page
    assert response.context["sections"] == [] and 'id="youth-heading"' not in page
    # The page asks for the sections by itself, for the same period.
    assert f'data-hx-get="{POLL}?period=year&amp;year=2025"' in page
    # The organisation's id and the period: nothing about who asked.
    assert sent == [(organisation.pk, "2025-01-01", "2025-12-31")]

    # Polled before the count is done: still counting, and no second task.
    polled = client.get(POLL, YEAR_2025).content.decode()
    assert COUNTING in polled and "data-hx-trigger" in polled
    assert len(sent) == 1

    run_sent(sent)
    polled = client.get(POLL, YEAR_2025)
    text = polled.content.decode()
    assert COUNTING not in text and "data-hx-trigger" not in text
    assert ["Ordinært job", "1", "100,0 %"] in rows(polled, "outcomes")
    # The as-of line at the top of the page comes along, in Copenhagen time.
    assert 'id="statistics-as-of" data-hx-swap-oob="innerHTML"' in text
    assert "Tal opgjort 31.12.2025 23:55." in text
    assert len(sent) == 1


def test_with_no_broker_the_first_request_shows_the_figures_at_once(
    client, manager, figures_2025, clock
):
    """The quick start: the task runs in-process when it is sent, before the page reads."""
    client.force_login(manager)
    response = client.get(PAGE, YEAR_2025)
    page = response.content.decode()
    assert COUNTING not in page
    assert rows(response, "youth")[0] == ["Startet", "2"]
    assert "Tal opgjort 31.12.2025 23:55." in page and RECOUNTING not in page


def test_fresh_figures_are_shown_and_nothing_is_counted(
    client, manager, organisation, figures_2025, make_youth, monkeypatch, clock
):
    client.force_login(manager)
    client.get(PAGE, YEAR_2025)  # counted (in-process) at 23:55
    make_youth("2025-04-01")  # not counted until the figures are 10 minutes old
    clock.shift(dt.timedelta(minutes=9))
    sent = []
    monkeypatch.setattr(statistics_count_task, "delay", lambda *args: sent.append(args))
    response = client.get(PAGE, YEAR_2025)
    page = response.content.decode()
    assert rows(response, "youth")[0] == ["Startet", "2"]
    assert "Tal opgjort 31.12.2025 23:55." in page
    assert "De tælles op igen, når de er mere end 10 minutter gamle." in page
    assert RECOUNTING not in page and sent == []


def test_older_figures_are_shown_with_their_time_and_counted_again_once(
    client, manager, organisation, figures_2025, make_youth, sent, clock
):
    client.force_login(manager)
    counting.statistics_count(organisation_id=organisation.pk, period=Period.calendar_year(2025))
    make_youth("2025-04-01")
    clock.shift(dt.timedelta(minutes=11))  # 00:06 on New Year's Day
    for _ in range(3):  # three managers at once
        response = client.get(PAGE, YEAR_2025)
        page = response.content.decode()
        assert rows(response, "youth")[0] == ["Startet", "2"]  # the older figures, at once
        assert "Tal opgjort 31.12.2025 23:55." in page and RECOUNTING in page
    assert sent == [(organisation.pk, "2025-01-01", "2025-12-31")]

    run_sent(sent)
    response = client.get(PAGE, YEAR_2025)
    page = response.content.decode()
    assert rows(response, "youth")[0] == ["Startet", "3"]
    assert "Tal opgjort 01.01.2026 00:06." in page and RECOUNTING not in page
    assert len(sent) == 1


def test_a_count_that_never_finishes_is_sent_again_when_its_lock_runs_out(
    client, manager, organisation, sent, clock
):
    client.force_login(manager)
    for _ in range(5):
        client.get(POLL, YEAR_2025)
    assert len(sent) == 1
    clock.shift(dt.timedelta(seconds=counting.COUNT_LOCK_SECONDS - 1))
    client.get(POLL, YEAR_2025)
    assert len(sent) == 1
    clock.shift(dt.timedelta(seconds=2))
    client.get(POLL, YEAR_2025)
    assert len(sent) == 2


def test_a_task_sent_twice_counts_once(organisation, figures_2025, django_assert_num_queries):
    statistics_count_task(organisation.pk, "2025-01-01", "2025-12-31")
    with django_assert_num_queries(1):  # the organisation; every section is fresh
        statistics_count_task(organisation.pk, "2025-01-01", "2025-12-31")


def test_one_count_serves_both_languages(client, manager, figures_2025, sent):
    client.force_login(manager)
    client.get(PAGE, YEAR_2025)
    run_sent(sent)
    client.post(reverse("set_language"), {"language": "en", "next": PAGE})
    response = client.get(PAGE, YEAR_2025)
    assert rows(response, "youth")[0] == ["Started", "2"]
    assert len(sent) == 1


def test_one_organisations_figures_are_never_shown_to_another(
    client, manager, stranger, other_organisation, figures_2025, sent
):
    client.force_login(manager)
    client.get(PAGE, YEAR_2025)
    run_sent(sent)
    # The same period, counted and cached for NextJob Herning: PÅ VEJ Billund gets its own.
    client.force_login(stranger)
    response = client.get(PAGE, YEAR_2025)
    assert COUNTING in response.content.decode()
    assert sent[-1] == (other_organisation.pk, "2025-01-01", "2025-12-31")
    run_sent(sent[-1:])
    response = client.get(PAGE, YEAR_2025)
    assert ["Fleksjob", "7", "100,0 %"] in rows(response, "outcomes")
    assert ["Ordinært job", "0", "0,0 %"] in rows(response, "outcomes")


def csv_lines(client, table):
    response = client.get(reverse("reports:csv", args=[table]), YEAR_2025)
    assert response.status_code == 200
    return response.content.decode("utf-8-sig").split("\r\n")


def test_a_csv_with_no_figures_counts_its_own_section(client, manager, figures_2025, sent):
    client.force_login(manager)
    with CaptureQueriesContext(connection) as first:
        assert "Ordinært job;1;100,0" in csv_lines(client, "outcomes")
    assert sent == []  # no task: one section, counted in the request and kept
    with CaptureQueriesContext(connection) as second:
        assert "Ordinært job;1;100,0" in csv_lines(client, "outcomes")
    # The youth section's three queries, and no other section's (placements, say).
    assert len([query for query in first if "youth_youth" in query["sql"]]) == 3
    assert not [query for query in first if "placements_placement" in query["sql"]]
    assert not [query["sql"] for query in second if "youth_youth" in query["sql"]]


def test_a_csv_is_never_older_than_fresh(client, manager, figures_2025, make_youth, sent, clock):
    """A file cannot say when it was counted: older figures are counted again for it."""
    client.force_login(manager)
    client.get(PAGE, YEAR_2025)
    run_sent(sent)
    make_youth("2025-04-01", "2025-10-01", "ordinary_job")
    assert "Ordinært job;1;100,0" in csv_lines(client, "outcomes")  # fresh: from the cache
    clock.shift(dt.timedelta(minutes=11))
    assert "Ordinært job;2;100,0" in csv_lines(client, "outcomes")
    assert len(sent) == 1
