"""The youth's access log page: who looked, paginated, with a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.services import access_log_record_many
from tests.factories import CaseworkerFactory

pytestmark = pytest.mark.django_db


def test_access_log_page_lists_who_looked(client, caseworker, youth):
    client.force_login(caseworker)
    client.get(reverse("workspace:youth_detail", args=[youth.pk]))
    page = client.get(reverse("privacy:youth_access_log", args=[youth.pk])).content.decode()
    assert caseworker.get_full_name() in page
    assert "Sagsbehandling af den unges forløb" in page


def test_access_log_query_count_does_not_grow_with_rows(client, caseworker, organisation, youth):
    client.force_login(caseworker)
    url = reverse("privacy:youth_access_log", args=[youth.pk])

    def queries_with(readers: int) -> int:
        for reader in CaseworkerFactory.create_batch(readers, organisation=organisation):
            access_log_record_many(user=reader, youths=[(youth.pk, organisation.pk)], what="Profil")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(40)
