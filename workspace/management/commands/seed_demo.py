from django.core.management.base import BaseCommand
from django.utils import translation

from workspace.demo import DEMO_CODES, demo_seed


class Command(BaseCommand):
    help = "Create the demo organisations, people, placements, goals and progress (idempotent)."

    @translation.override("en")
    def handle(self, *args, **options) -> None:
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
