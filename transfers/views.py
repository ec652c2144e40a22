from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.access import caseworker_required, require_write, staff_required
from accounts.errors import domain_error_show
from accounts.services import access_log_for, access_log_record_many
from youth.selectors import get_youth_for_user

from .forms import TransferAcceptForm, TransferDeclineForm, TransferStartForm
from .models import Transfer
from .selectors import (
    get_transfer_for_user,
    incoming_transfers,
    pending_transfer_of,
    receiving_units,
    transfers_for_user,
)
from .services import (
    TransferError,
    transfer_accept,
    transfer_cancel,
    transfer_decline,
    transfer_start,
)

RECENT = 20


@caseworker_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = get_youth_for_user(request.user, youth_pk, write=True)
    if pending_transfer_of(youth.pk):
        messages.info(request, _("A handover of this young person is already waiting."))
        return redirect("workspace:youth_detail", pk=youth.pk)
    form = TransferStartForm(request.POST or None, units=receiving_units(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            transfer = transfer_start(youth=youth, by=request.user, **form.cleaned_data)
        except TransferError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(
                request,
                _("The handover is offered to %(unit)s. %(name)s moves when they accept.")
                % {"unit": transfer.to_organisation.name, "name": youth.full_name},
            )
            return redirect("workspace:youth_detail", pk=youth.pk)
    access_log_for(user=request.user, about=youth, what="Overdragelse (start)")
    return render(request, "transfers/start.html", {"form": form, "youth": youth})


@caseworker_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = get_transfer_for_user(request.user, pk)
    try:
        transfer_cancel(transfer=transfer, by=request.user)
    except TransferError as error:
        domain_error_show(request, error)
    else:
        messages.success(request, _("The handover is withdrawn."))
    return redirect("workspace:youth_detail", pk=transfer.youth_id)


@staff_required
def transfer_list(request: HttpRequest) -> HttpResponse:
    """Handovers offered to the unit (to decide) and the latest ones, both directions."""
    waiting = list(incoming_transfers(request.user))
    recent = list(
        transfers_for_user(request.user)
        .exclude(status=Transfer.Status.PENDING, to_organisation_id=request.user.organisation_id)
        .order_by("-started_at")[:RECENT]
    )
    access_log_record_many(
        user=request.user,
        youths=[(t.youth_id, t.youth.organisation_id) for t in [*waiting, *recent]],
        what="Overdragelser",
    )
    return render(request, "transfers/list.html", {"waiting": waiting, "recent": recent})


@staff_required
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One handover; the receiving unit's caseworkers accept or decline it here."""
    transfer = get_transfer_for_user(request.user, pk)
    receiving = transfer.to_organisation_id == request.user.organisation_id
    accept_form = TransferAcceptForm(user=request.user)
    decline_form = TransferDeclineForm()
    if request.method == "POST":
        require_write(request.user)
        if "decline" in request.POST:
            decline_form = TransferDeclineForm(request.POST)
            if decline_form.is_valid():
                try:
                    transfer_decline(
                        transfer=transfer,
                        reason=decline_form.cleaned_data["decline_reason"],
                        by=request.user,
                    )
                except TransferError as error:
                    domain_error_show(request, error, decline_form)
                else:
                    messages.success(request, _("The handover is declined."))
                    return redirect("transfers:list")
        else:
            accept_form = TransferAcceptForm(request.POST, user=request.user)
            if accept_form.is_valid():
                try:
                    transfer_accept(transfer=transfer, by=request.user, **accept_form.cleaned_data)
                except TransferError as error:
                    domain_error_show(request, error, accept_form)
                else:
                    messages.success(
                        request,
                        _("%(name)s is now with your unit.") % {"name": transfer.youth.full_name},
                    )
                    return redirect("workspace:youth_detail", pk=transfer.youth_id)
    access_log_for(user=request.user, about=transfer, what="Overdragelse")
    context = {
        "transfer": transfer,
        "may_decide": receiving
        and transfer.status == Transfer.Status.PENDING
        and request.user.is_caseworker,
        "accept_form": accept_form,
        "decline_form": decline_form,
    }
    return render(request, "transfers/detail.html", context)
