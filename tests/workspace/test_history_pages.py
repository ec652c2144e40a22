"""The change history on the youth profile and the organisation's history page: what a
caseworker and a manager see, the filters, who sees nothing, and constant query counts."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessLogEntry, HistoryEntry
from accounts.services import history_record
from tests.factories import (
    CaseworkerFactory,
    CompanyFactory,
    ExternalAssurerFactory,
    PlacementFactory,
    YouthFactory,
)

pytestmark = pytest.mark.django_db

HISTORY = reverse("workspace:history")
SECRET = "HEMMELIG-7Q2 angst og medicin"


def _profile(youth) -> str:
    return reverse("workspace:youth_detail", args=[youth.pk])


def _history_section(page: str) -> str:
    start = page.index('id="history-heading"')
    return page[start : page.index("</section>", start)]


def _edit_data(youth, **changes) -> dict:
    data = {
        "first_name": youth.first_name,
        "last_name": youth.last_name,
        "birth_date": youth.birth_date.isoformat(),
        "email": youth.email,
        "phone": youth.phone,
        "caseworker": youth.caseworker_id,
        "started_on": youth.started_on.isoformat(),
        "dream": youth.dream,
        "support_needs": youth.support_needs,
    }
    return data | changes


def _record(*, by, youth, action="youth.updated", fields=("phone",), at=None):
    entry = history_record(by=by, action=action, obj=youth, youth_id=youth.pk, fields=fields)
    if at is not None:
        HistoryEntry.objects.filter(pk=entry.pk).update(at=at)
    return entry


def _shown(response) -> list[HistoryEntry]:
    return list(response.context["page"].object_list)


# The profile ------------------------------------------------------------------------------


def test_the_profile_shows_who_changed_which_fields_in_danish_never_the_values(
    caseworker_client, caseworker, youth
):
    response = caseworker_client.post(
        reverse("youth:edit", args=[youth.pk]),
        _edit_data(youth, phone="11 22 33 44", support_needs=SECRET),
    )
    assert response.status_code == 302
    section = _history_section(caseworker_client.get(_profile(youth)).content.decode())
    assert "Oplysninger ændret" in section
    assert "Ændrede: telefon, skånehensyn" in section
    assert caseworker.get_full_name() in section
    assert SECRET not in section and "11 22 33 44" not in section


def test_an_interrupted_placement_shows_on_the_profile(caseworker_client, placement):
    caseworker_client.post(
        reverse("placements:interrupt", args=[placement.pk]),
        {"category": "health", "reason": SECRET, "ends_on": "13.03.2026"},
    )
    section = _history_section(caseworker_client.get(_profile(placement.youth)).content.decode())
    assert "Praktik afbrudt" in section
    assert "årsag til afbrydelse" in section.lower()
    assert SECRET not in section


def test_the_manager_reads_the_profile_history_too(manager_client, caseworker, youth):
    _record(by=caseworker, youth=youth)
    section = _history_section(manager_client.get(_profile(youth)).content.decode())
    assert "Oplysninger ændret" in section


def test_the_profile_shows_the_newest_ten_and_links_to_the_rest(
    caseworker_client, caseworker, youth
):
    for day in range(12):
        _record(
            by=caseworker,
            youth=youth,
            action="youth.updated" if day else "youth.created",
            at=timezone.now() - dt.timedelta(days=12 - day),
        )
    page = caseworker_client.get(_profile(youth))
    assert len(page.context["history"]) == 10
    section = _history_section(page.content.decode())
    assert "Ung oprettet" not in section, "the oldest entries are left for the full list"
    assert f"{HISTORY}?ung={youth.pk}" in section


def test_a_young_person_without_history_says_so(caseworker_client, youth):
    section = _history_section(caseworker_client.get(_profile(youth)).content.decode())
    assert "Ingen ændringer registreret endnu." in section


# The history page and its filters ---------------------------------------------------------


@pytest.fixture
def busy(organisation, caseworker, colleague):
    """Two caseworkers' work on two young people, on two days, plus a nightly job."""
    first = YouthFactory(organisation=organisation, first_name="Asta", last_name="Holm")
    second = YouthFactory(organisation=organisation, first_name="Bo", last_name="Lund")
    march, may = (
        timezone.make_aware(dt.datetime(2026, 3, 10, 9)),
        timezone.make_aware(dt.datetime(2026, 5, 20, 9)),
    )
    return {
        "first": first,
        "second": second,
        "mine": _record(by=caseworker, youth=first, at=march),
        "colleagues": _record(
            by=colleague, youth=second, action="youth.course_ended", fields=["status"], at=may
        ),
        "system": _record(by=None, youth=second, action="youth.anonymised", fields=(), at=may),
    }


def test_the_manager_sees_the_organisations_history_newest_first(manager_client, busy):
    response = manager_client.get(HISTORY)
    assert response.status_code == 200
    assert _shown(response) == [busy["system"], busy["colleagues"], busy["mine"]]
    page = response.content.decode()
    assert "Asta Holm" in page and "Bo Lund" in page
    assert "Forløb afsluttet" in page and "Systemet" in page
    assert "Historik" in manager_client.get(reverse("workspace:dashboard")).content.decode()


def test_who_lists_the_staff_and_then_the_mentors_in_groups(
    manager_client, caseworker, mentor_user
):
    page = manager_client.get(HISTORY, {"person": mentor_user.pk}).content.decode()
    who = page[page.index('name="person"') : page.index("</select>", page.index('name="person"'))]
    staff, mentors = (
        who.index('<optgroup label="Medarbejdere">'),
        who.index('<optgroup label="Mentorer">'),
    )
    assert staff < who.index(f'<option value="{caseworker.pk}">') < mentors
    assert who.index(f'<option value="{mentor_user.pk}" selected>') > mentors


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (lambda b, cw, co: {"person": co.pk}, ["colleagues"]),
        (lambda b, cw, co: {"person": "system"}, ["system"]),
        (lambda b, cw, co: {"action": "youth.updated"}, ["mine"]),
        (lambda b, cw, co: {"name": "asta"}, ["mine"]),
        (lambda b, cw, co: {"name": "lund"}, ["system", "colleagues"]),
        (lambda b, cw, co: {"since": "01.05.2026"}, ["system", "colleagues"]),
        (lambda b, cw, co: {"until": "10.03.2026"}, ["mine"]),
        (lambda b, cw, co: {"since": "2026-03-11", "until": "2026-05-19"}, []),
        (lambda b, cw, co: {"ung": b["second"].pk, "person": co.pk}, ["colleagues"]),
        (lambda b, cw, co: {"person": "not a person", "since": "yesterday"}, None),
    ],
)
def test_the_filters(manager_client, busy, caseworker, colleague, query, expected):
    response = manager_client.get(HISTORY, query(busy, caseworker, colleague))
    assert response.status_code == 200
    if expected is None:  # a value that does not validate is left out
        expected = ["system", "colleagues", "mine"]
    assert _shown(response) == [busy[name] for name in expected]


def test_one_young_persons_history_has_its_own_heading(caseworker_client, busy):
    response = caseworker_client.get(HISTORY, {"ung": busy["first"].pk})
    assert _shown(response) == [busy["mine"]]
    assert "Hvem har ændret hvad om Asta Holm" in response.content.decode()


def test_the_page_is_paginated_newest_first(manager_client, caseworker, youth):
    same_time = timezone.now()
    entries = [_record(by=caseworker, youth=youth, at=same_time) for _ in range(51)]
    newest_first = sorted(entries, key=lambda entry: entry.pk, reverse=True)
    assert _shown(manager_client.get(HISTORY)) == newest_first[:50]
    assert _shown(manager_client.get(HISTORY, {"side": 2})) == newest_first[50:]


def test_the_names_shown_are_access_logged(manager, manager_client, busy):
    manager_client.get(HISTORY)
    logged = AccessLogEntry.objects.filter(user=manager, kind=AccessLogEntry.Kind.LIST)
    assert set(logged.values_list("youth_id", flat=True)) == {busy["first"].pk, busy["second"].pk}
    assert set(logged.values_list("what", flat=True)) == {"Historik: hvem ændrede hvad"}


# Who sees nothing -------------------------------------------------------------------------


def test_another_organisation_sees_none_of_ours(client, stranger, busy):
    client.force_login(stranger)
    assert _shown(client.get(HISTORY)) == []
    assert client.get(HISTORY, {"ung": busy["first"].pk}).status_code == 404
    assert client.get(_profile(busy["first"])).status_code == 404


@pytest.mark.parametrize("role", ["mentor", "youth", "assurer"])
def test_mentors_young_people_and_awarding_bodies_get_no_history(
    client, role, mentor_user, youth_user, busy
):
    user = {
        "mentor": mentor_user,
        "youth": youth_user,
        "assurer": ExternalAssurerFactory(),
    }[role]
    client.force_login(user)
    assert client.get(HISTORY).status_code == 403
    assert client.get(HISTORY, {"ung": busy["first"].pk}).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(HISTORY)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_a_bad_youth_id_is_a_404_not_an_error(manager_client):
    assert manager_client.get(HISTORY, {"ung": "x"}).status_code == 404


# Query counts -----------------------------------------------------------------------------


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def _work_on(organisation, count: int) -> None:
    """`count` entries, each by another caseworker about another young person."""
    company = CompanyFactory(organisation=organisation)
    for _ in range(count):
        youth = YouthFactory(organisation=organisation)
        placement = PlacementFactory(organisation=organisation, youth=youth, company=company)
        history_record(
            by=CaseworkerFactory(organisation=organisation),
            action="placement.updated",
            obj=placement,
            youth_id=youth.pk,
            fields=["hours_per_week", "accommodations"],
        )


def test_the_history_pages_query_count_does_not_grow_with_the_rows(manager_client, organisation):
    _work_on(organisation, 3)
    few = _queries(manager_client, HISTORY)
    _work_on(organisation, 27)
    assert _queries(manager_client, HISTORY) == few


def test_the_profiles_query_count_does_not_grow_with_its_history(
    caseworker_client, caseworker, youth
):
    _record(by=caseworker, youth=youth)
    few = _queries(caseworker_client, _profile(youth))
    for _ in range(12):
        _record(by=CaseworkerFactory(organisation=youth.organisation), youth=youth)
    assert _queries(caseworker_client, _profile(youth)) == few


def test_the_admin_shows_the_history_read_only(admin_client, caseworker, youth):
    _record(by=caseworker, youth=youth)
    assert admin_client.get(reverse("admin:accounts_historyentry_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:accounts_historyentry_add")).status_code == 403
    entry = HistoryEntry.objects.get()
    change = reverse("admin:accounts_historyentry_change", args=[entry.pk])
    admin_client.post(change, {"action": "youth.created"})
    entry.refresh_from_db()
    assert entry.action == "youth.updated"
    delete = reverse("admin:accounts_historyentry_delete", args=[entry.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert HistoryEntry.objects.exists()


def test_the_history_follows_the_young_person_through_a_handover(
    client, caseworker, youth, other_organisation
):
    from transfers.services import transfer_accept, transfer_start

    before = _record(by=caseworker, youth=youth)
    receiver = CaseworkerFactory(organisation=other_organisation)
    transfer = transfer_start(
        youth=youth, to_organisation=other_organisation, note="", by=caseworker
    )
    transfer_accept(transfer=transfer, caseworker=receiver, by=receiver)

    client.force_login(receiver)
    section = _history_section(client.get(_profile(youth)).content.decode())
    assert "Overdraget til en anden enhed" in section
    assert "Overdragelse til en anden enhed tilbudt" in section
    assert "Oplysninger ændret" in section, "what the sending unit did comes along"
    assert before in _shown(client.get(HISTORY, {"ung": youth.pk}))
    assert before not in _shown(client.get(HISTORY)), "the unit's own page: its own work"

    client.force_login(caseworker)
    assert client.get(HISTORY, {"ung": youth.pk}).status_code == 404
    own = client.get(HISTORY)
    assert before in _shown(own)
    assert youth.full_name not in own.content.decode(), "no longer theirs: no name, no link"
