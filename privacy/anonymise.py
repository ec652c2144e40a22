"""Anonymisation: when the retention period after a course has passed, the young person's
personal data is replaced with neutral values. Each app clears its own tables through its
own service; this module only decides who is due and calls them in one transaction.

Issued certificates keep their frozen snapshot and stored PDF, so `/v/<code>/` still
verifies a certificate with the name it was issued to.
"""

import datetime as dt
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet

from accounts.models import User
from accounts.services import history_record, user_anonymise
from certificates.services.issuing import certificates_anonymise
from goals.services.progress import progress_notes_anonymise
from placements.services import placements_anonymise
from youth.models import Youth
from youth.services import youth_record_anonymise


def youth_due_for_anonymisation(*, today: dt.date) -> QuerySet[Youth]:
    """Youth whose course ended more than YOUTH_RETENTION_DAYS ago and who still hold data."""
    cutoff = today - timedelta(days=settings.YOUTH_RETENTION_DAYS)
    return Youth.objects.filter(
        anonymised_at__isnull=True, ended_on__isnull=False, ended_on__lt=cutoff
    ).exclude(status=Youth.Status.ACTIVE)


@transaction.atomic
def youth_anonymise(*, youth: Youth, by: User | None) -> None:
    """Replace the youth's personal data everywhere with neutral values. Idempotent.
    `by` is None when the nightly job does it (the usual case)."""
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    if youth.anonymised_at is not None:
        return
    youth_record_anonymise(youth=youth)
    placements_anonymise(youth=youth)
    progress_notes_anonymise(youth=youth)
    certificates_anonymise(youth=youth)
    if youth.user_id:
        user_anonymise(user=youth.user)
    history_record(by=by, action="youth.anonymised", obj=youth, youth_id=youth.pk)
