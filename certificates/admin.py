from django.contrib import admin

from accounts.admin import AccessLoggedAdmin

from .models import Certificate


@admin.register(Certificate)
class CertificateAdmin(AccessLoggedAdmin):
    """Issued certificates are frozen: the admin shows them but does not edit them."""

    access_log_what = "Kompetencebevis"

    list_display = ["number", "youth", "status", "issued_on", "organisation"]
    list_filter = ["organisation", "status", "year"]
    search_fields = ["number", "verification_code", "youth__first_name", "youth__last_name"]
    list_select_related = ["youth", "organisation"]
    raw_id_fields = ["youth", "supersedes", "issued_by", "revoked_by", "created_by"]
    filter_horizontal = ["goals"]

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.is_issued:
            return [field.name for field in self.model._meta.fields] + ["goals"]
        return ["number", "verification_code", "pdf", "pdf_sha256", "snapshot"]

    def youth_of(self, obj: Certificate) -> tuple[int, int]:
        return obj.youth_id, obj.organisation_id
