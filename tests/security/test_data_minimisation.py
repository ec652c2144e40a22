"""Data minimisation: no CPR numbers anywhere, and the mentor's and the public pages show
only what DESIGN.md allows (never support needs, follow-up notes, birth date or contact)."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from .conftest import client_for

CPR_LIKE = re.compile(r"cpr|personnummer|person_number|ssn|social_security", re.IGNORECASE)
FORM_BLOCK = re.compile(r"<form\b.*?</form>", re.IGNORECASE | re.DOTALL)
PROJECT_APPS = {
    "accounts",
    "youth",
    "companies",
    "placements",
    "certificates",
    "workspace",
    "reports",
}


def test_no_model_has_a_cpr_field():
    offenders = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for field in model._meta.get_fields()
        if CPR_LIKE.search(field.name) or CPR_LIKE.search(str(getattr(field, "verbose_name", "")))
    ]
    assert not offenders


def test_no_form_in_a_template_asks_for_a_cpr_number():
    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for form in FORM_BLOCK.findall(path.read_text()):
            if re.search(r"\bcpr\b|personnummer", form, re.IGNORECASE):
                offenders.append(str(path))
    assert not offenders


def _sensitive(secrets: dict) -> list[str]:
    keys = ["support_needs", "follow_up_note", "birth_date", "birth_date_long", "birth_date_iso"]
    return [secrets[key] for key in keys + ["phone", "email"]]


@pytest.mark.parametrize("name", ["mentor:home", "mentor:placement"])
def test_mentor_pages_show_no_sensitive_data(world, name):
    kwargs = {"pk": world.a.placement.pk} if name == "mentor:placement" else {}
    response = client_for(world.a.mentor_user).get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    page = response.content.decode()
    assert world.a.secrets["first_name"] in page  # the page is about this youth
    for text in _sensitive(world.a.secrets):
        assert text not in page


def test_mentor_goal_log_answer_shows_no_sensitive_data(world):
    client = client_for(world.a.mentor_user)
    response = client.post(
        reverse("mentor:log", kwargs={"goal_pk": world.a.goal.pk}), {"level": 1, "note": "Fint"}
    )
    assert response.status_code < 400
    if response.status_code == 200:
        for text in _sensitive(world.a.secrets):
            assert text not in response.content.decode()


def test_public_verification_shows_only_the_certificate(world, client):
    certificate = world.a.certificate
    response = client.get(reverse("verify:detail", kwargs={"code": certificate.verification_code}))
    assert response.status_code == 200
    page = response.content.decode()
    assert certificate.number in page
    assert world.a.secrets["first_name"] in page
    for text in _sensitive(world.a.secrets) + [world.a.secrets["progress_note"]]:
        assert text not in page
    assert world.a.placement.accommodations not in page
