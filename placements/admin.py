from django.contrib import admin

from accounts.admin import AccessLoggedAdmin

from .models import FollowUp, Placement


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Placement)
class PlacementAdmin(AccessLoggedAdmin):
    access_log_what = "Praktik: aftaler, skånehensyn og opfølgning"
    list_display = ["youth", "company", "kind", "status", "starts_on", "ends_on", "hours_per_week"]
    list_filter = ["organisation", "kind", "status"]
    search_fields = ["youth__first_name", "youth__last_name", "company__name"]
    list_select_related = ["youth", "company"]
    raw_id_fields = ["youth", "company", "mentor", "created_by"]
    date_hierarchy = "starts_on"
    inlines = [FollowUpInline]

    def youth_of(self, obj: Placement) -> tuple[int, int]:
        return obj.youth_id, obj.organisation_id


@admin.register(FollowUp)
class FollowUpAdmin(AccessLoggedAdmin):
    access_log_what = "Opfølgning"
    list_display = ["placement", "held_on", "kind", "author"]
    list_filter = ["kind", "placement__organisation"]
    search_fields = ["note", "placement__youth__first_name", "placement__company__name"]
    list_select_related = ["placement__youth", "placement__company", "author"]
    raw_id_fields = ["placement", "author"]

    def youth_of(self, obj: FollowUp) -> tuple[int, int]:
        return obj.placement.youth_id, obj.placement.organisation_id
