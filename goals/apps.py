from django.apps import AppConfig


class GoalsConfig(AppConfig):
    """The OCN vocabulary (levels, areas), the goal catalogue, learning goals and their
    assessment, and the mentor's progress log."""

    name = "goals"
