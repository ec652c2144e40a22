"""Placements interrupted before there were categories get "other" on the way to the constraint."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import PlacementFactory

BEFORE_DATA = [("placements", "0003_interruption_category")]


def _migrate(targets=None):
    """To the targets, or back to the latest migrations for the tests that follow."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_interruptions_become_other(organisation):
    interrupted, running = PlacementFactory.create_batch(2, organisation=organisation)
    try:
        old_apps = _migrate(BEFORE_DATA)
        OldPlacement = old_apps.get_model("placements", "Placement")
        OldPlacement.objects.filter(pk=interrupted.pk).update(
            status="interrupted", interruption_reason="Flyttet til Aarhus."
        )
    finally:
        new_apps = _migrate()

    Placement = new_apps.get_model("placements", "Placement")
    rows = dict(Placement.objects.values_list("pk", "interruption_category"))
    assert rows == {interrupted.pk: "other", running.pk: ""}
    assert Placement.objects.get(pk=interrupted.pk).interruption_reason == "Flyttet til Aarhus."
