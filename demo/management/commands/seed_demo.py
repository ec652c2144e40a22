from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ...seed import DEMO_CODES, demo_seed


class Command(BaseCommand):
    help = (
        "Create the demo organisations, people, placements, goals and progress (idempotent). "
        "Demo users sign in with the password 'demo', so it runs only in development "
        "(DJANGO_DEBUG=1) unless --force is given."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Create the demo data even though DEBUG is off (a demo or test server).",
        )

    @translation.override("en")
    def handle(self, *args, force: bool = False, **options) -> None:
        if not (settings.DEBUG or force):
            raise CommandError(
                "seed_demo creates users with the password 'demo' and is meant for "
                "development. DEBUG is off, so this looks like a production database. "
                "Run it with DJANGO_DEBUG=1, or add --force if this really is a demo server."
            )
        created = demo_seed()
        if created is None:
            self.stdout.write(
                f"Demo data already exists (organisations {', '.join(DEMO_CODES)}); "
                "nothing changed."
            )
            return
        self.stdout.write(self.style.SUCCESS("Demo data created:"))
        for model, count in created.items():
            self.stdout.write(f"  {model._meta.verbose_name_plural}: {count}")
