"""Who may use which page. Object-level scoping lives in each app's selectors.

Rules (DESIGN.md): strangers get 404 for objects; a signed-in user on a page that is not
for their role gets 403; read-only roles get 403 when they try to write.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .models import User

View = Callable[..., HttpResponse]

STAFF_ROLES = (User.Role.CASEWORKER, User.Role.MANAGER)


def role_required(*roles: str) -> Callable[[View], View]:
    """Signed in, and with one of these roles; anonymous users go to the sign-in page."""

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.user.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


staff_required = role_required(*STAFF_ROLES)
caseworker_required = role_required(User.Role.CASEWORKER)
mentor_required = role_required(User.Role.MENTOR)
youth_required = role_required(User.Role.YOUTH)
assurer_required = role_required(User.Role.ASSURER)


def require_write(user: User, *, made_in: int | None = None) -> None:
    """Managers read everything in their organisation but change nothing. And nobody
    changes what another organisation made (`made_in`): a young person handed over keeps
    their earlier placements, goals, reports and certificates readable, not writable."""
    if user.role != User.Role.CASEWORKER:
        raise PermissionDenied
    if made_in is not None and made_in != user.organisation_id:
        raise PermissionDenied
