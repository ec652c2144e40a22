from django.contrib import admin

from .models import Company, Mentor


class MentorInline(admin.TabularInline):
    model = Mentor
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["name", "cvr", "industry", "city", "organisation", "is_active"]
    list_filter = ["organisation", "industry", "is_active", "is_own_workshop"]
    search_fields = ["name", "cvr", "city"]
    list_select_related = ["organisation"]
    inlines = [MentorInline]


@admin.register(Mentor)
class MentorAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "company", "email", "phone", "is_active"]
    list_filter = ["is_active", "company__organisation"]
    search_fields = ["name", "email", "company__name"]
    list_select_related = ["company"]
    raw_id_fields = ["company", "user"]
