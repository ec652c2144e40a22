import datetime as dt

import pytest
from django.urls import reverse

from accounts.models import AccessLogEntry
from tests.factories import CaseworkerFactory, YouthFactory
from youth.models import Youth

pytestmark = pytest.mark.django_db
CREATE = reverse("youth:create")


def form_data(chosen, **changes) -> dict:
    data = {
        "first_name": "Mikkel",
        "last_name": "Sørensen",
        "birth_date": "2007-05-14",
        "email": "mikkel@example.com",
        "phone": "20 30 40 50",
        "caseworker": chosen.pk,
        "started_on": "2026-02-01",
        "dream": "Jeg vil være tømrer.",
        "support_needs": "Ordblind. Har brug for korte beskeder.",
    }
    data.update(changes)
    return data


def test_caseworker_registers_a_young_person(client, caseworker, organisation):
    client.force_login(caseworker)
    page = client.get(CREATE).content.decode()
    assert "Opret en ung" in page and "Min drøm" in page and 'type="date"' in page
    response = client.post(CREATE, form_data(caseworker))
    youth = Youth.objects.get(first_name="Mikkel")
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:youth_detail", args=[youth.pk])
    assert youth.organisation == organisation
    assert youth.status == Youth.Status.ACTIVE
    assert youth.dream == "Jeg vil være tømrer."
    assert youth.birth_date == dt.date(2007, 5, 14)


def test_typed_danish_dates_are_accepted(client, caseworker):
    client.force_login(caseworker)
    client.post(CREATE, form_data(caseworker, birth_date="14.05.2007", started_on="01.02.2026"))
    youth = Youth.objects.get(first_name="Mikkel")
    assert youth.started_on == dt.date(2026, 2, 1)


def test_posting_organisation_status_and_user_changes_nothing(
    client, caseworker, organisation, other_organisation, youth_user
):
    client.force_login(caseworker)
    client.post(
        CREATE,
        form_data(
            caseworker,
            organisation=other_organisation.pk,
            status="completed",
            user=youth_user.pk,
        ),
    )
    # Not the fixture's own young person, whose random first name may be Mikkel too.
    youth = Youth.objects.exclude(user=youth_user).get(first_name="Mikkel")
    assert youth.organisation == organisation
    assert youth.status == Youth.Status.ACTIVE
    assert youth.user is None


def test_only_caseworkers_of_the_same_organisation_can_be_chosen(
    client, caseworker, manager, stranger
):
    client.force_login(caseworker)
    page = client.get(CREATE).content.decode()
    assert str(stranger) not in page
    assert f'value="{manager.pk}"' not in page
    response = client.post(CREATE, form_data(caseworker, caseworker=stranger.pk))
    assert response.status_code == 200
    assert "Vælg en sagsbehandler fra din egen organisation" in response.content.decode()
    assert 'value="Mikkel"' in response.content.decode()  # what was typed is kept
    assert not Youth.objects.filter(first_name="Mikkel").exists()


def test_missing_name_is_refused_next_to_the_field(client, caseworker):
    client.force_login(caseworker)
    response = client.post(CREATE, form_data(caseworker, first_name=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dette felt er påkrævet" in page
    assert "Jeg vil være tømrer." in page
    assert not Youth.objects.exists()


def test_manager_may_not_register_or_edit(client, manager, youth):
    client.force_login(manager)
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, form_data(youth.caseworker)).status_code == 403
    edit = reverse("youth:edit", args=[youth.pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, form_data(youth.caseworker, first_name="Ændret")).status_code == 403
    youth.refresh_from_db()
    assert youth.first_name != "Ændret"


def test_caseworker_edits_plan_and_caseworker(client, caseworker, colleague, youth):
    client.force_login(caseworker)
    edit = reverse("youth:edit", args=[youth.pk])
    page = client.get(edit).content.decode()
    assert youth.support_needs in page
    assert AccessLogEntry.objects.filter(youth_id=youth.pk, user=caseworker).count() == 1
    response = client.post(
        edit, form_data(colleague, first_name=youth.first_name, dream="Jeg vil arbejde med dyr.")
    )
    assert response.status_code == 302
    youth.refresh_from_db()
    assert youth.dream == "Jeg vil arbejde med dyr."
    assert youth.caseworker == colleague


def test_edit_cannot_change_status_or_organisation(client, caseworker, youth, other_organisation):
    client.force_login(caseworker)
    client.post(
        reverse("youth:edit", args=[youth.pk]),
        form_data(caseworker, status="stopped", organisation=other_organisation.pk),
    )
    youth.refresh_from_db()
    assert youth.status == Youth.Status.ACTIVE
    assert youth.organisation_id == caseworker.organisation_id


def test_other_organisations_youth_is_not_found(client, stranger, youth):
    client.force_login(stranger)
    assert client.get(reverse("youth:edit", args=[youth.pk])).status_code == 404
    response = client.post(reverse("youth:edit", args=[youth.pk]), form_data(stranger))
    assert response.status_code == 404


def test_start_after_the_end_of_an_ended_course_is_refused(client, caseworker, organisation):
    youth = YouthFactory(
        organisation=organisation,
        caseworker=caseworker,
        started_on=dt.date(2026, 1, 5),
        status=Youth.Status.COMPLETED,
        ended_on=dt.date(2026, 6, 30),
        outcome=Youth.Outcome.FLEX_JOB,
    )
    client.force_login(caseworker)
    response = client.post(
        reverse("youth:edit", args=[youth.pk]),
        form_data(caseworker, first_name=youth.first_name, started_on="2026-07-01"),
    )
    assert response.status_code == 200
    assert "Starten kan ikke ligge efter forløbets afslutning" in response.content.decode()
    youth.refresh_from_db()
    assert youth.started_on == dt.date(2026, 1, 5)


def test_a_deactivated_caseworker_is_not_offered(client, caseworker, organisation):
    gone = CaseworkerFactory(organisation=organisation, is_active=False, first_name="Gammel")
    client.force_login(caseworker)
    assert f'value="{gone.pk}"' not in client.get(CREATE).content.decode()
