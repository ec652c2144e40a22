"""The young person's rights: an export of everything held about them and of who looked
(JSON and PDF, caseworkers only), and anonymisation after the retention period that
keeps issued certificates verifiable."""

import json
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import AccessLogEntry, HistoryEntry, SignInLink
from accounts.services import access_log_record, history_record
from certificates.models import Certificate
from certificates.services.issuing import certificate_revoke
from documents.models import PreparedDocument
from goals.models import ProgressEntry
from placements.models import FollowUp, WeeklyHours
from placements.services import weekly_hours_record
from privacy.anonymise import youth_anonymise, youth_due_for_anonymisation
from privacy.export import youth_data_export
from tests.security.conftest import client_for, insight_export_json
from youth.models import Youth


def _export_json(world):
    return insight_export_json(client_for(world.a.caseworker), world.a.youth)


def test_json_export_holds_the_youths_data_from_every_app(world):
    a = world.a
    access_log_record(
        user=a.mentor_user, youth_id=a.youth.pk, organisation_id=a.organisation.pk, what="Praktik"
    )
    export = _export_json(world)
    assert export["youth"]["first_name"] == a.secrets["first_name"]
    assert export["youth"]["support_needs"] == a.secrets["support_needs"]
    assert export["youth"]["birth_date"] == a.secrets["birth_date_iso"]
    assert [p["company"] for p in export["placements"]] == [a.company.name]
    assert [f["note"] for f in export["follow_ups"]] == [a.secrets["follow_up_note"]]
    assert [g["title"] for g in export["learning_goals"]] == [a.goal.title]
    assert [p["note"] for p in export["progress_entries"]] == [a.secrets["progress_note"]]
    numbers = {c["number"] for c in export["certificates"]}
    assert a.certificate.number in numbers
    assert len(export["signin_links"]) == 1
    assert set(export["signin_links"][0]) == {
        "created_at",
        "expires_at",
        "revoked_at",
        "last_used_at",
    }
    assert sorted(r["shared_with"] for r in export["progress_reports"]) == [
        "",
        "Rehabiliteringsteamet",
    ]
    assert {r["status"] for r in export["progress_reports"]} == {"Kladde", "Delt"}
    [transfer] = export["transfers"]
    assert (transfer["from_organisation"], transfer["status"]) == (
        a.organisation.name,
        "Afventer accept",
    )
    log = export["access_log"]
    assert {entry["what"] for entry in log} >= {"Praktik"}
    assert any(entry["who"] == str(a.mentor_user) for entry in log)
    assert all(entry["purpose"] for entry in log)


def test_json_export_holds_the_hours_and_the_change_history_in_words(world):
    a = world.a
    monday = a.placement.starts_on - timedelta(days=a.placement.starts_on.weekday())
    weekly_hours_record(
        placement=a.placement,
        week=monday,
        attendance=WeeklyHours.Attendance.FEWER_DAYS,
        hours_worked=Decimal("7.5"),
        days_attended=2,
        days_planned=3,
        by=a.caseworker,
    )
    history_record(
        by=a.caseworker, action="youth.updated", obj=a.youth, youth_id=a.youth.pk,
        fields=["support_needs"],
    )  # fmt: skip
    export = _export_json(world)
    [week] = export["weekly_hours"]
    assert week["week_starts_on"] == monday.isoformat()
    assert (week["hours_worked"], week["attendance"]) == ("7.5", "Færre dage")
    assert (week["days_attended"], week["days_planned"]) == (2, 3)
    changed = [entry for entry in export["history"] if entry["fields"] == "skånehensyn"]
    assert [entry["action"] for entry in changed] == ["Oplysninger ændret"]
    [changed] = changed
    assert changed["by"] == str(a.caseworker)
    assert a.secrets["support_needs"] not in json.dumps(export["history"], ensure_ascii=False)


def test_json_export_holds_nothing_of_other_youth(world):
    text = json.dumps(_export_json(world), ensure_ascii=False)
    for other in (world.b.secrets["first_name"], world.b.secrets["support_needs"], "Anden"):
        assert other not in text
    assert world.b.follow_up.note not in text


def test_export_holds_no_secrets_of_the_system(world):
    text = json.dumps(_export_json(world), ensure_ascii=False)
    link = SignInLink.objects.get(user=world.a.youth_user)
    assert link.token_hash not in text
    assert world.a.certificate.verification_code not in text
    assert str(world.a.progress.submission_key) not in text


def test_each_export_writes_an_access_log_row(world):
    youth = world.a.youth
    before = AccessLogEntry.objects.filter(youth_id=youth.pk).count()
    client = client_for(world.a.caseworker)
    client.get(reverse("privacy:youth_export_json", kwargs={"pk": youth.pk}))
    export = insight_export_json(client, youth)
    rows = AccessLogEntry.objects.filter(youth_id=youth.pk)
    assert rows.count() == before + 2, "the page with the button, then the download"
    assert rows.first().user == world.a.caseworker
    assert rows.first().what.startswith("Indsigt: alle oplysninger og adgangslog (JSON)")
    assert "Indsigt: forbered JSON" in {entry["what"] for entry in export["access_log"]}


def test_the_json_export_is_prepared_by_a_task_not_in_the_request(world):
    client = client_for(world.a.caseworker)
    response = client.post(reverse("privacy:youth_export_json", kwargs={"pk": world.a.youth.pk}))
    document = PreparedDocument.objects.get(pk=response.url.split("/")[-2])
    assert document.status == PreparedDocument.Status.PENDING, "the task runs after commit"
    assert not document.file
    requested = HistoryEntry.objects.get(action="document.requested", object_id=document.pk)
    assert requested.detail == "Indsigt (JSON)", "the kind in words, never the title"


def test_pdf_export_is_readable_danish_with_name_and_access_log(
    world, django_capture_on_commit_callbacks
):
    a = world.a
    access_log_record(
        user=a.manager,
        youth_id=a.youth.pk,
        organisation_id=a.organisation.pk,
        what="Statistikopslag",
    )
    client = client_for(a.caseworker)
    # Prepared by a task (run in-process here, when the request's transaction commits).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:youth_export_pdf", kwargs={"pk": a.youth.pk}))
    document = PreparedDocument.objects.get(pk=response.url.split("/")[-2])
    response = client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    text = " ".join(text.split())
    assert a.secrets["first_name"] in text
    assert a.secrets["last_name"] in text
    assert "Statistikopslag" in text
    assert "Ledelse, statistik og kvalitetssikring" in text
    assert a.secrets["follow_up_note"] in text
    assert "Ændringshistorik" in text and "Bevis udstedt" in text
    assert "Progressionsrapporter" in text and "Rehabiliteringsteamet" in text
    assert "Overdragelser" in text and "Fylder 25" in text
    assert world.b.secrets["first_name"] not in text


@pytest.mark.parametrize("name", ["privacy:youth_export_json", "privacy:youth_export_pdf"])
@pytest.mark.parametrize(
    "role, status",
    [("manager", 403), ("mentor", 403), ("youth", 403), ("stranger", 404), ("anonymous", 302)],
)
def test_only_caseworkers_of_the_organisation_can_export(world, name, role, status):
    before = AccessLogEntry.objects.count()
    response = client_for(world.users()[role]).get(reverse(name, kwargs={"pk": world.a.youth.pk}))
    assert response.status_code == status
    assert AccessLogEntry.objects.count() == before


def test_access_log_page_lists_who_looked(world):
    a = world.a
    access_log_record(
        user=a.mentor_user, youth_id=a.youth.pk, organisation_id=a.organisation.pk, what="Mål"
    )
    response = client_for(a.manager).get(
        reverse("privacy:youth_access_log", kwargs={"pk": a.youth.pk})
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert str(a.mentor_user) in page
    assert "Mentorstøtte i praktikken" in page
    assert "<h1" in page and page.count("<h1") == 1


def test_access_log_page_is_paginated(world):
    a = world.a
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            user=a.caseworker,
            organisation=a.organisation,
            youth_id=a.youth.pk,
            what=f"Opslag {n}",
            purpose="x",
        )
        for n in range(120)
    )
    url = reverse("privacy:youth_access_log", kwargs={"pk": a.youth.pk})
    response = client_for(a.caseworker).get(url)
    assert response.context["page"].paginator.num_pages == 3
    assert len(response.context["page"].object_list) == 50


def _end_course(youth, ended_on: date) -> None:
    Youth.objects.filter(pk=youth.pk).update(
        status=Youth.Status.COMPLETED, ended_on=ended_on, outcome=Youth.Outcome.ORDINARY_JOB
    )


def test_only_youth_past_the_retention_are_due(world, settings):
    settings.YOUTH_RETENTION_DAYS = 365
    today = date(2027, 6, 1)
    _end_course(world.a.youth, today - timedelta(days=366))
    _end_course(world.b.youth, today - timedelta(days=364))
    assert list(youth_due_for_anonymisation(today=today)) == [world.a.youth]


def test_anonymise_command_clears_personal_data_and_keeps_certificates(world, settings, client):
    settings.YOUTH_RETENTION_DAYS = 30
    a = world.a
    _end_course(a.youth, timezone.localdate() - timedelta(days=31))
    pdf_before = a.certificate.pdf_sha256
    call_command("anonymise_youth", stdout=StringIO())

    youth = Youth.objects.get(pk=a.youth.pk)
    assert youth.anonymised_at is not None
    for field in ("first_name", "last_name", "email", "phone", "dream", "support_needs"):
        assert getattr(youth, field) in ("", "Anonymiseret")
    assert youth.birth_date is None
    assert FollowUp.objects.get(pk=a.follow_up.pk).note == ""
    assert ProgressEntry.objects.get(pk=a.progress.pk).note == ""
    user = youth.user
    assert not user.is_active
    assert a.secrets["first_name"] not in (user.username + user.first_name + user.last_name)
    assert not SignInLink.objects.filter(user=user, revoked_at__isnull=True).exists()

    certificate = Certificate.objects.get(pk=a.certificate.pk)
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.pdf_sha256 == pdf_before
    assert (
        certificate.snapshot["youth"]["name"]
        == f"{a.secrets['first_name']} {a.secrets['last_name']}"
    )
    response = client.get(reverse("verify:detail", kwargs={"code": certificate.verification_code}))
    assert response.status_code == 200
    assert a.secrets["first_name"] in response.content.decode()

    # The other organisation's youth is still active and untouched.
    assert Youth.objects.get(pk=world.b.youth.pk).first_name == world.b.secrets["first_name"]


def test_anonymisation_is_idempotent(world):
    youth_anonymise(youth=world.a.youth, by=None)
    first = Youth.objects.get(pk=world.a.youth.pk)
    youth_anonymise(youth=world.a.youth, by=None)
    second = Youth.objects.get(pk=world.a.youth.pk)
    assert first.anonymised_at == second.anonymised_at
    assert second.first_name == "Anonymiseret"
    assert list(youth_due_for_anonymisation(today=date(2100, 1, 1))) == []


def test_anonymisation_replaces_the_revocation_reason(world, client):
    """Issue 12, finding 7: the reason is free text and may name people or health matters."""
    a = world.a
    reason = "Fejl i navnet; Lene har ADHD og skal have det rettet"
    certificate_revoke(certificate=a.certificate, reason=reason, by=a.caseworker)
    youth_anonymise(youth=a.youth, by=None)
    certificate = Certificate.objects.get(pk=a.certificate.pk)
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revocation_reason == "Anonymiseret"
    response = client.get(reverse("verify:detail", kwargs={"code": certificate.verification_code}))
    assert reason not in response.content.decode()
    assert reason not in json.dumps(youth_data_export(youth=a.youth, by=a.caseworker))


def test_export_after_anonymisation_holds_no_personal_data(world):
    youth_anonymise(youth=world.a.youth, by=None)
    export = youth_data_export(youth=Youth.objects.get(pk=world.a.youth.pk), by=world.a.caseworker)
    text = json.dumps({k: v for k, v in export.items() if k != "certificates"}, ensure_ascii=False)
    for key in ("support_needs", "follow_up_note", "email", "phone", "progress_note"):
        assert world.a.secrets[key] not in text
