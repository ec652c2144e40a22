"""Several catalogue goals added to a placement at once, and goal packages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import AccessLogEntry
from companies.models import Industry
from goals.models import Area, GoalPackage, LearningGoal
from goals.services.goals import (
    GoalError,
    goal_package_apply,
    goal_package_create,
    learning_goals_add_from_catalogue,
)
from tests.factories import GoalTemplateFactory, PlacementFactory


@pytest.fixture
def catalogue(organisation):
    """Retail and cleaning goals, and a personal and a social goal from no industry."""
    make = GoalTemplateFactory
    return {
        "retail": make(organisation=organisation, title="Kan betjene kassen"),
        "cleaning": make(
            organisation=organisation, title="Kan gøre rent efter plan", industry=Industry.CLEANING
        ),
        "personal": make(
            organisation=organisation,
            title="Kan møde til tiden",
            area=Area.PERSONAL,
            industry=Industry.CLEANING,
            criteria="Kommer senest kl. 9 og melder afbud før kl. 8.",
        ),
        "social": make(
            organisation=organisation, title="Kan hilse på kolleger", area=Area.SOCIAL, industry=""
        ),
    }


def test_service_copies_each_template_and_skips_goals_already_there(
    placement, catalogue, caseworker
):
    templates = [catalogue["retail"], catalogue["personal"]]
    added = learning_goals_add_from_catalogue(
        placement=placement, templates=templates, by=caseworker
    )
    assert [goal.title for goal in added] == ["Kan betjene kassen", "Kan møde til tiden"]
    goal = LearningGoal.objects.get(placement=placement, template=catalogue["personal"])
    assert goal.criteria == "Kommer senest kl. 9 og melder afbud før kl. 8."
    assert goal.area == Area.PERSONAL and goal.target_level == catalogue["personal"].level

    again = learning_goals_add_from_catalogue(
        placement=placement, templates=[*templates, catalogue["social"]], by=caseworker
    )
    assert [goal.title for goal in again] == ["Kan hilse på kolleger"]
    assert placement.goals.count() == 3


def test_service_refuses_another_organisations_template(placement, other_organisation, caseworker):
    foreign = GoalTemplateFactory(organisation=other_organisation)
    with pytest.raises(GoalError):
        learning_goals_add_from_catalogue(placement=placement, templates=[foreign], by=caseworker)
    assert not placement.goals.exists()


def test_page_is_filtered_to_the_companys_industry_but_shows_personal_and_social_goals(
    caseworker_client, placement, catalogue
):
    page = caseworker_client.get(reverse("goals:add", args=[placement.pk])).content.decode()
    assert "Kan betjene kassen" in page
    assert "Kan gøre rent efter plan" not in page
    assert "Kan møde til tiden" in page and "Kan hilse på kolleger" in page
    assert "Kommer senest kl. 9" in page, "the criteria show beside the checkbox"
    assert AccessLogEntry.objects.filter(youth_id=placement.youth_id).exists()


def test_ticked_goals_are_saved_together_and_the_filter_keeps_them(
    caseworker_client, placement, catalogue
):
    url = reverse("goals:add", args=[placement.pk])
    ticked = [catalogue["retail"].pk, catalogue["social"].pk]
    refiltered = caseworker_client.post(
        url, {"industry": Industry.CLEANING, "q": "", "templates": ticked, "filter": "1"}
    ).content.decode()
    assert 'value="cleaning" selected' in refiltered
    assert "Kan gøre rent efter plan" in refiltered
    assert f'<input type="hidden" name="templates" value="{catalogue["retail"].pk}">' in refiltered
    assert f'value="{catalogue["social"].pk}" id="pick-{catalogue["social"].pk}" checked' in (
        refiltered
    )
    assert not placement.goals.exists(), "filtering saves nothing"

    response = caseworker_client.post(
        url,
        {
            "industry": Industry.CLEANING,
            "templates": [*ticked, catalogue["cleaning"].pk],
            "save": "1",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("workspace:placement_detail", args=[placement.pk])
    assert set(placement.goals.values_list("title", flat=True)) == {
        "Kan betjene kassen",
        "Kan hilse på kolleger",
        "Kan gøre rent efter plan",
    }


def test_saving_nothing_ticked_shows_a_danish_error(caseworker_client, placement, catalogue):
    response = caseworker_client.post(reverse("goals:add", args=[placement.pk]), {"save": "1"})
    assert response.status_code == 200
    assert "Vælg mindst ét mål." in response.content.decode()


def test_strangers_and_managers_cannot_add_goals(client, stranger, manager, placement):
    url = reverse("goals:add", args=[placement.pk])
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(manager)
    assert client.get(url).status_code == 403


def test_page_query_count_does_not_grow_with_the_catalogue(
    caseworker_client, placement, organisation
):
    url = reverse("goals:add", args=[placement.pk])
    GoalTemplateFactory.create_batch(3, organisation=organisation)
    with CaptureQueriesContext(connection) as few:
        caseworker_client.get(url)
    GoalTemplateFactory.create_batch(30, organisation=organisation)
    with CaptureQueriesContext(connection) as many:
        caseworker_client.get(url)
    assert len(many) == len(few)


def test_manager_saves_a_package_and_a_caseworker_applies_it_in_one_click(
    client, manager, caseworker, placement, catalogue
):
    client.force_login(manager)
    response = client.post(
        reverse("goals:package_create"),
        {
            "name": "Dagligvarebutik – start",
            "templates": [catalogue["retail"].pk, catalogue["personal"].pk],
            "save": "1",
        },
    )
    assert response.status_code == 302
    package = GoalPackage.objects.get(name="Dagligvarebutik – start")
    assert package.created_by == manager
    assert "Dagligvarebutik – start" in client.get(reverse("goals:packages")).content.decode()

    client.force_login(caseworker)
    page = client.get(reverse("goals:add", args=[placement.pk])).content.decode()
    assert "Tilføj “Dagligvarebutik – start”" in page
    response = client.post(reverse("goals:package_apply", args=[placement.pk, package.pk]))
    assert response.status_code == 302
    assert set(placement.goals.values_list("title", flat=True)) == {
        "Kan betjene kassen",
        "Kan møde til tiden",
    }


def test_package_rules(organisation, other_organisation, caseworker, catalogue, placement):
    templates = [catalogue["retail"]]
    with pytest.raises(GoalError, match="Giv pakken et navn."):
        goal_package_create(organisation=organisation, name=" ", templates=templates, by=caseworker)
    with pytest.raises(GoalError, match="Vælg mindst ét mål."):
        goal_package_create(organisation=organisation, name="Tom", templates=[], by=caseworker)
    package = goal_package_create(
        organisation=organisation, name="Start", templates=templates, by=caseworker
    )
    with pytest.raises(GoalError, match="allerede en pakke"):
        goal_package_create(
            organisation=organisation, name="start", templates=templates, by=caseworker
        )
    foreign_placement = PlacementFactory(organisation=other_organisation)
    with pytest.raises(GoalError):
        goal_package_apply(package=package, placement=foreign_placement, by=caseworker)
    catalogue["retail"].is_active = False
    catalogue["retail"].save()
    with pytest.raises(GoalError, match="Vælg mindst ét mål."):
        goal_package_apply(package=package, placement=placement, by=caseworker)


def test_another_organisations_package_is_not_found(client, stranger, caseworker, placement):
    package = goal_package_create(
        organisation=caseworker.organisation,
        name="Lager",
        templates=[GoalTemplateFactory(organisation=caseworker.organisation)],
        by=caseworker,
    )
    foreign = PlacementFactory(organisation=stranger.organisation)
    client.force_login(stranger)
    url = reverse("goals:package_apply", args=[foreign.pk, package.pk])
    assert client.post(url).status_code == 404
