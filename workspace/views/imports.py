"""Import from a spreadsheet: upload, preview every row, confirm. Nothing is saved before
the caseworker confirms; the file waits in their session in between."""

import base64

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import caseworker_required
from accounts.errors import domain_error_show

from ..imports import KINDS, ImportFileError, import_read, import_run, import_template

SESSION_KEY = "import_file"
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


def _preview(request: HttpRequest, kind_key: str, name: str, content: bytes, *, save: bool):
    kind = KINDS[kind_key]
    dataset = import_read(content=content, filename=name)
    return kind, import_run(kind=kind, dataset=dataset, user=request.user, save=save)


@caseworker_required
@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        kind_key = form.cleaned_data["kind"]
        try:
            kind, outcome = _preview(request, kind_key, upload.name, content, save=False)
        except ImportFileError as error:
            domain_error_show(request, error, form)
        else:
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
    return render(request, "workspace/import/start.html", {"form": form, "kinds": KINDS})


@caseworker_required
@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    """Run the previewed file for real: the valid rows are saved, the rest are left out."""
    waiting = request.session.pop(SESSION_KEY, None)
    if waiting is None:
        messages.error(request, _("There is no file waiting. Choose the file again."))
        return redirect("workspace:import")
    content = base64.b64decode(waiting["content"])
    try:
        kind, outcome = _preview(request, waiting["kind"], waiting["name"], content, save=True)
    except ImportFileError as error:
        domain_error_show(request, error)
        return redirect("workspace:import")
    messages.success(
        request,
        _("%(new)s rows are saved. %(exists)s were already there; %(errors)s had errors.")
        % {
            "new": outcome.count("new"),
            "exists": outcome.count("exists"),
            "errors": outcome.count("error"),
        },
    )
    return render(
        request,
        "workspace/import/preview.html",
        {"kind": kind, "outcome": outcome, "name": waiting["name"], "saved": True},
    )


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
