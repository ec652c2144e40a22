from django.db import transaction

from accounts.models import SignInLink, User
from accounts.services import signin_link_create, user_create_for_person

from .models import Youth


@transaction.atomic
def youth_signin_link_create(*, youth: Youth, by: User | None) -> tuple[SignInLink, str]:
    """Give the young person a password-less account (first time) and a new sign-in link."""
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    if youth.user is None:
        youth.user = user_create_for_person(
            organisation=youth.organisation,
            role=User.Role.YOUTH,
            first_name=youth.first_name,
            last_name=youth.last_name,
            email=youth.email,
        )
        youth.save(update_fields=["user"])
    return signin_link_create(user=youth.user, created_by=by)
