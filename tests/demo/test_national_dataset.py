"""The national-scale data set builds valid rows with the big organisation's heavy objects."""

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from certificates.models import Certificate
from companies.models import Company, cvr_is_valid
from demo.national import BIG_CASEWORKER, BIG_MENTOR, BIG_YOUTH
from goals.models import LearningGoal, ProgressEntry
from placements.models import Placement
from youth.models import Youth


@pytest.fixture
def small_national(db, on_postgres):
    out = StringIO()
    call_command("seed_national", "--scale", "0.01", "--yes", stdout=out)
    return out.getvalue()


def test_builds_the_big_organisations_heavy_objects(small_national):
    caseworker = User.objects.get(username=BIG_CASEWORKER)
    assert Youth.objects.filter(caseworker=caseworker).count() == 300
    mentor = User.objects.get(username=BIG_MENTOR).mentor_profile
    assert Placement.objects.filter(mentor=mentor).count() == 40
    youth = User.objects.get(username=BIG_YOUTH).youth_profile
    assert youth.placements.count() == 10
    assert LearningGoal.objects.filter(placement__youth=youth).count() == 60


def test_rows_are_valid_and_the_summary_is_printed(small_national):
    assert all(cvr_is_valid(cvr) for cvr in Company.objects.values_list("cvr", flat=True))
    for youth in Youth.objects.order_by("?")[:50]:
        youth.full_clean()
    for placement in Placement.objects.select_related("youth").order_by("?")[:50]:
        assert placement.organisation_id == placement.youth.organisation_id
        assert placement.company.organisation_id == placement.organisation_id
        assert placement.mentor.company_id == placement.company_id
    assert ProgressEntry.objects.count() > 3 * LearningGoal.objects.count()
    certificate = Certificate.objects.filter(status="issued").first()
    assert certificate.number.startswith(certificate.organisation.code)
    assert "certificates_progressentry" in small_national
    assert "Built in" in small_national
