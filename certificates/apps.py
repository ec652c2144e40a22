from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"

    def ready(self) -> None:
        from documents.services import document_kind_register

        from .cohort_files import COHORT_PDF, COHORT_ZIP, cohort_pdf_render, cohort_zip_render

        document_kind_register(
            COHORT_PDF, cohort_pdf_render, label=_("All certificates in one PDF (for printing)")
        )
        document_kind_register(
            COHORT_ZIP, cohort_zip_render, label=_("ZIP with one PDF per certificate")
        )
