from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User

from .models import Certificate, GoalTemplate, LearningGoal, ProgressEntry


def goal_templates_for_user(user: User) -> QuerySet[GoalTemplate]:
    if user.is_staff_member:
        return GoalTemplate.objects.filter(organisation_id=user.organisation_id)
    return GoalTemplate.objects.none()


def get_goal_template_for_user(user: User, pk: int, *, write: bool = False) -> GoalTemplate:
    template = get_object_or_404(goal_templates_for_user(user), pk=pk)
    if write:
        require_write(user)
    return template


def goals_for_user(user: User) -> QuerySet[LearningGoal]:
    goals = LearningGoal.objects.select_related(
        "placement", "placement__youth", "placement__company"
    )
    if user.is_staff_member:
        return goals.filter(placement__organisation_id=user.organisation_id)
    if user.is_mentor:
        return goals.filter(placement__mentor__user=user)
    if user.is_youth:
        return goals.filter(placement__youth__user=user)
    return goals.none()


def get_goal_for_user(user: User, pk: int, *, write: bool = False) -> LearningGoal:
    goal = get_object_or_404(goals_for_user(user), pk=pk)
    if write:
        require_write(user)
    return goal


def progress_entries_for_user(user: User) -> QuerySet[ProgressEntry]:
    entries = ProgressEntry.objects.select_related("author", "goal")
    if user.is_staff_member:
        return entries.filter(goal__placement__organisation_id=user.organisation_id)
    if user.is_mentor:
        return entries.filter(goal__placement__mentor__user=user)
    if user.is_youth:
        return entries.filter(goal__placement__youth__user=user, withdrawn_at__isnull=True)
    return entries.none()


def certificates_for_user(user: User) -> QuerySet[Certificate]:
    certificates = Certificate.objects.select_related("youth", "organisation")
    if user.is_staff_member:
        return certificates.filter(organisation_id=user.organisation_id)
    if user.is_youth:
        return certificates.filter(youth__user=user).exclude(status=Certificate.Status.DRAFT)
    return certificates.none()


def get_certificate_for_user(user: User, pk: int, *, write: bool = False) -> Certificate:
    certificate = get_object_or_404(certificates_for_user(user), pk=pk)
    if write:
        require_write(user)
    return certificate
