"""Caseworker pages: the goal catalogue, learning goals on a placement, assessment, timeline."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import caseworker_required, staff_required
from accounts.errors import domain_error_show
from accounts.forms import request_id_posted_or_query
from accounts.services import access_log_for, user_mark_progress_seen
from placements.models import Placement
from placements.selectors import get_placement_for_user

from ..forms.goals import (
    AssessForm,
    CatalogueSearchForm,
    GoalPackageForm,
    GoalPickForm,
    GoalTemplateForm,
    LearningGoalForm,
    PlacementAssessForm,
)
from ..forms.progress import ProgressEntryForm
from ..selectors import (
    get_goal_for_user,
    get_goal_template_for_user,
    goal_packages_for_user,
    goal_templates_for_user,
    goal_templates_search,
    goal_templates_to_pick,
    goal_timeline,
    goals_to_assess,
    progress_entries_for_user,
)
from ..services.goals import (
    GoalError,
    goal_package_apply,
    goal_package_create,
    goal_template_create,
    goal_template_retire,
    goal_template_update,
    learning_goal_assess,
    learning_goal_create,
    learning_goal_update,
    learning_goals_add_from_catalogue,
    placement_goals_assess,
)
from ..services.progress import (
    WITHDRAW_WINDOW,
    ProgressError,
    progress_entry_create,
    progress_entry_withdraw,
    progress_mark_seen,
)

CATALOGUE_PAGE_SIZE = 25
TIMELINE_PAGE_SIZE = 50
SEARCH_RESULTS = 20
# A caseworker picks from a list this long at most; the search narrows it.
PICK_RESULTS = 100


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
        "goals/catalogue.html",
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
        template = goal_template_create(
            organisation=request.user.organisation, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("“%(title)s” is in the catalogue.") % {"title": template})
        return redirect("goals:catalogue")
    return render(request, "goals/template_form.html", {"form": form})


@caseworker_required
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_goal_template_for_user(request.user, pk, write=True)
    form = GoalTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        goal_template_update(template=template, data=form.cleaned_data, by=request.user)
        messages.success(request, _("The goal in the catalogue is saved."))
        return redirect("goals:catalogue")
    return render(request, "goals/template_form.html", {"form": form, "template": template})


@caseworker_required
@require_POST
def template_retire(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_goal_template_for_user(request.user, pk, write=True)
    goal_template_retire(template=template, by=request.user)
    messages.success(
        request,
        _("“%(title)s” is retired. Goals already on placements are kept.") % {"title": template},
    )
    return redirect("goals:catalogue")


@caseworker_required
@require_POST
def template_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_goal_template_for_user(request.user, pk, write=True)
    goal_template_retire(template=template, by=request.user, retired=False)
    messages.success(request, _("“%(title)s” is back in the catalogue.") % {"title": template})
    return redirect("goals:catalogue")


# Learning goals on a placement ------------------------------------------------------------


def _placement_from_query(request: HttpRequest) -> Placement:
    pk = request_id_posted_or_query(request, "placement")
    if pk is None:
        raise Http404
    return get_placement_for_user(request.user, pk, write=True)


@caseworker_required
@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest) -> HttpResponse:
    """Add a goal: pick one from the catalogue (then adjust it) or write one from scratch."""
    placement = _placement_from_query(request)
    active = goal_templates_for_user(request.user).filter(is_active=True)
    template_pk = request_id_posted_or_query(request, "template")
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
            goal = learning_goal_create(
                placement=placement, template=template, by=request.user, **form.cleaned_data
            )
        except GoalError as error:
            domain_error_show(request, error, form)
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
        return render(request, "goals/_template_results.html", context)
    access_log_for(user=request.user, about=placement, what="Nyt læringsmål")
    return render(request, "goals/goal_form.html", context)


@caseworker_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_goal_for_user(request.user, pk, write=True)
    form = LearningGoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        learning_goal_update(goal=goal, data=form.cleaned_data, by=request.user)
        messages.success(request, _("The goal is saved."))
        return redirect("goals:detail", pk=goal.pk)
    access_log_for(user=request.user, about=goal.placement, what="Ret læringsmål")
    return render(
        request,
        "goals/goal_form.html",
        {"form": form, "goal": goal, "placement": goal.placement},
    )


@caseworker_required
@require_http_methods(["GET", "POST"])
def goal_assess(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_goal_for_user(request.user, pk, write=True)
    form = AssessForm(
        request.POST or None,
        initial={
            "level": goal.assessed_level or goal.current_level or goal.target_level,
            "points": goal.points,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            learning_goal_assess(
                goal=goal,
                by=request.user,
                level=form.cleaned_data["level"],
                assessed_on=form.cleaned_data["assessed_on"],
                points=form.cleaned_data["points"],
            )
        except GoalError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The assessment is saved."))
            return redirect("goals:detail", pk=goal.pk)
    access_log_for(user=request.user, about=goal.placement, what="Vurdering af læringsmål")
    return render(
        request,
        "goals/assess.html",
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
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("Your entry is saved."))
            return redirect("goals:detail", pk=goal.pk)
    page = Paginator(goal_timeline(goal), TIMELINE_PAGE_SIZE).get_page(request.GET.get("side"))
    access_log_for(user=request.user, about=goal.placement, what="Læringsmål og log")
    # Opening the goal is reading its news: it leaves "New from the mentors".
    progress_mark_seen(goal=goal, by=request.user)
    return render(
        request,
        "goals/detail.html",
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
        domain_error_show(request, error)
    else:
        messages.success(request, _("Your entry is withdrawn. It stays in the history."))
    return redirect("goals:detail", pk=entry.goal_id)


# "New from the mentors" on the dashboard ---------------------------------------------------

NEWS_URL = "workspace:dashboard"


@staff_required
@require_POST
def news_seen(request: HttpRequest, pk: int) -> HttpResponse:
    """One goal's new entries are seen: it leaves the dashboard's news until the next entry."""
    progress_mark_seen(goal=get_goal_for_user(request.user, pk), by=request.user)
    return redirect(NEWS_URL)


@staff_required
@require_POST
def news_seen_all(request: HttpRequest) -> HttpResponse:
    """Every new entry up to now is seen."""
    user_mark_progress_seen(user=request.user)
    return redirect(NEWS_URL)


# Several goals at once, goal packages, assessing a placement at once ---------------------


def _goal_pick_context(form: GoalPickForm) -> dict:
    """The goals matching the filter, and those ticked but filtered away (kept as hidden
    inputs, so changing the filter never loses a choice)."""
    criteria = form.data if form.is_bound else form.initial
    templates = form.fields["templates"].queryset
    found = list(
        goal_templates_to_pick(
            templates, q=criteria.get("q", ""), industry=criteria.get("industry", "")
        )[: PICK_RESULTS + 1]
    )
    chosen = form.chosen_ids()
    shown = {template.pk for template in found[:PICK_RESULTS]}
    return {
        "form": form,
        "found": found[:PICK_RESULTS],
        "more_found": len(found) > PICK_RESULTS,
        "chosen": chosen,
        "chosen_hidden": sorted(chosen - shown),
    }


def _pick_form(request: HttpRequest, form_class: type[GoalPickForm], initial: dict):
    """Bound to the POST when it saves, otherwise to the filter in the query string."""
    templates = goal_templates_for_user(request.user).filter(is_active=True)
    saving = request.method == "POST" and "save" in request.POST
    data = request.POST if request.method == "POST" else None
    return form_class(data, templates=templates, initial=initial), saving


@caseworker_required
@require_http_methods(["GET", "POST"])
def goals_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Tick several catalogue goals, or apply a goal package, and add them in one go."""
    placement = get_placement_for_user(request.user, pk, write=True)
    initial = {
        "industry": request.GET.get("industry", placement.company.industry),
        "q": request.GET.get("q", ""),
    }
    form, saving = _pick_form(request, GoalPickForm, initial)
    if saving and form.is_valid():
        try:
            added = learning_goals_add_from_catalogue(
                placement=placement, templates=list(form.cleaned_data["templates"]), by=request.user
            )
        except GoalError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("%(count)s goals are added.") % {"count": len(added)})
            return redirect("workspace:placement_detail", pk=placement.pk)
    access_log_for(user=request.user, about=placement, what="Tilføj læringsmål")
    context = _goal_pick_context(form) | {
        "placement": placement,
        "packages": goal_packages_for_user(request.user),
    }
    return render(request, "goals/goals_add.html", context)


@caseworker_required
@require_POST
def package_apply(request: HttpRequest, pk: int, package_pk: int) -> HttpResponse:
    placement = get_placement_for_user(request.user, pk, write=True)
    package = get_object_or_404(goal_packages_for_user(request.user), pk=package_pk)
    try:
        added = goal_package_apply(package=package, placement=placement, by=request.user)
    except GoalError as error:
        domain_error_show(request, error)
        return redirect("goals:add", pk=placement.pk)
    messages.success(
        request,
        _("%(count)s goals from “%(package)s” are added.")
        % {"count": len(added), "package": package},
    )
    return redirect("workspace:placement_detail", pk=placement.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def package_create(request: HttpRequest) -> HttpResponse:
    """Save a named set of catalogue goals; caseworkers and managers both may."""
    initial = {"industry": request.GET.get("industry", ""), "q": request.GET.get("q", "")}
    form, saving = _pick_form(request, GoalPackageForm, initial)
    if saving and form.is_valid():
        try:
            package = goal_package_create(
                organisation=request.user.organisation,
                name=form.cleaned_data["name"],
                templates=list(form.cleaned_data["templates"]),
                by=request.user,
            )
        except GoalError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(request, _("The package “%(name)s” is saved.") % {"name": package})
            return redirect("goals:packages")
    return render(request, "goals/package_form.html", _goal_pick_context(form))


@staff_required
@require_GET
def packages(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "goals/packages.html",
        {"packages": goal_packages_for_user(request.user)},
    )


@caseworker_required
@require_http_methods(["GET", "POST"])
def placement_assess(request: HttpRequest, pk: int) -> HttpResponse:
    """Every goal of the placement on one page, the mentor's latest entries beside each."""
    placement = get_placement_for_user(request.user, pk, write=True)
    goals = goals_to_assess(request.user, placement)
    form = PlacementAssessForm(request.POST or None, goals=goals)
    if request.method == "POST" and form.is_valid():
        try:
            assessed = placement_goals_assess(
                placement=placement,
                levels=form.changed_levels(),
                assessed_on=form.cleaned_data["assessed_on"],
                by=request.user,
            )
        except GoalError as error:
            domain_error_show(request, error, form)
        else:
            messages.success(
                request, _("%(count)s assessments are saved.") % {"count": len(assessed)}
            )
            return redirect("workspace:placement_detail", pk=placement.pk)
    access_log_for(user=request.user, about=placement, what="Vurdering af praktikkens læringsmål")
    return render(
        request,
        "goals/placement_assess.html",
        {"placement": placement, "form": form},
    )
