from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from ...anonymise import youth_anonymise, youth_due_for_anonymisation


class Command(BaseCommand):
    help = (
        "Anonymise young people whose course ended more than YOUTH_RETENTION_DAYS ago. "
        "Issued certificates stay verifiable. Run daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count who would be anonymised."
        )

    def handle(self, *args, dry_run: bool, **options):
        due = youth_due_for_anonymisation(today=timezone.localdate())
        if dry_run:
            self.stdout.write(f"{due.count()} young people are due for anonymisation.")
            return
        count = 0
        for youth in due.iterator():
            youth_anonymise(youth=youth, by=None)
            count += 1
        self.stdout.write(
            f"Anonymised {count} young people (retention {settings.YOUTH_RETENTION_DAYS} days)."
        )
