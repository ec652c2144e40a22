from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import caseworker_required, staff_required
from accounts.errors import domain_error_show

from . import services
from .forms import CompanyFilterForm, CompanyForm, MentorForm
from .selectors import company_list_for_user, get_company_for_user, get_mentor_for_user

COMPANIES_PER_PAGE = 25


@staff_required
def company_list(request: HttpRequest) -> HttpResponse:
    filters = CompanyFilterForm(request.GET)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    companies = company_list_for_user(
        request.user,
        search=criteria.get("q", ""),
        industry=criteria.get("industry", ""),
        active={"yes": True, "no": False}.get(criteria.get("active", "")),
        with_running_placement=criteria.get("with_placement", False),
    )
    page = Paginator(companies, COMPANIES_PER_PAGE).get_page(request.GET.get("side"))
    return render(request, "companies/company_list.html", {"filters": filters, "page": page})


def _company_form_page(request: HttpRequest, form: CompanyForm, company=None) -> HttpResponse:
    return render(request, "companies/company_form.html", {"form": form, "company": company})


@caseworker_required
def company_create(request: HttpRequest) -> HttpResponse:
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            company = services.company_create(
                organisation=request.user.organisation, by=request.user, **form.cleaned_data
            )
        except services.CompanyError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("%(name)s is added to the network.") % {"name": company})
            return redirect("workspace:company_detail", pk=company.pk)
    return _company_form_page(request, form)


@caseworker_required
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_company_for_user(request.user, pk, write=True)
    form = CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_update(company=company, data=form.cleaned_data, by=request.user)
        except services.CompanyError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("workspace:company_detail", pk=company.pk)
    return _company_form_page(request, form, company)


@require_POST
@caseworker_required
def company_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_company_for_user(request.user, pk, write=True)
    try:
        services.company_deactivate(company=company, by=request.user)
    except services.CompanyError as error:
        domain_error_show(request, error)
    else:
        messages.success(
            request, _("%(name)s is no longer active in the network.") % {"name": company}
        )
    return redirect("workspace:company_detail", pk=company.pk)


@require_POST
@caseworker_required
def company_activate(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_company_for_user(request.user, pk, write=True)
    services.company_activate(company=company, by=request.user)
    messages.success(request, _("%(name)s is active in the network again.") % {"name": company})
    return redirect("workspace:company_detail", pk=company.pk)


@caseworker_required
def mentor_create(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_company_for_user(request.user, pk, write=True)
    form = MentorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mentor = services.mentor_create(company=company, by=request.user, **form.cleaned_data)
        except services.CompanyError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("%(name)s is added as a mentor.") % {"name": mentor.name})
            return redirect("workspace:company_detail", pk=company.pk)
    return render(request, "companies/mentor_form.html", {"form": form, "company": company})


@caseworker_required
def mentor_edit(request: HttpRequest, pk: int) -> HttpResponse:
    mentor = get_mentor_for_user(request.user, pk, write=True)
    form = MentorForm(request.POST or None, instance=mentor)
    if request.method == "POST" and form.is_valid():
        services.mentor_update(mentor=mentor, data=form.cleaned_data, by=request.user)
        messages.success(request, _("The changes are saved."))
        return redirect("workspace:company_detail", pk=mentor.company_id)
    return render(
        request,
        "companies/mentor_form.html",
        {"form": form, "company": mentor.company, "mentor": mentor},
    )


@require_POST
@caseworker_required
def mentor_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    mentor = get_mentor_for_user(request.user, pk, write=True)
    try:
        services.mentor_deactivate(mentor=mentor, by=request.user)
    except services.CompanyError as error:
        domain_error_show(request, error)
    else:
        messages.success(
            request,
            _("%(name)s is no longer a mentor. Their sign-in links no longer work.")
            % {"name": mentor.name},
        )
    return redirect("workspace:company_detail", pk=mentor.company_id)


@require_POST
@caseworker_required
def mentor_activate(request: HttpRequest, pk: int) -> HttpResponse:
    mentor = get_mentor_for_user(request.user, pk, write=True)
    try:
        services.mentor_activate(mentor=mentor, by=request.user)
    except services.CompanyError as error:
        domain_error_show(request, error)
    else:
        messages.success(
            request, _("%(name)s is active as a mentor again.") % {"name": mentor.name}
        )
    return redirect("workspace:company_detail", pk=mentor.company_id)
