"""Interrupting a placement: a reason category, an optional note and the last day."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from placements.models import Placement
from placements.services import PlacementError, placement_interrupt


def _url(placement) -> str:
    return reverse("placements:interrupt", args=[placement.pk])


def _fresh(placement) -> Placement:
    placement.refresh_from_db()
    return placement


def test_the_form_offers_the_reasons_as_radio_buttons(caseworker_client, placement):
    page = caseworker_client.get(_url(placement)).content.decode()
    assert "data-confirm=" in page
    assert "Årsag" in page and "Uddybning" in page
    assert len(re.findall(r'type="radio"[^>]*name="category"', page)) == 6
    for label in ("Helbred / trivsel", "Fremmøde / motivation", "Flyttede", "Andet"):
        assert label in page


def test_interrupt_with_a_category_a_note_and_a_last_day(caseworker_client, placement):
    response = caseworker_client.post(
        _url(placement),
        {"category": "moved", "reason": " Flyttet til Aarhus. ", "ends_on": "13.03.2026"},
        follow=True,
    )
    page = response.content.decode()
    assert "Praktikken er afbrudt." in page
    assert "Flyttede" in page and "Flyttet til Aarhus." in page
    placement = _fresh(placement)
    assert placement.status == Placement.Status.INTERRUPTED
    assert placement.interruption_category == "moved"
    assert placement.interruption_reason == "Flyttet til Aarhus."
    assert placement.ends_on == dt.date(2026, 3, 13)


def test_the_note_may_be_left_out(caseworker_client, placement):
    caseworker_client.post(_url(placement), {"category": "health", "ends_on": "2026-03-01"})
    placement = _fresh(placement)
    assert (placement.status, placement.interruption_category) == ("interrupted", "health")
    assert placement.interruption_reason == ""


def test_without_a_category_nothing_is_saved_and_the_typed_text_stays(caseworker_client, placement):
    response = caseworker_client.post(
        _url(placement), {"reason": "Har fået job i Netto.", "ends_on": "2026-03-01"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["category"] == ["Vælg, hvorfor praktikken bliver afbrudt."]
    page = response.content.decode()
    error = re.search(r'<div id="id_category_error".*?</div>', page, re.S).group()
    assert "Vælg, hvorfor praktikken bliver afbrudt." in error
    assert "Har fået job i Netto." in page and 'value="2026-03-01"' in page
    placement = _fresh(placement)
    assert (placement.status, placement.interruption_category) == ("active", "")
    assert placement.interruption_reason == "" and placement.ends_on == dt.date(2026, 12, 18)


def test_an_unknown_category_is_refused(caseworker_client, placement):
    response = caseworker_client.post(
        _url(placement), {"category": "sick", "ends_on": "2026-03-01"}
    )
    assert "category" in response.context["form"].errors
    assert _fresh(placement).status == "active"


def test_a_last_day_before_the_start_is_refused_and_the_choice_kept(caseworker_client, placement):
    response = caseworker_client.post(
        _url(placement), {"category": "company", "reason": "Lukket", "ends_on": "2026-01-01"}
    )
    assert "Slutdatoen ligger før startdatoen" in response.context["form"].errors["ends_on"][0]
    assert re.search(r'value="company"[^>]*checked', response.content.decode())
    assert "Lukket" in response.content.decode()
    assert _fresh(placement).status == "active"


@pytest.mark.django_db
def test_the_service_refuses_a_missing_category(placement, caseworker):
    with pytest.raises(PlacementError) as refused:
        placement_interrupt(
            placement=placement, category="", ends_on=dt.date(2026, 3, 1), by=caseworker
        )
    assert refused.value.field == "category"
    assert _fresh(placement).status == "active"
