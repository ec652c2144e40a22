from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from accounts.models import User
from companies.services import mentor_signin_link_create
from youth.services import youth_signin_link_create

from ...seed import DEMO_PASSWORD, MENTOR_USERNAME, YOUTH_USERNAME

PASSWORD_USERS = ("sagsbehandler", "leder", "sagsbehandler2", "kvalitet", "ocn")


class Command(BaseCommand):
    help = "Print the demo sign-ins, with fresh personal sign-in links for the mentor and youth."

    @translation.override("en")
    def handle(self, *args, **options) -> None:
        users = {
            u.username: u
            for u in User.objects.select_related(
                "organisation", "mentor_profile__company", "youth_profile"
            ).filter(username__in=(*PASSWORD_USERS, MENTOR_USERNAME, YOUTH_USERNAME))
        }
        missing = [n for n in (*PASSWORD_USERS, MENTOR_USERNAME, YOUTH_USERNAME) if n not in users]
        if missing:
            raise CommandError(
                f"No demo sign-ins ({', '.join(missing)} missing). "
                "Run `python manage.py seed_demo` first."
            )
        mentor = users[MENTOR_USERNAME].mentor_profile
        youth = users[YOUTH_USERNAME].youth_profile
        _link, mentor_path = mentor_signin_link_create(mentor=mentor, by=None)
        _link, youth_path = youth_signin_link_create(youth=youth, by=None)

        write = self.stdout.write
        write(self.style.SUCCESS(f"Demo sign-ins for {settings.SITE_URL}/"))
        write(f"  Password for the sign-ins below: {DEMO_PASSWORD}")
        for username in PASSWORD_USERS:
            user = users[username]
            write(
                f"  {username:<15} {user.get_role_display()}, {user.organisation} "
                f"({user.get_full_name()})"
            )
        write(f"  Mentor, {mentor.name} at {mentor.company} (personal link):")
        write(f"    {settings.SITE_URL}{mentor_path}")
        write(f"  Young person, {youth.full_name} (personal link):")
        write(f"    {settings.SITE_URL}{youth_path}")
        write(
            f"  Links work for {settings.SIGNIN_LINK_DAYS} days; "
            "run `manage.py demo_signins` again for new ones."
        )
