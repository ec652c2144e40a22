from django.contrib import admin

from accounts.admin import AccessLoggedAdmin

from .models import Youth


@admin.register(Youth)
class YouthAdmin(AccessLoggedAdmin):
    """Read-only: a young person's record is kept by their caseworker (youth_create,
    youth_update, youth_end_course check who may and what is allowed)."""

    access_log_what = "Den unge: stamoplysninger, plan og skånehensyn"
    list_display = ["full_name", "organisation", "caseworker", "status", "started_on", "outcome"]
    list_filter = ["organisation", "status", "outcome", "education"]
    search_fields = ["first_name", "last_name", "email"]
    list_select_related = ["organisation", "caseworker"]
    date_hierarchy = "started_on"
