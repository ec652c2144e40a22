import segno
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.access import caseworker_required, staff_required
from accounts.errors import domain_error_show
from accounts.models import SignInLink
from accounts.selectors import signin_links_for
from accounts.services import (
    access_log_for,
    access_log_record_many,
    signin_link_revoke,
    signin_link_url,
)

from . import selectors
from .forms import YouthEndForm, YouthFilterForm, YouthForm
from .models import Youth
from .services import (
    YouthDuplicateError,
    YouthError,
    youth_create,
    youth_end_course,
    youth_reopen,
    youth_signin_link_create,
    youth_signin_link_email,
    youth_update,
)

PAGE_SIZE = 25


@staff_required
def youth_list(request: HttpRequest) -> HttpResponse:
    form = YouthFilterForm(request.GET, organisation_id=request.user.organisation_id)
    youth = selectors.youth_list_for_user(request.user, **form.filters())
    page = Paginator(youth, PAGE_SIZE).get_page(request.GET.get("side"))
    access_log_record_many(
        user=request.user,
        youths=[(person.pk, person.organisation_id) for person in page],
        what="Liste over unge",
    )
    return render(request, "youth/list.html", {"form": form, "page": page})


@caseworker_required
@require_http_methods(["GET", "POST"])
def youth_create_view(request: HttpRequest) -> HttpResponse:
    organisation = request.user.organisation
    form = YouthForm(
        request.POST or None,
        organisation=organisation,
        initial={"caseworker": request.user},
    )
    duplicate = None
    if request.method == "POST" and form.is_valid():
        data, confirmed = form.youth_data()
        try:
            youth = youth_create(
                organisation=organisation, by=request.user, confirm_duplicate=confirmed, **data
            )
        except YouthDuplicateError as error:
            duplicate = error
        except YouthError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": youth.full_name})
            return redirect("workspace:youth_detail", pk=youth.pk)
    return render(request, "youth/form.html", {"form": form, "duplicate": duplicate})


@caseworker_required
@require_http_methods(["GET", "POST"])
def youth_edit(request: HttpRequest, pk: int) -> HttpResponse:
    youth = selectors.get_youth_for_user(request.user, pk, write=True)
    form = YouthForm(request.POST or None, instance=youth, organisation=youth.organisation)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        data, confirmed = form.youth_data()
        try:
            youth_update(youth=youth, by=request.user, confirm_duplicate=confirmed, **data)
        except YouthDuplicateError as error:
            duplicate = error
        except YouthError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("workspace:youth_detail", pk=youth.pk)
    access_log_for(
        user=request.user, about=youth, what="Redigering af stamoplysninger, plan og skånehensyn"
    )
    return render(
        request, "youth/form.html", {"form": form, "youth": youth, "duplicate": duplicate}
    )


@caseworker_required
@require_http_methods(["GET", "POST"])
def youth_end(request: HttpRequest, pk: int) -> HttpResponse:
    youth = selectors.get_youth_for_user(request.user, pk, write=True)
    if youth.status != Youth.Status.ACTIVE:
        messages.info(request, _("The course has already ended."))
        return redirect("workspace:youth_detail", pk=youth.pk)
    form = YouthEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            youth_end_course(youth=youth, by=request.user, **form.cleaned_data)
        except YouthError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The course is ended."))
            return redirect("workspace:youth_detail", pk=youth.pk)
    access_log_for(user=request.user, about=youth, what="Afslutning af forløb")
    return render(request, "youth/end.html", {"form": form, "youth": youth})


@caseworker_required
@require_POST
def youth_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    youth = selectors.get_youth_for_user(request.user, pk, write=True)
    try:
        youth_reopen(youth=youth, by=request.user)
    except YouthError as error:
        domain_error_show(request, error)
    else:
        messages.success(request, _("The course is active again."))
    return redirect("workspace:youth_detail", pk=youth.pk)


@caseworker_required
@require_http_methods(["GET", "POST"])
def youth_signin_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Create a sign-in link for the young person; the link is shown only on this response."""
    youth = selectors.get_youth_for_user(request.user, pk, write=True)
    context = {"youth": youth}
    if request.method == "POST":
        link, path = youth_signin_link_create(youth=youth, by=request.user)
        url = signin_link_url(path)
        qr = segno.make(url, error="m")
        context.update(
            new_link=link,
            url=url,
            qr_data_uri=qr.png_data_uri(scale=6, border=2),
            emailed=youth_signin_link_email(youth=youth, link=link, url=url),
        )
        youth.refresh_from_db(fields=["user"])
    context["links"] = signin_links_for(youth.user_id)
    access_log_for(user=request.user, about=youth, what="Login-link og kontaktoplysninger")
    response = render(request, "youth/signin_link.html", context)
    response["Cache-Control"] = "no-store"
    return response


@caseworker_required
@require_POST
def youth_signin_link_revoke(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    youth = selectors.get_youth_for_user(request.user, pk, write=True)
    link = get_object_or_404(SignInLink, pk=link_pk, user_id=youth.user_id)
    signin_link_revoke(link=link, by=request.user, youth_id=youth.pk)
    messages.success(request, _("The link is withdrawn and can no longer be used."))
    return redirect("youth:signin_link", pk=youth.pk)
