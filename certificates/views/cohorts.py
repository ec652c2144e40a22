"""Cohorts ("hold") and OCN quality assurance: the organisation's pages (caseworkers,
managers, internal quality assurers) and the awarding body's pages (external assurers)."""

import io
import zipfile

import pikepdf
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import assurer_required, caseworker_required, require_write, staff_required
from accounts.services import access_log_record, access_log_record_many
from goals.selectors import assessed_goals_for_youth
from youth.models import Youth
from youth.selectors import youth_for_user

from ..forms.cohorts import (
    CohortAddYouthForm,
    CohortForm,
    ExternalDecisionForm,
    GoalReviewForm,
    GuideApproveForm,
    WidenSampleForm,
)
from ..models import Certificate, Cohort, CohortMember
from ..sampling import sample_minimum
from ..selectors import (
    certificates_for_user,
    cohort_member_documentation,
    cohort_members_for_user,
    cohorts_for_user,
    get_cohort_for_user,
    get_cohort_member_for_user,
)
from ..services.cohorts import (
    CohortError,
    can_review_internally,
    cohort_create,
    cohort_external_decide,
    cohort_issue,
    cohort_member_add,
    cohort_member_guide_approve,
    cohort_member_review,
    cohort_progress,
    cohort_resubmit,
    cohort_sample_widen,
    cohort_submit,
)

POLL_SECONDS = 2


@staff_required
def cohort_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        require_write(request.user)
    form = CohortForm(request.POST or None)
    if form.is_valid():
        try:
            cohort = cohort_create(
                name=form.cleaned_data["name"],
                awarding_body=form.cleaned_data["awarding_body"],
                by=request.user,
            )
        except CohortError as error:
            form.add_error("awarding_body", str(error))
        else:
            return redirect("cohorts:detail", pk=cohort.pk)
    cohorts = cohorts_for_user(request.user)[:100]
    return render(request, "certificates/cohorts/list.html", {"cohorts": cohorts, "form": form})


def _members_shown(request: HttpRequest, cohort: Cohort) -> list[CohortMember]:
    members = list(cohort_members_for_user(request.user, cohort))
    access_log_record_many(
        user=request.user,
        youths=[(m.youth_id, cohort.organisation_id) for m in members],
        what=f"Hold {cohort.name}",
    )
    return members


@staff_required
def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, pk)
    members = _members_shown(request, cohort)
    in_cohort = [m.youth_id for m in members]
    add_form = CohortAddYouthForm(
        youth=youth_for_user(request.user)
        .filter(status=Youth.Status.ACTIVE)
        .exclude(pk__in=in_cohort)
    )
    return render(
        request,
        "certificates/cohorts/detail.html",
        {
            "cohort": cohort,
            "members": members,
            "add_form": add_form,
            "widen_form": WidenSampleForm(),
            "progress": cohort_progress(cohort),
            "internal_minimum": sample_minimum(count=len(members), percent=33),
            "can_write": request.user.is_caseworker,
            "poll_seconds": POLL_SECONDS,
        },
    )


def _step(request: HttpRequest, cohort: Cohort, action, **kwargs) -> HttpResponse:
    """Run one cohort step; a refusal is shown as a message on the cohort page."""
    try:
        action(cohort=cohort, by=request.user, **kwargs)
    except CohortError as error:
        messages.error(request, str(error))
    return redirect("cohorts:detail", pk=cohort.pk)


@require_POST
@caseworker_required
def cohort_add_youth(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, pk, write=True)
    form = CohortAddYouthForm(request.POST, youth=youth_for_user(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose a young person."))
        return redirect("cohorts:detail", pk=cohort.pk)
    return _step(request, cohort, cohort_member_add, youth=form.cleaned_data["youth"])


@require_POST
@caseworker_required
def cohort_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, get_cohort_for_user(request.user, pk, write=True), cohort_submit)


@require_POST
@caseworker_required
def cohort_resubmit_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, get_cohort_for_user(request.user, pk, write=True), cohort_resubmit)


@require_POST
@caseworker_required
def cohort_widen(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, pk, write=True)
    form = WidenSampleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write how many youth the sample should have."))
        return redirect("cohorts:detail", pk=cohort.pk)
    internal = cohort.status == Cohort.Status.INTERNAL
    return _step(
        request, cohort, cohort_sample_widen, internal=internal, size=form.cleaned_data["size"]
    )


@require_POST
@caseworker_required
def cohort_issue_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, get_cohort_for_user(request.user, pk, write=True), cohort_issue)


@staff_required
def cohort_progress_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The issuing progress, polled by the cohort page (htmx) until every youth is done."""
    cohort = get_cohort_for_user(request.user, pk)
    members = _members_shown(request, cohort)
    return render(
        request,
        "certificates/cohorts/_progress.html",
        {
            "cohort": cohort,
            "members": members,
            "progress": cohort_progress(cohort),
            "poll_seconds": POLL_SECONDS,
        },
    )


@staff_required
def cohort_member_detail(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    """One youth of the cohort: the guide's approval (step 1) and the internal review."""
    cohort = get_cohort_for_user(request.user, pk)
    member = get_cohort_member_for_user(request.user, cohort, member_pk)
    goals = assessed_goals_for_youth(request.user, member.youth_id)
    guide_form = GuideApproveForm(
        request.POST if request.POST.get("step") == "guide" else None,
        goals=goals,
        initial={"goals": list(member.certificate.goals.all()) if member.certificate else []},
    )
    documentation = cohort_member_documentation(member)
    review_form = GoalReviewForm(
        request.POST if request.POST.get("step") == "review" else None,
        goals=[goal for goal, _entries, _reviews in documentation],
    )
    may_review = (
        member.internal_review == CohortMember.Review.PENDING
        and cohort.status == Cohort.Status.INTERNAL
        and can_review_internally(request.user, member)
    )
    if request.method == "POST":
        if request.POST.get("step") == "guide" and request.user.is_caseworker:
            if guide_form.is_valid():
                try:
                    cohort_member_guide_approve(
                        member=member, goals=list(guide_form.cleaned_data["goals"]), by=request.user
                    )
                except CohortError as error:
                    guide_form.add_error("goals", str(error))
                else:
                    return redirect("cohorts:detail", pk=cohort.pk)
        elif request.POST.get("step") == "review" and may_review:
            if review_form.is_valid():
                try:
                    cohort_member_review(
                        member=member, decisions=review_form.decisions(), by=request.user
                    )
                except CohortError as error:
                    review_form.add_error(None, str(error))
                else:
                    return redirect("cohorts:detail", pk=cohort.pk)
        else:
            raise PermissionDenied
    access_log_record(
        user=request.user,
        youth_id=member.youth_id,
        organisation_id=cohort.organisation_id,
        what=f"Læringsdokumentation på holdet {cohort.name}",
    )
    return render(
        request,
        "certificates/cohorts/member.html",
        {
            "cohort": cohort,
            "member": member,
            "documentation": documentation,
            "guide_form": guide_form,
            "review_form": review_form,
            "may_guide": request.user.is_caseworker
            and (
                cohort.status in (Cohort.Status.OPEN, Cohort.Status.RETURNED)
                or member.internal_review == CohortMember.Review.RETURNED
            ),
            "may_review": may_review,
        },
        status=400 if guide_form.errors or review_form.errors else 200,
    )


def _issued(request: HttpRequest, cohort: Cohort) -> list[Certificate]:
    certificates = list(
        certificates_for_user(request.user)
        .filter(cohort=cohort, status=Certificate.Status.ISSUED)
        .select_related("youth")
        .order_by("youth__first_name", "youth__last_name", "pk")
    )
    access_log_record_many(
        user=request.user,
        youths=[(c.youth_id, c.organisation_id) for c in certificates],
        what=f"Kompetencebeviser for holdet {cohort.name} (PDF)",
    )
    return certificates


@staff_required
def cohort_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Every issued certificate of the cohort in one PDF, for printing."""
    cohort = get_cohort_for_user(request.user, pk)
    merged = pikepdf.Pdf.new()
    for certificate in _issued(request, cohort):
        with certificate.pdf.open("rb") as stored:
            merged.pages.extend(pikepdf.Pdf.open(io.BytesIO(stored.read())).pages)
    buffer = io.BytesIO()
    merged.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, f"hold-{cohort.pk}.pdf")
    return response


@staff_required
def cohort_zip(request: HttpRequest, pk: int) -> HttpResponse:
    """The stored PDFs, byte for byte, one file per certificate."""
    cohort = get_cohort_for_user(request.user, pk)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for certificate in _issued(request, cohort):
            with certificate.pdf.open("rb") as stored:
                archive.writestr(f"{certificate.number}.pdf", stored.read())
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, f"hold-{cohort.pk}.zip")
    return response


# The awarding body's pages.


@assurer_required
def assurer_cohort_list(request: HttpRequest) -> HttpResponse:
    cohorts = cohorts_for_user(request.user)[:100]
    return render(request, "certificates/cohorts/assurer_list.html", {"cohorts": cohorts})


@assurer_required
def assurer_cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, pk)
    form = ExternalDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort_external_decide(
                cohort=cohort,
                approve=form.approve,
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except CohortError as error:
            form.add_error("comment", str(error))
        else:
            return redirect("assurance:detail", pk=cohort.pk)
    members = _members_shown(request, cohort)
    return render(
        request,
        "certificates/cohorts/assurer_detail.html",
        {"cohort": cohort, "members": members, "form": form},
        status=400 if form.errors else 200,
    )


@assurer_required
def assurer_member(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    """A sampled youth's learning documentation, and nothing else of the youth."""
    cohort = get_cohort_for_user(request.user, pk)
    member = get_cohort_member_for_user(request.user, cohort, member_pk)
    access_log_record(
        user=request.user,
        youth_id=member.youth_id,
        organisation_id=cohort.organisation_id,
        what=f"Læringsdokumentation på holdet {cohort.name} (ekstern kvalitetssikring)",
    )
    return render(
        request,
        "certificates/cohorts/member.html",
        {"cohort": cohort, "member": member, "documentation": cohort_member_documentation(member)},
    )
