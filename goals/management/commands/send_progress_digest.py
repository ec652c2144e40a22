from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from ...services.progress import progress_digest_send


class Command(BaseCommand):
    help = (
        "E-mail each caseworker who wants a daily digest the progress entries others wrote "
        "on their young people. Run once a day (e.g. from cron at 7:00)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=int, default=24, help="Include entries from the last N hours (24)."
        )

    def handle(self, *args, hours: int, **options):
        sent = progress_digest_send(since=timezone.now() - timedelta(hours=hours))
        self.stdout.write(f"Sent {sent} progress digest e-mail(s).")
