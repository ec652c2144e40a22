from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User
from placements.models import Placement
from placements.selectors import placements_for_user

from .models import (
    Area,
    Certificate,
    Cohort,
    CohortMember,
    GoalPackage,
    GoalReview,
    GoalTemplate,
    LearningGoal,
    ProgressEntry,
)


def goal_templates_for_user(user: User) -> QuerySet[GoalTemplate]:
    if user.is_staff_member:
        return GoalTemplate.objects.filter(organisation_id=user.organisation_id)
    return GoalTemplate.objects.none()


def get_goal_template_for_user(user: User, pk: int, *, write: bool = False) -> GoalTemplate:
    template = get_object_or_404(goal_templates_for_user(user), pk=pk)
    if write:
        require_write(user)
    return template


def goals_for_user(user: User) -> QuerySet[LearningGoal]:
    goals = LearningGoal.objects.select_related(
        "placement", "placement__youth", "placement__company"
    )
    if user.is_staff_member:
        return goals.filter(placement__organisation_id=user.organisation_id)
    if user.is_mentor:
        return goals.filter(placement__mentor__user=user)
    if user.is_youth:
        return goals.filter(placement__youth__user=user)
    return goals.none()


def get_goal_for_user(user: User, pk: int, *, write: bool = False) -> LearningGoal:
    """One goal in the user's scope, annotated with its latest level (`goals_with_progress`)."""
    goal = get_object_or_404(goals_with_progress(goals_for_user(user)), pk=pk)
    if write:
        require_write(user)
    return goal


def progress_entries_for_user(user: User) -> QuerySet[ProgressEntry]:
    entries = ProgressEntry.objects.select_related("author", "goal")
    if user.is_staff_member:
        return entries.filter(goal__placement__organisation_id=user.organisation_id)
    if user.is_mentor:
        return entries.filter(goal__placement__mentor__user=user)
    if user.is_youth:
        return entries.filter(goal__placement__youth__user=user, withdrawn_at__isnull=True)
    return entries.none()


def certificates_for_user(user: User) -> QuerySet[Certificate]:
    certificates = Certificate.objects.select_related("youth", "organisation")
    if user.is_staff_member:
        return certificates.filter(organisation_id=user.organisation_id)
    if user.is_youth:
        return certificates.filter(youth__user=user).exclude(status=Certificate.Status.DRAFT)
    return certificates.none()


def get_certificate_for_user(user: User, pk: int, *, write: bool = False) -> Certificate:
    certificate = get_object_or_404(certificates_for_user(user), pk=pk)
    if write:
        require_write(user)
    return certificate


def goal_templates_search(
    templates: QuerySet[GoalTemplate],
    *,
    q: str = "",
    industry: str = "",
    area: str = "",
    level: int | None = None,
) -> QuerySet[GoalTemplate]:
    """Narrow catalogue goals by words in the title or criteria, industry, area and level."""
    for word in q.split():
        templates = templates.filter(Q(title__icontains=word) | Q(criteria__icontains=word))
    if industry:
        templates = templates.filter(industry=industry)
    if area:
        templates = templates.filter(area=area)
    if level:
        templates = templates.filter(level=level)
    return templates


def goal_templates_to_pick(
    templates: QuerySet[GoalTemplate], *, q: str = "", industry: str = ""
) -> QuerySet[GoalTemplate]:
    """Catalogue goals to add to a placement: the professional goals of the industry (and
    the general ones), and always every personal and social goal."""
    templates = goal_templates_search(templates.filter(is_active=True), q=q)
    if industry:
        templates = templates.filter(
            Q(area__in=[Area.PERSONAL, Area.SOCIAL]) | Q(industry__in=[industry, ""])
        )
    return templates.order_by("area", "title", "pk")


def goal_packages_for_user(user: User) -> QuerySet[GoalPackage]:
    if user.is_staff_member:
        return GoalPackage.objects.filter(organisation_id=user.organisation_id).prefetch_related(
            Prefetch("templates", queryset=GoalTemplate.objects.order_by("area", "title"))
        )
    return GoalPackage.objects.none()


# How many of the mentor's latest entries the caseworker sees beside each goal when assessing.
ASSESS_HISTORY = 3


def goals_to_assess(user: User, placement: Placement) -> QuerySet[LearningGoal]:
    """A placement's goals with their latest level and latest entries not withdrawn."""
    latest = (
        ProgressEntry.objects.filter(withdrawn_at__isnull=True)
        .select_related("author")
        .order_by("-observed_on", "-created_at")
    )
    return goals_for_placement(user, placement).prefetch_related(
        Prefetch("entries", queryset=latest[:ASSESS_HISTORY], to_attr="latest_entries")
    )


# How many of their own entries a mentor sees under each goal.
MENTOR_HISTORY = 5


def goals_with_progress(goals: QuerySet[LearningGoal]) -> QuerySet[LearningGoal]:
    """Annotate each goal with the latest level seen, from its latest entry not withdrawn:
    `current_level` and `current_observed_on` (None when nothing is logged yet)."""
    latest = ProgressEntry.objects.filter(goal=OuterRef("pk"), withdrawn_at__isnull=True).order_by(
        "-observed_on", "-created_at"
    )
    return goals.annotate(
        current_level=Subquery(latest.values("level")[:1]),
        current_observed_on=Subquery(latest.values("observed_on")[:1]),
    )


def goals_for_placement(user: User, placement: Placement) -> QuerySet[LearningGoal]:
    """A placement's goals in the user's scope, with the latest level seen; by area."""
    return goals_with_progress(goals_for_user(user).filter(placement=placement)).order_by(
        "area", "pk"
    )


def goal_timeline(goal: LearningGoal) -> QuerySet[ProgressEntry]:
    """Every entry on a goal, withdrawn ones included, newest observation first."""
    return goal.entries.select_related("author").order_by("-observed_on", "-created_at")


def _mentor_entries(user: User) -> Prefetch:
    own = ProgressEntry.objects.filter(author=user).order_by("-observed_on", "-created_at")
    return Prefetch("entries", queryset=own[:MENTOR_HISTORY], to_attr="my_entries")


def mentor_placements(user: User) -> QuerySet[Placement]:
    """The mentor's placements, newest first, each with its goals and their current level."""
    goals = goals_with_progress(LearningGoal.objects.order_by("area", "pk"))
    return (
        placements_for_user(user)
        .order_by("-starts_on", "-pk")
        .prefetch_related(Prefetch("goals", queryset=goals, to_attr="goal_list"))
    )


def mentor_goals(user: User, placement: Placement) -> QuerySet[LearningGoal]:
    """A placement's goals for its mentor: current level and the mentor's own latest entries."""
    return goals_for_placement(user, placement).prefetch_related(_mentor_entries(user))


def get_mentor_goal(user: User, pk: int) -> LearningGoal:
    """One goal on the mentor's own placement (goals_for_user scopes a mentor to their own
    placements), ready to show as a card; 404 otherwise."""
    goals = goals_with_progress(goals_for_user(user)).prefetch_related(_mentor_entries(user))
    return get_object_or_404(goals, pk=pk)


def assessed_goals_for_youth(user: User, youth_pk: int) -> QuerySet[LearningGoal]:
    """The young person's assessed goals that may go on a certificate, by placement and area."""
    return (
        goals_for_user(user)
        .filter(placement__youth_id=youth_pk, assessed_level__isnull=False)
        .order_by("placement__starts_on", "placement_id", "area", "pk")
    )


def certificates_search(
    certificates: QuerySet[Certificate],
    *,
    q: str = "",
    status: str = "",
    year: int | None = None,
    youth_pk: int | None = None,
) -> QuerySet[Certificate]:
    """Narrow certificates by number or the young person's name, status, year and person."""
    for word in q.split():
        certificates = certificates.filter(
            Q(number__icontains=word)
            | Q(youth__first_name__icontains=word)
            | Q(youth__last_name__icontains=word)
        )
    if status:
        certificates = certificates.filter(status=status)
    if year:
        certificates = certificates.filter(year=year)
    if youth_pk:
        certificates = certificates.filter(youth_id=youth_pk)
    return certificates


def certificate_by_code(code: str) -> Certificate | None:
    """The public verification lookup: an issued certificate and what replaced it, if any."""
    return (
        Certificate.objects.exclude(status=Certificate.Status.DRAFT)
        .select_related("organisation", "superseded_by")
        .filter(verification_code=code)
        .first()
    )


# Cohorts. The awarding body's assurers see a cohort once it is submitted to them, and in
# it only the youth of the external sample; everyone else gets 404.
COHORT_STAGES_FOR_AWARDING_BODY = ("external", "returned", "approved", "issuing", "issued")


def cohorts_for_user(user: User) -> QuerySet[Cohort]:
    cohorts = Cohort.objects.select_related("awarding_body")
    if user.is_staff_member:
        return cohorts.filter(organisation_id=user.organisation_id)
    if user.is_external_assurer:
        return cohorts.filter(
            awarding_body_id=user.organisation_id, status__in=COHORT_STAGES_FOR_AWARDING_BODY
        ).select_related("organisation")
    return cohorts.none()


def get_cohort_for_user(user: User, pk: int, *, write: bool = False) -> Cohort:
    cohort = get_object_or_404(cohorts_for_user(user), pk=pk)
    if write:
        require_write(user)
    return cohort


def cohort_members_for_user(user: User, cohort: Cohort) -> QuerySet[CohortMember]:
    members = cohort.members.select_related("youth", "certificate", "guide_approved_by")
    return members.filter(external_sampled=True) if user.is_external_assurer else members


def get_cohort_member_for_user(user: User, cohort: Cohort, pk: int) -> CohortMember:
    return get_object_or_404(cohort_members_for_user(user, cohort), pk=pk)


def cohort_member_documentation(member: CohortMember) -> list[tuple[LearningGoal, list, list]]:
    """The learning documentation of one youth in a cohort: each goal on the draft with its
    criteria, level, evidence (progress entries) and the reviewers' decisions."""
    if member.certificate_id is None:
        return []
    goals = (
        member.certificate.goals.select_related("placement__company", "assessed_by")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ProgressEntry.objects.filter(withdrawn_at__isnull=True)
                .select_related("author")
                .order_by("-observed_on", "-created_at"),
            )
        )
        .order_by("area", "pk")
    )
    reviews: dict[int, list[GoalReview]] = {}
    for review in member.reviews.select_related("reviewer").order_by("round", "pk"):
        reviews.setdefault(review.goal_id, []).append(review)
    return [(goal, list(goal.entries.all()), reviews.get(goal.pk, [])) for goal in goals]
