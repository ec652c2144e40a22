"""A mentor can be invited from the company page, before there is a placement."""

from django.urls import reverse

from accounts.models import SignInLink, User
from tests.factories import MentorFactory


def test_caseworker_invites_a_mentor_from_the_company_page(caseworker_client, company):
    mentor = MentorFactory(company=company, name="Mette Mester", email="")
    page = caseworker_client.get(reverse("workspace:company_detail", args=[company.pk]))
    invite_url = reverse("mentor:invite_mentor", args=[mentor.pk])
    assert invite_url in page.content.decode()
    response = caseworker_client.post(invite_url)
    assert response.status_code == 200
    mentor.refresh_from_db()
    assert mentor.user.role == User.Role.MENTOR
    link = SignInLink.objects.get(user=mentor.user)
    assert "/link/" in response.content.decode()
    revoke = reverse("mentor:invite_mentor_revoke", args=[mentor.pk, link.pk])
    assert caseworker_client.post(revoke).url == invite_url
    link.refresh_from_db()
    assert link.revoked_at is not None


def test_manager_and_other_organisation_cannot_invite(client, manager, stranger, company):
    mentor = MentorFactory(company=company)
    url = reverse("mentor:invite_mentor", args=[mentor.pk])
    client.force_login(manager)
    assert client.post(url).status_code == 403
    client.force_login(stranger)
    assert client.post(url).status_code == 404
    mentor.refresh_from_db()
    assert mentor.user is None
