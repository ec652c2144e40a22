from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import staff_required
from accounts.selectors import history_for_youth
from accounts.services import access_log_for
from transfers.selectors import pending_transfer_of
from youth.selectors import get_youth_for_user

from ..history import HISTORY_ON_PROFILE
from ..selectors import youth_profile


@staff_required
def youth_detail(request: HttpRequest, pk: int) -> HttpResponse:
    youth = get_youth_for_user(request.user, pk)
    profile = youth_profile(request.user, youth)
    access_log_for(
        user=request.user,
        about=youth,
        what="Profil: kontakt, plan, skånehensyn, praktikker, mål og beviser",
    )
    # One more than shown tells whether to link to the whole history.
    history = list(history_for_youth(request.user, youth.pk)[: HISTORY_ON_PROFILE + 1])
    context = {
        "youth": youth,
        "profile": profile,
        "pending_transfer": pending_transfer_of(youth.pk),
        "history": history[:HISTORY_ON_PROFILE],
        "history_more": len(history) > HISTORY_ON_PROFILE,
    }
    return render(request, "workspace/youth_detail.html", context)
