from django.contrib import admin

from .models import Youth


@admin.register(Youth)
class YouthAdmin(admin.ModelAdmin):
    list_display = ["full_name", "organisation", "caseworker", "status", "started_on", "outcome"]
    list_filter = ["organisation", "status", "outcome", "education"]
    search_fields = ["first_name", "last_name", "email"]
    list_select_related = ["organisation", "caseworker"]
    raw_id_fields = ["caseworker", "user"]
    date_hierarchy = "started_on"
