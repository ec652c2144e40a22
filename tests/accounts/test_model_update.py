"""`model_update`: the allowed fields copied onto an instance, and the names that changed."""

import datetime as dt
from decimal import Decimal

import pytest

from accounts.changes import model_update
from placements.models import Placement
from tests.factories import MentorFactory
from youth.models import Youth

pytestmark = pytest.mark.django_db


def test_only_the_fields_whose_value_changed_are_named(placement):
    changed = model_update(
        placement,
        {
            "hours_per_week": Decimal("15.0"),
            "accommodations": "Nye aftaler",
            "kind": placement.kind,
        },
        ("kind", "hours_per_week", "accommodations"),
    )
    assert changed == ["accommodations"]
    assert placement.accommodations == "Nye aftaler"
    placement.refresh_from_db()
    assert placement.accommodations != "Nye aftaler", "the caller saves, not the helper"


def test_a_relation_is_compared_by_its_id(placement):
    same = Placement.objects.get(pk=placement.pk).mentor
    assert same is not placement.mentor
    assert model_update(placement, {"mentor": same}, ("mentor",)) == []
    other = MentorFactory(company=placement.company)
    assert model_update(placement, {"mentor": other}, ("mentor",)) == ["mentor"]
    assert placement.mentor_id == other.pk


def test_the_names_come_in_the_order_of_the_allowed_fields(youth):
    changed = model_update(
        youth, {"support_needs": "Andet", "phone": "11223344"}, ("phone", "support_needs")
    )
    assert changed == ["phone", "support_needs"]


def test_a_field_that_is_not_allowed_is_a_programming_error(youth):
    with pytest.raises(TypeError, match="organisation"):
        model_update(youth, {"phone": "11223344", "organisation": None}, ("phone",))
    assert youth.phone != "11223344", "nothing is copied when one key is refused"


def test_on_a_new_instance_the_fields_given_a_value_are_named(organisation):
    youth = Youth(organisation=organisation)
    given = model_update(
        youth,
        {"first_name": "Ida", "email": "", "birth_date": None, "started_on": dt.date(2026, 1, 5)},
        ("first_name", "email", "birth_date", "started_on"),
    )
    assert given == ["first_name", "started_on"]
