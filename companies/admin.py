from django.contrib import admin

from accounts.admin import OwnedServiceAdmin, ReadOnlyAdmin

from .models import Company, Mentor
from .services import (
    COMPANY_FIELDS,
    MENTOR_FIELDS,
    company_activate,
    company_create,
    company_deactivate,
    company_update,
    mentor_activate,
    mentor_create,
    mentor_deactivate,
    mentor_update,
)


class MentorInline(ReadOnlyAdmin, admin.TabularInline):
    """Mentors are changed on their own admin page (through their services)."""

    model = Mentor
    extra = 0
    fields = ["name", "title", "email", "phone", "is_active"]


@admin.register(Company)
class CompanyAdmin(OwnedServiceAdmin):
    """Companies through their services: a duplicate CVR is refused, and a company with
    planned or running placements cannot be taken out of the network."""

    list_display = ["name", "cvr", "industry", "city", "organisation", "is_active"]
    list_filter = ["organisation", "industry", "is_active", "is_own_workshop"]
    search_fields = ["name", "cvr", "city"]
    list_select_related = ["organisation"]
    inlines = [MentorInline]
    entity = "company"
    service_fields = COMPANY_FIELDS
    create, update = staticmethod(company_create), staticmethod(company_update)
    activate, deactivate = staticmethod(company_activate), staticmethod(company_deactivate)


@admin.register(Mentor)
class MentorAdmin(OwnedServiceAdmin):
    """Mentors through their services: the sign-in account is made by the invitation, and
    a mentor on a planned or running placement cannot stop."""

    list_display = ["name", "title", "company", "email", "phone", "is_active"]
    list_filter = ["is_active", "company__organisation"]
    search_fields = ["name", "email", "company__name"]
    list_select_related = ["company"]
    raw_id_fields = ["company"]
    owner_field = "company"
    entity = "mentor"
    service_fields = MENTOR_FIELDS
    shown_read_only = ("user",)
    create, update = staticmethod(mentor_create), staticmethod(mentor_update)
    activate, deactivate = staticmethod(mentor_activate), staticmethod(mentor_deactivate)
