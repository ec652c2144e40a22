"""The admin is not a second write path: append-only and issued records are read-only there,
and what the admin may still add or change goes through the app's services and their rules."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts import services as account_services
from accounts.models import AccessLogEntry, Organisation, SignInLink, User
from accounts.services import signin_link_create
from certificates.models import Certificate, Credential, GoalReview, VoidNumber
from certificates.services.issuing import certificate_draft_save, certificate_issue
from companies import services as company_services
from companies.models import Company
from goals.models import GoalTemplate, LearningGoal, ProgressEntry
from goals.services import goals as goal_services
from placements.models import FollowUp, Placement, WeeklyHours
from tests.factories import (
    AwardingBodyFactory,
    GoalTemplateFactory,
    LearningGoalFactory,
    MentorUserFactory,
    ProgressEntryFactory,
)
from transfers.models import Transfer
from youth.models import Youth

pytestmark = pytest.mark.django_db

APPEND_ONLY_OR_ISSUED = [
    ProgressEntry,
    AccessLogEntry,
    Certificate,
    Credential,
    VoidNumber,
    GoalReview,
    WeeklyHours,
    SignInLink,
]
KEPT_BY_THE_CASEWORKER = [Youth, Placement, FollowUp, LearningGoal, Transfer]


@contextmanager
def spy(model, service: str):
    """The service the model's admin calls (`create`, `update`, …), wrapped: it still runs,
    and its calls are counted."""
    admin_class = type(admin.site._registry[model])
    counted = mock.MagicMock(wraps=getattr(admin_class, service))
    with mock.patch.object(admin_class, service, staticmethod(counted)):
        yield counted


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def add_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


@pytest.mark.parametrize("model", APPEND_ONLY_OR_ISSUED + KEPT_BY_THE_CASEWORKER)
def test_the_admin_cannot_add_change_or_delete_these(rf, model):
    """Registered or not: if one of them is ever registered, it must be read-only."""
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        return
    request = rf.get("/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    for inline in model_admin.get_inline_instances(request):
        assert not inline.has_change_permission(request)


def test_an_issued_certificate_cannot_be_changed_in_the_admin(
    admin_client_, youth, assessed_goals, caseworker
):
    draft = certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker)
    issued = certificate_issue(certificate=draft, issued_by=caseworker)
    number = issued.number
    assert admin_client_.get(change_url(issued)).status_code == 200  # shown
    changed = {"status": "draft", "number": "HER-2026-9999"}
    response = admin_client_.post(change_url(issued), changed)
    assert response.status_code == 403
    issued.refresh_from_db()
    assert (issued.status, issued.number) == (Certificate.Status.ISSUED, number)
    delete = reverse("admin:certificates_certificate_delete", args=[issued.pk])
    assert admin_client_.post(delete, {"post": "yes"}).status_code == 403


def test_a_progress_entry_cannot_be_changed_in_the_admin(admin_client_, placement, mentor_user):
    entry = ProgressEntryFactory(
        goal=LearningGoalFactory(placement=placement), author=mentor_user, note="Set i dag"
    )
    assert admin_client_.post(change_url(entry), {"note": "Ændret", "level": 3}).status_code == 403
    assert admin_client_.post(add_url(ProgressEntry), {"note": "Ny"}).status_code == 403
    assert ProgressEntry.objects.get().note == "Set i dag"


def template_data(template: GoalTemplate, **changes) -> dict:
    data = {
        "title": template.title,
        "criteria": template.criteria,
        "area": template.area,
        "level": template.level,
        "points": str(template.points),
        "industry": template.industry,
        "is_active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_catalogue_goal_edited_in_the_admin_keeps_the_kan_rule(admin_client_, organisation):
    template = GoalTemplateFactory(organisation=organisation, title="Kan fylde varer op")
    data = template_data(template, title="Fylde varer op")
    response = admin_client_.post(change_url(template), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Start målet med “Kan”, fx “Kan møde til tiden”." in page
    assert 'value="Fylde varer op"' in page  # what was typed is kept
    template.refresh_from_db()
    assert template.title == "Kan fylde varer op"


def test_a_catalogue_goal_edited_in_the_admin_goes_through_its_services(
    admin_client_, organisation
):
    template = GoalTemplateFactory(organisation=organisation, title="Kan fylde varer op")
    template_admin = type(admin.site._registry[GoalTemplate])
    assert template_admin.update is goal_services.goal_template_update
    assert template_admin.deactivate is goal_services.goal_template_retire
    with spy(GoalTemplate, "update") as update, spy(GoalTemplate, "deactivate") as retire:
        data = template_data(template, title="Kan fylde frost op", is_active=None)
        response = admin_client_.post(change_url(template), data)
    assert response.status_code == 302
    assert update.call_count == 1 and retire.call_count == 1
    template.refresh_from_db()
    assert (template.title, template.is_active) == ("Kan fylde frost op", False)
    assert template.organisation == organisation


def test_a_company_with_running_placements_stays_in_the_network(admin_client_, placement):
    """company_deactivate's rule holds in the admin: refused, shown, nothing saved."""
    company = placement.company
    data = {
        "name": "Nyt navn ApS",
        "cvr": company.cvr,
        "industry": company.industry,
        "mentors-TOTAL_FORMS": "0",
        "mentors-INITIAL_FORMS": "0",
    }  # "is_active" left out: unticked
    response = admin_client_.post(change_url(company), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Virksomheden har praktikker, der er planlagt eller i gang. Afslut dem først." in page
    assert 'value="Nyt navn ApS"' in page
    company.refresh_from_db()
    assert company.is_active and company.name != "Nyt navn ApS"


def test_a_company_added_in_the_admin_is_made_by_the_service(admin_client_, organisation):
    assert type(admin.site._registry[Company]).create is company_services.company_create
    with spy(Company, "create") as create:
        response = admin_client_.post(
            add_url(Company),
            {
                "organisation": organisation.pk,
                "name": "Brugsen Herning",
                "cvr": "29189609",
                "industry": "retail",
                "mentors-TOTAL_FORMS": "0",
                "mentors-INITIAL_FORMS": "0",
            },
        )
    assert response.status_code == 302
    assert create.call_count == 1
    company = Company.objects.get(name="Brugsen Herning")
    assert company.organisation == organisation and company.is_active


def user_add(client, **fields):
    data = {
        "username": "ny-medarbejder",
        "usable_password": "true",
        "password1": "en-lang-adgangskode-42",
        "password2": "en-lang-adgangskode-42",
    }
    data.update(fields)
    return client.post(add_url(User), data)


def test_the_admin_adds_a_caseworker_through_the_service(admin_client_, organisation):
    response = user_add(admin_client_, role=User.Role.CASEWORKER, organisation=organisation.pk)
    assert response.status_code == 302
    user = User.objects.get(username="ny-medarbejder")
    assert user.organisation == organisation and user.check_password("en-lang-adgangskode-42")


@pytest.mark.parametrize(
    ("role", "awarding_body", "field", "message"),
    [
        (User.Role.MENTOR, False, "role", "Mentorer og unge får deres adgang fra"),
        (User.Role.ASSURER, False, "organisation", "hører til et godkendende organ"),
        (User.Role.MANAGER, True, "organisation", "hører til en ungeenhed"),
    ],
)
def test_the_admin_cannot_add_an_account_that_does_not_fit(
    admin_client_, organisation, role, awarding_body, field, message
):
    where = AwardingBodyFactory() if awarding_body else organisation
    response = user_add(admin_client_, role=role, organisation=where.pk)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"errors field-{field}" in page and message in page
    assert not User.objects.filter(username="ny-medarbejder").exists()


def test_closing_an_account_in_the_admin_withdraws_its_sign_in_links(admin_client_, organisation):
    mentor = MentorUserFactory(organisation=organisation)
    link, _path = signin_link_create(user=mentor, created_by=None)
    data = {
        "username": mentor.username,
        "first_name": mentor.first_name,
        "last_name": mentor.last_name,
        "email": mentor.email,
        "role": mentor.role,
        "organisation": organisation.pk,
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
    }  # "is_active" left out: the account is closed
    response = admin_client_.post(change_url(mentor), data)
    assert response.status_code == 302
    link.refresh_from_db()
    mentor.refresh_from_db()
    assert not mentor.is_active and link.revoked_at is not None


def test_an_organisation_is_saved_through_the_service(admin_client_, organisation):
    url = change_url(organisation)
    with mock.patch(
        "accounts.admin.organisation_save", wraps=account_services.organisation_save
    ) as save:
        response = admin_client_.post(url, {"name": "NextJob Herning Kommune", "code": "HER"})
    assert response.status_code == 302 and save.call_count == 1
    assert Organisation.objects.get(pk=organisation.pk).name == "NextJob Herning Kommune"
