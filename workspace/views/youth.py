from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import staff_required
from accounts.selectors import history_for_user
from accounts.services import access_log_record
from youth.selectors import get_youth_for_user

from ..history import HISTORY_ON_PROFILE
from ..selectors import youth_profile


@staff_required
def youth_detail(request: HttpRequest, pk: int) -> HttpResponse:
    youth = get_youth_for_user(request.user, pk)
    profile = youth_profile(request.user, youth)
    access_log_record(
        user=request.user,
        youth_id=youth.pk,
        organisation_id=youth.organisation_id,
        what="Profil: kontakt, plan, skånehensyn, praktikker, mål og beviser",
    )
    # One more than shown tells whether to link to the whole history.
    history = list(
        history_for_user(request.user).filter(youth_id=youth.pk)[: HISTORY_ON_PROFILE + 1]
    )
    return render(
        request,
        "workspace/youth_detail.html",
        {
            "youth": youth,
            "profile": profile,
            "history": history[:HISTORY_ON_PROFILE],
            "history_more": len(history) > HISTORY_ON_PROFILE,
        },
    )
