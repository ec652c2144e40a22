from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"

    def ready(self) -> None:
        from documents.services import document_kind_register

        from .report import statistics_report_render

        document_kind_register(STATISTICS_REPORT, statistics_report_render)


STATISTICS_REPORT = "statistics-report"
