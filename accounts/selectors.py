from django.db.models import QuerySet

from .models import AccessLogEntry, HistoryEntry, SignInLink, User


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


def history_for_user(user: User) -> QuerySet[HistoryEntry]:
    """The change history a person may read, newest first, with who acted: the
    organisation's own staff (caseworkers and managers) read their organisation's history;
    everyone else reads none (mentors, young people and awarding bodies see their own
    pages, not a record of the organisation's work)."""
    return _history(user).filter(organisation_id=user.organisation_id)


def history_for_youth(user: User, youth_id: int) -> QuerySet[HistoryEntry]:
    """Everything recorded about one young person, in every unit they have been with: the
    history follows the young person through a handover, like their placements and goals.
    The caller has fetched the young person through the access helper (`get_youth_for_user`)."""
    return _history(user).filter(youth_id=youth_id)


def _history(user: User) -> QuerySet[HistoryEntry]:
    if not user.is_staff_member:
        return HistoryEntry.objects.none()
    return HistoryEntry.objects.select_related("by").order_by("-at", "-pk")
