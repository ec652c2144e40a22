from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.access import staff_required
from accounts.forms import request_id
from accounts.services import access_log_record_many
from youth.selectors import get_youth_for_user

from ..history import HistoryFilterForm, history_entries, history_page, history_youth_named


@require_GET
@staff_required
def history(request: HttpRequest) -> HttpResponse:
    """Who did what in the organisation, filterable; `?ung=<pk>` is one young person's
    history (the profile's link). Caseworkers and managers of the organisation only."""
    youth_pk = request_id(request.GET, "ung")
    youth = get_youth_for_user(request.user, youth_pk) if youth_pk else None
    form = HistoryFilterForm(request.GET, organisation_id=request.user.organisation_id)
    entries = history_entries(request.user, youth=youth, **form.filters())
    page = history_page(entries, request.GET.get("side"))
    named = history_youth_named(request.user, page.object_list)
    for entry in page.object_list:
        entry.youth = named.get(entry.youth_id)
    access_log_record_many(
        user=request.user,
        youths=[(person.pk, person.organisation_id) for person in named.values()],
        what="Historik: hvem ændrede hvad",
    )
    context = {"form": form, "page": page, "youth": youth, "show_youth": youth is None}
    return render(request, "workspace/history.html", context)
