"""Time issuing, a bare WeasyPrint render of the same HTML, and downloading a stored PDF.

Everything runs inside a transaction that is rolled back, with PDFs in a temporary folder,
so the command leaves no trace in the database or in storage.
"""

import datetime as dt
import statistics
import tempfile
import time
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import Client, override_settings

from accounts.models import Organisation, User
from certificates.pdf import certificate_html
from certificates.services.issuing import certificate_draft_save, certificate_issue
from companies.models import Company, Industry, Mentor
from documents.pdf import html_to_pdf
from goals.models import Area, LearningGoal, Level
from placements.models import Placement
from youth.models import Youth

ISSUE_TARGET = 1.3  # the issue path may cost at most 1.3 × a bare render
DOWNLOAD_TARGET = 20  # a download must be at least 20 × faster than a render

GOALS = [
    ("Kan fylde varer på hylderne efter en plan", Area.PROFESSIONAL, Level.KUNDSKAB),
    ("Kan tjekke varer mod følgesedlen", Area.PROFESSIONAL, Level.KENDSKAB),
    ("Kan møde til tiden og melde afbud", Area.PERSONAL, Level.MESTRING),
    ("Kan bede om hjælp, når noget er svært", Area.PERSONAL, Level.KUNDSKAB),
    ("Kan hjælpe en kunde med at finde en vare", Area.SOCIAL, Level.KUNDSKAB),
]


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Print the median time to issue a certificate, to render the same HTML with bare "
        "WeasyPrint, and to download an issued certificate, with the ratios."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=15, help="Timed runs of each (15).")

    def handle(self, *args, runs: int, **options):
        with (
            tempfile.TemporaryDirectory() as media,
            override_settings(
                MEDIA_ROOT=media, ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False
            ),
        ):
            try:
                with transaction.atomic():
                    self._run(runs)
                    raise _Rollback
            except _Rollback:
                pass

    def _run(self, runs: int) -> None:
        caseworker, youth, goals = _demo_data()
        certificate_issue(  # warm up: fonts, templates, the stylesheet
            certificate=certificate_draft_save(youth=youth, goals=goals, by=caseworker),
            issued_by=caseworker,
        )

        issue_times, render_times, download_times = [], [], []
        client = Client()
        client.force_login(caseworker)
        for _ in range(runs):
            draft = certificate_draft_save(youth=youth, goals=goals, by=caseworker)
            start = time.perf_counter()
            issued = certificate_issue(certificate=draft, issued_by=caseworker)
            issue_times.append(time.perf_counter() - start)

            html = certificate_html(issued.snapshot)
            start = time.perf_counter()
            html_to_pdf(html)
            render_times.append(time.perf_counter() - start)

            start = time.perf_counter()
            response = client.get(f"/beviser/{issued.pk}/pdf/")
            body = b"".join(response.streaming_content)
            download_times.append(time.perf_counter() - start)
            assert response.status_code == 200 and body.startswith(b"%PDF")

        issue = statistics.median(issue_times)
        render = statistics.median(render_times)
        download = statistics.median(download_times)
        issue_ratio = issue / render
        download_speedup = render / download
        self.stdout.write(f"runs: {runs}")
        self.stdout.write(
            f"median issue (number, snapshot, render, store, hash): {issue * 1000:.1f} ms"
        )
        self.stdout.write(
            f"median bare WeasyPrint render of the same HTML:     {render * 1000:.1f} ms"
        )
        self.stdout.write(
            f"median download of an issued certificate:           {download * 1000:.2f} ms"
        )
        self.stdout.write(
            f"issue / bare render = {issue_ratio:.2f} (target ≤ {ISSUE_TARGET}) "
            + ("OK" if issue_ratio <= ISSUE_TARGET else "TOO SLOW")
        )
        self.stdout.write(
            f"bare render / download = {download_speedup:.0f}× (target ≥ {DOWNLOAD_TARGET}×) "
            + ("OK" if download_speedup >= DOWNLOAD_TARGET else "TOO SLOW")
        )


def _demo_data() -> tuple[User, Youth, list[LearningGoal]]:
    organisation = Organisation.objects.create(name="Benchmark Ungeindsats", code="BENCHMARK")
    caseworker = User.objects.create(
        username="benchmark-caseworker",
        first_name="Anne",
        last_name="Jensen",
        role=User.Role.CASEWORKER,
        organisation=organisation,
    )
    youth = Youth.objects.create(
        organisation=organisation,
        caseworker=caseworker,
        first_name="Mikkel",
        last_name="Sørensen",
        started_on=dt.date(2026, 1, 5),
    )
    company = Company.objects.create(
        organisation=organisation, name="Netto Gullestrup", cvr="29189609", industry=Industry.RETAIL
    )
    mentor = Mentor.objects.create(company=company, name="Peter Hansen")
    placement = Placement.objects.create(
        organisation=organisation,
        youth=youth,
        company=company,
        mentor=mentor,
        kind=Placement.Kind.INTERNSHIP,
        starts_on=dt.date(2026, 2, 2),
        ends_on=dt.date(2026, 5, 29),
        hours_per_week=Decimal("15"),
        status=Placement.Status.COMPLETED,
    )
    goals = [
        LearningGoal.objects.create(
            placement=placement,
            title=title,
            criteria="Gør det efter aftale med mentoren, og siger til, når noget er uklart.",
            area=area,
            target_level=level,
            points=Decimal("1.5"),
            assessed_level=level,
            assessed_on=dt.date(2026, 5, 29),
            assessed_by=caseworker,
        )
        for title, area, level in GOALS
    ]
    return caseworker, youth, goals
