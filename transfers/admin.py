from django.contrib import admin

from accounts.admin import AccessLoggedAdmin

from .models import Transfer


@admin.register(Transfer)
class TransferAdmin(AccessLoggedAdmin):
    """Handovers are decided on the product's own pages, never in the admin (read-only)."""

    access_log_what = "Overdragelse"
    list_display = ["youth", "from_organisation", "to_organisation", "status", "started_at"]
    list_filter = ["status"]
    list_select_related = ["youth", "from_organisation", "to_organisation"]
