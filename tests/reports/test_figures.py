"""Each figure group on hand-built data: every number below is counted by hand.

The period is 2025; data on its first and last day is in, the day before and after is out,
and the other organisation's rows are never counted.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from placements.models import Placement
from reports.statistics import (
    Period,
    certificate_figures,
    follow_up_figures,
    network_figures,
    placement_figures,
    progression_figures,
    youth_figures,
)
from tests.factories import CompanyFactory
from tests.reports.conftest import YEAR_2025

pytestmark = pytest.mark.django_db

EMPTY = Period(dt.date(2030, 1, 1), dt.date(2030, 12, 31))
COMPLETED, INTERRUPTED = Placement.Status.COMPLETED, Placement.Status.INTERRUPTED


def test_youth_started_active_ended_and_outcomes(organisation, other_organisation, make_youth):
    make_youth("2024-12-31")  # active on the last day, started before
    make_youth("2025-01-01")  # first day
    make_youth("2025-12-31")  # last day
    make_youth("2026-01-01")  # the day after
    make_youth("2025-03-01", "2025-06-30", "ordinary_job")
    make_youth("2024-05-01", "2025-01-01", "education", "eud")
    make_youth("2024-05-01", "2024-12-31", "flex_job")  # ended the day before
    make_youth("2025-02-01", "2025-12-31")  # stopped on the last day, no outcome
    make_youth("2025-02-01", "2026-01-01", "public_benefits")  # still active on 31.12.
    make_youth("2025-05-01", "2025-06-01", "ordinary_job", org=other_organisation)

    figures = youth_figures(organisation=organisation, period=YEAR_2025)

    assert (figures.started, figures.active, figures.completed, figures.stopped) == (5, 4, 2, 1)
    assert figures.outcomes == {"ordinary_job": 1, "education": 1, "": 1}
    assert figures.educations == {"eud": 1}
    assert figures.ended == 3


def test_youth_in_an_empty_period(organisation, make_youth):
    make_youth("2025-03-01", "2025-06-30", "ordinary_job")
    figures = youth_figures(organisation=organisation, period=EMPTY)
    assert (figures.started, figures.completed, figures.stopped, figures.ended) == (0, 0, 0, 0)
    assert figures.outcomes == {} and figures.educations == {}


def test_placements_started_in_the_period(organisation, other_organisation, make_placement):
    make_placement("2025-01-01", "2025-01-31", COMPLETED, hours="10")
    make_placement(
        "2025-12-31", "2025-12-31", INTERRUPTED, category="health", hours="20",
        kind=Placement.Kind.WAGE_SUBSIDY,
    )  # fmt: skip
    make_placement("2025-06-01", "2025-07-11", INTERRUPTED, category="health", hours="30")
    make_placement("2025-06-01", "2025-06-21", INTERRUPTED, category="moved", hours="12.5")
    make_placement("2025-03-01", hours="15")
    make_placement("2024-12-31", "2025-02-01", COMPLETED)  # started the day before
    make_placement("2026-01-01", status=Placement.Status.PLANNED)  # the day after
    make_placement("2025-05-01", "2025-05-02", COMPLETED, org=other_organisation)

    figures = placement_figures(organisation=organisation, period=YEAR_2025)

    internship, subsidy = Placement.Kind.INTERNSHIP, Placement.Kind.WAGE_SUBSIDY
    assert figures.by_kind_and_status == {
        (internship, COMPLETED): 1,
        (internship, INTERRUPTED): 2,
        (internship, Placement.Status.ACTIVE): 1,
        (subsidy, INTERRUPTED): 1,
    }
    assert (figures.started, figures.completed, figures.interrupted) == (5, 1, 3)
    assert figures.completion_rate == 0.25
    assert figures.interruption_categories == {
        "health": 2,
        "attendance": 0,
        "job_or_education": 0,
        "moved": 1,
        "company": 0,
        "other": 0,
    }
    assert figures.median_length_days == 25.0  # 0, 20, 30, 40 days
    assert figures.average_hours == Decimal("17.5")
    assert figures.median_hours == 15.0


def test_interruptions_are_counted_by_category(organisation, other_organisation, make_placement):
    for category in ("health", "health", "health", "attendance", "company", "other"):
        make_placement("2025-04-01", "2025-05-01", INTERRUPTED, category=category)
    make_placement("2025-04-01", "2025-06-30", COMPLETED)
    make_placement("2024-12-31", "2025-02-01", INTERRUPTED, category="moved")  # day before
    make_placement(
        "2025-04-01", "2025-05-01", INTERRUPTED, category="moved", org=other_organisation
    )

    figures = placement_figures(organisation=organisation, period=YEAR_2025)

    assert figures.interruption_categories == {
        "health": 3,
        "attendance": 1,
        "job_or_education": 0,
        "moved": 0,
        "company": 1,
        "other": 1,
    }
    assert sum(figures.interruption_categories.values()) == figures.interrupted == 6


def test_interruption_categories_are_one_query(organisation, make_placement):
    make_placement("2025-04-01", "2025-05-01", INTERRUPTED, category="health")
    with CaptureQueriesContext(connection) as queries:
        placement_figures(organisation=organisation, period=YEAR_2025)
    by_category = [q["sql"] for q in queries if "interruption_category" in q["sql"]]
    assert len(by_category) == 1
    assert by_category[0].count("COUNT(") == len(Placement.InterruptionCategory)


def test_placements_in_an_empty_period(organisation, make_placement):
    make_placement("2025-01-01", "2025-01-31", COMPLETED)
    figures = placement_figures(organisation=organisation, period=EMPTY)
    assert figures.started == 0 and set(figures.interruption_categories.values()) == {0}
    assert figures.completion_rate is None
    assert figures.median_length_days is None
    assert figures.average_hours is None and figures.median_hours is None


def test_progression(
    organisation, other_organisation, make_placement, make_goal, log_progress, make_certificate
):
    placement = make_placement("2024-06-01")
    rose = make_goal(placement, assessed=2, on="2025-01-01")
    log_progress(rose, "2025-01-01", 1)
    log_progress(rose, "2025-12-31", 2)
    same = make_goal(placement, area="social", assessed=3, on="2025-12-31")
    log_progress(same, "2025-02-01", 2)
    log_progress(same, "2025-03-01", 3, withdrawn=True)  # withdrawn entries do not count
    log_progress(same, "2025-04-01", 2)
    one_entry = make_goal(placement, assessed=1, on="2024-12-31")  # assessed the day before
    log_progress(one_entry, "2024-12-31", 1)  # outside the period
    log_progress(one_entry, "2025-05-01", 3)
    fell = make_goal(placement)
    log_progress(fell, "2025-05-01", 3)
    log_progress(fell, "2025-06-01", 1)
    same_day = make_goal(placement, area="personlig", assessed=2, on="2026-01-01")
    log_progress(same_day, "2025-07-01", 1)
    log_progress(same_day, "2025-07-01", 2)  # entered later the same day: the last one
    theirs = make_goal(
        make_placement("2025-01-01", org=other_organisation), assessed=3, on="2025-05-01"
    )
    log_progress(theirs, "2025-02-01", 1)
    log_progress(theirs, "2025-03-01", 3)
    make_certificate("2025-01-01", total="10")
    make_certificate("2025-12-31", total="4", revoked="2026-01-05")
    make_certificate("2025-06-15", total=None, goals=[
        make_goal(placement, points="1.5"), make_goal(placement, points="2.5"),
    ])  # fmt: skip
    make_certificate("2025-03-03", total="4")
    make_certificate("2024-12-31", total="100")
    make_certificate("2026-01-01", total="100")
    make_certificate("2025-05-05", total="100", org=other_organisation)

    figures = progression_figures(organisation=organisation, period=YEAR_2025)

    assert figures.assessed == {("faglig", 2): 1, ("social", 3): 1}
    assert figures.assessed_total == 2
    assert (figures.measured, figures.rose, figures.rose_share) == (4, 2, 0.5)
    assert figures.average_points == Decimal("5.5")  # (10 + 4 + 4 + 4) / 4


def test_progression_in_an_empty_period(organisation, make_placement, make_goal, log_progress):
    goal = make_goal(make_placement("2025-01-01"), assessed=2, on="2025-01-01")
    log_progress(goal, "2025-01-01", 1)
    log_progress(goal, "2025-02-01", 2)
    figures = progression_figures(organisation=organisation, period=EMPTY)
    assert (figures.assessed, figures.measured, figures.rose) == ({}, 0, 0)
    assert figures.rose_share is None and figures.average_points is None


def test_certificates_per_month(organisation, other_organisation, make_certificate):
    make_certificate("2025-01-01")
    make_certificate("2025-12-31", revoked="2026-01-05")  # revoked the day after
    make_certificate("2025-06-15")
    make_certificate("2024-12-31", revoked="2025-01-01", revoked_time=dt.time(0, 30))
    make_certificate("2025-03-03", revoked="2025-12-31", revoked_time=dt.time(23, 30))
    make_certificate("2026-01-01")
    make_certificate("2025-05-05", revoked="2025-05-06", org=other_organisation)

    figures = certificate_figures(organisation=organisation, period=YEAR_2025)

    assert len(figures.per_month) == 12
    assert {month.month: (issued, revoked) for month, issued, revoked in figures.per_month} == {
        1: (1, 1), 2: (0, 0), 3: (1, 0), 4: (0, 0), 5: (0, 0), 6: (1, 0),
        7: (0, 0), 8: (0, 0), 9: (0, 0), 10: (0, 0), 11: (0, 0), 12: (1, 1),
    }  # fmt: skip
    assert (figures.issued, figures.revoked) == (4, 2)


def test_certificates_in_an_empty_period(organisation, make_certificate):
    make_certificate("2025-01-01", revoked="2025-02-01")
    figures = certificate_figures(organisation=organisation, period=EMPTY)
    assert (figures.issued, figures.revoked) == (0, 0)


@pytest.fixture
def network(organisation, other_organisation, make_placement, follow_up):
    """Companies and placements around 2025, with follow-ups on some placements."""

    def company(name, industry, since=None, active=True, org=organisation):
        return CompanyFactory(
            organisation=org, name=name, industry=industry,
            in_network_since=dt.date.fromisoformat(since) if since else None, is_active=active,
        )  # fmt: skip

    alfa = company("Alfa", "retail", "2020-01-01")
    beta = company("Beta", "retail", "2026-01-01")  # joined after the period
    gamma = company("Gamma", "kitchen")
    delta = company("Delta", "kitchen", active=False)
    epsilon = company("Epsilon", "cleaning")
    zeta = company("Zeta", "cleaning")
    theirs = company("Deres", "retail", org=other_organisation)

    in_january = make_placement("2025-01-01", "2025-01-31", COMPLETED, company=alfa)
    for day in ("2025-01-01", "2025-01-11", "2025-01-31"):
        follow_up(in_january, day)  # 10 and 20 days apart
    until_first_day = make_placement("2024-06-01", "2025-01-01", COMPLETED, company=beta)
    follow_up(until_first_day, "2024-12-31")  # before the period
    before = make_placement("2024-01-01", "2024-12-31", COMPLETED, company=gamma)
    follow_up(before, "2025-01-05")
    follow_up(before, "2025-01-10")
    make_placement("2025-06-01", status=Placement.Status.PLANNED, company=delta)
    from_last_day = make_placement("2025-12-31", company=epsilon)
    follow_up(from_last_day, "2025-12-31")
    in_february = make_placement(
        "2025-02-01", "2025-03-01", INTERRUPTED, company=epsilon, category="other"
    )
    follow_up(in_february, "2024-12-20")
    follow_up(in_february, "2025-02-05")
    follow_up(in_february, "2025-02-05")  # the same day: 0 days apart
    make_placement("2026-01-01", company=zeta)
    their_placement = make_placement("2025-01-01", company=theirs, org=other_organisation)
    follow_up(their_placement, "2025-01-01")
    follow_up(their_placement, "2025-12-01")


def test_company_network(organisation, network):
    figures = network_figures(organisation=organisation, period=YEAR_2025)
    assert figures.by_industry == {"retail": (1, 2), "kitchen": (1, 0), "cleaning": (2, 1)}
    assert (figures.in_network, figures.active) == (4, 3)
    assert figures.placements_per_company == [("Epsilon", 2), ("Alfa", 1), ("Beta", 1)]


def test_follow_up_intervals(organisation, network):
    figures = follow_up_figures(organisation=organisation, period=YEAR_2025)
    assert (figures.running, figures.without_follow_up) == (4, 1)
    assert figures.gaps == 3  # 10, 20 and 0 days
    assert figures.median_days == 10.0


def test_network_and_follow_up_in_an_empty_period(organisation, network):
    period = Period(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    network_ = network_figures(organisation=organisation, period=period)
    follow_ups = follow_up_figures(organisation=organisation, period=period)
    assert network_.active == 0 and network_.placements_per_company == []
    assert network_.in_network == 3  # Alfa joined in 2020; Gamma, Epsilon and Zeta have no date
    assert (follow_ups.running, follow_ups.gaps, follow_ups.median_days) == (0, 0, None)
