"""The progress log: what mentors and caseworkers saw, entry by entry. Append-only."""

import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.errors import DomainError
from accounts.models import User
from companies.models import Mentor
from placements.services import placement_history_record
from youth.models import Youth

from ..models import LearningGoal, ProgressEntry, ProgressSeen
from .goals import observation_check

WITHDRAW_WINDOW = timedelta(hours=24)


class ProgressError(DomainError):
    """A progress entry that cannot be saved or withdrawn; `field` names the form field."""


def _check_author(goal: LearningGoal, author: User, today: date) -> None:
    placement = goal.placement
    if author.is_mentor:
        if placement.mentor is None or placement.mentor.user_id != author.pk:
            raise ProgressError(_("You can only log goals on your own placements."))
        if not placement.mentor_may_log_on(today):
            if placement.status == placement.Status.PLANNED:
                raise ProgressError(_("The placement has not started yet."))
            raise ProgressError(
                _(
                    "The placement ended more than %(days)s days ago. "
                    "You can still read your entries, but not add new ones."
                )
                % {"days": settings.MENTOR_GRACE_DAYS}
            )
        return
    if not (author.is_caseworker and author.organisation_id == placement.organisation_id):
        raise ProgressError(_("You may not add entries to this goal."))


@transaction.atomic
def progress_entry_create(
    *,
    goal: LearningGoal,
    author: User,
    level: int,
    observed_on: date,
    note: str = "",
    submission_key: uuid.UUID,
) -> ProgressEntry:
    """Log the level seen on a day. The same submission_key twice gives the same entry.

    The goal row is locked so that a mentor and a caseworker writing at the same moment
    are serialised; both entries land.
    """
    goal = (
        LearningGoal.objects.select_for_update(of=("self",))
        .select_related("placement", "placement__mentor")
        .get(pk=goal.pk)
    )
    existing = ProgressEntry.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        if existing.goal_id != goal.pk or existing.author_id != author.pk:
            raise ProgressError(_("This form was already used. Reload the page and try again."))
        return existing
    today = timezone.localdate()
    _check_author(goal, author, today)
    observation_check(
        placement=goal.placement,
        level=level,
        day=observed_on,
        date_field="observed_on",
        error=ProgressError,
    )
    # The latest observation sets the goal's current level: once the placement has ended,
    # nothing can be observed after its last day.
    if observed_on > goal.placement.last_observation_day(today):
        raise ProgressError(
            _("The date cannot be after the placement ended (%(date)s).")
            % {"date": goal.placement.ends_on.strftime("%d.%m.%Y")},
            field="observed_on",
        )
    entry = ProgressEntry(
        goal=goal,
        author=author,
        level=level,
        observed_on=observed_on,
        note=note.strip(),
        submission_key=submission_key,
    )
    # The goal is locked above and the author is the signed-in user: no need to look them up.
    entry.full_clean(exclude=["goal", "author"], validate_constraints=False)
    entry.save()
    given = ["level", "observed_on", "note"] if entry.note else ["level", "observed_on"]
    placement_history_record(
        goal.placement, by=author, action="progress.created", fields=given, obj=entry
    )
    return entry


@transaction.atomic
def progress_entry_withdraw(*, entry: ProgressEntry, by: User) -> ProgressEntry:
    """The author takes back their own entry within 24 hours. It stays, marked withdrawn."""
    entry = (
        ProgressEntry.objects.select_for_update(of=("self",))
        .select_related("goal__placement")
        .get(pk=entry.pk)
    )
    if entry.author_id != by.pk:
        raise ProgressError(_("You can only withdraw your own entries."))
    if entry.withdrawn_at is not None:
        return entry
    now = timezone.now()
    if now - entry.created_at > WITHDRAW_WINDOW:
        raise ProgressError(
            _("Entries can only be withdrawn within 24 hours. Add a new entry instead.")
        )
    entry.withdrawn_at = now
    entry.save(update_fields=["withdrawn_at"])
    placement = entry.goal.placement
    placement_history_record(placement, by=by, action="progress.withdrawn", obj=entry)
    return entry


@transaction.atomic
def progress_mark_seen(*, goal: LearningGoal, by: User) -> None:
    """The user has seen the mentors' entries on this goal up to now (dashboard news)."""
    ProgressSeen.objects.update_or_create(user=by, goal=goal, defaults={"seen_at": timezone.now()})


def progress_digest_send(*, since: datetime) -> int:
    """E-mail each caseworker who wants it the entries others made on their youth since `since`.

    The mail holds no notes, only who, which goal and which level, with a link to the goal.
    Returns the number of e-mails sent.
    """
    entries = (
        ProgressEntry.objects.filter(
            created_at__gte=since,
            withdrawn_at__isnull=True,
            goal__placement__youth__caseworker__wants_daily_digest=True,
            goal__placement__youth__caseworker__is_active=True,
        )
        .exclude(goal__placement__youth__caseworker__email="")
        .exclude(author=F("goal__placement__youth__caseworker"))
        .select_related("author", "goal__placement__youth__caseworker")
        .order_by("goal__placement__youth__caseworker_id", "created_at")
    )
    by_caseworker: dict[User, list[ProgressEntry]] = defaultdict(list)
    for entry in entries:
        by_caseworker[entry.goal.placement.youth.caseworker].append(entry)
    with translation.override(settings.LANGUAGE_CODE):
        for caseworker, own in by_caseworker.items():
            context = {"caseworker": caseworker, "entries": own, "base_url": settings.SITE_URL}
            send_mail(
                subject=_("New progress on your young people (%(count)s)") % {"count": len(own)},
                message=render_to_string("goals/digest_email.txt", context),
                from_email=None,
                recipient_list=[caseworker.email],
            )
    return len(by_caseworker)


def mentor_invitation_send(*, mentor: Mentor, url: str, by: User) -> bool:
    """E-mail the mentor their personal sign-in link. False when there is no address."""
    if not mentor.email:
        return False
    context = {"mentor": mentor, "url": url, "by": by, "days": settings.SIGNIN_LINK_DAYS}
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            subject=_("Your sign-in link for the placement log"),
            message=render_to_string("goals/mentor/invitation_email.txt", context),
            from_email=None,
            recipient_list=[mentor.email],
        )
    return True


def progress_notes_anonymise(*, youth: Youth) -> None:
    """Clear the notes of every progress entry about the young person; levels and dates stay."""
    ProgressEntry.objects.filter(goal__placement__youth=youth).update(note="")
