"""The statistics page on the seeded demo: `leder` sees organisation 1's figures, and only those."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from reports.statistics import Period
from youth.models import Youth

pytestmark = pytest.mark.django_db


def test_manager_sees_the_demo_figures_of_organisation_one(client):
    call_command("seed_demo", force=True, stdout=io.StringIO())
    manager = User.objects.get(username="leder")
    client.force_login(manager)
    response = client.get(reverse("reports:statistics"))
    assert response.status_code == 200
    assert manager.organisation.name in response.content.decode()

    period = Period.this_year(timezone.localdate())
    tables = {t.slug: t for s in response.context["sections"] for t in s.tables}
    ours = Youth.objects.filter(organisation=manager.organisation)
    assert tables["youth"].rows[0][1] == ours.filter(started_on__range=period.as_range).count()
    ended = ours.filter(ended_on__range=period.as_range).count()
    assert tables["outcomes"].rows[-1][1] == ended

    other = User.objects.get(username="sagsbehandler2")
    client.force_login(other)
    page = client.get(reverse("reports:statistics")).content.decode()
    assert other.organisation.name in page and manager.organisation.name not in page
