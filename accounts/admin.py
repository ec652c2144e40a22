from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import AccessLogEntry, HistoryEntry, Organisation, SignInLink, User
from .services import access_log_record, access_log_record_many
from .validators import logo_scaled, validate_logo


class AccessLoggedAdmin(admin.ModelAdmin):
    """An admin for records about a young person: the change page writes an access-log row
    (opened), the list one row per record on the page (shown in a list), like the app's
    own pages. Subclasses say whose record it is (`youth_of`) and what it is."""

    access_log_what = ""

    def youth_of(self, obj) -> tuple[int, int]:
        """(youth_id, organisation_id) of the young person the record is about."""
        raise NotImplementedError

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            access_log_record_many(
                user=request.user,
                youths=[self.youth_of(obj) for obj in changelist.result_list],
                what=f"Administration, liste: {self.access_log_what}",
            )
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            youth_id, organisation_id = self.youth_of(obj)
            access_log_record(
                user=request.user,
                youth_id=youth_id,
                organisation_id=organisation_id,
                what=f"Administration: {self.access_log_what}",
            )
        return super().render_change_form(request, context, add, change, form_url, obj)


class OrganisationAdminForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "code", "logo", "address", "phone", "email"]

    def clean_logo(self):
        """A new logo is checked (pixel size before anything is decoded), then scaled down."""
        logo = self.cleaned_data["logo"]
        if not logo or getattr(logo, "_committed", False):
            return logo
        validate_logo(logo)
        return logo_scaled(logo)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "code", "email", "phone"]
    search_fields = ["name", "code"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation", "is_active", "is_staff"]
    search_fields = ["username", "first_name", "last_name", "email"]
    list_select_related = ["organisation"]
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("Role"), {"fields": ["role", "organisation", "wants_daily_digest"]}),
    )
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (
        (_("Role"), {"fields": ["role", "organisation"]}),
    )


@admin.register(SignInLink)
class SignInLinkAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["revoked_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    readonly_fields = ["user", "token_hash", "created_at", "created_by", "last_used_at"]
    actions = ["revoke"]

    @admin.action(description=_("Revoke the selected links"))
    def revoke(self, request, queryset):
        from .services import signin_link_revoke

        for link in queryset:
            signin_link_revoke(link=link, by=request.user)

    def has_add_permission(self, request):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records that are written by the services only and never changed or deleted."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
    """Read-only: the access log cannot be edited or deleted through the app."""

    list_display = ["at", "user", "organisation", "youth_id", "what", "purpose"]
    list_filter = ["organisation", "user__role"]
    search_fields = ["user__username", "what", "=youth_id"]
    list_select_related = ["user", "organisation"]
    date_hierarchy = "at"


@admin.register(HistoryEntry)
class HistoryEntryAdmin(ReadOnlyAdmin):
    """The change history, append-only: field names and ids, no personal values."""

    list_display = ["at", "by", "organisation", "action", "object_type", "object_id", "youth_id"]
    list_filter = ["organisation", "action"]
    search_fields = ["by__username", "action", "=youth_id", "=object_id"]
    list_select_related = ["by", "organisation"]
    date_hierarchy = "at"
