from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.services import access_log_for

from .models import PreparedDocument
from .selectors import get_document_for_user

# How often the "being prepared" page reloads itself (a meta refresh: no JavaScript needed).
REFRESH_SECONDS = 3


def _log_youth_shown(request: HttpRequest, document: PreparedDocument) -> None:
    """A document about a young person names them (its title) and holds their data."""
    if document.youth_id is not None:
        access_log_for(user=request.user, about=document, what=document.title[:200])


@never_cache
@require_GET
@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, pk)
    _log_youth_shown(request, document)
    return render(
        request,
        "documents/detail.html",
        {"document": document, "refresh_seconds": REFRESH_SECONDS, "now": timezone.now()},
    )


@never_cache
@require_GET
@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_document_for_user(request.user, pk)
    if document.status != PreparedDocument.Status.READY or document.expires_at < timezone.now():
        raise Http404
    _log_youth_shown(request, document)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)
