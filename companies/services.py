from django.db import transaction

from accounts.models import SignInLink, User
from accounts.services import signin_link_create, user_create_for_person

from .models import Mentor


@transaction.atomic
def mentor_signin_link_create(*, mentor: Mentor, by: User | None) -> tuple[SignInLink, str]:
    """Give the mentor a password-less account (first time) and a new personal sign-in link."""
    mentor = Mentor.objects.select_for_update().select_related("company").get(pk=mentor.pk)
    if mentor.user is None:
        first, _, last = mentor.name.partition(" ")
        mentor.user = user_create_for_person(
            organisation=mentor.company.organisation,
            role=User.Role.MENTOR,
            first_name=first,
            last_name=last,
            email=mentor.email,
        )
        mentor.save(update_fields=["user"])
    return signin_link_create(user=mentor.user, created_by=by)
