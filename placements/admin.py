from django.contrib import admin

from accounts.admin import AccessLoggedAdmin, ReadOnlyAdmin

from .models import FollowUp, Placement


class FollowUpInline(ReadOnlyAdmin, admin.TabularInline):
    model = FollowUp
    extra = 0


@admin.register(Placement)
class PlacementAdmin(AccessLoggedAdmin):
    """Read-only: placements start, end and change on the caseworker's pages, through the
    services that keep the status transitions and the period rules."""

    access_log_what = "Praktik: aftaler, skånehensyn og opfølgning"
    list_display = ["youth", "company", "kind", "status", "starts_on", "ends_on", "hours_per_week"]
    list_filter = ["organisation", "kind", "status"]
    search_fields = ["youth__first_name", "youth__last_name", "company__name"]
    list_select_related = ["youth", "company"]
    date_hierarchy = "starts_on"
    inlines = [FollowUpInline]


@admin.register(FollowUp)
class FollowUpAdmin(AccessLoggedAdmin):
    access_log_what = "Opfølgning"
    list_display = ["placement", "held_on", "kind", "author"]
    list_filter = ["kind", "placement__organisation"]
    search_fields = ["note", "placement__youth__first_name", "placement__company__name"]
    list_select_related = ["placement__youth", "placement__company", "author"]
