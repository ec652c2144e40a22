"""The goal catalogue and the learning goals on a placement."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.changes import model_update
from accounts.display import date_long
from accounts.errors import DomainError
from accounts.models import Organisation, User
from accounts.services import history_record
from placements.models import Placement
from placements.services import placement_history_record

from ..models import GoalPackage, GoalTemplate, LearningGoal, Level

TEMPLATE_FIELDS = ("title", "criteria", "area", "level", "points", "industry")
GOAL_FIELDS = ("title", "criteria", "area", "target_level", "points")
ASSESSMENT_FIELDS = ("assessed_level", "assessed_on", "points")


class GoalError(DomainError):
    """A change to a goal that cannot be made; `field` names the form field."""


def observation_check(
    *, placement: Placement, level: int, day: date, date_field: str, error: type[DomainError]
) -> None:
    """A level seen or reached on a day: one of the three levels, on a day that is neither in
    the future nor before the placement started. Raises `error` on the offending field."""
    if level not in Level.values:
        raise error(_("Choose one of the three levels."), field="level")
    if day > timezone.localdate():
        raise error(_("The date cannot be in the future."), field=date_field)
    if day < placement.starts_on:
        raise error(
            _("The date cannot be before the placement started (%(date)s).")
            % {"date": date_long(placement.starts_on)},
            field=date_field,
        )


@transaction.atomic
def goal_template_create(
    *,
    organisation: Organisation,
    by: User,
    title: str,
    criteria: str,
    area: str,
    level: int,
    points: Decimal,
    industry: str = "",
) -> GoalTemplate:
    template = GoalTemplate(
        organisation=organisation,
        title=title,
        criteria=criteria,
        area=area,
        level=level,
        points=points,
        industry=industry,
    )
    template.full_clean()
    template.save()
    history_record(by=by, action="goal_template.created", obj=template)
    return template


@transaction.atomic
def goal_template_update(*, template: GoalTemplate, data: dict, by: User) -> GoalTemplate:
    # From the database: a model form has already copied its values onto the page's object.
    template = GoalTemplate.objects.select_for_update().get(pk=template.pk)
    changed = model_update(template, data, TEMPLATE_FIELDS)
    template.full_clean()
    template.save()
    if changed:
        history_record(by=by, action="goal_template.updated", obj=template, fields=changed)
    return template


@transaction.atomic
def goal_template_retire(*, template: GoalTemplate, by: User, retired: bool = True) -> GoalTemplate:
    """Take a goal out of the catalogue (or back in). Goals already copied to placements stay."""
    template.is_active = not retired
    template.save(update_fields=["is_active"])
    action = "goal_template.retired" if retired else "goal_template.reinstated"
    history_record(by=by, action=action, obj=template)
    return template


@transaction.atomic
def learning_goal_create(
    *,
    placement: Placement,
    title: str,
    criteria: str,
    area: str,
    target_level: int,
    points: Decimal,
    by: User,
    template: GoalTemplate | None = None,
) -> LearningGoal:
    """A goal on a placement, written fresh or copied from the catalogue and adjusted."""
    if template is not None and template.organisation_id != placement.organisation_id:
        raise GoalError(_("The goal in the catalogue belongs to another organisation."))
    goal = LearningGoal(placement=placement, template=template)
    given = model_update(
        goal,
        {
            "title": title,
            "criteria": criteria,
            "area": area,
            "target_level": target_level,
            "points": points,
        },
        GOAL_FIELDS,
    )
    goal.full_clean()
    goal.save()
    placement_history_record(
        goal.placement, by=by, action="learning_goal.created", fields=given, obj=goal
    )
    return goal


@transaction.atomic
def learning_goal_update(*, goal: LearningGoal, data: dict, by: User) -> LearningGoal:
    # From the database: a model form has already copied its values onto the page's object.
    goal = (
        LearningGoal.objects.select_for_update(of=("self",))
        .select_related("placement")
        .get(pk=goal.pk)
    )
    changed = model_update(goal, data, GOAL_FIELDS)
    goal.full_clean()
    goal.save()
    if changed:
        placement_history_record(
            goal.placement, by=by, action="learning_goal.updated", fields=changed, obj=goal
        )
    return goal


@transaction.atomic
def learning_goal_assess(
    *, goal: LearningGoal, by: User, level: int, assessed_on: date, points: Decimal | None = None
) -> LearningGoal:
    """Record the level the young person has reached on the goal, and when.

    `points`, when given, is the caseworker's decision on what a certificate credits for the
    goal, e.g. when the level reached is below the target level. No rule changes them.
    """
    goal = (
        LearningGoal.objects.select_for_update(of=("self",))
        .select_related("placement")
        .get(pk=goal.pk)
    )
    observation_check(
        placement=goal.placement,
        level=level,
        day=assessed_on,
        date_field="assessed_on",
        error=GoalError,
    )
    assessment = {"assessed_level": level, "assessed_on": assessed_on}
    if points is not None:
        assessment["points"] = points
    changed = model_update(goal, assessment, ASSESSMENT_FIELDS)
    goal.assessed_by = by  # the history's `by`
    goal.full_clean()
    goal.save(update_fields=[*ASSESSMENT_FIELDS, "assessed_by", "updated_at"])
    placement_history_record(
        goal.placement, by=by, action="learning_goal.assessed", fields=changed, obj=goal
    )
    return goal


@transaction.atomic
def learning_goals_add_from_catalogue(
    *, placement: Placement, templates: list[GoalTemplate], by: User
) -> list[LearningGoal]:
    """Copy several catalogue goals to a placement at once, each through `learning_goal_create`
    (same rules as one at a time). A goal the placement already has from the same catalogue
    entry is not added twice."""
    if not templates:
        raise GoalError(_("Choose at least one goal."), field="templates")
    already = set(
        placement.goals.filter(template__isnull=False).values_list("template_id", flat=True)
    )
    return [
        learning_goal_create(
            placement=placement,
            template=template,
            title=template.title,
            criteria=template.criteria,
            area=template.area,
            target_level=template.level,
            points=template.points,
            by=by,
        )
        for template in templates
        if template.pk not in already
    ]


@transaction.atomic
def goal_package_create(
    *, organisation: Organisation, name: str, templates: list[GoalTemplate], by: User
) -> GoalPackage:
    """Save a named set of catalogue goals for the organisation."""
    name = name.strip()
    if not name:
        raise GoalError(_("Give the package a name."), field="name")
    if not templates:
        raise GoalError(_("Choose at least one goal."), field="templates")
    if any(template.organisation_id != organisation.pk for template in templates):
        raise GoalError(_("The goal in the catalogue belongs to another organisation."))
    if GoalPackage.objects.filter(organisation=organisation, name__iexact=name).exists():
        raise GoalError(_("A package with this name already exists."), field="name")
    package = GoalPackage(organisation=organisation, name=name, created_by=by)
    package.full_clean()
    package.save()
    package.templates.set(templates)
    history_record(by=by, action="goal_package.created", obj=package)
    return package


@transaction.atomic
def goal_package_apply(
    *, package: GoalPackage, placement: Placement, by: User
) -> list[LearningGoal]:
    """Add the package's goals still in the catalogue to the placement."""
    if package.organisation_id != placement.organisation_id:
        raise GoalError(_("The package belongs to another organisation."))
    templates = list(package.templates.filter(is_active=True).order_by("area", "title", "pk"))
    return learning_goals_add_from_catalogue(placement=placement, templates=templates, by=by)


@transaction.atomic
def placement_goals_assess(
    *, placement: Placement, levels: dict[int, int], assessed_on: date, by: User
) -> list[LearningGoal]:
    """Assess several goals of one placement together: all are saved or none. `levels` maps
    a goal's id to the level reached; goals left out keep their assessment."""
    goals = {goal.pk: goal for goal in placement.goals.filter(pk__in=levels)}
    if len(goals) != len(levels):
        raise GoalError(_("A goal does not belong to this placement."))
    return [
        learning_goal_assess(goal=goals[pk], by=by, level=level, assessed_on=assessed_on)
        for pk, level in levels.items()
    ]
