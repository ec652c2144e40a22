"""Cohorts ("hold") and OCN quality assurance: the organisation's pages (caseworkers,
managers, internal quality assurers) and the awarding body's pages (external assurers)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.access import assurer_required, caseworker_required, require_write, staff_required
from accounts.errors import domain_error_show
from accounts.services import access_log_for, access_log_record_many
from documents.services import document_request
from goals.selectors import assessed_goals_for_youth
from youth.models import Youth
from youth.selectors import youth_for_user

from ..cohort_files import COHORT_PDF, COHORT_ZIP
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
            domain_error_show(request, error, form)
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
        domain_error_show(request, error)
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
                    domain_error_show(request, error, guide_form)
                else:
                    return redirect("cohorts:detail", pk=cohort.pk)
        elif request.POST.get("step") == "review" and may_review:
            if review_form.is_valid():
                try:
                    cohort_member_review(
                        member=member, decisions=review_form.decisions(), by=request.user
                    )
                except CohortError as error:
                    domain_error_show(request, error, review_form)
                else:
                    return redirect("cohorts:detail", pk=cohort.pk)
        else:
            raise PermissionDenied
    access_log_for(
        user=request.user, about=member, what=f"Læringsdokumentation på holdet {cohort.name}"
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


def _cohort_file(request: HttpRequest, pk: int, *, kind: str, title: str) -> HttpResponse:
    """GET: what will be made; POST: ask for it (made in the background, see
    `certificates.cohort_files`) and go to its page. Everyone whose certificate goes in is
    access-logged when the file is asked for."""
    cohort = get_cohort_for_user(request.user, pk)
    if request.method == "GET":
        return render(
            request,
            "documents/request.html",
            {
                "title": title % {"name": cohort.name},
                "back_url": reverse("cohorts:detail", args=[cohort.pk]),
                "button": _("Prepare the file"),
            },
        )
    youths = (
        certificates_for_user(request.user)
        .filter(cohort=cohort, status=Certificate.Status.ISSUED)
        .values_list("youth_id", "organisation_id")
    )
    access_log_record_many(
        user=request.user,
        youths=list(youths),
        what=f"Kompetencebeviser for holdet {cohort.name} (fil)",
    )
    document = document_request(
        kind=kind,
        owner=request.user,
        title=title % {"name": cohort.name},
        params={"cohort": cohort.pk},
    )
    return redirect("documents:detail", pk=document.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def cohort_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Every issued certificate of the cohort in one PDF, for printing."""
    return _cohort_file(
        request, pk, kind=COHORT_PDF, title=_("All certificates of %(name)s in one PDF")
    )


@staff_required
@require_http_methods(["GET", "POST"])
def cohort_zip(request: HttpRequest, pk: int) -> HttpResponse:
    """The stored PDFs, byte for byte, one file per certificate."""
    return _cohort_file(
        request, pk, kind=COHORT_ZIP, title=_("The certificates of %(name)s as a ZIP file")
    )


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
            domain_error_show(request, error, form)
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
    access_log_for(
        user=request.user,
        about=member,
        what=f"Læringsdokumentation på holdet {cohort.name} (ekstern kvalitetssikring)",
    )
    return render(
        request,
        "certificates/cohorts/member.html",
        {"cohort": cohort, "member": member, "documentation": cohort_member_documentation(member)},
    )
