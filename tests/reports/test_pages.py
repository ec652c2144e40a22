"""The statistics page, its CSV files and the PDF report, as managers and caseworkers see them."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from documents.models import PreparedDocument
from placements.models import Placement
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("reports:statistics")
YEAR_2025 = {"period": "year", "year": "2025"}


@pytest.fixture
def some_data(organisation, other_organisation, make_youth, make_placement, make_certificate):
    make_youth("2025-02-01", "2025-09-30", "ordinary_job")
    make_youth("2025-03-01", "2025-10-31", "education", "fgu")
    make_youth("2025-04-01")
    make_placement("2025-02-01", "2025-04-30", Placement.Status.COMPLETED)
    make_placement("2025-05-01", "2025-05-20", Placement.Status.INTERRUPTED, category="moved")
    make_certificate("2025-10-01", total="12.5")
    # The other organisation: never counted on our page.
    for _ in range(7):
        make_youth("2025-02-01", "2025-06-01", "flex_job", org=other_organisation)
    make_placement("2025-02-01", org=other_organisation)


def test_manager_sees_the_figures_of_the_chosen_year(client, manager, some_data):
    client.force_login(manager)
    response = client.get(URL, YEAR_2025)
    assert response.status_code == 200
    page = response.content.decode()
    assert "NextJob Herning" in page and "1.1.2025–31.12.2025" in page
    rows = {
        table.slug: table.displayed_rows()
        for s in response.context["sections"]
        for table in s.tables
    }
    assert rows["youth"][0][1] == "3"  # started
    assert ["Ordinært job", "1", "50,0 %"] in rows["outcomes"]
    assert ["Uddannelse", "1", "50,0 %"] in rows["outcomes"]
    assert ["Fleksjob", "0", "0,0 %"] in rows["outcomes"]  # the other organisation's 7 are not ours
    assert ["Flyttede", "1", "100,0 %"] in rows["interruptions"]
    assert ["Helbred / trivsel", "0", "0,0 %"] in rows["interruptions"]
    assert rows["interruptions"][-1] == ["I alt", "1", "100,0 %"]
    assert rows["certificates"][-1] == ["I alt", "1", "0"]
    assert 'role="img"' in page and '<title id="chart-outcomes-title">' in page
    assert "Sådan er tallene opgjort" in page


def test_caseworker_may_read_the_statistics(client, caseworker, some_data):
    client.force_login(caseworker)
    assert client.get(URL).status_code == 200


def test_the_other_organisation_sees_only_its_own_figures(client, stranger, some_data):
    client.force_login(stranger)
    response = client.get(URL, YEAR_2025)
    rows = {t.slug: t.displayed_rows() for s in response.context["sections"] for t in s.tables}
    assert "PÅ VEJ Billund" in response.content.decode()
    assert ["Fleksjob", "7", "100,0 %"] in rows["outcomes"]
    assert ["Ordinært job", "0", "0,0 %"] in rows["outcomes"]


@pytest.mark.parametrize("role", ["mentor", "youth"])
def test_mentors_and_youth_are_refused(client, organisation, role):
    client.force_login(UserFactory(organisation=organisation, role=role))
    for url in (URL, reverse("reports:csv", args=["youth"]), reverse("reports:pdf")):
        assert client.get(url).status_code == 403


def test_anonymous_is_sent_to_sign_in(client):
    for url in (URL, reverse("reports:csv", args=["youth"]), reverse("reports:pdf")):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_bad_period_shows_this_year_and_says_so(client, manager):
    client.force_login(manager)
    response = client.get(URL, {"period": "custom", "start": "2025-05-01", "end": "2025-04-01"})
    assert response.status_code == 200
    assert f"1.1.{timezone.localdate().year}" in response.content.decode()
    assert response.context["form"].errors["end"]


def test_csv_is_for_danish_excel(client, manager, some_data):
    client.force_login(manager)
    response = client.get(reverse("reports:csv", args=["outcomes"]), YEAR_2025)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        'filename="statistik-her-outcomes-20250101-20251231.csv"' in response["Content-Disposition"]
    )
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Udfald;Antal;Andel (%)"
    assert "Ordinært job;1;50,0" in lines
    assert "Fleksjob;0;0,0" in lines


def test_csv_counts_interruptions_by_category(client, manager, organisation, make_placement):
    for category in ("health", "health", "attendance", "job_or_education"):
        make_placement("2025-03-01", "2025-04-01", Placement.Status.INTERRUPTED, category=category)
    make_placement("2025-03-01", "2025-04-30", Placement.Status.COMPLETED)
    client.force_login(manager)
    response = client.get(reverse("reports:csv", args=["interruptions"]), YEAR_2025)
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").split("\r\n")
    assert lines[:8] == [
        "Årsag;Antal;Andel (%)",
        "Helbred / trivsel;2;50,0",
        "Fremmøde / motivation;1;25,0",
        "Startede i job eller uddannelse;1;25,0",
        "Flyttede;0;0,0",
        "Virksomheden stoppede samarbejdet;0;0,0",
        "Andet;0;0,0",
        "I alt;4;100,0",
    ]


def test_csv_numbers_use_a_decimal_comma(client, manager, some_data):
    client.force_login(manager)
    body = client.get(reverse("reports:csv", args=["progression"]), YEAR_2025).content
    assert "Gennemsnitlige point pr. kompetencebevis;12,5" in body.decode("utf-8-sig")


def test_unknown_csv_table_is_404(client, manager):
    client.force_login(manager)
    assert client.get(reverse("reports:csv", args=["nothing"])).status_code == 404


def test_pdf_report_names_the_organisation_and_the_period(
    client, manager, some_data, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    url = f"{reverse('reports:pdf')}?period=year&year=2025"
    # Prepared by a task (run in-process here, when the request's transaction commits).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    document = PreparedDocument.objects.get(owner=manager)
    assert response.url == reverse("documents:detail", args=[document.pk])
    response = client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "NextJob Herning" in text
    assert "1.1.2025–31.12.2025" in text
    assert "Ordinært job" in text and "Sådan er tallene opgjort" in text
    assert "Årsager til afbrydelse" in text and "Flyttede" in text


def _populate(organisation, size, make_youth, make_placement, make_goal, log_progress,
              follow_up, make_certificate):  # fmt: skip
    for n in range(size):
        youth = make_youth("2025-02-01", "2025-11-30", "education", "eud")
        placement = make_placement("2025-03-01", "2025-06-30", Placement.Status.COMPLETED)
        placement.youth = youth
        placement.save()
        goal = make_goal(placement, assessed=2, on="2025-06-30")
        log_progress(goal, "2025-03-10", 1)
        log_progress(goal, "2025-06-10", 2)
        follow_up(placement, "2025-03-15")
        follow_up(placement, f"2025-04-{n + 1:02d}")
        make_certificate("2025-07-01", goals=[goal])


@pytest.mark.parametrize("url", [URL, reverse("reports:pdf")])
def test_query_count_does_not_grow_with_the_data(
    client, manager, url, organisation, make_youth, make_placement, make_goal, log_progress,
    follow_up, make_certificate,
):  # fmt: skip
    client.force_login(manager)
    makers = (make_youth, make_placement, make_goal, log_progress, follow_up, make_certificate)
    counts = []
    for size in (2, 8):
        _populate(organisation, size, *makers)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, YEAR_2025).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
