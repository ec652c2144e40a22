from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.services import access_log_prune


class Command(BaseCommand):
    help = (
        "Delete access-log rows older than ACCESS_LOG_RETENTION_DAYS (at least 6 months). "
        "Run daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.ACCESS_LOG_RETENTION_DAYS,
            help="Keep rows this many days (default: ACCESS_LOG_RETENTION_DAYS).",
        )

    def handle(self, *args, days: int, **options):
        if days < settings.ACCESS_LOG_MINIMUM_DAYS:
            raise CommandError(
                f"The access log is kept at least {settings.ACCESS_LOG_MINIMUM_DAYS} days; "
                f"{days} is too short."
            )
        deleted = access_log_prune(older_than_days=days)
        self.stdout.write(f"Deleted {deleted} access-log rows older than {days} days.")
