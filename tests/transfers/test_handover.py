"""Handing a young person over to another unit (e.g. the 25+ unit): the receiver accepts,
then sees the youth's record read-only for what came before; the sender keeps the
certificates it issued and its logs, and nothing more about the young person."""

import datetime as dt

import pytest
from django.urls import reverse

from accounts.models import AccessLogEntry
from certificates.models import Certificate
from certificates.selectors import certificates_for_user, certificates_listed_for_user
from certificates.services.issuing import certificate_draft_save, certificate_issue
from placements.models import Placement
from reports.services import progress_report_save
from tests.factories import CaseworkerFactory, ManagerFactory, ProgressEntryFactory
from transfers.models import Transfer
from transfers.services import TransferError, transfer_accept, transfer_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver(other_organisation):
    """A caseworker at the receiving unit (the 25+ unit)."""
    return CaseworkerFactory(organisation=other_organisation, username="modtager")


@pytest.fixture
def record(youth, placement, assessed_goals, caseworker):
    """A finished course at the sending unit: a completed placement with assessed goals, a
    mentor's note, an issued certificate and a progress report."""
    ProgressEntryFactory(goal=assessed_goals[0], author=placement.mentor.user)
    certificate = certificate_issue(
        certificate=certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker),
        issued_by=caseworker,
    )
    report = progress_report_save(
        youth=youth,
        period_starts_on=dt.date(2026, 1, 1),
        period_ends_on=dt.date(2026, 6, 30),
        youth_words="",
        include_accommodations=False,
        assessment="Kan arbejde 10 timer om ugen.",
        notes=[],
        by=caseworker,
    )
    return {"certificate": certificate, "report": report}


@pytest.fixture
def handed_over(record, youth, caseworker, receiver, other_organisation):
    transfer = transfer_start(
        youth=youth, to_organisation=other_organisation, note="Fylder 25.", by=caseworker
    )
    transfer_accept(transfer=transfer, caseworker=receiver, by=receiver)
    youth.refresh_from_db()
    return transfer


def _as(client, user):
    client.force_login(user)
    return client


def test_the_caseworker_offers_a_handover_from_the_profile(
    client, record, youth, caseworker, other_organisation
):
    client = _as(client, caseworker)
    profile = client.get(reverse("workspace:youth_detail", args=[youth.pk])).content.decode()
    assert reverse("transfers:start", args=[youth.pk]) in profile

    response = client.post(
        reverse("transfers:start", args=[youth.pk]),
        {"to_organisation": other_organisation.pk, "note": "Fylder 25 i maj."},
        follow=True,
    )
    page = response.content.decode()
    assert "Tilbudt til" in page and other_organisation.name in page
    transfer = Transfer.objects.get(youth=youth)
    assert transfer.status == Transfer.Status.PENDING
    youth.refresh_from_db()
    assert youth.organisation_id == caseworker.organisation_id, "nothing moves before accept"


def test_a_running_placement_blocks_the_handover_with_a_danish_message(
    client, youth, placement, caseworker, other_organisation
):
    assert placement.status == Placement.Status.ACTIVE
    response = _as(client, caseworker).post(
        reverse("transfers:start", args=[youth.pk]),
        {"to_organisation": other_organisation.pk, "note": "Skriv ikke det her om"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Afslut eller afbryd den planlagte eller igangværende praktik først." in page
    assert "Skriv ikke det her om" in page, "what the caseworker typed is kept"
    assert not Transfer.objects.exists()


def test_a_draft_certificate_blocks_the_handover(
    youth, assessed_goals, caseworker, other_organisation
):
    certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker)
    with pytest.raises(TransferError, match="kladden"):
        transfer_start(youth=youth, to_organisation=other_organisation, note="", by=caseworker)


def test_the_receiver_sees_only_the_offer_until_accepting(
    client, record, youth, caseworker, receiver, other_organisation
):
    transfer = transfer_start(
        youth=youth, to_organisation=other_organisation, note="Fylder 25.", by=caseworker
    )
    client = _as(client, receiver)
    listing = client.get(reverse("transfers:list")).content.decode()
    assert youth.full_name in listing
    assert client.get(reverse("transfers:detail", args=[transfer.pk])).status_code == 200
    assert client.get(reverse("workspace:youth_detail", args=[youth.pk])).status_code == 404
    assert AccessLogEntry.objects.filter(
        user=receiver, youth_id=youth.pk, what="Overdragelse"
    ).exists()


def test_accepting_moves_the_youth_to_the_chosen_caseworker(
    client, record, youth, caseworker, receiver, other_organisation
):
    transfer = transfer_start(
        youth=youth, to_organisation=other_organisation, note="", by=caseworker
    )
    response = _as(client, receiver).post(
        reverse("transfers:detail", args=[transfer.pk]), {"caseworker": receiver.pk, "accept": ""}
    )
    assert response.status_code == 302
    youth.refresh_from_db()
    transfer.refresh_from_db()
    assert youth.organisation_id == other_organisation.pk
    assert youth.caseworker_id == receiver.pk
    assert transfer.status == Transfer.Status.ACCEPTED and transfer.decided_by == receiver


def test_the_receiver_reads_the_earlier_record_but_cannot_change_it(
    client, handed_over, record, youth, placement, assessed_goals, receiver
):
    client = _as(client, receiver)
    for url in [
        reverse("workspace:youth_detail", args=[youth.pk]),
        reverse("workspace:placement_detail", args=[placement.pk]),
        reverse("goals:detail", args=[assessed_goals[0].pk]),
        reverse("certificates:detail", args=[record["certificate"].pk]),
        reverse("progress:detail", args=[record["report"].pk]),
    ]:
        assert client.get(url).status_code == 200, url
    placement_page = client.get(reverse("workspace:placement_detail", args=[placement.pk]))
    placement_html = placement_page.content.decode()
    assert reverse("placements:followup_create", args=[placement.pk]) not in placement_html
    assert "før overdragelsen, hos" in placement_html
    assert reverse("workspace:company_detail", args=[placement.company_id]) not in placement_html
    for url in [
        reverse("placements:followup_create", args=[placement.pk]),
        reverse("goals:assess", args=[assessed_goals[0].pk]),
    ]:
        assert client.get(url).status_code == 403, url
    revoke = reverse("certificates:revoke", args=[record["certificate"].pk])
    assert client.post(revoke, {"reason": "Fejl"}).status_code == 403
    # A certificate from the receiving unit holds only goals it assessed itself.
    issue_page = client.get(reverse("certificates:issue", args=[youth.pk])).content.decode()
    assert assessed_goals[0].title not in issue_page


def test_the_sender_keeps_its_issued_certificates_and_nothing_else(
    client, handed_over, record, youth, placement, assessed_goals, caseworker
):
    client = _as(client, caseworker)
    for url in [
        reverse("workspace:youth_detail", args=[youth.pk]),
        reverse("workspace:placement_detail", args=[placement.pk]),
        reverse("goals:detail", args=[assessed_goals[0].pk]),
        reverse("progress:detail", args=[record["report"].pk]),
    ]:
        assert client.get(url).status_code == 404, url
    certificate = record["certificate"]
    assert client.get(reverse("certificates:detail", args=[certificate.pk])).status_code == 200
    assert youth.full_name not in client.get(reverse("youth:list")).content.decode()


def test_certificates_keep_their_number_and_verification(client, handed_over, record):
    certificate = Certificate.objects.get(pk=record["certificate"].pk)
    assert certificate.number == record["certificate"].number
    assert certificate.status == Certificate.Status.ISSUED
    assert (
        client.get(reverse("verify:detail", args=[certificate.verification_code])).status_code
        == 200
    )


def test_the_mentor_of_an_old_placement_sees_no_more_than_before(client, handed_over, placement):
    page = _as(client, placement.mentor.user).get(reverse("mentor:home"))
    assert page.status_code == 200
    assert (
        _as(client, placement.mentor.user)
        .get(reverse("workspace:youth_detail", args=[placement.youth_id]))
        .status_code
        == 403
    )


def test_declining_needs_a_reason_and_leaves_the_youth_where_they_are(
    client, record, youth, caseworker, receiver, other_organisation
):
    transfer = transfer_start(
        youth=youth, to_organisation=other_organisation, note="", by=caseworker
    )
    client = _as(client, receiver)
    url = reverse("transfers:detail", args=[transfer.pk])
    page = client.post(url, {"decline_reason": "", "decline": ""}).content.decode()
    assert "Dette felt er påkrævet." in page
    assert (
        client.post(url, {"decline_reason": "Ikke i vores målgruppe.", "decline": ""}).status_code
        == 302
    )
    transfer.refresh_from_db()
    youth.refresh_from_db()
    assert transfer.status == Transfer.Status.DECLINED
    assert youth.organisation_id == caseworker.organisation_id


def test_the_sender_can_withdraw_a_waiting_handover(
    client, record, youth, caseworker, other_organisation
):
    transfer = transfer_start(
        youth=youth, to_organisation=other_organisation, note="", by=caseworker
    )
    response = _as(client, caseworker).post(reverse("transfers:cancel", args=[transfer.pk]))
    assert response.status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.CANCELLED


def test_managers_read_and_strangers_see_nothing(
    client, record, youth, caseworker, other_organisation
):
    transfer = transfer_start(
        youth=youth, to_organisation=other_organisation, note="", by=caseworker
    )
    manager = ManagerFactory(organisation=other_organisation)
    client = _as(client, manager)
    url = reverse("transfers:detail", args=[transfer.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"caseworker": manager.pk, "accept": ""}).status_code == 403
    third = CaseworkerFactory(organisation=CaseworkerFactory().organisation)
    assert _as(client, third).get(url).status_code == 404


def test_both_sides_access_is_logged_with_their_own_organisation(
    client, handed_over, youth, caseworker, receiver
):
    before = AccessLogEntry.objects.filter(user=caseworker, youth_id=youth.pk).count()
    _as(client, receiver).get(reverse("workspace:youth_detail", args=[youth.pk]))
    entry = AccessLogEntry.objects.filter(user=receiver, youth_id=youth.pk).latest("pk")
    assert entry.organisation_id == receiver.organisation_id
    # The sender's own rows stay, in its own organisation.
    assert AccessLogEntry.objects.filter(user=caseworker, youth_id=youth.pk).count() == before


def test_both_units_lists_of_certificates_hold_what_each_may_read(
    client, handed_over, record, youth, caseworker, receiver
):
    """The certificate list uses its own form of the scope, written for the planner: it
    holds exactly the certificates each user may open, for the sender (its register), the
    receiver (the young person's), their managers and a stranger."""
    stranger = CaseworkerFactory(organisation=ManagerFactory().organisation)
    managers = [ManagerFactory(organisation=user.organisation) for user in (caseworker, receiver)]
    for user in (caseworker, receiver, *managers, stranger):
        listed = set(certificates_listed_for_user(user).values_list("pk", flat=True))
        assert listed == set(certificates_for_user(user).values_list("pk", flat=True)), user
    certificate = record["certificate"]
    for user in (caseworker, receiver):
        assert certificates_listed_for_user(user).filter(pk=certificate.pk).exists()
        page = _as(client, user).get(reverse("certificates:list")).content.decode()
        assert certificate.number in page, user
    assert not certificates_listed_for_user(stranger).exists()
