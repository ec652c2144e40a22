"""A chart of progression per goal over time, for the youth profile (one line to include)."""

from collections import defaultdict

from django import template
from django.utils import timezone

from accounts.models import User
from goals.selectors import goals_for_user, progress_entries_for_user
from youth.models import Youth

from ..charts import progression_chart
from ..progress_pdf import level_names

register = template.Library()


@register.inclusion_tag("reports/progress/_charts.html")
def progression_charts(youth: Youth, user: User) -> dict:
    goals = list(
        goals_for_user(user)
        .filter(placement__youth=youth)
        .select_related("placement__company")
        .order_by("area", "pk")
    )
    points = defaultdict(list)
    entries = (
        progress_entries_for_user(user)
        .filter(goal__in=goals, withdrawn_at__isnull=True)
        .order_by("observed_on", "created_at")
        .values_list("goal_id", "observed_on", "level")
    )
    for goal_id, day, level in entries:
        points[goal_id].append((day, level))
    for goal in goals:
        if goal.assessed_on:
            points[goal.pk].append((goal.assessed_on, goal.assessed_level))
    today = timezone.localdate()
    start = min((p[0][0] for p in points.values() if p), default=today)
    start = min(start, youth.started_on or start)
    names = level_names()
    return {
        "charts": [
            (
                goal,
                progression_chart(
                    chart_id=f"progress-{goal.pk}",
                    title=goal.title,
                    points=points[goal.pk],
                    start=start,
                    end=today,
                    level_names=names,
                ),
            )
            for goal in goals
            if points[goal.pk]
        ]
    }
