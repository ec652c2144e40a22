from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"

    def ready(self) -> None:
        from documents.services import document_kind_register

        from .report import statistics_report_render

        document_kind_register(
            STATISTICS_REPORT, statistics_report_render, label=_("Statistics report (PDF)")
        )


STATISTICS_REPORT = "statistics-report"
