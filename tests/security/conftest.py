"""A complete world in two organisations, and the users who look at it.

Organisation A holds the objects every security test aims at: a youth with a sign-in user,
a company with a mentor user, a placement with a follow-up, a learning goal with a progress
entry, a catalogue goal and an issued certificate. A second youth and mentor in A ("other")
are not linked to those objects, so "only their own" can be tested. Organisation B holds
the same set, so "nothing of another organisation" can be tested from both sides.

Every personal text is unique, so a response can be searched for it.
"""

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from accounts.models import SignInLink, User
from accounts.services import signin_link_create
from certificates.models import Certificate
from certificates.services import issuing
from certificates.services.cohorts import (
    cohort_create,
    cohort_member_add,
    cohort_member_guide_approve,
    cohort_member_review,
    cohort_submit,
)
from certificates.services.credentials import credential_key_rotate
from certificates.services.issuing import certificate_draft_save, certificate_issue
from documents.models import PreparedDocument
from goals.models import Level
from goals.services.goals import goal_package_create
from reports import progress_views
from reports import services as report_services
from reports.models import ProgressReport
from reports.services import progress_report_save, progress_report_share
from tests.factories import (
    CaseworkerFactory,
    CompanyFactory,
    ExternalAssurerFactory,
    FollowUpFactory,
    GoalTemplateFactory,
    LearningGoalFactory,
    ManagerFactory,
    MentorFactory,
    OrganisationFactory,
    PlacementFactory,
    ProgressEntryFactory,
    UserFactory,
    YouthFactory,
)
from transfers.models import Transfer
from workspace.models import ImportJob


def png_bytes(size: tuple[int, int] = (40, 20)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass
class OrgWorld:
    organisation: object
    caseworker: User
    manager: User
    youth: object
    youth_user: User
    company: object
    mentor: object
    mentor_user: User
    placement: object
    follow_up: object
    goal: object
    progress: object
    template: object
    package: object
    certificate: Certificate
    draft: Certificate
    report: ProgressReport
    report_draft: ProgressReport
    youth_link: SignInLink
    mentor_link: SignInLink
    other_youth: object
    other_youth_user: User
    other_mentor_user: User
    secrets: dict
    document: PreparedDocument
    transfer: object = None
    cohort: object = None
    cohort_member: object = None
    import_job: object = None


@dataclass
class World:
    a: OrgWorld
    b: OrgWorld
    # Organisation A's internal quality assurer (a manager with the permission) and the
    # external quality assurer of the awarding body A's cohort is submitted to.
    kvalitet: User
    ocn: User

    def users(self) -> dict[str, User | None]:
        """The roles of the access matrix, all looking at organisation A's objects."""
        return {
            "anonymous": None,
            "youth": self.a.youth_user,
            "other_youth": self.a.other_youth_user,
            "mentor": self.a.mentor_user,
            "other_mentor": self.a.other_mentor_user,
            "caseworker": self.a.caseworker,
            "manager": self.a.manager,
            "stranger": self.b.caseworker,
            "kvalitet": self.kvalitet,
            "ocn": self.ocn,
        }


def _person(org, tag: str, role: str) -> User:
    return UserFactory(
        organisation=org, role=role, username=f"{role}-{tag}", first_name=f"{role.title()}{tag}"
    )


def _report_draft(youth, caseworker) -> ProgressReport:
    return progress_report_save(
        youth=youth,
        period_starts_on=dt.date(2026, 1, 1),
        period_ends_on=dt.date(2026, 6, 30),
        youth_words="",
        include_accommodations=False,
        assessment="Vurdering",
        notes=[],
        by=caseworker,
    )


def build_org_world(tag: str, code: str) -> OrgWorld:
    """One organisation's full set of objects; `tag` makes every personal text unique."""
    org = OrganisationFactory(name=f"Ungeenhed {tag}", code=code)
    org.logo.save(f"{code.lower()}.png", ContentFile(png_bytes()), save=True)
    credential_key_rotate(organisation=org, by=None)  # issued certificates get their credential
    caseworker = CaseworkerFactory(organisation=org, username=f"sagsbehandler-{tag}")
    manager = ManagerFactory(organisation=org, username=f"leder-{tag}")
    secrets = {
        "first_name": f"Fornavn{tag}x",
        "last_name": f"Efternavn{tag}x",
        "support_needs": f"Skaanehensyn{tag}: angst i store grupper",
        "follow_up_note": f"Opfoelgningsnotat{tag}: samtale om medicin",
        "email": f"ung{tag.lower()}@example.org",
        "phone": {"A": "+45 21436587", "B": "+45 29876543"}[tag],
        "birth_date": "13.07.2006",
        "birth_date_long": "13. juli 2006",
        "birth_date_iso": "2006-07-13",
        "progress_note": f"Fremskridtsnote{tag}",
    }
    youth_user = UserFactory(
        organisation=org,
        role=User.Role.YOUTH,
        username=f"ung-{tag}",
        first_name=secrets["first_name"],
        last_name=secrets["last_name"],
    )
    youth = YouthFactory(
        organisation=org,
        caseworker=caseworker,
        first_name=secrets["first_name"],
        last_name=secrets["last_name"],
        support_needs=secrets["support_needs"],
        email=secrets["email"],
        phone=secrets["phone"],
        birth_date=dt.date(2006, 7, 13),
        user=youth_user,
    )
    company = CompanyFactory(organisation=org, name=f"Firma {tag} ApS")
    mentor_user = _person(org, tag, User.Role.MENTOR)
    mentor = MentorFactory(company=company, user=mentor_user, name=f"Mentor {tag}")
    placement = PlacementFactory(organisation=org, youth=youth, company=company, mentor=mentor)
    follow_up = FollowUpFactory(
        placement=placement, author=caseworker, note=secrets["follow_up_note"]
    )
    goal = LearningGoalFactory(
        placement=placement,
        title=f"Kan betjene kasseapparatet {tag}",
        assessed_level=Level.KUNDSKAB,
        assessed_on=dt.date(2026, 3, 1),
        assessed_by=caseworker,
    )
    progress = ProgressEntryFactory(goal=goal, author=mentor_user, note=secrets["progress_note"])
    template = GoalTemplateFactory(organisation=org, title=f"Kan pakke varer {tag}")
    draft = certificate_draft_save(youth=youth, goals=[goal], by=caseworker)
    certificate = certificate_issue(certificate=draft, issued_by=caseworker)
    assert certificate.status == Certificate.Status.ISSUED

    other_youth_user = UserFactory(
        organisation=org, role=User.Role.YOUTH, username=f"anden-ung-{tag}"
    )
    other_youth = YouthFactory(
        organisation=org, caseworker=caseworker, user=other_youth_user, first_name="Anden"
    )
    other_mentor_user = _person(org, f"{tag}2", User.Role.MENTOR)
    other_company = CompanyFactory(organisation=org, name=f"Andet firma {tag}")
    other_mentor = MentorFactory(company=other_company, user=other_mentor_user)
    PlacementFactory(
        organisation=org,
        youth=other_youth,
        company=other_company,
        mentor=other_mentor,
        hours_per_week=Decimal("10.0"),
    )
    report = progress_report_share(
        report=_report_draft(youth, caseworker), shared_with="Rehabiliteringsteamet", by=caseworker
    )
    return OrgWorld(
        organisation=org,
        caseworker=caseworker,
        manager=manager,
        youth=youth,
        youth_user=youth_user,
        company=company,
        mentor=mentor,
        mentor_user=mentor_user,
        placement=placement,
        follow_up=follow_up,
        goal=goal,
        progress=progress,
        template=template,
        package=goal_package_create(
            organisation=org, name=f"Pakke {tag}", templates=[template], by=caseworker
        ),
        certificate=certificate,
        draft=certificate_draft_save(youth=youth, goals=[goal], by=caseworker),
        report=report,
        report_draft=_report_draft(youth, caseworker),
        youth_link=signin_link_create(user=youth_user, created_by=caseworker)[0],
        mentor_link=signin_link_create(user=mentor_user, created_by=caseworker)[0],
        other_youth=other_youth,
        other_youth_user=other_youth_user,
        other_mentor_user=other_mentor_user,
        secrets=secrets,
        document=_ready_document(caseworker, youth),
        transfer=_pending_transfer(youth, caseworker, code),
        import_job=_finished_import(caseworker, youth),
    )


def _pending_transfer(youth, caseworker, code: str) -> Transfer:
    """The youth offered to a third unit (made directly: the world's youth has a running
    placement, which the service would refuse)."""
    receiving = OrganisationFactory(name=f"25+ {code}", code=f"{code}X")
    return Transfer.objects.create(
        youth=youth,
        from_organisation=youth.organisation,
        to_organisation=receiving,
        note="Fylder 25",
        started_by=caseworker,
    )


def _ready_document(owner: User, youth) -> PreparedDocument:
    """A prepared GDPR export of the youth, private to the caseworker who asked for it."""
    document = PreparedDocument(
        organisation=owner.organisation,
        owner=owner,
        kind="gdpr-export",
        title=f"Indsigt {youth.full_name}",
        params={"youth_id": youth.pk},
        youth_id=youth.pk,
        status=PreparedDocument.Status.READY,
        ready_at=timezone.now(),
        expires_at=timezone.now() + dt.timedelta(hours=1),
        filename="indsigt.pdf",
    )
    document.file.save("indsigt.pdf", ContentFile(blank_pdf()), save=False)
    document.save()
    return document


def _finished_import(owner: User, youth) -> ImportJob:
    """A finished spreadsheet import of the youth, private to the caseworker who made it."""
    job = ImportJob.objects.create(
        organisation=owner.organisation,
        owner=owner,
        kind="unge",
        filename="unge.csv",
        content=b"",
        headers=["Fornavn", "Efternavn"],
        status=ImportJob.Status.DONE,
        total=1,
        rows_done=1,
        finished_at=timezone.now(),
        expires_at=timezone.now() + dt.timedelta(hours=1),
    )
    job.rows.create(
        number=2, status="exists", cells=[youth.first_name, youth.last_name], youth_id=youth.pk
    )
    return job


@pytest.fixture
def media(settings):
    """The temporary media folder tests/conftest.py sets up for every test."""
    return settings.MEDIA_ROOT


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def fast_certificate_pdf(monkeypatch):
    """Issue through the real service, but skip WeasyPrint (seconds per certificate): the
    security tests are about who gets the stored file, not what it looks like."""
    pdf = blank_pdf()
    monkeypatch.setattr(issuing, "certificate_pdf_render", lambda snapshot, draft=False: pdf)
    # The progress report likewise (stored when shared, rendered for the draft preview).
    monkeypatch.setattr(report_services, "progress_report_pdf_render", lambda s, draft=False: pdf)
    monkeypatch.setattr(progress_views, "progress_report_pdf_render", lambda s, draft=False: pdf)


@pytest.fixture
def world(db, media, fast_certificate_pdf) -> World:
    cache.clear()  # the verification page's rate limit lives in the cache
    a, b = build_org_world("A", "ALFA"), build_org_world("B", "BETA")
    kvalitet = ManagerFactory(
        organisation=a.organisation, username="kvalitet-A", is_quality_assurer=True
    )
    ocn = ExternalAssurerFactory(username="ocn-A")
    a.cohort = _cohort_with_the_awarding_body(a, kvalitet=kvalitet, awarding_body=ocn.organisation)
    a.cohort_member = a.cohort.members.get()
    return World(a=a, b=b, kvalitet=kvalitet, ocn=ocn)


def _cohort_with_the_awarding_body(a: OrgWorld, *, kvalitet: User, awarding_body) -> object:
    """A's youth in a cohort that is with the awarding body (so in both samples)."""
    cohort = cohort_create(name="Hold A", awarding_body=awarding_body, by=a.caseworker)
    member = cohort_member_add(cohort=cohort, youth=a.youth, by=a.caseworker)
    cohort_member_guide_approve(member=member, goals=[a.goal], by=a.caseworker)
    cohort = cohort_submit(cohort=cohort, by=a.caseworker)
    cohort_member_review(
        member=cohort.members.get(), decisions={a.goal.pk: ("approved", "")}, by=kvalitet
    )
    cohort.refresh_from_db()
    return cohort


def client_for(user: User | None, **kwargs) -> Client:
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


def insight_export_json(client: Client, youth) -> dict:
    """The insight export in JSON as a caseworker gets it: asked for (POST), prepared by the
    task (in-process here, when the request's transaction commits), then downloaded."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("privacy:youth_export_json", kwargs={"pk": youth.pk}))
    document = PreparedDocument.objects.get(pk=response.url.split("/")[-2])
    download = client.get(reverse("documents:download", args=[document.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Type"] == "application/json"
    return json.loads(b"".join(download.streaming_content))
