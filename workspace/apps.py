from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The pages that compose several apps: the dashboard, search, the youth profile, a
    company's and a placement's overview, and the spreadsheet import."""

    name = "workspace"

    def ready(self) -> None:
        # The import's Celery task lives beside its service; `workspace/tasks.py`, the module
        # Celery discovers, is the dashboard's My tasks. Imported here so workers know it.
        from . import import_jobs  # noqa: F401
