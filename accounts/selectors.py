from django.db.models import QuerySet

from .models import AccessLogEntry, SignInLink


def access_log_for_youth(*, youth_id: int, organisation_id: int) -> QuerySet[AccessLogEntry]:
    """Who looked at one young person's data, newest first (the caller has checked access)."""
    return (
        AccessLogEntry.objects.filter(youth_id=youth_id, organisation_id=organisation_id)
        .select_related("user")
        .order_by("-at", "-pk")
    )


def signin_links_for(user_id: int | None) -> QuerySet[SignInLink]:
    """A person's sign-in links, newest first; none when they have no account yet."""
    return SignInLink.objects.filter(user_id=user_id) if user_id else SignInLink.objects.none()
