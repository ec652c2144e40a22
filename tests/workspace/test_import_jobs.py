"""A confirmed import is saved by a task in the queue, row by row: the caseworker follows
its progress and then sees each row's result; a run that stops or is delivered twice loses
nothing and saves nothing twice."""

import datetime as dt
from dataclasses import replace
from itertools import count

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry
from companies.models import Company
from tests.workspace.test_import import danish_csv, upload
from workspace import import_jobs, imports
from workspace.import_jobs import import_job_run, import_jobs_purge_expired
from workspace.models import ImportJob, ImportRow
from youth.models import Youth

pytestmark = pytest.mark.django_db

HEADINGS = ["Navn", "CVR-nummer", "Branche", "Adresse", "Postnummer", "By", "Telefon", "E-mail"]


def valid_cvrs():
    """CVR numbers that pass the modulus-11 check, from 10000000 up."""
    weights = (2, 7, 6, 5, 4, 3, 2, 1)
    for number in count(10_000_000):
        digits = str(number)
        if sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0:
            yield digits


def companies_file(valid: int, *, bad_at: int | None = None, repeat_first: bool = False) -> bytes:
    """`valid` companies; a bad CVR as the `bad_at`-th data row; the first again at the end."""
    cvrs = valid_cvrs()
    rows = [[f"Firma {n}", next(cvrs), "Detailhandel", "", "", "", "", ""] for n in range(valid)]
    if bad_at is not None:
        rows.insert(bad_at - 1, ["Forkert CVR", "12345678", "Detailhandel", "", "", "", "", ""])
    if repeat_first:
        rows.append(list(rows[0]))
    return danish_csv([HEADINGS, *rows])


def confirmed(client, content: bytes) -> ImportJob:
    """Preview and confirm the file; the task is sent but has not run (no commit yet)."""
    upload(client, "virksomheder", "firmaer.csv", content)
    response = client.post(reverse("workspace:import_confirm"))
    job = ImportJob.objects.order_by("-pk").first()
    assert response.status_code == 302
    assert response.url == reverse("workspace:import_job", args=[job.pk])
    return job


def job_page(client, job: ImportJob, **query) -> str:
    response = client.get(reverse("workspace:import_job", args=[job.pk]), query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def fail_once_at(monkeypatch):
    """The company service saves the company named `name`, then fails once: as if the worker
    died on that row, after writing but before committing."""

    def arm(name: str):
        real = imports.company_create
        failed = []

        def flaky(**fields):
            company = real(**fields)
            if fields["name"] == name and not failed:
                failed.append(name)
                raise RuntimeError("worker lost")
            return company

        monkeypatch.setattr(imports, "company_create", flaky)

    return arm


def test_confirm_hands_the_file_to_a_task_and_the_page_follows_it(caseworker_client):
    job = confirmed(caseworker_client, companies_file(3, bad_at=2))
    assert not Company.objects.exists(), "the request saves nothing itself"
    page = job_page(caseworker_client, job)
    assert "Venter på at gå i gang" in page
    progress_url = reverse("workspace:import_job_progress", args=[job.pk])
    assert f'data-hx-get="{progress_url}"' in page
    assert 'data-hx-trigger="every 2s"' in caseworker_client.get(progress_url).content.decode()

    import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.total, job.rows_done) == ("done", 4, 4)
    assert bytes(job.content) == b"", "the file is not kept once every row has its result"
    assert Company.objects.count() == 3
    page = job_page(caseworker_client, job)
    assert "Resultat af importen" in page
    assert "Gemt: 3" in page and "Fejl: 1" in page
    assert "Et CVR-nummer har 8 cifre" in page
    assert caseworker_client.get(progress_url).headers["HX-Refresh"] == "true"
    errors_only = job_page(caseworker_client, job, fejl="1")
    assert "Forkert CVR" in errors_only and "Firma 0" not in errors_only


def test_running_the_task_again_saves_nothing_twice(caseworker_client):
    job = confirmed(caseworker_client, companies_file(3))
    import_job_run(job_id=job.pk)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    import_job_run(job_id=job.pk)  # a redelivery of a task that had in fact finished
    assert Company.objects.count() == 3
    assert ImportRow.objects.filter(job=job).count() == 3


def test_a_run_that_stops_keeps_what_it_saved_and_continues_from_the_row_it_was_on(
    caseworker_client, fail_once_at, django_capture_on_commit_callbacks
):
    job = confirmed(caseworker_client, companies_file(5))
    fail_once_at("Firma 2")  # the 4th row of the spreadsheet
    import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == "failed" and job.rows_done == 2
    assert sorted(Company.objects.values_list("name", flat=True)) == ["Firma 0", "Firma 1"]
    page = job_page(caseworker_client, job)
    assert "Importen stoppede ved række 4" in page
    assert "Gemt: 2" in page

    with django_capture_on_commit_callbacks(execute=True):
        caseworker_client.post(reverse("workspace:import_job_continue", args=[job.pk]))
    assert "Gemt: 5" in job_page(caseworker_client, job)
    assert Company.objects.count() == 5
    assert list(ImportRow.objects.filter(job=job).values_list("number", "status")) == [
        (number, "new") for number in range(2, 7)
    ]


def test_a_redelivered_task_after_a_worker_died_mid_row_saves_that_row_once(
    caseworker_client, fail_once_at
):
    job = confirmed(caseworker_client, companies_file(4))
    fail_once_at("Firma 1")
    import_job_run(job_id=job.pk)
    # The worker died: the job still says it is running, the row it was on was rolled back.
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    assert not Company.objects.filter(name="Firma 1").exists()

    import_job_run(job_id=job.pk)
    assert sorted(Company.objects.values_list("name", flat=True)) == [
        "Firma 0",
        "Firma 1",
        "Firma 2",
        "Firma 3",
    ]
    job.refresh_from_db()
    assert (job.status, job.rows_done) == ("done", 4)


def test_a_second_worker_on_the_same_import_skips_rows_saved_meanwhile_and_matches_them(
    caseworker_client, fail_once_at, monkeypatch
):
    """A redelivery while the first worker still runs: the second read the results before
    the first saved rows 2 and 3; it must neither save them again nor the file's repeat of
    row 2 at the end."""
    job = confirmed(caseworker_client, companies_file(4, repeat_first=True))
    fail_once_at("Firma 2")
    import_job_run(job_id=job.pk)  # "the first worker": rows 2 and 3
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)

    real = import_jobs._numbers_done
    calls = []

    def stale_then_real(job_id):
        calls.append(job_id)
        return set() if len(calls) == 1 else real(job_id)

    monkeypatch.setattr(import_jobs, "_numbers_done", stale_then_real)
    kind = imports.KINDS["virksomheder"]
    existing = []  # what the second worker read of the companies: also before rows 2 and 3

    def stale_existing(user):
        existing.append(user)
        return {} if len(existing) == 1 else kind.existing(user)

    monkeypatch.setitem(imports.KINDS, "virksomheder", replace(kind, existing=stale_existing))
    import_job_run(job_id=job.pk)

    assert Company.objects.count() == 4
    results = dict(ImportRow.objects.filter(job=job).values_list("number", "status"))
    assert results == {2: "new", 3: "new", 4: "new", 5: "new", 6: "exists"}


def test_an_import_is_private_to_the_caseworker_who_made_it(
    caseworker_client, client, colleague, manager
):
    job = confirmed(caseworker_client, companies_file(1))
    import_job_run(job_id=job.pk)
    for name in ("workspace:import_job", "workspace:import_job_progress"):
        client.force_login(colleague)
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
        client.force_login(manager)
        assert client.get(reverse(name, args=[job.pk])).status_code == 403
    client.force_login(colleague)
    response = client.post(reverse("workspace:import_job_continue", args=[job.pk]))
    assert response.status_code == 404


def test_the_import_page_lists_my_latest_imports(caseworker_client):
    job = confirmed(caseworker_client, companies_file(1))
    page = caseworker_client.get(reverse("workspace:import")).content.decode()
    assert "Dine seneste importer" in page
    assert reverse("workspace:import_job", args=[job.pk]) in page


def test_the_result_logs_the_young_people_it_shows(caseworker_client, caseworker):
    rows = [
        ["Fornavn", "Efternavn", "Fødselsdato", "E-mail", "Telefon", "Forløbets start", "Min drøm"],
        ["Sofie", "Jensen", "14.05.2008", "", "", "05.01.2026", ""],
    ]
    upload(caseworker_client, "unge", "unge.csv", danish_csv(rows))
    caseworker_client.post(reverse("workspace:import_confirm"))
    job = ImportJob.objects.get()
    import_job_run(job_id=job.pk)
    sofie = Youth.objects.get()
    assert sofie.caseworker == caseworker, "the importing caseworker is the acting user"

    job_page(caseworker_client, job)
    assert AccessLogEntry.objects.filter(
        youth_id=sofie.pk, user=caseworker, what="Import: resultat"
    ).exists()


def test_the_result_page_costs_the_same_queries_for_a_long_file(caseworker_client):
    small = confirmed(caseworker_client, companies_file(3))
    import_job_run(job_id=small.pk)
    long = confirmed(caseworker_client, companies_file(150))
    import_job_run(job_id=long.pk)

    def queries(job):
        with CaptureQueriesContext(connection) as captured:
            job_page(caseworker_client, job)
        return len(captured)

    assert queries(small) == queries(long)


def test_imports_past_their_time_are_deleted_with_their_rows(caseworker_client):
    job = confirmed(caseworker_client, companies_file(2))
    import_job_run(job_id=job.pk)
    assert import_jobs_purge_expired() == 0
    ImportJob.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    call_command("purge_imports")
    assert not ImportJob.objects.exists() and not ImportRow.objects.exists()
    assert Company.objects.count() == 2, "what the import saved stays"
