from django.contrib import admin

from accounts.admin import AccessLoggedAdmin

from .models import Certificate


@admin.register(Certificate)
class CertificateAdmin(AccessLoggedAdmin):
    """Shown, never edited: an issued or revoked certificate is frozen, and a draft is made,
    issued and discarded on the caseworker's pages (with their rules and the counter)."""

    access_log_what = "Kompetencebevis"

    list_display = ["number", "youth", "status", "issued_on", "organisation"]
    list_filter = ["organisation", "status", "year"]
    search_fields = ["number", "verification_code", "youth__first_name", "youth__last_name"]
    list_select_related = ["youth", "organisation"]
