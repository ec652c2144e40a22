"""Heavy documents (the GDPR export PDF, the statistics report PDF) are made by a task in
the queue, never in the request; the owner waits on a page, downloads when ready, and the
file is deleted after its time."""

from datetime import timedelta
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import AccessLogEntry, HistoryEntry
from accounts.services import access_log_record, history_record
from documents import pdf
from documents import services as document_services
from documents.models import PreparedDocument
from documents.services import RenderedDocument, document_kind_register, document_request
from documents.tasks import document_prepare_task
from privacy.export import LONG_LIST_PDF_ROWS


@pytest.fixture
def queued(monkeypatch):
    """Tasks sent to the queue, instead of run: what a request does without a worker."""
    sent = []
    monkeypatch.setattr(document_prepare_task, "delay", lambda pk: sent.append(pk))
    return sent


@pytest.fixture
def no_render_in_request(monkeypatch):
    """Any PDF rendered while this is active fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a PDF was rendered in the request")

    monkeypatch.setattr(pdf.weasyprint, "HTML", refuse)
    yield
    monkeypatch.undo()


def _pdf_text(response) -> str:
    content = b"".join(response.streaming_content)
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_gdpr_pdf_is_made_by_a_task_and_downloaded_by_its_owner(
    caseworker_client, caseworker, youth, queued, django_capture_on_commit_callbacks, monkeypatch
):
    url = reverse("privacy:youth_export_pdf", args=[youth.pk])
    assert "Forbered PDF" in caseworker_client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = caseworker_client.post(url)
    document = PreparedDocument.objects.get()
    assert response.url == reverse("documents:detail", args=[document.pk])
    assert queued == [document.pk]  # sent to the queue when the request committed
    assert document.status == PreparedDocument.Status.PENDING and not document.file
    page = caseworker_client.get(response.url).content.decode()
    assert "Forberedes" in page and 'http-equiv="refresh"' in page

    before = AccessLogEntry.objects.filter(youth_id=youth.pk).count()
    document_prepare_task.apply(args=[document.pk])  # what the worker does
    document.refresh_from_db()
    assert document.status == PreparedDocument.Status.READY
    page = caseworker_client.get(response.url).content.decode()
    assert reverse("documents:download", args=[document.pk]) in page
    download = caseworker_client.get(reverse("documents:download", args=[document.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert youth.first_name in _pdf_text(download)
    # The document's page names the youth and the download holds their data: a row each.
    assert AccessLogEntry.objects.filter(youth_id=youth.pk).count() == before + 2


def test_the_request_renders_no_pdf(
    caseworker_client, youth, manager, queued, no_render_in_request,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    manager_client = Client()
    manager_client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        gdpr = caseworker_client.post(reverse("privacy:youth_export_pdf", args=[youth.pk]))
        report = manager_client.post(f"{reverse('reports:pdf')}?period=all")
    assert gdpr.status_code == report.status_code == 302
    assert len(queued) == 2


def test_statistics_report_is_made_by_a_task(
    manager_client, manager, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(f"{reverse('reports:pdf')}?period=year&year=2025")
    document = PreparedDocument.objects.get(owner=manager)
    assert queued == [document.pk]
    document_prepare_task.apply(args=[document.pk])
    download = manager_client.get(reverse("documents:download", args=[document.pk]))
    assert "1.1.2025–31.12.2025" in _pdf_text(download)
    assert download["Content-Disposition"].endswith('.pdf"')
    assert response.status_code == 302


def test_a_double_click_asks_once(caseworker_client, youth, queued):
    url = reverse("privacy:youth_export_pdf", args=[youth.pk])
    first, second = caseworker_client.post(url), caseworker_client.post(url)
    assert first.url == second.url
    assert PreparedDocument.objects.count() == 1


def test_only_the_owner_sees_the_document(client, caseworker, colleague, manager, youth, queued):
    document = document_request(
        kind="gdpr-export", owner=caseworker, title="x", params={"youth_id": youth.pk}
    )
    for user in (colleague, manager):
        client.force_login(user)
        assert client.get(reverse("documents:detail", args=[document.pk])).status_code == 404
        assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404


def test_the_task_is_idempotent(caseworker, queued):
    rendered = []
    document_kind_register(
        "test-kind",
        lambda doc: rendered.append(doc.pk) or RenderedDocument(b"%PDF", "t.pdf"),
        label="Test",
    )
    document = document_request(kind="test-kind", owner=caseworker, title="Test", params={})
    document_prepare_task.apply(args=[document.pk])
    document_prepare_task.apply(args=[document.pk])
    assert rendered == [document.pk]


def test_a_failed_render_says_so(caseworker_client, caseworker, queued):
    def broken(document):
        raise RuntimeError("WeasyPrint died")

    document_kind_register("broken-kind", broken, label="Test")
    document = document_request(kind="broken-kind", owner=caseworker, title="Test", params={})
    document_prepare_task.apply(args=[document.pk])
    document.refresh_from_db()
    assert document.status == PreparedDocument.Status.FAILED
    page = caseworker_client.get(reverse("documents:detail", args=[document.pk]))
    assert "kunne ikke laves" in page.content.decode()


def _gdpr_pdf(caseworker, youth) -> tuple[PdfReader, str]:
    """The GDPR export PDF as its task makes it, and its text."""
    document = document_request(
        kind="gdpr-export", owner=caseworker, title="x", params={"youth_id": youth.pk}
    )
    document_prepare_task.apply(args=[document.pk])
    document.refresh_from_db()
    reader = PdfReader(document.file.open("rb"))
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_a_long_access_log_is_summarised_and_attached_as_csv(
    caseworker_client, caseworker, manager, youth, queued
):
    for number in range(LONG_LIST_PDF_ROWS + 5):
        access_log_record(
            user=manager if number % 2 else caseworker,
            youth_id=youth.pk,
            organisation_id=youth.organisation_id,
            what=f"Opslag {number % 3}",
        )
    reader, text = _gdpr_pdf(caseworker, youth)
    assert f"set {LONG_LIST_PDF_ROWS + 5} gange" in text
    assert "adgangslog.csv" in text
    (csv_bytes,) = reader.attachments["adgangslog.csv"]
    lines = csv_bytes.decode("utf-8-sig").splitlines()
    assert len(lines) == LONG_LIST_PDF_ROWS + 5 + 1  # a header and every look
    assert "Opslag 2" in lines[1] or "Opslag 2" in lines[2] or "Opslag 2" in lines[3]


def test_a_long_change_history_is_summarised_and_attached_as_csv(caseworker, youth, queued):
    for _ in range(LONG_LIST_PDF_ROWS + 5):
        history_record(
            by=caseworker, action="youth.updated", obj=youth, youth_id=youth.pk,
            fields=["phone"],
        )  # fmt: skip
    reader, text = _gdpr_pdf(caseworker, youth)
    changes = HistoryEntry.objects.filter(youth_id=youth.pk).count()
    assert changes >= LONG_LIST_PDF_ROWS + 5
    assert f"Der er {changes} ændringer" in text
    assert f"{caseworker} Oplysninger ændret {LONG_LIST_PDF_ROWS + 5}" in text
    (csv_bytes,) = reader.attachments["aendringshistorik.csv"]
    lines = csv_bytes.decode("utf-8-sig").splitlines()
    assert lines[0] == "Hvornår;Hvad;Hvem;Ændrede felter;Detalje"
    assert len(lines) == changes + 1
    assert sum(line.endswith(";telefon;") for line in lines) == LONG_LIST_PDF_ROWS + 5


def test_expired_documents_are_purged(caseworker, queued, settings):
    old = document_request(kind="gdpr-export", owner=caseworker, title="old", params={"a": 1})
    new = document_request(kind="gdpr-export", owner=caseworker, title="new", params={"a": 2})
    old.file.save("old.pdf", document_services.ContentFile(b"%PDF"), save=False)
    old.expires_at = timezone.now() - timedelta(minutes=1)
    old.save()
    name = old.file.name
    out = StringIO()
    call_command("purge_documents", stdout=out)
    assert list(PreparedDocument.objects.all()) == [new]
    assert not (settings.MEDIA_ROOT / name).exists()
    assert "Removed 1" in out.getvalue()
