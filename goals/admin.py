from django.contrib import admin

from accounts.admin import AccessLoggedAdmin

from .models import GoalTemplate, LearningGoal, ProgressEntry


@admin.register(GoalTemplate)
class GoalTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "level", "points", "industry", "organisation", "is_active"]
    list_filter = ["organisation", "area", "level", "industry", "is_active"]
    search_fields = ["title", "criteria"]


class ReadOnlyProgress:
    """Progress entries are append-only (DESIGN.md): the admin shows them, nothing more."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ProgressEntryInline(ReadOnlyProgress, admin.TabularInline):
    model = ProgressEntry
    extra = 0


@admin.register(LearningGoal)
class LearningGoalAdmin(AccessLoggedAdmin):
    access_log_what = "Læringsmål og fremskridt"
    list_display = ["title", "placement", "area", "target_level", "assessed_level", "points"]
    list_filter = ["area", "target_level", "assessed_level", "placement__organisation"]
    search_fields = ["title", "placement__youth__first_name", "placement__youth__last_name"]
    list_select_related = ["placement__youth", "placement__company"]
    raw_id_fields = ["placement", "template", "assessed_by"]
    inlines = [ProgressEntryInline]

    def youth_of(self, obj: LearningGoal) -> tuple[int, int]:
        return obj.placement.youth_id, obj.placement.organisation_id


@admin.register(ProgressEntry)
class ProgressEntryAdmin(ReadOnlyProgress, AccessLoggedAdmin):
    access_log_what = "Fremskridt"
    list_display = ["goal", "observed_on", "level", "author", "withdrawn_at"]
    list_filter = ["level", "goal__placement__organisation"]
    search_fields = ["note", "goal__title"]
    list_select_related = ["goal__placement", "author"]
    raw_id_fields = ["goal", "author"]
    date_hierarchy = "observed_on"

    def youth_of(self, obj: ProgressEntry) -> tuple[int, int]:
        return obj.goal.placement.youth_id, obj.goal.placement.organisation_id
