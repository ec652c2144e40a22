"""Import from a spreadsheet: upload, preview every row, confirm. Nothing is saved before
the caseworker confirms; the file waits in their session in between. Confirmed, the rows
are saved in the task queue (`workspace/import_jobs.py`) and the import's page shows the
progress, then every row's result."""

import base64

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRefresh

from accounts.access import caseworker_required
from accounts.errors import domain_error_show
from accounts.services import access_log_record_many

from ..import_jobs import import_job_counts, import_job_create, import_job_resume
from ..imports import (
    KINDS,
    ImportFileError,
    import_read,
    import_run,
    import_template,
    row_result,
)
from ..models import ImportJob
from ..selectors import get_import_job_for_user, import_jobs_for_user

SESSION_KEY = "import_file"
# How often the import's page asks for its progress, and how many rows a result page shows.
POLL_SECONDS = 2
RESULT_ROWS = 100
TEMPLATE_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What is in the file?"),
        choices=[(key, kind.label) for key, kind in KINDS.items()],
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("CSV (also with ; from Danish Excel) or Excel (.xlsx)."),
    )


def _preview(request: HttpRequest, kind_key: str, name: str, content: bytes):
    kind = KINDS[kind_key]
    dataset = import_read(content=content, filename=name)
    return kind, import_run(kind=kind, dataset=dataset, user=request.user, save=False)


@caseworker_required
@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        kind_key = form.cleaned_data["kind"]
        try:
            kind, outcome = _preview(request, kind_key, upload.name, content)
        except ImportFileError as error:
            domain_error_show(request, error, form)
        else:
            # Rows that are young people already here name them.
            access_log_record_many(
                user=request.user,
                youths=[
                    (row.youth_id, request.user.organisation_id)
                    for row in outcome.rows
                    if row.youth_id is not None
                ],
                what="Import: forhåndsvisning",
            )
            request.session[SESSION_KEY] = {
                "kind": kind_key,
                "name": upload.name,
                "content": base64.b64encode(content).decode(),
            }
            return render(
                request,
                "workspace/import/preview.html",
                {"kind": kind, "outcome": outcome, "name": upload.name},
            )
    return render(
        request,
        "workspace/import/start.html",
        {"form": form, "kinds": KINDS, "jobs": import_jobs_for_user(request.user)},
    )


@caseworker_required
@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    """Save the previewed file: the valid rows are saved by a background task (about a
    minute for 2,000 rows), and the caseworker follows it on the import's page."""
    waiting = request.session.pop(SESSION_KEY, None)
    if waiting is None:
        messages.error(request, _("There is no file waiting. Choose the file again."))
        return redirect("workspace:import")
    job = import_job_create(
        owner=request.user,
        kind=waiting["kind"],
        filename=waiting["name"],
        content=base64.b64decode(waiting["content"]),
    )
    return redirect("workspace:import_job", pk=job.pk)


def _job_context(request: HttpRequest, job: ImportJob) -> dict:
    context = {"job": job, "poll_seconds": POLL_SECONDS, "next_row": job.rows_done + 2}
    if not job.finished:
        return context
    errors_only = request.GET.get("fejl") == "1"
    rows = job.rows.exclude(status="empty")
    if errors_only:
        rows = rows.filter(status="error")
    page = Paginator(rows, RESULT_ROWS).get_page(request.GET.get("side"))
    shown = [(row.youth_id, job.organisation_id) for row in page if row.youth_id is not None]
    if shown:
        access_log_record_many(user=request.user, youths=shown, what="Import: resultat")
    return context | {
        "kind": KINDS[job.kind],
        "counts": import_job_counts(job),
        "page": page,
        "rows": [row_result(row) for row in page],
        "errors_only": errors_only,
    }


@caseworker_required
@require_GET
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """The import's progress while it runs (polled), then every row's result."""
    job = get_import_job_for_user(request.user, pk)
    return render(request, "workspace/import/job.html", _job_context(request, job))


@caseworker_required
@require_GET
def import_job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Polled by the import's page (htmx); when the import is finished the page reloads
    itself to show the results."""
    job = get_import_job_for_user(request.user, pk)
    if job.finished:
        return HttpResponseClientRefresh()
    return render(request, "workspace/import/_progress.html", _job_context(request, job))


@caseworker_required
@require_POST
def import_job_continue(request: HttpRequest, pk: int) -> HttpResponse:
    """Continue a stopped import from the first row without a result."""
    job = get_import_job_for_user(request.user, pk)
    if not import_job_resume(job=job):
        messages.error(request, _("This import is not stopped, so there is nothing to continue."))
    return redirect("workspace:import_job", pk=job.pk)


@caseworker_required
@require_GET
def import_template_download(request: HttpRequest, kind: str, file_format: str) -> HttpResponse:
    if kind not in KINDS or file_format not in TEMPLATE_TYPES:
        raise Http404
    response = HttpResponse(
        import_template(kind=KINDS[kind], file_format=file_format),
        content_type=TEMPLATE_TYPES[file_format],
    )
    response["Content-Disposition"] = content_disposition_header(
        True, f"skabelon-{kind}.{file_format}"
    )
    return response
