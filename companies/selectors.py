from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User

from .models import Company, Mentor


def companies_for_user(user: User) -> QuerySet[Company]:
    if user.is_staff_member:
        return Company.objects.filter(organisation_id=user.organisation_id)
    return Company.objects.none()


def get_company_for_user(user: User, pk: int, *, write: bool = False) -> Company:
    company = get_object_or_404(companies_for_user(user), pk=pk)
    if write:
        require_write(user)
    return company


def mentors_for_user(user: User) -> QuerySet[Mentor]:
    mentors = Mentor.objects.select_related("company")
    if user.is_staff_member:
        return mentors.filter(company__organisation_id=user.organisation_id)
    if user.is_mentor:
        return mentors.filter(user=user)
    return mentors.none()


def get_mentor_for_user(user: User, pk: int, *, write: bool = False) -> Mentor:
    mentor = get_object_or_404(mentors_for_user(user), pk=pk)
    if write:
        require_write(user)
    return mentor
