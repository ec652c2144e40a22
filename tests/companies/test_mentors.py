from django.urls import reverse

from accounts.models import SignInLink
from companies.models import Mentor
from companies.services import mentor_signin_link_create
from tests.factories import MentorFactory, PlacementFactory


def test_caseworker_adds_a_mentor(caseworker_client, company):
    url = reverse("companies:mentor_create", args=[company.pk])
    assert "Ny mentor hos Netto Gullestrup" in caseworker_client.get(url).content.decode()
    response = caseworker_client.post(
        url, {"name": "Jens Hansen", "title": "Lagerchef", "email": "jens@example.com", "phone": ""}
    )
    assert response.status_code == 302
    mentor = Mentor.objects.get(name="Jens Hansen")
    assert mentor.company == company and mentor.is_active


def test_mentor_needs_a_name_and_a_valid_email(caseworker_client, company):
    response = caseworker_client.post(
        reverse("companies:mentor_create", args=[company.pk]), {"name": "", "email": "jens@"}
    )
    errors = response.context["form"].errors
    assert "name" in errors and "email" in errors
    assert 'value="jens@"' in response.content.decode()
    assert not Mentor.objects.exists()


def test_caseworker_edits_a_mentor(caseworker_client, mentor):
    url = reverse("companies:mentor_edit", args=[mentor.pk])
    response = caseworker_client.post(url, {"name": "Lone Madsen", "title": "Souschef"})
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert mentor.title == "Souschef"


def test_deactivating_a_mentor_revokes_their_links(caseworker_client, caseworker, mentor):
    mentor_signin_link_create(mentor=mentor, by=caseworker)
    url = reverse("companies:mentor_deactivate", args=[mentor.pk])
    assert caseworker_client.get(url).status_code == 405
    response = caseworker_client.post(url, follow=True)
    assert "Lone Madsen er ikke længere mentor" in response.content.decode()
    mentor.refresh_from_db()
    assert not mentor.is_active
    assert not SignInLink.objects.filter(user=mentor.user, revoked_at__isnull=True).exists()

    caseworker_client.post(reverse("companies:mentor_activate", args=[mentor.pk]))
    mentor.refresh_from_db()
    assert mentor.is_active


def test_mentor_on_a_running_placement_stays_active(caseworker_client, mentor, youth):
    PlacementFactory(
        organisation=youth.organisation, youth=youth, company=mentor.company, mentor=mentor
    )
    response = caseworker_client.post(
        reverse("companies:mentor_deactivate", args=[mentor.pk]), follow=True
    )
    assert "Vælg en anden mentor" in response.content.decode()
    mentor.refresh_from_db()
    assert mentor.is_active


def test_manager_cannot_change_mentors(manager_client, company, mentor):
    create = reverse("companies:mentor_create", args=[company.pk])
    assert manager_client.post(create, {"name": "Ny"}).status_code == 403
    edit = reverse("companies:mentor_edit", args=[mentor.pk])
    assert manager_client.post(edit, {"name": "Andet navn"}).status_code == 403
    assert (
        manager_client.post(reverse("companies:mentor_deactivate", args=[mentor.pk])).status_code
        == 403
    )
    mentor.refresh_from_db()
    assert mentor.name == "Lone Madsen" and mentor.is_active
    assert Mentor.objects.count() == 1


def test_another_organisations_mentors_are_not_found(caseworker_client, foreign_company):
    foreign = MentorFactory(company=foreign_company)
    assert (
        caseworker_client.get(
            reverse("companies:mentor_create", args=[foreign_company.pk])
        ).status_code
        == 404
    )
    assert (
        caseworker_client.get(reverse("companies:mentor_edit", args=[foreign.pk])).status_code
        == 404
    )
    assert (
        caseworker_client.post(
            reverse("companies:mentor_deactivate", args=[foreign.pk])
        ).status_code
        == 404
    )
    foreign.refresh_from_db()
    assert foreign.is_active
