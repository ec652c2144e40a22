from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import caseworker_required, role_required
from accounts.errors import domain_error_show
from accounts.forms import request_id
from accounts.models import User
from accounts.services import access_log_for
from companies.selectors import get_company_for_user
from youth.selectors import get_youth_for_user

from . import services
from .forms import (
    FollowUpForm,
    InterruptForm,
    PlacementCreateForm,
    PlacementForm,
    WeeklyHoursForm,
)
from .models import Placement
from .selectors import get_placement_for_user


def _to_placement(placement: Placement) -> HttpResponse:
    return redirect("workspace:placement_detail", pk=placement.pk)


def _placement_page(
    request: HttpRequest, placement: Placement, template: str, form, *, what: str
) -> HttpResponse:
    """A form about one placement: it shows the youth, so it writes an access-log row."""
    access_log_for(user=request.user, about=placement, what=what)
    return render(request, template, {"form": form, "placement": placement})


@caseworker_required
def placement_create(request: HttpRequest) -> HttpResponse:
    youth_pk, company_pk = request_id(request.GET, "youth"), request_id(request.GET, "company")
    youth = get_youth_for_user(request.user, youth_pk, write=True) if youth_pk else None
    company = get_company_for_user(request.user, company_pk, write=True) if company_pk else None
    form = PlacementCreateForm(
        request.POST or None,
        user=request.user,
        youth=youth,
        company=company,
        find_youth=request.GET.get("find_youth", "")[:100],
        find_company=request.GET.get("find_company", "")[:100],
        # htmx sends the mentor already chosen along when the company changes.
        initial={"mentor": request_id(request.GET, "mentor")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            placement = services.placement_create(**form.cleaned_data, by=request.user)
        except services.PlacementError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The placement is created."))
            return _to_placement(placement)
    if youth is not None:
        access_log_for(user=request.user, about=youth, what="Ny praktik til den unge")
    return render(
        request,
        "placements/placement_form.html",
        {
            "form": form,
            "youth": youth,
            "company": company,
            "find_youth": request.GET.get("find_youth", "")[:100],
            "find_company": request.GET.get("find_company", "")[:100],
        },
    )


@caseworker_required
def placement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    placement = get_placement_for_user(request.user, pk, write=True)
    form = PlacementForm(request.POST or None, instance=placement, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.placement_update(placement=placement, data=form.cleaned_data, by=request.user)
        except services.PlacementError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The changes are saved."))
            return _to_placement(placement)
    return _placement_page(
        request,
        placement,
        "placements/placement_form.html",
        form,
        what="Praktik: redigering af aftaler og skånehensyn i praktikken",
    )


@require_POST
@caseworker_required
def placement_start(request: HttpRequest, pk: int) -> HttpResponse:
    placement = get_placement_for_user(request.user, pk, write=True)
    try:
        services.placement_start(placement=placement, by=request.user)
    except services.PlacementError as error:
        domain_error_show(request, error)
    else:
        messages.success(request, _("The placement has started."))
    return _to_placement(placement)


@require_POST
@caseworker_required
def placement_complete(request: HttpRequest, pk: int) -> HttpResponse:
    placement = get_placement_for_user(request.user, pk, write=True)
    try:
        services.placement_complete(placement=placement, by=request.user)
    except services.PlacementError as error:
        domain_error_show(request, error)
    else:
        messages.success(request, _("The placement is completed."))
    return _to_placement(placement)


@caseworker_required
def placement_interrupt(request: HttpRequest, pk: int) -> HttpResponse:
    """A page of its own: interrupting needs a reason and a last day."""
    placement = get_placement_for_user(request.user, pk, write=True)
    form = InterruptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.placement_interrupt(placement=placement, **form.cleaned_data, by=request.user)
        except services.PlacementError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The placement is interrupted."))
            return _to_placement(placement)
    return _placement_page(
        request, placement, "placements/interrupt_form.html", form, what="Praktik: afbrydelse"
    )


@caseworker_required
def followup_create(request: HttpRequest, pk: int) -> HttpResponse:
    placement = get_placement_for_user(request.user, pk, write=True)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_create(placement=placement, author=request.user, **form.cleaned_data)
        except services.PlacementError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The follow-up note is saved."))
            return _to_placement(placement)
    return _placement_page(
        request, placement, "placements/followup_form.html", form, what="Praktik: ny opfølgning"
    )


@role_required(User.Role.CASEWORKER, User.Role.MENTOR)
@require_POST
def hours_record(request: HttpRequest, pk: int) -> HttpResponse:
    """A week's hours from the caseworker's or the mentor's placement page; a refused form
    is shown again on that page with the message next to its field."""
    placement = get_placement_for_user(request.user, pk)
    form = WeeklyHoursForm(request.POST, auto_id=f"id_hours_%s_{placement.pk}")
    if form.is_valid():
        try:
            services.weekly_hours_record(placement=placement, **form.cleaned_data, by=request.user)
        except services.PlacementError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The week is saved."))
            return redirect(_placement_url(request.user, placement) + f"#hours-{placement.pk}")
    return render(
        request,
        "placements/hours_refused.html",
        {"placement": placement, "form": form, "back": _placement_url(request.user, placement)},
        status=400,
    )


def _placement_url(user: User, placement: Placement) -> str:
    name = "mentor:placement" if user.is_mentor else "workspace:placement_detail"
    return reverse(name, kwargs={"pk": placement.pk})
