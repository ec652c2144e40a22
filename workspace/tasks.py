"""My tasks: what needs the caseworker now, each task linking to the page where it is done.

A task disappears by itself when the work is done (the placement is started or completed,
a follow-up note moves the next follow-up date on, the goals are assessed, the draft is
issued or discarded, the mentor gets a new sign-in link): every kind below is a query of
the current state, never a stored to-do. Each kind is bounded (TASK_ROWS, and one more to
say "more"), so the list costs the same at any size: the three kinds about placements share
one query, numbered per kind in the database, the others are a query each; the filters lead
with the caseworker's own youth.
"""

import datetime as dt
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import SignInLink, User
from certificates.models import Certificate, Cohort, CohortMember
from certificates.selectors import certificates_listed_for_user, cohorts_for_user
from goals.models import ProgressEntry
from goals.selectors import goals_for_user
from placements.models import Placement
from placements.selectors import placements_for_user

from .links import pk_url

# Placements starting or ending, and sign-in links expiring, within this many days.
TASK_DAYS = 7
TASK_ROWS = 10
TASK_PLACEMENT_FIELDS = (
    "organisation_id", "starts_on", "ends_on", "next_follow_up_on", "mentor__user_id",
    "youth__first_name", "youth__last_name", "company__name", "mentor__name",
)  # fmt: skip


@dataclass(frozen=True)
class Task:
    text: str
    url: str
    due: dt.date | None = None
    youth: tuple[int, int] | None = None  # (youth_id, organisation_id) the text names


@dataclass(frozen=True)
class TaskGroup:
    kind: str
    title: str
    tasks: list[Task]
    more: bool


def _group(kind: str, title: str, rows: list, to_task) -> TaskGroup:
    return TaskGroup(
        kind=kind,
        title=title,
        tasks=[to_task(row) for row in rows[:TASK_ROWS]],
        more=len(rows) > TASK_ROWS,
    )


def _bounded(queryset) -> list:
    return list(queryset[: TASK_ROWS + 1])


def _where(placement: Placement) -> str:
    return f"{placement.youth.full_name} · {placement.company.name}"


def _placement_task(placement: Placement, url: str, due: dt.date | None) -> Task:
    youth = (placement.youth_id, placement.organisation_id)
    return Task(_where(placement), url, due, youth)


def _placement_url(placement: Placement) -> str:
    return pk_url("workspace:placement_detail", placement.pk)


def tasks_for_user(user: User, *, today: dt.date) -> list[TaskGroup]:
    """The caseworker's tasks by kind, kinds with nothing to do left out. Others: none."""
    if not user.is_caseworker:
        return []
    # Only what a task prints: a caseworker's running placements are hundreds of rows.
    placements = (
        placements_for_user(user)
        .filter(youth__caseworker=user)
        .select_related("youth", "company", "mentor")
        .only(*TASK_PLACEMENT_FIELDS)
    )
    soon = today + timedelta(days=TASK_DAYS)
    due = _placement_tasks(placements, today=today, soon=soon)
    groups = [
        _group(
            "follow_up",
            _("Follow-ups due"),
            due["follow_up"],
            lambda p: _placement_task(
                p, pk_url("placements:followup_create", p.pk), p.next_follow_up_on
            ),
        ),
        _group(
            "starting",
            _("Placements to start"),
            due["starting"],
            lambda p: _placement_task(p, _placement_url(p), p.starts_on),
        ),
        _group(
            "ending",
            _("Placements ending"),
            due["ending"],
            lambda p: _placement_task(p, _placement_url(p), p.ends_on),
        ),
        _goals_to_assess(user),
        _group(
            "drafts",
            _("Certificate drafts not issued"),
            _bounded(
                certificates_listed_for_user(user)
                .filter(status=Certificate.Status.DRAFT, youth__caseworker=user)
                .select_related(None)
                .select_related("youth")
                .only("youth__organisation_id", "youth__first_name", "youth__last_name")
                .order_by("created_at", "pk")
            ),
            lambda c: Task(
                c.youth.full_name,
                pk_url("certificates:detail", c.pk),
                youth=(c.youth_id, c.youth.organisation_id),
            ),
        ),
        _mentor_links_expiring(placements, soon),
        _returned_from_quality_assurance(user),
    ]
    return [group for group in groups if group.tasks]


def _placement_tasks(
    placements: QuerySet[Placement], *, today: dt.date, soon: dt.date
) -> dict[str, list[Placement]]:
    """Follow-ups due, placements to start and placements ending: the first TASK_ROWS + 1 of
    each kind by its own date, in one query. The database numbers the rows of each kind (a
    window per kind); a placement can be in two kinds."""
    kinds = {
        "follow_up": (
            Q(status=Placement.Status.ACTIVE, next_follow_up_on__lte=today),
            "next_follow_up_on",
        ),
        "starting": (Q(status=Placement.Status.PLANNED, starts_on__lte=soon), "starts_on"),
        "ending": (Q(status=Placement.Status.ACTIVE, ends_on__lte=soon), "ends_on"),
    }
    flags, ranks, any_kind, shown = {}, {}, Q(), Q()
    for kind, (condition, date) in kinds.items():
        flags[f"is_{kind}"] = ExpressionWrapper(condition, output_field=BooleanField())
        ranks[f"{kind}_rank"] = Window(
            RowNumber(), partition_by=[flags[f"is_{kind}"]], order_by=[F(date), F("pk")]
        )
        any_kind |= condition
        shown |= condition & Q(**{f"{kind}_rank__lte": TASK_ROWS + 1})
    rows = list(placements.filter(any_kind).annotate(**flags, **ranks).filter(shown).order_by())
    return {
        kind: sorted(
            (p for p in rows if getattr(p, f"is_{kind}")),
            key=lambda p, date=date: (getattr(p, date), p.pk),
        )
        for kind, (_condition, date) in kinds.items()
    }


def _returned_from_quality_assurance(user: User) -> TaskGroup:
    """The caseworker's youth that the internal assurer returned to the guide, and the
    cohorts they made that the awarding body returned."""
    cohorts = cohorts_for_user(user)
    members = _bounded(
        CohortMember.objects.filter(
            cohort__in=cohorts,
            youth__caseworker=user,
            internal_review=CohortMember.Review.RETURNED,
        )
        .select_related("youth", "cohort")
        .order_by("cohort_id", "pk")
    )
    returned_cohorts = _bounded(
        cohorts.filter(status=Cohort.Status.RETURNED, created_by=user).order_by("pk")
    )
    tasks = [
        Task(
            f"{member.youth.full_name} · {member.cohort.name}",
            reverse("cohorts:member", args=[member.cohort_id, member.pk]),
            youth=(member.youth_id, member.youth.organisation_id),
        )
        for member in members[:TASK_ROWS]
    ] + [
        Task(
            _("%(cohort)s: returned by the awarding body") % {"cohort": cohort.name},
            pk_url("cohorts:detail", cohort.pk),
        )
        for cohort in returned_cohorts[:TASK_ROWS]
    ]
    return TaskGroup(
        kind="quality_assurance",
        title=_("Returned from quality assurance"),
        tasks=tasks[:TASK_ROWS],
        more=len(members) + len(returned_cohorts) > TASK_ROWS,
    )


def _goals_to_assess(user: User) -> TaskGroup:
    """Placements with goals the mentor has logged but nobody has assessed yet."""
    logged = ProgressEntry.objects.filter(goal=OuterRef("pk"), withdrawn_at__isnull=True)
    rows = _bounded(
        goals_for_user(user)
        .filter(placement__youth__caseworker=user, assessed_level__isnull=True)
        .filter(Exists(logged))
        .values(
            "placement_id",
            "placement__youth_id",
            "placement__organisation_id",
            "placement__youth__first_name",
            "placement__youth__last_name",
            "placement__company__name",
        )
        .annotate(goals=Count("pk"))
        .order_by("placement_id")
    )
    return _group(
        "assess",
        _("Goals with entries, not assessed"),
        rows,
        lambda row: Task(
            _("%(youth)s · %(company)s: %(count)s goals")
            % {
                "youth": " ".join(
                    (row["placement__youth__first_name"], row["placement__youth__last_name"])
                ),
                "company": row["placement__company__name"],
                "count": row["goals"],
            },
            pk_url("goals:assess_placement", row["placement_id"]),
            youth=(row["placement__youth_id"], row["placement__organisation_id"]),
        ),
    )


def _mentor_links_expiring(placements, soon: dt.date) -> TaskGroup:
    """Running placements whose mentor's newest valid sign-in link runs out soon."""
    now = timezone.now()
    valid_until = (
        SignInLink.objects.filter(
            user=OuterRef("mentor__user"), revoked_at__isnull=True, expires_at__gt=now
        )
        .order_by()
        .values("user")
        .annotate(last=Max("expires_at"))
        .values("last")
    )
    until = dt.datetime.combine(soon, dt.time.max, tzinfo=timezone.get_current_timezone())
    rows = _bounded(
        placements.filter(status=Placement.Status.ACTIVE, mentor__user__isnull=False)
        .annotate(link_expires=Subquery(valid_until))
        .filter(Q(link_expires__lte=until))
        .order_by("link_expires", "pk")
    )
    return _group(
        "mentor_links",
        _("Mentors' sign-in links running out"),
        rows,
        lambda p: Task(
            _("%(mentor)s (%(where)s)") % {"mentor": p.mentor.name, "where": _where(p)},
            pk_url("mentor:invite", p.pk),
            timezone.localdate(p.link_expires),
            (p.youth_id, p.organisation_id),
        ),
    )
