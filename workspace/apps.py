from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "workspace"

    def ready(self) -> None:
        from documents.services import document_kind_register

        from .gdpr import gdpr_export_render

        document_kind_register(GDPR_EXPORT, gdpr_export_render)


GDPR_EXPORT = "gdpr-export"
