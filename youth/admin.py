from django.contrib import admin

from accounts.admin import AccessLoggedAdmin

from .models import Youth


@admin.register(Youth)
class YouthAdmin(AccessLoggedAdmin):
    access_log_what = "Den unge: stamoplysninger, plan og skånehensyn"
    list_display = ["full_name", "organisation", "caseworker", "status", "started_on", "outcome"]
    list_filter = ["organisation", "status", "outcome", "education"]
    search_fields = ["first_name", "last_name", "email"]
    list_select_related = ["organisation", "caseworker"]
    raw_id_fields = ["caseworker", "user"]
    date_hierarchy = "started_on"

    def youth_of(self, obj: Youth) -> tuple[int, int]:
        return obj.pk, obj.organisation_id
