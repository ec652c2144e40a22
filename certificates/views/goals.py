"""Caseworker pages: the goal catalogue, learning goals on a placement, assessment, timeline."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import caseworker_required, staff_required
from accounts.errors import form_show_error
from accounts.forms import request_id
from accounts.models import User
from accounts.services import access_log_record
from placements.models import Placement
from placements.selectors import get_placement_for_user

from ..forms.goals import AssessForm, CatalogueSearchForm, GoalTemplateForm, LearningGoalForm
from ..forms.progress import ProgressEntryForm
from ..selectors import (
    get_goal_for_user,
    get_goal_template_for_user,
    goal_templates_for_user,
    goal_templates_search,
    goal_timeline,
    progress_entries_for_user,
)
from ..services.goals import (
    GoalError,
    goal_template_create,
    goal_template_retire,
    goal_template_update,
    learning_goal_assess,
    learning_goal_create,
    learning_goal_update,
)
from ..services.progress import (
    WITHDRAW_WINDOW,
    ProgressError,
    progress_entry_create,
    progress_entry_withdraw,
)

CATALOGUE_PAGE_SIZE = 25
TIMELINE_PAGE_SIZE = 50
SEARCH_RESULTS = 20


def _log_goal_view(user: User, placement: Placement, what: str) -> None:
    access_log_record(
        user=user,
        youth_id=placement.youth_id,
        organisation_id=placement.organisation_id,
        what=what,
    )


# The catalogue ----------------------------------------------------------------------------


@staff_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    search = CatalogueSearchForm(request.GET)
    retired = request.GET.get("vis") == "udgaaede"
    templates = goal_templates_for_user(request.user)
    found = goal_templates_search(templates.filter(is_active=not retired), **search.criteria())
    page = Paginator(found.order_by("area", "title", "pk"), CATALOGUE_PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    return render(
        request,
        "certificates/goals/catalogue.html",
        {
            "search": search,
            "page": page,
            "retired": retired,
            "retired_count": templates.filter(is_active=False).count(),
        },
    )


@caseworker_required
@require_http_methods(["GET", "POST"])
def template_create(request: HttpRequest) -> HttpResponse:
    form = GoalTemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        template = goal_template_create(organisation=request.user.organisation, **form.cleaned_data)
        messages.success(request, _("“%(title)s” is in the catalogue.") % {"title": template})
        return redirect("goals:catalogue")
    return render(request, "certificates/goals/template_form.html", {"form": form})


@caseworker_required
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_goal_template_for_user(request.user, pk, write=True)
    form = GoalTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        goal_template_update(template=template, data=form.cleaned_data)
        messages.success(request, _("The goal in the catalogue is saved."))
        return redirect("goals:catalogue")
    return render(
        request, "certificates/goals/template_form.html", {"form": form, "template": template}
    )


@caseworker_required
@require_POST
def template_retire(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_goal_template_for_user(request.user, pk, write=True)
    goal_template_retire(template=template)
    messages.success(
        request,
        _("“%(title)s” is retired. Goals already on placements are kept.") % {"title": template},
    )
    return redirect("goals:catalogue")


@caseworker_required
@require_POST
def template_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_goal_template_for_user(request.user, pk, write=True)
    goal_template_retire(template=template, retired=False)
    messages.success(request, _("“%(title)s” is back in the catalogue.") % {"title": template})
    return redirect("goals:catalogue")


# Learning goals on a placement ------------------------------------------------------------


def _placement_from_query(request: HttpRequest) -> Placement:
    pk = request_id(request.POST, "placement") or request_id(request.GET, "placement")
    if pk is None:
        raise Http404
    return get_placement_for_user(request.user, pk, write=True)


@caseworker_required
@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest) -> HttpResponse:
    """Add a goal: pick one from the catalogue (then adjust it) or write one from scratch."""
    placement = _placement_from_query(request)
    active = goal_templates_for_user(request.user).filter(is_active=True)
    template_pk = request_id(request.POST, "template") or request_id(request.GET, "template")
    template = get_goal_template_for_user(request.user, template_pk) if template_pk else None
    initial = {}
    if template is not None:
        initial = {
            "title": template.title,
            "criteria": template.criteria,
            "area": template.area,
            "target_level": template.level,
            "points": template.points,
        }
    form = LearningGoalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            goal = learning_goal_create(placement=placement, template=template, **form.cleaned_data)
        except GoalError as error:
            form_show_error(form, error)
        else:
            messages.success(request, _("The goal is added to the placement."))
            return redirect("goals:detail", pk=goal.pk)
    # Its own ids: the goal form beside it has an "area" field too.
    search = CatalogueSearchForm(request.GET, auto_id="search_%s")
    found = goal_templates_search(active, **search.criteria()).order_by("area", "title", "pk")
    context = {
        "placement": placement,
        "form": form,
        "template": template,
        "search": search,
        "results": found[:SEARCH_RESULTS],
        "more_results": found[SEARCH_RESULTS : SEARCH_RESULTS + 1].exists(),
    }
    if request.htmx and request.htmx.target == "template-results":
        return render(request, "certificates/goals/_template_results.html", context)
    _log_goal_view(request.user, placement, "Nyt læringsmål")
    return render(request, "certificates/goals/goal_form.html", context)


@caseworker_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_goal_for_user(request.user, pk, write=True)
    form = LearningGoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        learning_goal_update(goal=goal, data=form.cleaned_data)
        messages.success(request, _("The goal is saved."))
        return redirect("goals:detail", pk=goal.pk)
    _log_goal_view(request.user, goal.placement, "Ret læringsmål")
    return render(
        request,
        "certificates/goals/goal_form.html",
        {"form": form, "goal": goal, "placement": goal.placement},
    )


@caseworker_required
@require_http_methods(["GET", "POST"])
def goal_assess(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_goal_for_user(request.user, pk, write=True)
    form = AssessForm(
        request.POST or None,
        initial={"level": goal.assessed_level or goal.current_level or goal.target_level},
    )
    if request.method == "POST" and form.is_valid():
        try:
            learning_goal_assess(
                goal=goal,
                by=request.user,
                level=form.cleaned_data["level"],
                assessed_on=form.cleaned_data["assessed_on"],
            )
        except GoalError as error:
            form_show_error(form, error)
        else:
            messages.success(request, _("The assessment is saved."))
            return redirect("goals:detail", pk=goal.pk)
    _log_goal_view(request.user, goal.placement, "Vurdering af læringsmål")
    return render(
        request,
        "certificates/goals/assess.html",
        {
            "goal": goal,
            "form": form,
            "entries": goal_timeline(goal)[:TIMELINE_PAGE_SIZE],
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The goal with its timeline of entries; a caseworker can add an entry too."""
    write = request.method == "POST"
    goal = get_goal_for_user(request.user, pk, write=write)
    form = ProgressEntryForm(request.POST or None, auto_id="id_entry_%s")
    if write and form.is_valid():
        try:
            progress_entry_create(goal=goal, author=request.user, **form.cleaned_data)
        except ProgressError as error:
            form_show_error(form, error)
        else:
            messages.success(request, _("Your entry is saved."))
            return redirect("goals:detail", pk=goal.pk)
    page = Paginator(goal_timeline(goal), TIMELINE_PAGE_SIZE).get_page(request.GET.get("side"))
    _log_goal_view(request.user, goal.placement, "Læringsmål og log")
    return render(
        request,
        "certificates/goals/detail.html",
        {
            "goal": goal,
            "page": page,
            "form": form,
            "withdraw_after": timezone.now() - WITHDRAW_WINDOW,
        },
    )


@caseworker_required
@require_POST
def entry_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(
        progress_entries_for_user(request.user).filter(author=request.user), pk=pk
    )
    try:
        progress_entry_withdraw(entry=entry, by=request.user)
    except ProgressError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your entry is withdrawn. It stays in the history."))
    return redirect("goals:detail", pk=entry.goal_id)
