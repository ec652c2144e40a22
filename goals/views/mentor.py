"""The company mentor's pages (phone first) and the caseworker's invitation of a mentor."""

import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import caseworker_required, mentor_required
from accounts.errors import domain_error_show
from accounts.models import SignInLink
from accounts.selectors import signin_links_for
from accounts.services import (
    access_log_for,
    access_log_record_many,
    signin_link_revoke,
    signin_link_url,
)
from companies.selectors import get_mentor_for_user
from companies.services import CompanyError, mentor_signin_link_create
from placements.models import Placement
from placements.selectors import get_placement_for_user

from ..forms.progress import ProgressEntryForm
from ..models import LearningGoal, Level, levels_explained
from ..selectors import (
    get_mentor_goal,
    goals_for_user,
    mentor_goals,
    mentor_placements,
    progress_entries_for_user,
)
from ..services.progress import (
    WITHDRAW_WINDOW,
    ProgressError,
    mentor_invitation_send,
    progress_entry_create,
    progress_entry_withdraw,
)

INVITATION_LINKS_SHOWN = 10


# The caseworker invites the mentor --------------------------------------------------------


def _invitation_page(request: HttpRequest, mentor, context: dict) -> HttpResponse:
    """The mentor's sign-in links. A new link (POST) is shown once, as a link and a QR code."""
    context["mentor"] = mentor
    if mentor is not None and request.method == "POST":
        try:
            link, path = mentor_signin_link_create(mentor=mentor, by=request.user)
        except CompanyError as error:
            domain_error_show(request, error)
        else:
            url = signin_link_url(path)
            context.update(
                new_link=link,
                new_url=url,
                qr=segno.make(url, error="m").png_data_uri(scale=6, border=2),
                emailed=mentor_invitation_send(mentor=mentor, url=url, by=request.user),
            )
            mentor.refresh_from_db(fields=["user"])
    if mentor is not None:
        context["links"] = signin_links_for(mentor.user_id)[:INVITATION_LINKS_SHOWN]
    return render(request, "goals/mentor/invite.html", context)


@never_cache  # the response holds a new sign-in link
@caseworker_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, placement_pk: int) -> HttpResponse:
    """Invite the placement's mentor, from the placement page."""
    placement = get_placement_for_user(request.user, placement_pk, write=True)
    access_log_for(user=request.user, about=placement, what="Invitation af mentor")
    return _invitation_page(
        request,
        placement.mentor,
        {
            "placement": placement,
            "revoke_url_name": "mentor:invite_revoke",
            "owner_pk": placement.pk,
        },
    )


@never_cache  # the response holds a new sign-in link
@caseworker_required
@require_http_methods(["GET", "POST"])
def invite_mentor(request: HttpRequest, mentor_pk: int) -> HttpResponse:
    """Invite a mentor from the company page, before (or without) a placement. Shows no
    young person's data, so nothing is access-logged."""
    mentor = get_mentor_for_user(request.user, mentor_pk, write=True)
    return _invitation_page(
        request,
        mentor,
        {
            "company": mentor.company,
            "revoke_url_name": "mentor:invite_mentor_revoke",
            "owner_pk": mentor.pk,
        },
    )


@caseworker_required
@require_POST
def invite_revoke(request: HttpRequest, placement_pk: int, link_pk: int) -> HttpResponse:
    placement = get_placement_for_user(request.user, placement_pk, write=True)
    mentor_user_id = placement.mentor.user_id if placement.mentor else None
    link = get_object_or_404(SignInLink, pk=link_pk, user_id=mentor_user_id)
    signin_link_revoke(link=link, by=request.user)
    messages.success(request, _("The link is revoked. It can no longer be used to sign in."))
    return redirect("mentor:invite", placement_pk=placement.pk)


@caseworker_required
@require_POST
def invite_mentor_revoke(request: HttpRequest, mentor_pk: int, link_pk: int) -> HttpResponse:
    mentor = get_mentor_for_user(request.user, mentor_pk, write=True)
    link = get_object_or_404(SignInLink, pk=link_pk, user_id=mentor.user_id)
    signin_link_revoke(link=link, by=request.user)
    messages.success(request, _("The link is revoked. It can no longer be used to sign in."))
    return redirect("mentor:invite_mentor", mentor_pk=mentor.pk)


# The mentor's own pages -------------------------------------------------------------------


@mentor_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Running placements as cards; ended ones apart while they may still be logged on, and
    not at all after the grace period."""
    today = timezone.localdate()
    groups: dict[str, list[Placement]] = {"running": [], "ended": [], "upcoming": []}
    for placement in mentor_placements(request.user):
        if placement.status == Placement.Status.PLANNED:
            groups["upcoming"].append(placement)
        elif not placement.has_ended_on(today):
            groups["running"].append(placement)
        elif placement.mentor_may_log_on(today):
            placement.log_until = placement.mentor_log_until(today)
            groups["ended"].append(placement)
    access_log_record_many(
        user=request.user,
        youths=[(p.youth_id, p.organisation_id) for shown in groups.values() for p in shown],
        what="Mentorens forside",
    )
    return render(request, "goals/mentor/home.html", groups | {"levels": levels_explained()})


def _card_context(goal: LearningGoal, may_log: bool, form: ProgressEntryForm | None = None) -> dict:
    return {
        "goal": goal,
        "may_log": may_log,
        "form": form
        or ProgressEntryForm(
            auto_id=f"id_%s_{goal.pk}",
            initial={"observed_on": goal.placement.last_observation_day(timezone.localdate())},
        ),
        "withdraw_after": timezone.now() - WITHDRAW_WINDOW,
        "levels": levels_explained(),
    }


def _placement_page(
    request: HttpRequest,
    placement: Placement,
    *,
    failed: tuple[int, ProgressEntryForm] | None = None,
) -> HttpResponse:
    """The placement page; `failed` is a goal's refused form, shown again with its errors."""
    today = timezone.localdate()
    may_log = placement.mentor_may_log_on(today)
    refused = dict([failed]) if failed else {}
    cards = [
        _card_context(goal, may_log, refused.get(goal.pk))
        for goal in mentor_goals(request.user, placement)
    ]
    access_log_for(user=request.user, about=placement, what="Mentorens praktikside")
    ended = may_log and placement.has_ended_on(today)
    return render(
        request,
        "goals/mentor/placement.html",
        {
            "placement": placement,
            "cards": cards,
            "may_log": may_log,
            "log_until": placement.mentor_log_until(today) if ended else None,
            "levels": levels_explained(),
        },
    )


@mentor_required
@require_GET
def placement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _placement_page(request, get_placement_for_user(request.user, pk))


def _card_response(request: HttpRequest, goal_pk: int, *, form=None, **extra) -> HttpResponse:
    """One goal card, for htmx to swap in place."""
    goal = get_mentor_goal(request.user, goal_pk)
    may_log = goal.placement.mentor_may_log_on(timezone.localdate())
    context = _card_context(goal, may_log, form) | extra
    access_log_for(user=request.user, about=goal.placement, what="Mentorens log")
    return render(request, "goals/mentor/_goal_card.html", context)


def _back_to_goal(placement_pk: int, goal_pk: int) -> HttpResponse:
    url = reverse("mentor:placement", kwargs={"pk": placement_pk})
    return redirect(f"{url}#goal-{goal_pk}")


@mentor_required
@require_POST
def log(request: HttpRequest, goal_pk: int) -> HttpResponse:
    """Save the level seen. htmx swaps the goal card; without JavaScript: redirect back."""
    goal = get_object_or_404(goals_for_user(request.user), pk=goal_pk)
    form = ProgressEntryForm(request.POST, auto_id=f"id_%s_{goal.pk}")
    if form.is_valid():
        try:
            progress_entry_create(goal=goal, author=request.user, **form.cleaned_data)
        except ProgressError as error:
            domain_error_show(request, error, form)
    if form.errors:
        if request.htmx:
            return _card_response(request, goal.pk, form=form)
        return _placement_page(request, goal.placement, failed=(goal.pk, form))
    if request.htmx:
        level = Level(form.cleaned_data["level"])
        return _card_response(
            request, goal.pk, saved=True, saved_level=level.value, saved_level_name=level.label
        )
    messages.success(request, _("Saved. Thank you!"))
    return _back_to_goal(goal.placement_id, goal.pk)


@mentor_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Take back one's own entry within 24 hours; it stays in the history, marked withdrawn."""
    entries = progress_entries_for_user(request.user).filter(author=request.user)
    entry = get_object_or_404(entries, pk=pk)
    try:
        progress_entry_withdraw(entry=entry, by=request.user)
    except ProgressError as error:
        domain_error_show(request, error)
    else:
        messages.success(request, _("Your entry is withdrawn."))
    return _back_to_goal(entry.goal.placement_id, entry.goal_id)
