"""The organisation's list of certificates: search, filters, scoping and query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates.services.issuing import (
    certificate_draft_save,
    certificate_issue,
    certificate_revoke,
)
from tests.factories import LearningGoalFactory, PlacementFactory, YouthFactory, assess
from youth.models import Youth

pytestmark = pytest.mark.django_db


def make_certificates(organisation, caseworker, count: int, *, issue: bool = False):
    made = []
    for _ in range(count):
        youth = YouthFactory(organisation=organisation, caseworker=caseworker)
        placement = PlacementFactory(organisation=organisation, youth=youth)
        goal = assess(LearningGoalFactory(placement=placement), 2)
        certificate = certificate_draft_save(youth=youth, goals=[goal], by=caseworker)
        made.append(
            certificate_issue(certificate=certificate, issued_by=caseworker)
            if issue
            else certificate
        )
    return made


def test_the_list_searches_by_name_and_number_and_filters_by_status(
    client, caseworker, issued, youth
):
    revoked = make_certificates(issued.organisation, caseworker, 1, issue=True)[0]
    certificate_revoke(certificate=revoked, reason="Fejl", by=caseworker)
    # Names of their own: the factory's random names may share a last name.
    Youth.objects.filter(pk=youth.pk).update(last_name="Kjærsgaard")
    Youth.objects.filter(pk=revoked.youth_id).update(last_name="Østergaard")
    client.force_login(caseworker)

    page = client.get("/beviser/", {"q": "Kjærsgaard"}).content.decode()
    assert issued.number in page and revoked.number not in page
    page = client.get("/beviser/", {"q": revoked.number}).content.decode()
    assert revoked.number in page and issued.number not in page
    page = client.get("/beviser/", {"status": "revoked"}).content.decode()
    assert revoked.number in page and issued.number not in page
    page = client.get("/beviser/", {"year": issued.year + 1}).content.decode()
    assert issued.number not in page
    page = client.get("/beviser/", {"youth": youth.pk}).content.decode()
    assert issued.number in page and revoked.number not in page


def test_the_list_shows_only_our_organisation(client, stranger, issued):
    client.force_login(stranger)
    assert issued.number not in client.get("/beviser/").content.decode()
    assert client.get("/beviser/", {"youth": issued.youth_id}).status_code == 404


def test_mentors_cannot_see_the_list(client, mentor_user, db):
    client.force_login(mentor_user)
    assert client.get("/beviser/").status_code == 403


def test_the_list_query_count_does_not_grow_with_rows(client, caseworker, organisation):
    client.force_login(caseworker)
    make_certificates(organisation, caseworker, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/beviser/").status_code == 200
    make_certificates(organisation, caseworker, 8)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/beviser/").status_code == 200
    assert len(many) == len(few)
