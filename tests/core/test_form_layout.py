"""One form layout: every create/edit form is one column (`form-page`) with the same row of
buttons under it: the action, and "Annullér" as an outlined button back to where one was."""

import re

import pytest
from django.urls import reverse

from tests.factories import GoalTemplateFactory, LearningGoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_urls(youth, placement, organisation):
    company = placement.company
    goal = LearningGoalFactory(
        placement=placement, assessed_level=2, assessed_on=placement.starts_on
    )
    template = GoalTemplateFactory(organisation=organisation)
    return {
        "youth:create": (reverse("youth:create"), reverse("youth:list")),
        "youth:edit": (
            reverse("youth:edit", args=[youth.pk]),
            reverse("workspace:youth_detail", args=[youth.pk]),
        ),
        "youth:end": (
            reverse("youth:end", args=[youth.pk]),
            reverse("workspace:youth_detail", args=[youth.pk]),
        ),
        "companies:create": (reverse("companies:create"), reverse("companies:list")),
        "companies:mentor_create": (
            reverse("companies:mentor_create", args=[company.pk]),
            reverse("workspace:company_detail", args=[company.pk]),
        ),
        "placements:create": (
            f"{reverse('placements:create')}?youth={youth.pk}",
            reverse("workspace:youth_detail", args=[youth.pk]),
        ),
        "placements:followup_create": (
            reverse("placements:followup_create", args=[placement.pk]),
            reverse("workspace:placement_detail", args=[placement.pk]),
        ),
        "placements:interrupt": (
            reverse("placements:interrupt", args=[placement.pk]),
            reverse("workspace:placement_detail", args=[placement.pk]),
        ),
        "goals:template_edit": (
            reverse("goals:template_edit", args=[template.pk]),
            reverse("goals:catalogue"),
        ),
        "goals:edit": (
            reverse("goals:edit", args=[goal.pk]),
            reverse("goals:detail", args=[goal.pk]),
        ),
        "goals:assess": (
            reverse("goals:assess", args=[goal.pk]),
            reverse("goals:detail", args=[goal.pk]),
        ),
        "certificates:issue": (
            reverse("certificates:issue", args=[youth.pk]),
            reverse("workspace:youth_detail", args=[youth.pk]),
        ),
    }


ACTIONS = re.compile(
    r'<div class="form-actions">\s*<button type="submit" class="btn btn-(primary|danger)">[^<]+'
    r'</button>\s*<a class="btn btn-outline-secondary" href="(?P<cancel>[^"]*)">Annullér</a>'
)


def test_every_form_has_the_same_layout_and_buttons(caseworker_client, form_urls):
    for name, (url, cancel) in form_urls.items():
        response = caseworker_client.get(url)
        assert response.status_code == 200, name
        page = response.content.decode()
        assert re.search(r'<form method="post" class="form-page"', page), name
        actions = ACTIONS.findall(page)
        assert len(actions) == 1, f"{name}: {len(actions)} button rows"
        assert ACTIONS.search(page)["cancel"] == cancel, name
        assert 'class="card card-body"' not in page, name
