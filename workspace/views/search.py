from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.access import staff_required
from accounts.services import access_log_record_many

from ..search import SEARCH_MIN_LENGTH, search_for_user


@staff_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """The top bar's search. Young people shown are access-logged, as on the youth list."""
    q = request.GET.get("q", "")[:100]
    results = search_for_user(request.user, q)
    access_log_record_many(
        user=request.user,
        youths=[(youth.pk, youth.organisation_id) for youth in results.youth.rows]
        + [(c.youth_id, c.organisation_id) for c in results.certificates.rows],
        what="Søgning: navne",
    )
    return render(
        request,
        "workspace/search.html",
        {"q": q, "results": results, "min_length": SEARCH_MIN_LENGTH},
    )
