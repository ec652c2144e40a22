from django.core.management.base import BaseCommand

from certificates.models import Certificate
from certificates.services.credentials import credential_issue


class Command(BaseCommand):
    help = (
        "Make the Open Badges credential of every issued certificate that has none yet "
        "(certificates issued before the feature, or before the organisation had a key). "
        "Built from each certificate's frozen snapshot; the PDFs are not touched. Safe to "
        "run again."
    )

    def handle(self, *args, **options):
        made = skipped = 0
        pending = (
            Certificate.objects.exclude(status=Certificate.Status.DRAFT)
            .filter(credential__isnull=True)
            .select_related("organisation")
            .order_by("issued_at", "pk")
        )
        for certificate in pending.iterator():
            if credential_issue(certificate=certificate, by=None) is None:
                skipped += 1
            else:
                made += 1
        self.stdout.write(
            f"Made {made} digital credential(s); {skipped} certificate(s) skipped because "
            "their organisation has no signing key."
        )
