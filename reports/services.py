"""Writing progress reports: the draft, its snapshot and sharing it (freezing it)."""

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.changes import model_update
from accounts.errors import DomainError
from accounts.models import User
from accounts.services import history_record
from goals.models import LearningGoal, ProgressEntry
from placements.models import Placement, WeeklyHours
from placements.selectors import current_weeks
from youth.models import Youth

from .models import ProgressReport
from .progress_pdf import progress_report_pdf_render
from .selectors import mentor_notes_for_report

logger = logging.getLogger(__name__)


REPORT_FIELDS = (
    "period_starts_on",
    "period_ends_on",
    "youth_words",
    "include_accommodations",
    "assessment",
)


class ProgressReportError(DomainError):
    """A report that cannot be saved or shared; `field` names the form field."""


def _check_draft_fields(*, youth: Youth, starts_on: date, ends_on: date, notes, by: User):
    if not (by.is_caseworker and by.organisation_id == youth.organisation_id):
        raise ProgressReportError(_("You may not write reports about this young person."))
    if ends_on < starts_on:
        raise ProgressReportError(_("The period ends before it starts."), field="period_ends_on")
    if starts_on > timezone.localdate():
        raise ProgressReportError(
            _("The period has not started yet. Choose a period up to today."),
            field="period_starts_on",
        )
    allowed = set(mentor_notes_for_report(youth, starts_on, ends_on).values_list("pk", flat=True))
    if any(note.pk not in allowed for note in notes):
        raise ProgressReportError(
            _("Pick only mentor notes about this young person from the period."), field="notes"
        )


@transaction.atomic
def progress_report_save(
    *,
    youth: Youth,
    report: ProgressReport | None = None,
    period_starts_on: date,
    period_ends_on: date,
    youth_words: str,
    include_accommodations: bool,
    assessment: str,
    notes: Iterable[ProgressEntry],
    by: User,
) -> ProgressReport:
    """Create or change a draft report. A shared report never changes."""
    notes = list(notes)
    if report is not None:
        report = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if report.is_shared:
            raise ProgressReportError(
                _("The report has been shared and can no longer be changed. Make a new one.")
            )
        if report.youth_id != youth.pk:
            raise ProgressReportError(_("The report is about another young person."))
    _check_draft_fields(
        youth=youth, starts_on=period_starts_on, ends_on=period_ends_on, notes=notes, by=by
    )
    action = "progress_report.updated" if report else "progress_report.created"
    report = report or ProgressReport(
        organisation_id=youth.organisation_id, youth=youth, created_by=by
    )
    draft = {
        "period_starts_on": period_starts_on,
        "period_ends_on": period_ends_on,
        "youth_words": youth_words.strip(),
        "include_accommodations": include_accommodations,
        "assessment": assessment.strip(),
    }
    changed = model_update(report, draft, REPORT_FIELDS)
    report.full_clean(exclude=["youth", "organisation", "created_by", "notes"])
    report.save()
    if set(report.notes.values_list("pk", flat=True)) != {note.pk for note in notes}:
        changed.append("notes")
    report.notes.set(notes)
    if changed or action == "progress_report.created":
        history_record(by=by, action=action, obj=report, youth_id=report.youth_id, fields=changed)
    return report


# The snapshot ----------------------------------------------------------------------------


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _hours(placement: Placement, weeks: list[WeeklyHours]) -> dict:
    if not weeks:
        return {"weeks": 0, "average_hours": None, "days_attended": 0, "days_planned": 0}
    total = sum((week.hours_worked for week in weeks), Decimal(0))
    return {
        "weeks": len(weeks),
        "average_hours": str((total / len(weeks)).quantize(Decimal("0.1"))),
        "days_attended": sum(week.days_attended for week in weeks),
        "days_planned": sum(week.days_planned for week in weeks),
        "by_week": [
            {
                "week": week.week_starts_on.isoformat(),
                "hours": str(week.hours_worked),
                "days_attended": week.days_attended,
                "days_planned": week.days_planned,
            }
            for week in sorted(weeks, key=lambda w: w.week_starts_on)
        ],
    }


def _goal(goal: LearningGoal, entries: list[ProgressEntry], ends_on: date) -> dict:
    timeline = [{"date": e.observed_on.isoformat(), "level": e.level} for e in entries]
    assessed = goal.assessed_on is not None and goal.assessed_on <= ends_on
    if assessed:
        timeline.append({"date": goal.assessed_on.isoformat(), "level": goal.assessed_level})
    start = timeline[0] if timeline else None
    now = timeline[-1] if timeline else None
    return {
        "title": goal.title,
        "area": goal.area,
        "points": str(goal.points),
        "target_level": goal.target_level,
        "start_level": start and start["level"],
        "start_on": start and start["date"],
        "level": now and now["level"],
        "level_on": now and now["date"],
        "assessed": assessed,
        "timeline": timeline,
    }


def progress_report_snapshot(report: ProgressReport) -> dict:
    """Everything the report prints, as plain JSON, in Danish."""
    with translation.override("da"):
        return _snapshot(report)


def _snapshot(report: ProgressReport) -> dict:
    youth = report.youth
    starts_on, ends_on = report.period_starts_on, report.period_ends_on
    placements = list(
        Placement.objects.filter(youth=youth, starts_on__lte=ends_on)
        .exclude(ends_on__lt=starts_on)
        .select_related("company")
        .order_by("starts_on", "pk")
    )
    weeks_by_placement: dict[int, list[WeeklyHours]] = defaultdict(list)
    for week in current_weeks(
        WeeklyHours.objects.filter(
            placement__in=placements,
            week_starts_on__range=(starts_on - timedelta(days=6), ends_on),
        ).order_by("placement_id", "-week_starts_on", "-created_at")
    ):
        weeks_by_placement[week.placement_id].append(week)
    goals = list(
        LearningGoal.objects.filter(placement__in=placements).order_by("area", "placement", "pk")
    )
    entries_by_goal: dict[int, list[ProgressEntry]] = defaultdict(list)
    for entry in ProgressEntry.objects.filter(
        goal__in=goals, withdrawn_at__isnull=True, observed_on__lte=ends_on
    ).order_by("observed_on", "created_at"):
        entries_by_goal[entry.goal_id].append(entry)
    goal_rows = [_goal(goal, entries_by_goal[goal.pk], ends_on) for goal in goals]
    notes = report.notes.select_related("goal", "author").order_by("observed_on", "pk")
    caseworker = youth.caseworker
    return {
        "organisation": {
            "name": report.organisation.name,
            "logo": report.organisation.logo.name if report.organisation.logo else "",
        },
        "youth": {"name": youth.full_name, "dream": youth.dream},
        "period": {"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()},
        "youth_words": report.youth_words,
        "placements": [
            {
                "company": placement.company.name,
                "kind": placement.get_kind_display(),
                "starts_on": placement.starts_on.isoformat(),
                "ends_on": _iso(placement.ends_on),
                "planned_hours": str(placement.hours_per_week),
                "accommodations": placement.accommodations if report.include_accommodations else "",
                "hours": _hours(placement, weeks_by_placement[placement.pk]),
            }
            for placement in placements
        ],
        "include_accommodations": report.include_accommodations,
        "goals": goal_rows,
        "total_points": str(sum((goal.points for goal in goals), Decimal(0))),
        "notes": [
            {
                "date": note.observed_on.isoformat(),
                "goal": note.goal.title,
                "level": note.level,
                "text": note.note,
                "author": note.author.get_full_name() or note.author.username,
            }
            for note in notes
        ],
        "assessment": report.assessment,
        "caseworker": (caseworker.get_full_name() or caseworker.username) if caseworker else "",
    }


# Sharing ----------------------------------------------------------------------------------


def progress_report_share(*, report: ProgressReport, shared_with: str, by: User) -> ProgressReport:
    """Freeze the report and give it to the rehabilitation team: snapshot, PDF rendered
    once, SHA-256, stored; and when, by whom and to whom. Nothing is kept if rendering fails."""
    shared_with = shared_with.strip()
    if not shared_with:
        raise ProgressReportError(
            _("Write who receives the report, e.g. the rehabilitation team in the municipality."),
            field="shared_with",
        )
    written: list[str] = []
    try:
        with transaction.atomic():
            locked = (
                ProgressReport.objects.select_for_update(of=("self",))
                .select_related("youth__caseworker", "organisation")
                .get(pk=report.pk)
            )
            if locked.is_shared:
                raise ProgressReportError(_("The report has already been shared."))
            if not (by.is_caseworker and by.organisation_id == locked.organisation_id):
                raise ProgressReportError(_("You may not share this report."))
            now = timezone.now()
            snapshot = progress_report_snapshot(locked) | {
                "shared_on": timezone.localdate(now).isoformat(),
                "shared_with": shared_with,
                "shared_by": by.get_full_name() or by.username,
            }
            pdf = progress_report_pdf_render(snapshot)
            locked.pdf.save(f"progressionsrapport-{locked.pk}.pdf", ContentFile(pdf), save=False)
            written.append(locked.pdf.name)
            locked.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
            locked.snapshot = snapshot
            locked.status = ProgressReport.Status.SHARED
            locked.shared_at = now
            locked.shared_by = by
            locked.shared_with = shared_with
            locked.full_clean(exclude=["pdf", "youth", "organisation", "created_by", "shared_by"])
            locked.save()
            # To whom is free text: it stays on the report, not in the history.
            history_record(
                by=by, action="progress_report.shared", obj=locked, youth_id=locked.youth_id
            )
    except Exception as error:
        for name in written:
            try:
                default_storage.delete(name)
            except OSError:
                logger.exception("Could not delete %s after a failed share", name)
        if isinstance(error, ProgressReportError):
            raise
        logger.exception("Sharing progress report %s failed", report.pk)
        raise ProgressReportError(
            _("The report could not be made, so nothing was shared. Try again.")
        ) from error
    return ProgressReport.objects.get(pk=report.pk)
