import datetime as dt

from django.urls import reverse
from django.utils import timezone

from placements.models import FollowUp


def _url(placement) -> str:
    return reverse("placements:followup_create", args=[placement.pk])


def test_caseworker_writes_a_follow_up_note(caseworker_client, caseworker, placement):
    page = caseworker_client.get(_url(placement)).content.decode()
    assert "Kun sagsbehandlere og ledere kan se opfølgningsnotater." in page
    response = caseworker_client.post(
        _url(placement), {"held_on": "04.03.2026", "kind": "visit", "note": "Godt besøg."}
    )
    assert response.url == reverse("workspace:placement_detail", args=[placement.pk])
    note = FollowUp.objects.get()
    assert (note.placement, note.author, note.held_on) == (
        placement,
        caseworker,
        dt.date(2026, 3, 4),
    )


def test_a_note_about_the_future_is_refused(caseworker_client, placement):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = caseworker_client.post(
        _url(placement), {"held_on": tomorrow.isoformat(), "kind": "phone", "note": "Ring"}
    )
    assert "Vælg i dag eller en tidligere dato." in response.context["form"].errors["held_on"][0]
    assert "Ring" in response.content.decode()
    assert not FollowUp.objects.exists()


def test_note_and_kind_are_required(caseworker_client, placement):
    response = caseworker_client.post(_url(placement), {"held_on": "2026-03-04"})
    assert set(response.context["form"].errors) == {"kind", "note"}
    assert not FollowUp.objects.exists()


def test_only_caseworkers_write_notes(client, manager, mentor_user, placement):
    for user in (manager, mentor_user):
        client.force_login(user)
        response = client.post(
            _url(placement), {"held_on": "2026-03-04", "kind": "visit", "note": "x"}
        )
        assert response.status_code == 403
    assert not FollowUp.objects.exists()


def test_other_organisation_gets_not_found(client, stranger, placement):
    client.force_login(stranger)
    assert client.get(_url(placement)).status_code == 404
