"""Who may read progress reports: the organisation's caseworkers and managers, and the
young person their own shared reports. Mentors and everyone else: nothing (404)."""

from datetime import date

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User
from goals.models import ProgressEntry
from youth.models import Youth
from youth.selectors import youth_for_user

from .models import ProgressReport


def progress_reports_for_user(user: User) -> QuerySet[ProgressReport]:
    reports = ProgressReport.objects.select_related("youth", "organisation", "shared_by")
    if user.is_staff_member:
        return reports.filter(youth__organisation_id=user.organisation_id)
    if user.is_youth:
        return reports.filter(youth__user=user, status=ProgressReport.Status.SHARED)
    return reports.none()


def get_progress_report_for_user(user: User, pk: int, *, write: bool = False) -> ProgressReport:
    report = get_object_or_404(progress_reports_for_user(user), pk=pk)
    if write:
        require_write(user, made_in=report.organisation_id)
    return report


def get_youth_for_report(user: User, pk: int, *, write: bool = False) -> Youth:
    """The young person a report is about: staff only. A mentor gets 404, not 403, so the
    report pages do not even admit that they exist."""
    youth = youth_for_user(user) if user.is_staff_member else Youth.objects.none()
    youth = get_object_or_404(youth, pk=pk)
    if write:
        require_write(user)
    return youth


def mentor_notes_for_report(
    youth: Youth, starts_on: date | None = None, ends_on: date | None = None
) -> QuerySet[ProgressEntry]:
    """The notes a caseworker may pick: written by mentors, in the period (when given), not
    withdrawn. The caller has already checked the youth is the caseworker's."""
    entries = ProgressEntry.objects.all()
    if starts_on and ends_on:
        entries = entries.filter(observed_on__range=(starts_on, ends_on))
    return (
        entries.filter(
            goal__placement__youth=youth,
            withdrawn_at__isnull=True,
            author__role=User.Role.MENTOR,
        )
        .exclude(note="")
        .select_related("goal", "author")
        .order_by("observed_on", "pk")
    )
