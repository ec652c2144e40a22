from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from accounts.access import require_write
from accounts.models import User
from placements.models import Placement
from placements.selectors import placements_for_user

from .models import Area, GoalPackage, GoalTemplate, LearningGoal, ProgressEntry


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
        return goals.filter(placement__youth__organisation_id=user.organisation_id)
    if user.is_mentor:
        return goals.filter(placement__mentor__user=user)
    if user.is_youth:
        return goals.filter(placement__youth__user=user)
    return goals.none()


def get_goal_for_user(user: User, pk: int, *, write: bool = False) -> LearningGoal:
    """One goal in the user's scope, annotated with its latest level (`goals_with_progress`)."""
    goal = get_object_or_404(goals_with_progress(goals_for_user(user)), pk=pk)
    if write:
        require_write(user, made_in=goal.placement.organisation_id)
    return goal


def progress_entries_for_user(user: User) -> QuerySet[ProgressEntry]:
    entries = ProgressEntry.objects.select_related("author", "goal")
    if user.is_staff_member:
        return entries.filter(goal__placement__youth__organisation_id=user.organisation_id)
    if user.is_mentor:
        return entries.filter(goal__placement__mentor__user=user)
    if user.is_youth:
        return entries.filter(goal__placement__youth__user=user, withdrawn_at__isnull=True)
    return entries.none()


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
    """The young person's assessed goals that may go on a certificate issued by the user's
    organisation (never goals another unit assessed before a handover), by placement and
    area."""
    return (
        goals_for_user(user)
        .filter(
            placement__youth_id=youth_pk,
            placement__organisation_id=user.organisation_id,
            assessed_level__isnull=False,
        )
        .order_by("placement__starts_on", "placement_id", "area", "pk")
    )
