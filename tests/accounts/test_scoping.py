"""The access helpers: owner, colleague and stranger for each role (DESIGN.md, rules of access)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from companies.selectors import get_company_for_user
from goals.selectors import get_goal_for_user, goals_for_user
from placements.selectors import follow_ups_for_user, get_placement_for_user
from tests.factories import (
    FollowUpFactory,
    LearningGoalFactory,
    MentorUserFactory,
    PlacementFactory,
    UserFactory,
    YouthFactory,
)
from youth.selectors import get_youth_for_user, youth_for_user

pytestmark = pytest.mark.django_db


def test_caseworker_sees_own_organisations_youth(caseworker, colleague, youth):
    assert get_youth_for_user(caseworker, youth.pk) == youth
    assert get_youth_for_user(colleague, youth.pk, write=True) == youth


def test_other_organisation_gets_404(stranger, youth, placement):
    for helper, obj in [
        (get_youth_for_user, youth),
        (get_placement_for_user, placement),
        (get_company_for_user, placement.company),
    ]:
        with pytest.raises(Http404):
            helper(stranger, obj.pk)


def test_manager_reads_but_may_not_write(manager, youth, placement):
    assert get_youth_for_user(manager, youth.pk) == youth
    with pytest.raises(PermissionDenied):
        get_youth_for_user(manager, youth.pk, write=True)
    with pytest.raises(PermissionDenied):
        get_placement_for_user(manager, placement.pk, write=True)


def test_mentor_sees_only_youth_on_own_placements(organisation, mentor_user, placement):
    other_youth = YouthFactory(organisation=organisation)
    other_mentor = MentorUserFactory(organisation=organisation)
    other_placement = PlacementFactory(
        organisation=organisation, youth=other_youth, mentor=other_mentor.mentor_profile
    )
    assert list(youth_for_user(mentor_user)) == [placement.youth]
    assert get_placement_for_user(mentor_user, placement.pk) == placement
    with pytest.raises(Http404):
        get_youth_for_user(mentor_user, other_youth.pk)
    with pytest.raises(Http404):
        get_placement_for_user(mentor_user, other_placement.pk)
    with pytest.raises(Http404):
        get_company_for_user(mentor_user, placement.company.pk)


def test_mentor_and_youth_never_see_follow_up_notes(mentor_user, youth_user, placement):
    FollowUpFactory(placement=placement)
    assert not follow_ups_for_user(mentor_user).exists()
    assert not follow_ups_for_user(youth_user).exists()


def test_youth_sees_only_themselves(organisation, youth_user, youth, placement):
    other = YouthFactory(organisation=organisation)
    goal = LearningGoalFactory(placement=placement)
    other_goal = LearningGoalFactory(
        placement=PlacementFactory(organisation=organisation, youth=other)
    )
    assert list(youth_for_user(youth_user)) == [youth]
    assert get_goal_for_user(youth_user, goal.pk) == goal
    with pytest.raises(Http404):
        get_youth_for_user(youth_user, other.pk)
    with pytest.raises(Http404):
        get_goal_for_user(youth_user, other_goal.pk)


def test_users_without_a_role_in_the_app_see_nothing(organisation, youth):
    admin = UserFactory(role="admin", organisation=None)
    assert not youth_for_user(admin).exists()
    assert not goals_for_user(admin).exists()
