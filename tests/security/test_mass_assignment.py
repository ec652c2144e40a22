"""Forms accept only their listed fields: posting `organisation`, `role`, `is_staff`,
`status`, `user`, `assessed_level` or another organisation's ids changes nothing else.

Edit forms are submitted exactly as the page renders them, plus the extra fields: the
object must come out unchanged. Create forms are filled in, plus the extra fields: the
new object must belong where the page put it, with its defaults.
"""

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import models
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate
from companies.models import Company, Mentor, cvr_is_valid
from goals.models import GoalTemplate, LearningGoal, ProgressEntry
from placements.models import FollowUp, Placement
from tests.security.conftest import client_for
from tests.security.forms import main_post_form
from youth.models import Youth


def extras(world) -> dict:
    """Fields no form lists, and ids from organisation B."""
    b = world.b
    return {
        "organisation": b.organisation.pk,
        "organisation_id": b.organisation.pk,
        "role": "admin",
        "is_staff": "on",
        "is_superuser": "on",
        "status": "completed",
        "user": world.a.other_youth_user.pk,
        "assessed_level": "3",
        "assessed_on": "2026-01-02",
        "assessed_by": b.caseworker.pk,
        "youth": b.youth.pk,
        "company": b.company.pk,
        "goal": b.goal.pk,
        "author": b.caseworker.pk,
        "created_by": b.caseworker.pk,
        "anonymised_at": "2026-01-02 10:00",
        "withdrawn_at": "2026-01-02 10:00",
        "number": "FALSK-2026-9999",
        "verification_code": "0" * 20,
        "issued_on": "2026-01-02",
        "is_active": "",
    }


def _snapshot(obj: models.Model) -> dict:
    obj.refresh_from_db()
    return {
        f.attname: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if f.name not in ("updated_at",)
    }


def _users_state() -> list:
    return list(User.objects.order_by("pk").values_list("pk", "role", "is_staff", "is_superuser"))


EDIT_FORMS = [
    ("youth:edit", "youth"),
    ("companies:edit", "company"),
    ("companies:mentor_edit", "mentor"),
    ("placements:edit", "placement"),
    ("goals:edit", "goal"),
    ("goals:template_edit", "template"),
]


@pytest.mark.parametrize("name, attr", EDIT_FORMS)
def test_edit_form_ignores_fields_it_does_not_list(world, name, attr):
    obj = getattr(world.a, attr)
    client = client_for(world.a.caseworker)
    url = reverse(name, kwargs={"pk": obj.pk})
    page = client.get(url)
    assert page.status_code == 200
    fields = main_post_form(page.content.decode())
    before, users = _snapshot(obj), _users_state()
    data = {**{k: v for k, v in extras(world).items() if k not in fields}, **fields}
    response = client.post(url, data)
    assert response.status_code == 302, f"the unchanged form was refused: {response.context}"
    assert _snapshot(obj) == before
    assert _users_state() == users


def _new_cvr() -> str:
    used = set(Company.objects.values_list("cvr", flat=True))
    return next(
        str(n) for n in range(30000000, 40000000) if cvr_is_valid(str(n)) and str(n) not in used
    )


@dataclass
class CreateCase:
    name: str
    role: str
    model: type[models.Model]
    url: Callable
    data: Callable  # world -> the fields a person fills in
    check: Callable  # (world, new object) -> None
    skip_extras: tuple = ()


def _youth_ok(w, youth):
    assert youth.organisation == w.a.organisation
    assert (youth.status, youth.user, youth.ended_on, youth.anonymised_at) == (
        Youth.Status.ACTIVE,
        None,
        None,
        None,
    )


def _placement_ok(w, placement):
    assert placement.organisation == w.a.organisation
    assert (placement.youth, placement.company) == (w.a.youth, w.a.company)
    assert placement.status == Placement.Status.PLANNED
    assert placement.created_by == w.a.caseworker


def _entry_ok(author_attr):
    def check(w, entry):
        assert entry.goal == w.a.goal
        assert entry.author == getattr(w.a, author_attr)
        assert entry.withdrawn_at is None

    return check


def _entry_data(w):
    return {
        "level": "2",
        "note": "Godt arbejde",
        "observed_on": timezone.localdate().isoformat(),
        "submission_key": str(uuid.uuid4()),
    }


CREATE_FORMS = [
    CreateCase(
        "youth:create",
        "caseworker",
        Youth,
        lambda w: reverse("youth:create"),
        lambda w: {
            "first_name": "Ny",
            "last_name": "Ungperson",
            "started_on": "2026-03-02",
            "caseworker": w.a.caseworker.pk,
        },
        _youth_ok,
    ),
    CreateCase(
        "companies:create",
        "caseworker",
        Company,
        lambda w: reverse("companies:create"),
        lambda w: {"name": "Ny Virksomhed ApS", "cvr": _new_cvr(), "industry": "retail"},
        lambda w, c: (
            (c.organisation, c.is_active) == (w.a.organisation, True) or pytest.fail(str(c))
        ),
    ),
    CreateCase(
        "companies:mentor_create",
        "caseworker",
        Mentor,
        lambda w: reverse("companies:mentor_create", kwargs={"pk": w.a.company.pk}),
        lambda w: {"name": "Ny Mentor"},
        lambda w, m: (m.company, m.user) == (w.a.company, None) or pytest.fail(str(m)),
    ),
    CreateCase(
        "placements:create",
        "caseworker",
        Placement,
        lambda w: reverse("placements:create") + f"?youth={w.a.youth.pk}&company={w.a.company.pk}",
        lambda w: {
            "kind": Placement.Kind.INTERNSHIP,
            "starts_on": "2027-01-04",
            "hours_per_week": "10",
            "mentor": w.a.mentor.pk,
        },
        _placement_ok,
    ),
    CreateCase(
        "goals:create",
        "caseworker",
        LearningGoal,
        lambda w: reverse("goals:create") + f"?placement={w.a.placement.pk}",
        lambda w: {
            "title": "Kan tale med kunder",
            "criteria": "Hilser og spørger",
            "area": "social",
            "target_level": "2",
            "points": "1",
        },
        lambda w, g: (
            (g.placement, g.assessed_level, g.assessed_by) == (w.a.placement, None, None)
            or pytest.fail(str(g))
        ),
    ),
    CreateCase(
        "goals:template_create",
        "caseworker",
        GoalTemplate,
        lambda w: reverse("goals:template_create"),
        lambda w: {
            "title": "Kan rydde op",
            "criteria": "Rydder op efter sig",
            "area": "personlig",
            "level": "1",
            "points": "1",
            "industry": "",
        },
        lambda w, t: t.organisation == w.a.organisation or pytest.fail(str(t)),
    ),
    CreateCase(
        "certificates:issue",
        "caseworker",
        Certificate,
        lambda w: reverse("certificates:issue", kwargs={"youth_pk": w.a.youth.pk}),
        lambda w: {"goals": [w.a.goal.pk]},
        lambda w, c: (
            (c.status, c.youth, c.number, c.organisation)
            == (Certificate.Status.DRAFT, w.a.youth, None, w.a.organisation)
            or pytest.fail(str(c))
        ),
    ),
    CreateCase(
        "placements:followup_create",
        "caseworker",
        FollowUp,
        lambda w: reverse("placements:followup_create", kwargs={"pk": w.a.placement.pk}),
        lambda w: {"held_on": "2026-03-05", "kind": "visit", "note": "Kort besøg"},
        lambda w, f: (
            (f.placement, f.author) == (w.a.placement, w.a.caseworker) or pytest.fail(str(f))
        ),
    ),
    CreateCase(
        "goals:detail",
        "caseworker",
        ProgressEntry,
        lambda w: reverse("goals:detail", kwargs={"pk": w.a.goal.pk}),
        _entry_data,
        _entry_ok("caseworker"),
    ),
    CreateCase(
        "mentor:log",
        "mentor",
        ProgressEntry,
        lambda w: reverse("mentor:log", kwargs={"goal_pk": w.a.goal.pk}),
        _entry_data,
        _entry_ok("mentor_user"),
    ),
]


@pytest.mark.parametrize("case", CREATE_FORMS, ids=lambda case: case.name)
def test_create_form_ignores_fields_it_does_not_list(world, case):
    client = client_for(getattr(world.a, "mentor_user" if case.role == "mentor" else case.role))
    url = case.url(world)
    existing = set(case.model.objects.values_list("pk", flat=True))
    users = _users_state()
    data = {**extras(world), **case.data(world)}
    response = client.post(url, data)
    assert response.status_code in (200, 302), response.status_code
    created = list(case.model.objects.exclude(pk__in=existing))
    assert len(created) == 1, f"{case.name}: expected one new row, got {len(created)}"
    case.check(world, created[0])
    assert _users_state() == users


def test_another_organisations_ids_are_refused(world):
    """A caseworker of A who posts B's youth and company for a placement gets no placement."""
    client = client_for(world.a.caseworker)
    before = Placement.objects.count()
    response = client.post(
        reverse("placements:create"),
        {
            "youth": world.b.youth.pk,
            "company": world.b.company.pk,
            "kind": Placement.Kind.INTERNSHIP,
            "starts_on": dt.date(2027, 1, 4).isoformat(),
            "hours_per_week": "10",
        },
    )
    assert response.status_code == 200
    assert Placement.objects.count() == before
