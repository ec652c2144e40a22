"""'Min kompetencemappe': the young person's own ZIP of certificates, overview PDF and JSON."""

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal

import pikepdf
import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import AccessLogEntry
from certificates.services.issuing import certificate_draft_save, certificate_issue
from goals.models import Area, Level
from privacy.anonymise import youth_anonymise
from tests.factories import LearningGoalFactory, ProgressEntryFactory
from tests.reports.test_progress_report import pdf_text
from youth.services import youth_end_course

URL = reverse("progress:portfolio")


@pytest.fixture
def record(placement, caseworker, mentor_user):
    """Two approved goals on a certificate and one goal only seen so far."""
    approved = [
        LearningGoalFactory(
            placement=placement,
            title="Kan fylde varer på hylderne",
            area=Area.PROFESSIONAL,
            points=Decimal("2.0"),
            assessed_level=Level.MESTRING,
            assessed_on=dt.date(2026, 5, 1),
            assessed_by=caseworker,
        ),
        LearningGoalFactory(
            placement=placement,
            title="Kan møde til tiden",
            area=Area.PERSONAL,
            points=Decimal("1.5"),
            assessed_level=Level.KUNDSKAB,
            assessed_on=dt.date(2026, 5, 1),
            assessed_by=caseworker,
        ),
    ]
    seen = LearningGoalFactory(
        placement=placement, title="Kan hjælpe en kunde", area=Area.SOCIAL, points=Decimal(1)
    )
    ProgressEntryFactory(goal=seen, level=Level.KENDSKAB, author=mentor_user)
    draft = certificate_draft_save(youth=placement.youth, goals=approved, by=caseworker)
    return certificate_issue(certificate=draft, issued_by=caseworker)


def _youth_client(youth_user) -> Client:
    client = Client()
    client.force_login(youth_user)
    return client


def _download(client) -> zipfile.ZipFile:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_folder_holds_certificates_overview_and_json(youth_user, record):
    archive = _download(_youth_client(youth_user))
    names = set(archive.namelist())
    assert names == {
        "oversigt.pdf",
        "kompetencemappe.json",
        f"kompetencebeviser/{record.number}.pdf",
    }
    with record.pdf.open("rb") as stored:
        assert archive.read(f"kompetencebeviser/{record.number}.pdf") == stored.read()
    data = json.loads(archive.read("kompetencemappe.json"))
    assert data["name"] == record.youth.full_name
    goals = {goal["title"]: goal for goal in data["goals"]}
    assert goals["Kan fylde varer på hylderne"]["level_name"] == "Mestring"
    assert goals["Kan fylde varer på hylderne"]["approved"] is True
    assert goals["Kan hjælpe en kunde"]["level_name"] == "Kendskab"
    assert goals["Kan hjælpe en kunde"]["approved"] is False
    assert (data["total_points"], data["approved_points"]) == ("4.5", "3.5")
    assert data["certificates"][0]["number"] == record.number
    assert data["certificates"][0]["sha256"] == record.pdf_sha256


def test_overview_pdf_is_danish_plain_and_tagged(youth_user, record):
    overview = _download(_youth_client(youth_user)).read("oversigt.pdf")
    text = pdf_text(overview)
    assert "Min kompetencemappe" in text and record.youth.full_name in text
    assert "Kan fylde varer på hylderne" in text and "Mestring (godkendt)" in text
    assert "Kan hjælpe en kunde" in text and "Kendskab" in text
    assert "Point i alt: 4,5, heraf godkendt: 3,5." in text
    assert record.number in text
    with pikepdf.open(io.BytesIO(overview)) as document:
        assert str(document.Root.Lang) == "da" and "/StructTreeRoot" in document.Root
        assert "Min kompetencemappe" in document.open_metadata()["dc:title"]


def test_the_folder_stays_available_after_the_course_ends(youth_user, record, caseworker):
    youth_end_course(
        youth=record.youth,
        by=caseworker,
        status="completed",
        ended_on=dt.date(2026, 6, 30),
        outcome="ordinary_job",
    )
    youth_user.refresh_from_db()
    client = _youth_client(youth_user)  # signed in again afterwards, as for certificates
    assert record.number + ".pdf" in " ".join(_download(client).namelist())


def test_anonymisation_ends_the_folder(youth_user, record):
    client = _youth_client(youth_user)
    youth_anonymise(youth=record.youth, by=None)
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", ["caseworker", "manager", "mentor_user"])
def test_only_the_young_person_gets_their_folder(request, role, record):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 404


def test_the_download_is_access_logged(youth_user, record):
    AccessLogEntry.objects.all().delete()
    _download(_youth_client(youth_user))
    row = AccessLogEntry.objects.get()
    assert (row.user, row.youth_id, row.what) == (
        youth_user,
        record.youth_id,
        "Min kompetencemappe hentet (ZIP)",
    )
    assert row.purpose == "Den unges indsigt i egne oplysninger"
