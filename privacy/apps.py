from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The young person's rights: the access log pages, the GDPR export and anonymisation."""

    name = "privacy"

    def ready(self) -> None:
        from documents.services import document_kind_register

        from .export import gdpr_export_json_render, gdpr_export_render

        document_kind_register(GDPR_EXPORT, gdpr_export_render, label=_("Insight export (PDF)"))
        document_kind_register(
            GDPR_EXPORT_JSON, gdpr_export_json_render, label=_("Insight export (JSON)")
        )


GDPR_EXPORT = "gdpr-export"
GDPR_EXPORT_JSON = "gdpr-export-json"
