"""The progress report for the rehabilitation team, from hand-built data: two placements,
hours with a correction, goals seen at rising levels, four mentor notes of which two are
picked, and the caseworker's assessment."""

import datetime as dt
import hashlib
import io
from decimal import Decimal

import pikepdf
import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import AccessLogEntry
from goals.models import Area, Level
from placements.models import Placement, WeeklyHours
from reports.models import ProgressReport
from tests.certificates.test_pdf_accessibility import structure_elements
from tests.factories import (
    LearningGoalFactory,
    MentorUserFactory,
    PlacementFactory,
    ProgressEntryFactory,
    YouthFactory,
)

ASSESSMENT = "Kan arbejde 10-12 timer om ugen med faste pauser og en fast kontaktperson."


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def _hours(placement, week, hours, attended, planned, author):
    return WeeklyHours.objects.create(
        placement=placement,
        week_starts_on=d(week),
        hours_worked=Decimal(hours),
        attendance="as_agreed" if attended == planned else "fewer_days",
        days_attended=attended,
        days_planned=planned,
        author=author,
    )


@pytest.fixture
def course(placement, mentor_user, caseworker, organisation):
    """Placement A (the conftest placement, 15 h) and placement B (10 h), both finished."""
    a = placement
    a.starts_on, a.ends_on, a.status = d("2026-02-02"), d("2026-04-30"), "completed"
    a.save()
    b_mentor = MentorUserFactory(organisation=organisation)
    b = PlacementFactory(
        organisation=organisation,
        youth=a.youth,
        company=b_mentor.mentor_profile.company,
        mentor=b_mentor.mentor_profile,
        starts_on=d("2026-05-04"),
        ends_on=d("2026-06-26"),
        hours_per_week=Decimal(10),
        status=Placement.Status.COMPLETED,
        kind=Placement.Kind.OWN_WORKSHOP,
        accommodations="Arbejder bedst om formiddagen.",
    )
    _hours(a, "2026-02-09", "12", 3, 3, caseworker)
    _hours(a, "2026-02-16", "9", 2, 3, mentor_user)
    _hours(a, "2026-02-16", "10", 2, 3, caseworker)  # the correction counts
    _hours(b, "2026-05-04", "8", 2, 2, b_mentor)
    on_time = LearningGoalFactory(placement=a, title="Kan møde til tiden", area=Area.SOCIAL)
    till = LearningGoalFactory(
        placement=b, title="Kan betjene kassen", area=Area.PROFESSIONAL, points=Decimal(3)
    )

    def entry(goal, day, level, note, author):
        return ProgressEntryFactory(
            goal=goal, observed_on=d(day), level=level, note=note, author=author
        )

    notes = {
        "late": entry(
            on_time, "2026-02-10", Level.KENDSKAB, "Kom 10 minutter for sent", mentor_user
        ),
        "now": entry(on_time, "2026-03-15", Level.KUNDSKAB, "Møder nu til tiden", mentor_user),
        "help": entry(till, "2026-05-05", Level.KENDSKAB, "Skal have hjælp ved kassen", b_mentor),
        "alone": entry(till, "2026-06-20", Level.MESTRING, "Betjener kassen alene", b_mentor),
    }
    return {"a": a, "b": b, "youth": a.youth, "notes": notes, "goals": (on_time, till)}


def _form(course, **extra):
    notes = course["notes"]
    return {
        "period_starts_on": "2026-02-01",
        "period_ends_on": "2026-06-30",
        "youth_words": "Jeg er blevet bedre til at komme op om morgenen.",
        "include_accommodations": "on",
        "assessment": ASSESSMENT,
        "notes": [notes["now"].pk, notes["alone"].pk],
    } | extra


def _create(client, course, **extra) -> ProgressReport:
    response = client.post(
        reverse("progress:create", args=[course["youth"].pk]), _form(course, **extra)
    )
    assert response.status_code == 302, response.context["form"].errors
    return ProgressReport.objects.get()


def _share(client, report, to="Rehabiliteringsteamet, Herning Kommune"):
    return client.post(reverse("progress:share", args=[report.pk]), {"shared_with": to})


def _stored(report) -> bytes:
    report.refresh_from_db()
    with report.pdf.open("rb") as stored:
        return stored.read()


def test_shared_report_prints_hours_levels_dates_picked_notes_and_assessment(
    caseworker_client, caseworker, course
):
    report = _create(caseworker_client, course)
    preview = caseworker_client.get(reverse("progress:preview", args=[report.pk]))
    assert "Kladde" in pdf_text(preview.content) or "KLADDE" in pdf_text(preview.content)
    response = _share(caseworker_client, report)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.is_shared and report.shared_by == caseworker
    assert report.shared_with == "Rehabiliteringsteamet, Herning Kommune"
    data = caseworker_client.get(reverse("progress:pdf", args=[report.pk])).content
    assert hashlib.sha256(data).hexdigest() == report.pdf_sha256
    text = pdf_text(data)
    assert "Progressionsrapport" in text and course["youth"].full_name in text
    assert course["youth"].dream in text
    assert "Jeg er blevet bedre til at komme op om morgenen." in text
    # placement A: planned 15, weeks 12 h and 10 h (the correction), 5 of 6 days
    assert "15,0" in text and "11,0" in text and "5 af 6 dage (83 %)" in text
    # placement B: planned 10, one week of 8 h, 2 of 2 days
    assert "8,0" in text and "2 af 2 dage (100 %)" in text
    assert "Korte pauser hver time" in text and "Arbejder bedst om formiddagen." in text
    # each goal: started at, level now, with the dates
    assert "Kan møde til tiden (2,0 point) Kendskab 10.2.2026 → Kundskab 15.3.2026" in text
    assert "Kan betjene kassen (3,0 point) Kendskab 5.5.2026 → Mestring 20.6.2026" in text
    assert "Møder nu til tiden" in text and "Betjener kassen alene" in text
    assert "Kom 10 minutter for sent" not in text and "Skal have hjælp ved kassen" not in text
    assert ASSESSMENT in text
    assert "Faglige kompetencer" in text and "Sociale kompetencer" in text
    assert "Rehabiliteringsteamet, Herning Kommune" in text


def test_accommodations_stay_out_unless_the_caseworker_confirms(caseworker_client, course):
    report = _create(caseworker_client, course, include_accommodations="")
    _share(caseworker_client, report)
    text = pdf_text(_stored(report))
    assert "Korte pauser hver time" not in text and "Arbejder bedst om formiddagen." not in text


def test_pdf_is_tagged_danish_and_every_chart_has_alternative_text(caseworker_client, course):
    report = _create(caseworker_client, course)
    _share(caseworker_client, report)
    with pikepdf.open(io.BytesIO(_stored(report))) as document:
        assert str(document.Root.Lang) == "da"
        assert bool(document.Root.MarkInfo.Marked) and "/StructTreeRoot" in document.Root
        assert "Progressionsrapport" in document.open_metadata()["dc:title"]
        figures = [e for e in structure_elements(document) if e.S == "/Figure"]
        alts = [str(figure.get("/Alt", "")) for figure in figures]
    assert len(figures) == 2, alts
    assert any("Kan møde til tiden" in alt for alt in alts), alts
    assert any("Kan betjene kassen" in alt for alt in alts), alts


def test_frozen_report_does_not_change_after_later_edits(caseworker_client, course):
    report = _create(caseworker_client, course)
    _share(caseworker_client, report)
    before = _stored(report)
    snapshot = report.snapshot
    on_time, _till = course["goals"]
    on_time.title = "Kan noget helt andet"
    on_time.save()
    course["youth"].dream = "En ny drøm"
    course["youth"].save()
    _hours(course["a"], "2026-02-23", "1", 1, 3, course["youth"].caseworker)
    response = caseworker_client.post(
        reverse("progress:detail", args=[report.pk]), _form(course, assessment="Ny tekst")
    )
    assert response.status_code == 404
    after = caseworker_client.get(reverse("progress:pdf", args=[report.pk])).content
    report.refresh_from_db()
    assert after == before and report.snapshot == snapshot
    assert "Kan møde til tiden" in pdf_text(after) and "Kan noget helt andet" not in pdf_text(after)
    assert _share(caseworker_client, report).status_code == 400


def test_a_note_outside_the_period_is_refused(caseworker_client, course):
    response = caseworker_client.post(
        reverse("progress:create", args=[course["youth"].pk]),
        _form(course, period_ends_on="2026-04-30"),  # "alone" is from June
    )
    assert "Vælg kun mentornotater" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_sharing_needs_a_recipient(caseworker_client, course):
    report = _create(caseworker_client, course)
    response = _share(caseworker_client, report, to=" ")
    assert response.status_code == 400
    report.refresh_from_db()
    assert not report.is_shared and not report.pdf


def test_mentor_never_reaches_a_report(client, mentor_user, caseworker_client, course):
    report = _create(caseworker_client, course)
    _share(caseworker_client, report)
    client.force_login(mentor_user)
    youth = course["youth"]
    for url in (
        reverse("progress:youth", args=[youth.pk]),
        reverse("progress:create", args=[youth.pk]),
        reverse("progress:detail", args=[report.pk]),
        reverse("progress:preview", args=[report.pk]),
        reverse("progress:pdf", args=[report.pk]),
        reverse("progress:mine"),
    ):
        assert client.get(url).status_code == 404, url
    assert _share(client, report).status_code == 404


def test_the_youth_downloads_their_own_shared_reports_only(
    youth_user, caseworker_client, course, organisation
):
    draft = _create(caseworker_client, course)
    other = YouthFactory(organisation=organisation)
    client = Client()
    client.force_login(youth_user)
    assert client.get(reverse("progress:pdf", args=[draft.pk])).status_code == 404
    _share(caseworker_client, draft)
    page = client.get(reverse("progress:mine")).content.decode()
    assert "Rehabiliteringsteamet, Herning Kommune" in page
    response = client.get(reverse("progress:pdf", args=[draft.pk]))
    assert response.status_code == 200 and response.content == _stored(draft)
    assert client.get(reverse("progress:detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("progress:youth", args=[other.pk])).status_code == 404


def test_manager_reads_but_cannot_write(caseworker_client, manager, course):
    report = _create(caseworker_client, course)
    manager_client = Client()
    manager_client.force_login(manager)
    assert manager_client.get(reverse("progress:detail", args=[report.pk])).status_code == 200
    assert manager_client.get(reverse("progress:preview", args=[report.pk])).status_code == 403
    assert _share(manager_client, report).status_code == 403
    create = reverse("progress:create", args=[course["youth"].pk])
    assert manager_client.get(create).status_code == 403


def test_other_organisation_gets_404(client, stranger, caseworker_client, course):
    report = _create(caseworker_client, course)
    client.force_login(stranger)
    assert client.get(reverse("progress:detail", args=[report.pk])).status_code == 404
    assert client.get(reverse("progress:youth", args=[course["youth"].pk])).status_code == 404


def test_every_view_and_download_is_access_logged_with_the_purpose(
    caseworker_client, caseworker, youth_user, course
):
    report = _create(caseworker_client, course)
    _share(caseworker_client, report)
    AccessLogEntry.objects.all().delete()
    caseworker_client.get(reverse("progress:detail", args=[report.pk]))
    caseworker_client.get(reverse("progress:pdf", args=[report.pk]))
    client = Client()
    client.force_login(youth_user)
    client.get(reverse("progress:pdf", args=[report.pk]))
    rows = list(
        AccessLogEntry.objects.order_by("pk").values_list("user", "youth_id", "what", "purpose")
    )
    youth = course["youth"].pk
    purpose = "Forberedelse af sagen til rehabiliteringsteamet"
    assert rows == [
        (caseworker.pk, youth, "Progressionsrapport", purpose),
        (caseworker.pk, youth, "Progressionsrapport hentet (PDF)", purpose),
        (
            youth_user.pk,
            youth,
            "Progressionsrapport hentet (PDF)",
            "Den unges indsigt i egne oplysninger",
        ),
    ]


def test_profile_shows_a_progression_chart_per_goal(caseworker_client, course):
    page = caseworker_client.get(reverse("workspace:youth_detail", args=[course["youth"].pk]))
    html = page.content.decode()
    assert "Udvikling over tid" in html
    assert html.count('class="progression-chart"') == 2
    assert "Kendskab 10.2.2026, Kundskab 15.3.2026" in html
