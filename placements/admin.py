from django.contrib import admin

from .models import FollowUp, Placement


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["youth", "company", "kind", "status", "starts_on", "ends_on", "hours_per_week"]
    list_filter = ["organisation", "kind", "status"]
    search_fields = ["youth__first_name", "youth__last_name", "company__name"]
    list_select_related = ["youth", "company"]
    raw_id_fields = ["youth", "company", "mentor", "created_by"]
    date_hierarchy = "starts_on"
    inlines = [FollowUpInline]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["placement", "held_on", "kind", "author"]
    list_filter = ["kind", "placement__organisation"]
    search_fields = ["note", "placement__youth__first_name", "placement__company__name"]
    list_select_related = ["placement__youth", "placement__company", "author"]
    raw_id_fields = ["placement", "author"]
