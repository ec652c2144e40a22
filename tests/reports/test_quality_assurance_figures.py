"""Statistics: cohorts by status, and the share of youth sampled, returned and approved at
each quality-assurance step."""

import pytest
from django.urls import reverse

from certificates.services.cohorts import (
    cohort_external_decide,
    cohort_member_guide_approve,
    cohort_member_review,
    cohort_submit,
)
from tests.certificates.cohorts import approve_all, cohort_with
from tests.factories import AwardingBodyFactory, CaseworkerFactory, ExternalAssurerFactory

pytestmark = pytest.mark.django_db


def test_statistics_show_cohorts_and_qa_shares(client, organisation, caseworker, manager):
    body = AwardingBodyFactory()
    ocn = ExternalAssurerFactory(organisation=body)
    assurer = CaseworkerFactory(organisation=organisation, is_quality_assurer=True)
    # Six youth: two sampled internally (33 %), one of them returned once; two externally.
    cohort = cohort_submit(
        cohort=cohort_with(organisation, body, [caseworker] * 6), by=caseworker, seed=3
    )
    first, second = cohort.members.filter(internal_sampled=True)
    goals = list(first.certificate.goals.all())
    cohort_member_review(
        member=first,
        decisions={g.pk: ("returned", "Uklart") for g in goals},
        by=assurer,
    )
    cohort_member_guide_approve(member=first, goals=goals, by=caseworker)
    approve_all(first, assurer)
    approve_all(second, assurer)
    cohort.refresh_from_db()
    cohort_external_decide(cohort=cohort, approve=True, comment="", by=ocn)
    cohort_with(organisation, body, [caseworker], name="Åbent hold")

    client.force_login(manager)
    csv = client.get(reverse("reports:csv", kwargs={"table": "quality-assurance"}))
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[1:] == [
        "Intern kvalitetssikring;2;33,3;1;2",
        "Ekstern kvalitetssikring;2;33,3;0;2",
    ]
    cohorts = client.get(reverse("reports:csv", kwargs={"table": "cohorts"}))
    text = cohorts.content.decode("utf-8-sig")
    assert "I gang;1" in text and "Godkendt;1" in text and "I alt;2" in text
    page = client.get(reverse("reports:statistics")).content.decode()
    assert "Hold og kvalitetssikring" in page
