"""A refused change on a page: the Danish message stands next to the field it is about (or
above the form when it is about the whole change), and what the person typed is kept.
One test per way a domain error reaches a page."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certificates.models import GoalReview
from certificates.services.cohorts import cohort_submit
from companies.models import Mentor
from tests.certificates.cohorts import cohort_with
from tests.factories import AwardingBodyFactory, CaseworkerFactory, CompanyFactory
from tests.youth.test_youth_validation import field_block
from youth.models import Youth

pytestmark = pytest.mark.django_db


def chosen(block: str, value: str) -> bool:
    """The radio button or option with this value is checked (selected) in the block."""
    return re.search(rf'value="{value}"[^>]*(checked|selected)', block) is not None


def test_a_service_rule_on_one_field_is_shown_next_to_it(caseworker_client, youth):
    """youth_end_course refuses an education without its kind (YouthError, field)."""
    response = caseworker_client.post(
        reverse("youth:end", args=[youth.pk]),
        {"status": "completed", "ended_on": "2026-06-30", "outcome": "education"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vælg hvilken uddannelse." in field_block(page, "education")
    assert 'value="2026-06-30"' in field_block(page, "ended_on")
    assert chosen(field_block(page, "outcome"), "education")
    youth.refresh_from_db()
    assert youth.status == Youth.Status.ACTIVE


def test_a_rule_about_the_whole_change_is_shown_above_the_form(caseworker_client, organisation):
    """mentor_create refuses a mentor at an inactive company (CompanyError, no field)."""
    company = CompanyFactory(organisation=organisation, is_active=False)
    response = caseworker_client.post(
        reverse("companies:mentor_create", args=[company.pk]),
        {"name": "Lone Madsen", "title": "Butiksleder", "email": "", "phone": ""},
    )
    assert response.status_code == 200
    page = response.content.decode()
    form = page[page.index("<form") :]
    above = form[: form.index('id="div_id_name"')]
    assert "Virksomheden er ikke aktiv i netværket. Aktivér den først." in above
    assert 'value="Lone Madsen"' in field_block(page, "name")
    assert not Mentor.objects.filter(company=company).exists()


def test_a_file_that_cannot_be_read_is_explained_next_to_the_file(caseworker_client):
    """ImportFileError is about the file field."""
    response = caseworker_client.post(
        reverse("workspace:import"),
        {"kind": "virksomheder", "file": SimpleUploadedFile("liste.pdf", b"%PDF")},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vælg en CSV- eller Excel-fil (.xlsx)." in field_block(page, "file")
    assert chosen(field_block(page, "kind"), "virksomheder")


def test_a_rule_about_one_of_many_fields_is_shown_next_to_that_one(client, organisation):
    """cohort_member_review: the goal returned without a comment gets the message."""
    caseworker = CaseworkerFactory(organisation=organisation)
    assurer = CaseworkerFactory(organisation=organisation, is_quality_assurer=True)
    cohort = cohort_with(organisation, AwardingBodyFactory(), [caseworker])
    cohort = cohort_submit(cohort=cohort, by=caseworker, seed=1)
    member = cohort.members.get()
    returned, approved = member.certificate.goals.order_by("pk")
    client.force_login(assurer)
    response = client.post(
        reverse("cohorts:member", args=[cohort.pk, member.pk]),
        {
            "step": "review",
            f"decision_{returned.pk}": "returned",
            f"comment_{returned.pk}": " ",
            f"decision_{approved.pk}": "approved",
            f"comment_{approved.pk}": "Fint dokumenteret",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Skriv hvorfor målet sendes retur." in field_block(page, f"comment_{returned.pk}")
    assert "Skriv hvorfor" not in field_block(page, f"comment_{approved.pk}")
    assert 'value="Fint dokumenteret"' in field_block(page, f"comment_{approved.pk}")
    assert chosen(field_block(page, f"decision_{returned.pk}"), "returned")
    assert not GoalReview.objects.exists()


def test_a_refusal_after_a_button_is_a_message_on_the_next_page(caseworker_client, youth):
    """youth_reopen refuses an active course; there is no form, so it is a message."""
    response = caseworker_client.post(reverse("youth:reopen", args=[youth.pk]), follow=True)
    assert "Forløbet er allerede aktivt." in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("workspace:youth_detail", args=[youth.pk])
