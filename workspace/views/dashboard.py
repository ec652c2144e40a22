from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from accounts.access import caseworker_required, staff_required
from accounts.models import User
from accounts.services import access_log_record_many

from ..selectors import DASHBOARD_DAYS, dashboard_for_user
from ..tasks import tasks_for_user

# Each role's start page. Resolved inside the view, so a page that does not exist yet
# affects only its own role.
ROLE_HOMES = {
    User.Role.CASEWORKER: "workspace:dashboard",
    User.Role.MANAGER: "workspace:dashboard",
    User.Role.MENTOR: "mentor:home",
    User.Role.YOUTH: "me:home",
    User.Role.ASSURER: "assurance:list",
    User.Role.ADMIN: "admin:index",
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Everyone lands here after signing in and is sent to the start page of their role."""
    return redirect(ROLE_HOMES[request.user.role])


@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The caseworker's overview of what needs attention; a manager sees the organisation."""
    today = timezone.localdate()
    overview = dashboard_for_user(request.user, today=today)
    access_log_record_many(user=request.user, youths=overview.youth_shown(), what="Oversigt")
    return render(
        request,
        "workspace/dashboard.html",
        {"overview": overview, "today": today, "days": DASHBOARD_DAYS},
    )


@caseworker_required
@require_GET
def my_tasks(request: HttpRequest) -> HttpResponse:
    """The caseworker's tasks. The overview fetches them after it has loaded (htmx), so it
    answers without waiting for their queries; without JavaScript a link on the overview
    opens them as a page of their own."""
    groups = tasks_for_user(request.user, today=timezone.localdate())
    access_log_record_many(
        user=request.user,
        youths=[task.youth for group in groups for task in group.tasks if task.youth],
        what="Mine opgaver",
    )
    template = "workspace/partials/my_tasks.html" if request.htmx else "workspace/my_tasks.html"
    response = render(request, template, {"my_tasks": groups})
    # The same address is a fragment or a page: a cache must not give one for the other.
    patch_vary_headers(response, ("HX-Request",))
    return response
