"""The mentor's pages do not need more queries when there are more goals or entries."""

import io

from django.core.management import call_command

from demo.management.commands.benchmark_mentor import measure


def test_query_counts_do_not_grow_with_goals_or_entries(db):
    small = measure(2, runs=1, goals_per_placement=2)
    large = measure(12, runs=1, goals_per_placement=6)
    assert small.home_queries == large.home_queries
    assert small.log_queries == large.log_queries


def test_command_prints_a_table(db):
    out = io.StringIO()
    call_command("benchmark_mentor", "--runs", "1", "--sizes", "1", "2", stdout=out)
    lines = out.getvalue().splitlines()
    assert "home queries" in lines[1]
    assert len(lines) == 4
