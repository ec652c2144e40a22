import re
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import CheckConstraint, Max, Q
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation, User
from certificates.models import Cohort, CohortMember
from companies.models import Company, cvr_is_valid
from demo.seed import SEEDED_MODELS
from goals.models import Area, GoalTemplate, LearningGoal, Level, ProgressEntry
from placements.models import FollowUp, Placement
from youth.models import Youth

pytestmark = pytest.mark.django_db


def all_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_demo_signins_asks_for_the_demo_data_first():
    with pytest.raises(CommandError, match="seed_demo"):
        call_command("demo_signins", stdout=StringIO())


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker):
    """The demo, seeded once for the class and rolled back afterwards (seeding takes a while).

    A fast password hasher, as the demo users' password is hashed and checked here.
    """
    fast_hasher = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with fast_hasher, django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", force=True, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.mark.usefixtures("seeded")
class TestSeededDemo:
    def test_first_run_reports_what_it_created(self, seeded):
        assert "Demo data created" in seeded
        assert "progress entries: " in seeded

    def test_second_run_changes_nothing(self):
        before = all_counts()
        out = StringIO()
        call_command("seed_demo", force=True, stdout=out)
        assert "already exists" in out.getvalue()
        assert all_counts() == before

    def test_password_sign_ins_have_their_roles_and_organisations(self, client):
        expected = {
            "sagsbehandler": ("caseworker", "HER"),
            "leder": ("manager", "HER"),
            "sagsbehandler2": ("caseworker", "BIL"),
        }
        for username, (role, code) in expected.items():
            user = User.objects.get(username=username)
            assert (user.role, user.organisation.code) == (role, code)
            assert user.check_password("demo")
        response = client.post(
            reverse("accounts:login"), {"username": "sagsbehandler", "password": "demo"}
        )
        assert response.status_code == 302
        assert int(client.session["_auth_user_id"]) == User.objects.get(username="sagsbehandler").pk

    def test_each_organisation_has_two_caseworkers(self):
        for code in ("HER", "BIL"):
            assert User.objects.filter(organisation__code=code, role="caseworker").count() >= 2

    def test_mentor_signs_in_by_link_and_has_an_active_placement_with_goals(self):
        user = User.objects.get(username="mentor")
        assert (user.role, user.organisation.code) == ("mentor", "HER")
        assert not user.has_usable_password()
        mentor = user.mentor_profile
        assert mentor.company.organisation == user.organisation
        active = mentor.placements.filter(status=Placement.Status.ACTIVE)
        assert active.exists()
        assert max(p.goals.count() for p in active) >= 5

    def test_ung_has_a_completed_placement_with_every_goal_assessed(self):
        user = User.objects.get(username="ung")
        assert (user.role, user.organisation.code) == ("youth", "HER")
        assert not user.has_usable_password()
        completed = user.youth_profile.placements.filter(status=Placement.Status.COMPLETED)
        goals = LearningGoal.objects.filter(placement__in=completed)
        assert goals.count() >= 5
        assert not goals.filter(
            Q(assessed_level__isnull=True) | Q(assessed_by__isnull=True)
        ).exists()
        assert {g.area for g in goals} == set(Area.values)

    def test_organisation_one_is_big_enough(self):
        her = Organisation.objects.get(code="HER")
        assert Youth.objects.filter(organisation=her).count() >= 20
        assert Company.objects.filter(organisation=her).count() >= 16
        assert GoalTemplate.objects.filter(organisation=her, is_active=True).count() >= 40
        assert GoalTemplate.objects.filter(organisation=her, is_active=False).exists()
        assert Company.objects.filter(organisation=her, is_own_workshop=True).exists()
        assert Company.objects.filter(organisation=her, is_active=False).exists()
        assert Youth.objects.filter(organisation__code="BIL").count() >= 8

    def test_both_organisations_have_every_kind_of_row(self):
        for code in ("HER", "BIL"):
            org = Organisation.objects.get(code=code)
            assert Youth.objects.filter(organisation=org).exists()
            assert Company.objects.filter(organisation=org).exists()
            assert Placement.objects.filter(organisation=org).exists()
            assert FollowUp.objects.filter(placement__organisation=org).exists()
            assert GoalTemplate.objects.filter(organisation=org).exists()
            goals = LearningGoal.objects.filter(placement__organisation=org)
            assert set(goals.values_list("area", flat=True)) == set(Area.values)
            assert set(goals.values_list("target_level", flat=True)) == set(Level.values)
            entries = ProgressEntry.objects.filter(goal__placement__organisation=org)
            assert entries.filter(author__role="mentor").exists()
            assert entries.filter(author__role="caseworker").exists()

    def test_organisation_one_has_goals_in_every_area_at_every_level(self):
        goals = LearningGoal.objects.filter(placement__organisation__code="HER")
        assert set(goals.values_list("area", "target_level")) == {
            (area, level) for area in Area.values for level in Level.values
        }

    def test_every_cvr_is_valid_and_unique_per_organisation(self):
        cvrs = list(Company.objects.values_list("organisation_id", "cvr"))
        assert all(cvr_is_valid(cvr) for _org, cvr in cvrs)
        assert len(set(cvrs)) == len(cvrs)

    def test_statuses_kinds_and_outcomes_are_varied(self):
        assert set(Placement.objects.values_list("kind", flat=True)) == set(Placement.Kind.values)
        assert set(Placement.objects.values_list("status", flat=True)) == set(
            Placement.Status.values
        )
        interrupted = Placement.objects.filter(status="interrupted")
        assert not interrupted.filter(interruption_category="").exists()
        assert len(set(interrupted.values_list("interruption_category", flat=True))) >= 3
        assert set(Youth.objects.values_list("status", flat=True)) == set(Youth.Status.values)
        assert set(Youth.objects.exclude(outcome="").values_list("outcome", flat=True)) == set(
            Youth.Outcome.values
        )
        educations = set(Youth.objects.exclude(education="").values_list("education", flat=True))
        assert educations >= {"fgu", "stu", "eud", "hf"}

    def test_dates_are_relative_to_today(self):
        today = timezone.localdate()
        soon = today + timedelta(days=14)
        active = Placement.objects.filter(status="active")
        assert active.filter(ends_on__range=(today, soon)).exists()
        assert Placement.objects.filter(status="planned", starts_on__range=(today, soon)).exists()
        quiet = active.annotate(last=Max("follow_ups__held_on")).filter(
            Q(last__lt=today - timedelta(days=14)) | Q(last__isnull=True)
        )
        assert 0 < quiet.count() < active.count()
        assert not ProgressEntry.objects.filter(observed_on__gt=today).exists()
        assert not FollowUp.objects.filter(held_on__gt=today).exists()
        assert not Placement.objects.filter(status="planned", starts_on__lte=today).exists()

    def test_progress_mostly_rises_over_time(self):
        rising = total = 0
        for goal in LearningGoal.objects.prefetch_related("entries"):
            levels = [e.level for e in sorted(goal.entries.all(), key=lambda e: e.observed_on)]
            if len(levels) > 1:
                total += 1
                rising += levels[-1] >= levels[0]
        assert rising == total > 100

    def test_every_row_is_valid(self):
        """The seed leaves foreign keys and check constraints to the database. Check every
        constraint over all rows in one query each, and the complete full_clean() on a sample.
        """
        for model in SEEDED_MODELS:
            for constraint in model._meta.constraints:
                if isinstance(constraint, CheckConstraint):
                    assert not model.objects.exclude(constraint.condition).exists(), constraint
            for obj in model.objects.all()[:10]:
                obj.full_clean()

    def test_demo_signins_prints_links_that_sign_in(self, client):
        out = StringIO()
        call_command("demo_signins", stdout=out)
        text = out.getvalue()
        for username in ("sagsbehandler", "leder", "sagsbehandler2", "kvalitet", "ocn"):
            assert username in text
        urls = re.findall(r"https?://\S+/link/\S+/", text)
        assert len(urls) == 2
        for url, username in zip(urls, ("mentor", "ung"), strict=True):
            assert url.startswith(settings.SITE_URL)
            client.logout()
            response = client.post(url.removeprefix(settings.SITE_URL))
            assert response.status_code == 302
            assert int(client.session["_auth_user_id"]) == User.objects.get(username=username).pk

    def test_quality_assurers_and_a_cohort_at_each_stage(self):
        kvalitet = User.objects.get(username="kvalitet")
        assert kvalitet.is_internal_assurer and kvalitet.organisation.code == "HER"
        ocn = User.objects.get(username="ocn")
        assert ocn.is_external_assurer
        assert ocn.organisation.kind == Organisation.Kind.AWARDING_BODY
        stages = set(Cohort.objects.values_list("status", flat=True))
        assert stages == {"open", "internal", "approved", "issued"}
        # "Returned": a youth the internal assurer sent back to the guide.
        assert CohortMember.objects.filter(internal_review="returned").exists()
        issued = Cohort.objects.get(status="issued")
        assert issued.certificates.filter(status="issued").count() == issued.members.count()
        assert issued.certificates.first().snapshot["quality_assured_on"]


def test_seed_demo_refuses_a_production_database(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.filter(username="sagsbehandler").exists()


def test_seed_demo_runs_in_development(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Demo data created" in out.getvalue()
