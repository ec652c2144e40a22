"""The top bar's search: scoped to the user like every list, access-logged, bounded."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry
from certificates.models import Certificate
from tests.factories import CompanyFactory, MentorFactory, YouthFactory
from workspace.search import SEARCH_ROWS

CODE = "7K3QW9PXM2HRT4VBN6YZ"


@pytest.fixture
def found_world(organisation, other_organisation, caseworker):
    sofie = YouthFactory(organisation=organisation, first_name="Sofie", last_name="Jensen")
    YouthFactory(organisation=other_organisation, first_name="Sofia", last_name="Fremmed")
    company = CompanyFactory(organisation=organisation, name="Brugsen Herning", cvr="29189609")
    CompanyFactory(organisation=other_organisation, name="Brugsen Billund", cvr="10150817")
    MentorFactory(company=company, name="Lone Madsen", email="lone@brugsen.dk")
    Certificate.objects.create(
        organisation=organisation,
        youth=sofie,
        status=Certificate.Status.ISSUED,
        number="HER-2026-0007",
        year=2026,
        sequence=7,
        verification_code=CODE,
        issued_on=dt.date(2026, 6, 1),
        issued_at=timezone.now(),
        pdf_sha256="0" * 64,
    )
    return sofie


def search(client, q):
    response = client.get(reverse("workspace:search"), {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_partial_name_finds_own_youth_never_another_organisations(caseworker_client, found_world):
    page = search(caseworker_client, "sof")
    assert "Sofie Jensen" in page
    assert "Sofia Fremmed" not in page
    assert "Sofie Jensen" in search(caseworker_client, "jen sof"), "words in any order"


def test_companies_by_name_and_cvr_and_mentors_by_name(caseworker_client, found_world):
    page = search(caseworker_client, "brugsen")
    assert "Brugsen Herning" in page and "Brugsen Billund" not in page
    assert "Brugsen Herning" in search(caseworker_client, "2918")
    assert "Brugsen Billund" not in search(caseworker_client, "1015")
    assert "Lone Madsen" in search(caseworker_client, "madsen")


def test_certificates_by_number_or_by_the_code_typed_from_paper(caseworker_client, found_world):
    assert "HER-2026-0007" in search(caseworker_client, "2026-0007")
    typed = "7k3qw-9pxm2-hrt4v-bn6yz"
    assert "HER-2026-0007" in search(caseworker_client, typed)


def test_another_organisations_caseworker_finds_nothing(client, stranger, found_world):
    client.force_login(stranger)
    page = search(client, "sofie")
    assert "Sofie Jensen" not in page and "Intet fundet." in page
    assert "HER-2026-0007" not in search(client, CODE)


def test_mentors_and_youth_have_no_search(client, mentor_user, youth_user):
    for user in (mentor_user, youth_user):
        client.force_login(user)
        assert client.get(reverse("workspace:search"), {"q": "so"}).status_code == 403
        assert 'id="top-search"' not in client.get("/", follow=True).content.decode()


def test_youth_shown_are_access_logged(caseworker_client, caseworker, found_world):
    search(caseworker_client, "sofie")
    entry = AccessLogEntry.objects.get(user=caseworker)
    assert entry.youth_id == found_world.pk


def test_a_single_letter_searches_nothing(caseworker_client, found_world):
    page = search(caseworker_client, "s")
    assert "Sofie Jensen" not in page and "Skriv mindst 2" in page


def test_results_are_bounded_and_queries_do_not_grow(caseworker_client, organisation):
    YouthFactory.create_batch(3, organisation=organisation, first_name="Mads")
    with CaptureQueriesContext(connection) as small:
        search(caseworker_client, "mads")
    YouthFactory.create_batch(SEARCH_ROWS + 5, organisation=organisation, first_name="Mads")
    with CaptureQueriesContext(connection) as large:
        page = search(caseworker_client, "mads")
    assert page.count("Mads ") == SEARCH_ROWS
    assert "se dem alle i listen" in page
    print(f"\nsearch queries: {len(small)} with 3 youth, {len(large)} with {SEARCH_ROWS + 8}")
    assert len(large) == len(small)


def test_postgresql_has_the_trigram_indexes(on_postgres, db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'search_%_trgm'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"search_youth_first_trgm", "search_company_cvr_trgm"} <= names
