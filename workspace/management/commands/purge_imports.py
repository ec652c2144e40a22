from django.core.management.base import BaseCommand

from workspace.import_jobs import import_jobs_purge_expired


class Command(BaseCommand):
    help = "Delete spreadsheet imports (their rows' results and any file left) past their time."

    def handle(self, *args, **options) -> None:
        removed = import_jobs_purge_expired()
        self.stdout.write(f"Removed {removed} expired import(s).")
