from functools import partial

from django.contrib import admin

from accounts.admin import AccessLoggedAdmin, OwnedServiceAdmin, ReadOnlyAdmin

from .models import GoalTemplate, LearningGoal, ProgressEntry
from .services.goals import (
    TEMPLATE_FIELDS,
    goal_template_create,
    goal_template_retire,
    goal_template_update,
)


@admin.register(GoalTemplate)
class GoalTemplateAdmin(OwnedServiceAdmin):
    """The catalogue through its services: the same rules as the caseworker's catalogue page;
    a goal stays in its organisation, and "in use" retires it or brings it back."""

    list_display = ["title", "area", "level", "points", "industry", "organisation", "is_active"]
    list_filter = ["organisation", "area", "level", "industry", "is_active"]
    search_fields = ["title", "criteria"]
    entity = "template"
    service_fields = TEMPLATE_FIELDS
    create, update = staticmethod(goal_template_create), staticmethod(goal_template_update)
    deactivate = staticmethod(goal_template_retire)
    activate = staticmethod(partial(goal_template_retire, retired=False))


class ProgressEntryInline(ReadOnlyAdmin, admin.TabularInline):
    """Progress entries are append-only (DESIGN.md): the admin shows them, nothing more."""

    model = ProgressEntry
    extra = 0


@admin.register(LearningGoal)
class LearningGoalAdmin(AccessLoggedAdmin):
    """Read-only: goals are set, assessed and put on certificates on the caseworker's pages."""

    access_log_what = "Læringsmål og fremskridt"
    list_display = ["title", "placement", "area", "target_level", "assessed_level", "points"]
    list_filter = ["area", "target_level", "assessed_level", "placement__organisation"]
    search_fields = ["title", "placement__youth__first_name", "placement__youth__last_name"]
    list_select_related = ["placement__youth", "placement__company"]
    inlines = [ProgressEntryInline]


@admin.register(ProgressEntry)
class ProgressEntryAdmin(AccessLoggedAdmin):
    """Append-only (DESIGN.md): shown, never added, changed or deleted here."""

    access_log_what = "Fremskridt"
    list_display = ["goal", "observed_on", "level", "author", "withdrawn_at"]
    list_filter = ["level", "goal__placement__organisation"]
    search_fields = ["note", "goal__title"]
    list_select_related = ["goal__placement", "author"]
    date_hierarchy = "observed_on"
