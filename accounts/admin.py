"""The Django admin is not a second write path: what is append-only or issued is read-only
here, and every other write goes through the same service as the app's own pages."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .errors import DomainError, form_show_error
from .models import AccessLogEntry, HistoryEntry, Organisation, SignInLink, User
from .services import (
    access_log_for,
    access_log_record_many,
    access_log_subject,
    organisation_save,
    signin_link_revoke,
    user_account_save,
)
from .validators import logo_scaled, validate_logo


class ReadOnlyAdmin:
    """Shown, never added, changed or deleted in the admin (a mixin for admins and inlines):
    records that are append-only, issued, or written only by the app's own pages."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ServiceAdmin(admin.ModelAdmin):
    """Add and change through the app's service (`service_save`), so the admin keeps the same
    rules as the app's pages. A refusal (a DomainError) is shown on the form, next to its
    field, with what was typed kept, and nothing is saved. Nothing is deleted here."""

    def service_save(self, request, obj, form, change: bool):
        """Call the service; return the saved object (on add, it becomes the admin's object)."""
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        saved = self.service_save(request, obj, form, change)
        obj.pk = saved.pk

    def has_delete_permission(self, request, obj=None):
        return False

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DomainError as error:
            # The admin's transaction is rolled back; the same POST is shown again, refused.
            request.admin_refusal = error
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "admin_refusal", None)
        if refusal is None:
            return form_class

        class Refused(form_class):
            def clean(self):
                data = super().clean()
                form_show_error(self, refusal)
                return data

        return Refused


class OwnedServiceAdmin(ServiceAdmin):
    """A record that belongs to an owner (its organisation, a mentor's company), chosen on add
    and shown read-only after. Subclasses name the services: `create(**fields)`,
    `update(<entity>=…, data=…)`, and `activate` / `deactivate(<entity>=…)` for "active"."""

    owner_field = "organisation"
    entity = ""  # the services' keyword for the record: "company", "mentor", "template"
    service_fields: tuple[str, ...] = ()
    # Shown on the change page, set only by other services (e.g. a mentor's sign-in account).
    shown_read_only: tuple[str, ...] = ()
    create = update = activate = deactivate = None

    def get_fields(self, request, obj=None):
        added = ["is_active", *self.shown_read_only] if obj else []
        return [self.owner_field, *self.service_fields, *added]

    def get_readonly_fields(self, request, obj=None):
        return [self.owner_field, *self.shown_read_only] if obj else []

    def service_save(self, request, obj, form, change):
        data = form.cleaned_data
        if not change:
            names = (self.owner_field, *self.service_fields)
            return self.create(**{name: data[name] for name in names}, by=request.user)
        # The form has already copied its values onto `obj`: the service gets the saved row,
        # and only the fields it changes ("active" has services of its own, below).
        fields = {name: data[name] for name in self.service_fields}
        saved = self.update(
            **{self.entity: type(obj).objects.get(pk=obj.pk), "data": fields}, by=request.user
        )
        if "is_active" in form.changed_data:
            change_active = self.activate if data["is_active"] else self.deactivate
            saved = change_active(**{self.entity: saved}, by=request.user)
        return saved


class AccessLoggedAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """An admin for records about a young person: read-only (the caseworker's pages write
    them, with their rules); the change page writes an access-log row (opened), the list one
    row per record on the page (shown in a list), like the app's own pages."""

    access_log_what = ""

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            access_log_record_many(
                user=request.user,
                youths=[access_log_subject(obj) for obj in changelist.result_list],
                what=f"Administration, liste: {self.access_log_what}",
            )
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            access_log_for(
                user=request.user, about=obj, what=f"Administration: {self.access_log_what}"
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
class OrganisationAdmin(ServiceAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "code", "email", "phone"]
    search_fields = ["name", "code"]

    def service_save(self, request, obj, form, change):
        return organisation_save(organisation=obj, by=request.user)


@admin.register(User)
class UserAdmin(ServiceAdmin, DjangoUserAdmin):
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

    def service_save(self, request, obj, form, change):
        # Django's user forms have set the password on `obj` (hashed) already.
        return user_account_save(account=obj, by=request.user)


@admin.register(SignInLink)
class SignInLinkAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Links are made by the caseworker's pages; the admin can only withdraw them."""

    list_display = ["user", "created_at", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["revoked_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    actions = ["revoke"]

    @admin.action(description=_("Revoke the selected links"))
    def revoke(self, request, queryset):
        for link in queryset:
            signin_link_revoke(link=link, by=request.user)


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Read-only: the access log cannot be edited or deleted through the app."""

    list_display = ["at", "user", "organisation", "youth_id", "what", "purpose"]
    list_filter = ["organisation", "user__role"]
    search_fields = ["user__username", "what", "=youth_id"]
    list_select_related = ["user", "organisation"]
    date_hierarchy = "at"


@admin.register(HistoryEntry)
class HistoryEntryAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The change history, append-only: field names and ids, no personal values."""

    list_display = ["at", "by", "organisation", "action", "object_type", "object_id", "youth_id"]
    list_filter = ["organisation", "action"]
    search_fields = ["by__username", "action", "=youth_id", "=object_id"]
    list_select_related = ["by", "organisation"]
    date_hierarchy = "at"
