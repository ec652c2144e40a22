from django.core.management.base import BaseCommand

from documents.services import documents_purge_expired


class Command(BaseCommand):
    help = "Delete prepared documents (GDPR exports, statistics reports) past their time."

    def handle(self, *args, **options) -> None:
        removed = documents_purge_expired()
        self.stdout.write(f"Removed {removed} expired document(s).")
