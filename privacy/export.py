"""A young person's rights under the GDPR: insight (art. 15) and erasure after the
retention period (art. 5(1)(e), 17).

The export reads across every app that holds data about the youth; anonymisation clears
the personal data but keeps issued certificates, whose frozen snapshot and stored PDF
belong to the youth and must stay verifiable.
"""

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.display import date_short, datetime_short, person_name
from accounts.models import AccessLogEntry, SignInLink, User
from accounts.selectors import access_log_for_youth, history_for_youth, signin_links_for
from certificates.models import Certificate
from documents.models import PreparedDocument
from documents.pdf import html_to_pdf, pdf_attachment
from documents.services import RenderedDocument
from goals.models import LearningGoal, ProgressEntry
from placements.models import FollowUp, Placement, WeeklyHours
from reports.models import ProgressReport
from transfers.models import Transfer
from youth.models import Youth

# What the export shows of each model: the personal data and the course, not internals
# such as token hashes, stored file paths or double-submit keys.
YOUTH_FIELDS = [
    "first_name", "last_name", "birth_date", "email", "phone", "organisation", "caseworker",
    "dream", "support_needs", "status", "started_on", "ended_on", "outcome", "education",
    "outcome_note", "created_at", "updated_at", "anonymised_at",
]  # fmt: skip
PLACEMENT_FIELDS = [
    "company", "mentor", "kind", "starts_on", "ends_on", "hours_per_week", "accommodations",
    "expectations", "status", "interruption_category", "interruption_reason", "created_at",
]  # fmt: skip
FOLLOW_UP_FIELDS = ["placement", "held_on", "kind", "note", "author", "created_at"]
GOAL_FIELDS = [
    "placement", "title", "criteria", "area", "target_level", "points", "assessed_level",
    "assessed_on", "assessed_by",
]  # fmt: skip
PROGRESS_FIELDS = ["goal", "observed_on", "level", "note", "author", "created_at", "withdrawn_at"]
CERTIFICATE_FIELDS = [
    "number", "status", "issued_on", "issued_by", "revoked_at", "revocation_reason",
    "created_at",
]  # fmt: skip
SIGNIN_LINK_FIELDS = ["created_at", "expires_at", "revoked_at", "last_used_at"]
PROGRESS_REPORT_FIELDS = [
    "period_starts_on", "period_ends_on", "status", "youth_words", "include_accommodations",
    "assessment", "shared_at", "shared_by", "shared_with", "created_by", "created_at",
]  # fmt: skip
TRANSFER_FIELDS = [
    "from_organisation", "to_organisation", "status", "note", "started_by", "started_at",
    "decided_by", "decided_at", "decline_reason",
]  # fmt: skip
WEEKLY_HOURS_FIELDS = [
    "placement", "week_starts_on", "hours_worked", "attendance", "days_attended",
    "days_planned", "author", "created_at",
]  # fmt: skip
# What a placement's and a user's names (their __str__) are made of.
PLACEMENT_NAME = ["kind", "youth__first_name", "youth__last_name", "company__name"]
USER_NAME = ["first_name", "last_name", "username"]


def _named(relation: str, fields: list[str]) -> list[str]:
    return [f"{relation}__{field}" for field in fields]


def _plain(value: Any, tz: dt.tzinfo) -> Any:
    """A JSON-ready value: local ISO times and dates, decimals as text."""
    if isinstance(value, dt.datetime):
        return value.astimezone(tz).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _reader(
    field: models.Field, tz: dt.tzinfo, names: dict[Any, str] | None = None
) -> Callable[[models.Model], Any]:
    """How one field is exported, human-readable: choices as their label, relations as their
    name. Set up once per list: a long course has hundreds of rows, and a related object's
    name (a placement's is three lookups and a translation) is made once per object. `names`
    may already hold the names of related objects by key (e.g. goals read for another list)."""
    if field.is_relation:
        names = {} if names is None else dict(names)

        def related_name(obj: models.Model) -> str | None:
            related_pk = getattr(obj, field.attname)
            if related_pk is None:
                return None
            if related_pk not in names:
                names[related_pk] = str(getattr(obj, field.name))
            return names[related_pk]

        return related_name
    if field.choices:
        labels = {value: str(label) for value, label in field.flatchoices}

        def choice_label(obj: models.Model) -> Any:
            value = getattr(obj, field.attname)
            if value in (None, ""):
                return _plain(value, tz)
            return labels[value] if value in labels else str(value)

        return choice_label
    return lambda obj: _plain(getattr(obj, field.attname), tz)


def _records(
    objects, field_names: list[str], names: dict[str, dict[Any, str]] | None = None
) -> list[dict[str, Any]]:
    objects = list(objects)
    if not objects:
        return []
    tz = timezone.get_current_timezone()
    names = names or {}
    readers = {
        name: _reader(objects[0]._meta.get_field(name), tz, names.get(name)) for name in field_names
    }
    return [{name: read(obj) for name, read in readers.items()} for obj in objects]


def _record(obj: models.Model, field_names: list[str]) -> dict[str, Any]:
    return _records([obj], field_names)[0]


def youth_data_export(*, youth: Youth, by: User) -> dict[str, Any]:
    """Everything held about one young person, and who has looked at it (GDPR art. 15)."""
    placements = Placement.objects.filter(youth=youth).select_related("company", "mentor__company")
    # Only the columns the export prints: a placement and a person are shown by their name.
    goals = list(
        LearningGoal.objects.filter(placement__youth=youth)
        .select_related("placement__company", "placement__youth", "assessed_by")
        .only(*GOAL_FIELDS, *_named("placement", PLACEMENT_NAME), *_named("assessed_by", USER_NAME))
    )
    follow_ups = (
        FollowUp.objects.filter(placement__youth=youth)
        .select_related("author", "placement__youth", "placement__company")
        .only(*FOLLOW_UP_FIELDS, *_named("placement", PLACEMENT_NAME), *_named("author", USER_NAME))
    )
    # Every entry's goal is among the goals above: named from there, not loaded again.
    progress_entries = (
        ProgressEntry.objects.filter(goal__placement__youth=youth)
        .select_related("author")
        .only(*PROGRESS_FIELDS, *_named("author", USER_NAME))
    )
    weekly_hours = (
        WeeklyHours.objects.filter(placement__youth=youth)
        .select_related("author", "placement__youth", "placement__company")
        .only(
            *WEEKLY_HOURS_FIELDS, *_named("placement", PLACEMENT_NAME), *_named("author", USER_NAME)
        )
    )
    # Thousands of rows for a long course: plain values, not model instances, read in chunks
    # so that only the rows being turned into the export's entries are held at a time.
    access_log = (
        access_log_for_youth(youth_id=youth.pk, organisation_id=youth.organisation_id)
        .values_list(
            "at",
            "user__first_name",
            "user__last_name",
            "user__username",
            "user__role",
            "what",
            "kind",
            "purpose",
        )
        .iterator(chunk_size=1000)
    )
    roles = {value: str(label) for value, label in User.Role.choices}
    kinds = {value: str(label) for value, label in AccessLogEntry.Kind.choices}
    tz = timezone.get_current_timezone()
    return {
        "exported_at": timezone.localtime().isoformat(timespec="seconds"),
        "exported_by": str(by),
        "youth": _record(youth, YOUTH_FIELDS),
        "placements": _records(placements, PLACEMENT_FIELDS),
        "follow_ups": _records(follow_ups, FOLLOW_UP_FIELDS),
        "learning_goals": _records(goals, GOAL_FIELDS),
        "progress_entries": _records(
            progress_entries, PROGRESS_FIELDS, {"goal": {goal.pk: str(goal) for goal in goals}}
        ),
        "certificates": [
            {
                **_record(certificate, CERTIFICATE_FIELDS),
                "goals": [goal.title for goal in certificate.goals.all()],
            }
            for certificate in Certificate.objects.filter(youth=youth)
            .select_related("issued_by")
            .prefetch_related("goals")
        ],
        "signin_links": _records(
            signin_links_for(youth.user_id),
            SIGNIN_LINK_FIELDS,
        ),
        "weekly_hours": _records(weekly_hours, WEEKLY_HOURS_FIELDS),
        "progress_reports": _records(
            ProgressReport.objects.filter(youth=youth).select_related("shared_by", "created_by"),
            PROGRESS_REPORT_FIELDS,
        ),
        "transfers": _records(
            Transfer.objects.filter(youth=youth).select_related(
                "from_organisation", "to_organisation", "started_by", "decided_by"
            ),
            TRANSFER_FIELDS,
        ),
        "history": _history(by, youth),
        "access_log": [
            {
                "at": at.astimezone(tz).isoformat(timespec="seconds"),
                "who": person_name(first_name, last_name, username),
                "role": roles.get(role, role),
                "what": what,
                "how": kinds.get(kind, kind),
                "purpose": purpose,
            }
            for at, first_name, last_name, username, role, what, kind, purpose in access_log
        ],
    }


def _history(by: User, youth: Youth) -> list[dict[str, Any]]:
    """Who changed what about the young person, in words: the action and the fields'
    names in the reader's language, as the history page shows them."""
    tz = timezone.get_current_timezone()
    return [
        {
            "at": _plain(entry.at, tz),
            "action": entry.action_label,
            "by": str(entry.by) if entry.by else _("The system (nightly jobs)"),
            "fields": ", ".join(entry.field_labels),
            "detail": entry.detail,
        }
        for entry in history_for_youth(by, youth.pk).order_by("at", "pk")
    ]


@dataclass(frozen=True)
class ExportSection:
    title: str
    rows: list[list[tuple[str, Any]]]


# The export's sections in reading order, with the model whose field labels they use.
SECTIONS = [
    ("placements", Placement, PLACEMENT_FIELDS),
    ("follow_ups", FollowUp, FOLLOW_UP_FIELDS),
    ("learning_goals", LearningGoal, GOAL_FIELDS),
    ("progress_entries", ProgressEntry, PROGRESS_FIELDS),
    ("certificates", Certificate, CERTIFICATE_FIELDS),
    ("signin_links", SignInLink, SIGNIN_LINK_FIELDS),
    ("weekly_hours", WeeklyHours, WEEKLY_HOURS_FIELDS),
    ("progress_reports", ProgressReport, PROGRESS_REPORT_FIELDS),
    ("transfers", Transfer, TRANSFER_FIELDS),
]


def _section_titles() -> dict[str, str]:
    return {
        "youth": _("Personal data"),
        "placements": _("Placements"),
        "follow_ups": _("Follow-ups"),
        "learning_goals": _("Learning goals"),
        "progress_entries": _("Progress entries"),
        "certificates": _("Certificates"),
        "signin_links": _("Sign-in links"),
        "weekly_hours": _("Hours and attendance"),
        "progress_reports": _("Progress reports"),
        "transfers": _("Handovers"),
    }


def _field_labels() -> dict[str, str]:
    """Labels for fields whose model gives no verbose name of its own."""
    return {
        "created_at": _("created"),
        "updated_at": _("last changed"),
        "anonymised_at": _("anonymised"),
        "withdrawn_at": _("withdrawn"),
        "revoked_at": _("revoked"),
        "expires_at": _("expires"),
        "last_used_at": _("last used"),
        "author": _("written by"),
        "assessed_by": _("assessed by"),
        "issued_by": _("issued by"),
        "status": _("status"),
        "placement": _("placement"),
        "goal": _("goal"),
        "goals": _("goals"),
        "from_organisation": _("sending unit"),
        "started_by": _("started by"),
        "started_at": _("started"),
        "decided_by": _("decided by"),
        "decided_at": _("decided"),
        "shared_at": _("shared"),
        "shared_by": _("shared by"),
        "created_by": _("created by"),
    }


def _readable(field: models.Field | None, value: Any) -> Any:
    """ISO dates from the export shown the Danish way, yes and no in words."""
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if not value or field is None:
        return value
    if isinstance(field, models.DateTimeField):
        return datetime_short(dt.datetime.fromisoformat(value))
    if isinstance(field, models.DateField):
        return date_short(dt.date.fromisoformat(value))
    return value


def _labelled(model: type[models.Model], record: dict[str, Any]) -> list[tuple[str, Any]]:
    labels = _field_labels()
    rows = []
    for name, value in record.items():
        if name == "goals":
            rows.append((labels[name], ", ".join(value)))
            continue
        field = model._meta.get_field(name)
        rows.append((labels.get(name, str(field.verbose_name)), _readable(field, value)))
    return rows


def export_sections(export: dict[str, Any]) -> list[ExportSection]:
    """The export as titled sections of (label, value) rows, for the readable PDF."""
    titles = _section_titles()
    sections = [ExportSection(titles["youth"], [_labelled(Youth, export["youth"])])]
    for key, model, _fields in SECTIONS:
        sections.append(
            ExportSection(titles[key], [_labelled(model, record) for record in export[key]])
        )
    return sections


def _readable_times(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    at = AccessLogEntry._meta.get_field("at")
    return [entry | {"at": _readable(at, entry["at"])} for entry in entries]


# Up to this many rows of the access log, and of the change history, are printed in the
# PDF; a longer list is summarised (who, what, how often, first and last time) and attached
# in full as a CSV file.
LONG_LIST_PDF_ROWS = 100


@dataclass(frozen=True)
class SummaryRow:
    who: str
    what: str
    count: int
    first: str
    last: str


@dataclass(frozen=True)
class LongList:
    """The access log or the change history as the PDF shows it: every row, or a summary
    with the whole list in an attached CSV file."""

    rows: list[dict[str, Any]]
    summary: list[SummaryRow]
    count: int
    csv_name: str
    csv: bytes | None


def _summary(rows: list[dict[str, Any]], who, what) -> list[SummaryRow]:
    """One row per person and what they did or looked at, most often first, with the first
    and the last time (`rows` hold ISO times, in either order)."""
    times: dict[tuple, list[dt.datetime]] = {}
    for row in rows:
        times.setdefault((who(row), what(row)), []).append(dt.datetime.fromisoformat(row["at"]))
    return [
        SummaryRow(*key, count=len(at), first=datetime_short(min(at)), last=datetime_short(max(at)))
        for key, at in sorted(times.items(), key=lambda item: -len(item[1]))
    ]


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    """A list for Danish Excel: UTF-8 with BOM, semicolons."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def _long_list(rows, *, who, what, csv_name: str, header: list[str], columns) -> LongList:
    readable = _readable_times(rows)
    if len(rows) <= LONG_LIST_PDF_ROWS:
        return LongList(readable, [], len(rows), csv_name, None)
    table = [[row[column] for column in columns] for row in readable]
    return LongList([], _summary(rows, who, what), len(rows), csv_name, _csv(header, table))


def _access_log(export: dict[str, Any]) -> LongList:
    return _long_list(
        export["access_log"],
        who=lambda row: f"{row['who']} ({row['role']})",
        what=lambda row: row["what"],
        csv_name="adgangslog.csv",
        header=[_("When"), _("Who"), _("Role"), _("What was shown"), _("Why")],
        columns=["at", "who", "role", "what", "purpose"],
    )


def _change_history(export: dict[str, Any]) -> LongList:
    return _long_list(
        export["history"],
        who=lambda row: row["by"],
        what=lambda row: row["action"],
        csv_name="aendringshistorik.csv",
        header=[_("When"), _("What"), _("Who"), _("Fields changed"), _("Detail")],
        columns=["at", "action", "by", "fields", "detail"],
    )


def youth_export_pdf(*, export: dict[str, Any]) -> bytes:
    """The export as a readable Danish PDF, rendered with the certificates' safe fetcher.

    A long access log or change history would be hundreds of pages: the PDF then shows a
    summary of it and carries the whole list as an attached CSV file."""
    with translation.override("da"):
        access_log, history = _access_log(export), _change_history(export)
        html = render_to_string(
            "privacy/pdf/export.html",
            {
                "export": export,
                "exported_at": _readable(
                    AccessLogEntry._meta.get_field("at"), export["exported_at"]
                ),
                "sections": export_sections(export),
                "access_log": access_log,
                "history": history,
            },
        )
    attachments = [
        pdf_attachment(long_list.csv, name=long_list.csv_name)
        for long_list in (history, access_log)
        if long_list.csv is not None
    ]
    return html_to_pdf(html, attachments=attachments)


def _document_export(document: PreparedDocument) -> tuple[Youth, dict[str, Any]]:
    youth = Youth.objects.get(
        pk=document.params["youth_id"], organisation_id=document.organisation_id
    )
    return youth, youth_data_export(youth=youth, by=document.owner)


def gdpr_export_render(document: PreparedDocument) -> RenderedDocument:
    """The insight export as a prepared PDF document (runs in the task queue)."""
    youth, export = _document_export(document)
    return RenderedDocument(youth_export_pdf(export=export), f"indsigt-{youth.pk}.pdf")


def gdpr_export_json_render(document: PreparedDocument) -> RenderedDocument:
    """The insight export as a prepared JSON document (runs in the task queue). Not
    indented: an indented dump runs in pure Python, ~10 times slower on a long access log."""
    youth, export = _document_export(document)
    content = json.dumps(export, ensure_ascii=False).encode()
    return RenderedDocument(content, f"indsigt-{youth.pk}.json")
