from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The pages that compose several apps: the dashboard, search, the youth profile, a
    company's and a placement's overview, and the spreadsheet import."""

    name = "workspace"
