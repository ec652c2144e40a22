"""Public verification at /v/<code>/: valid, revoked, superseded, unknown, rate-limited."""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.formats import date_format
from PIL import Image

from accounts.models import AccessLogEntry
from certificates.services.issuing import (
    certificate_correction_start,
    certificate_draft_save,
    certificate_issue,
    certificate_revoke,
    verification_code_display,
)
from certificates.views import verify
from goals.models import Level
from placements.models import Placement
from tests.factories import LearningGoalFactory, PlacementFactory, assess

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def url(certificate) -> str:
    return f"/v/{verification_code_display(certificate.verification_code)}/"


def test_a_valid_certificate_shows_what_is_printed_and_nothing_sensitive(client, issued, youth):
    response = client.get(url(issued))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Gyldigt." in page
    assert youth.full_name in page and issued.number in page
    assert "NextJob Herning" in page
    assert "Kan fylde varer på hylderne" in page and "Kundskab" in page
    assert youth.support_needs not in page
    assert "12.04.2005" not in page and "2005" not in page  # no birth date
    assert not AccessLogEntry.objects.exists()


def test_the_printed_url_is_the_one_that_works(client, issued):
    response = client.get(issued.snapshot["verification_url"].split("8000", 1)[-1])
    assert response.status_code == 200


@pytest.mark.parametrize("transform", [str.lower, lambda c: c.replace("-", ""), str.upper])
def test_codes_work_with_or_without_dashes_in_any_case(client, issued, transform):
    code = transform(verification_code_display(issued.verification_code))
    assert client.get(f"/v/{code}/").status_code == 200


def test_confusable_letters_are_read_as_digits(client, issued):
    code = issued.verification_code.replace("1", "l").replace("0", "O")
    assert client.get(f"/v/{code}/").status_code == 200


def test_a_revoked_certificate_says_so_with_the_date(client, issued, caseworker, near_midnight):
    revoked = certificate_revoke(certificate=issued, reason="Intern grund", by=caseworker)
    page = client.get(url(issued)).content.decode()
    assert "Tilbagekaldt." in page
    with translation.override("da"):
        day = date_format(timezone.localdate(revoked.revoked_at), "j. F Y")
    assert f"tilbagekaldt den {day}" in page
    assert "Intern grund" not in page  # the reason stays internal


def test_a_superseded_certificate_points_to_the_new_one(client, issued, caseworker):
    draft = certificate_correction_start(certificate=issued, by=caseworker)
    page = client.get(url(issued)).content.decode()
    assert "Gyldigt." in page  # a correction in progress changes nothing yet
    new = certificate_issue(certificate=draft, issued_by=caseworker)
    page = client.get(url(issued)).content.decode()
    assert "Erstattet." in page
    assert f"Se bevis {new.number}" in page
    assert url(new) in page


def test_an_unknown_code_gets_a_friendly_not_found_page(client, db):
    for code in ["ABCDE-FGHJK-MNPQR-STVWX", "nonsense", "<script>"]:
        response = client.get(f"/v/{code}/")
        assert response.status_code == 404
        assert "Vi kunne ikke finde det bevis" in response.content.decode()


def test_a_draft_cannot_be_verified(client, draft):
    assert client.get("/v/ABCDEFGHJKMNPQRSTVWX/").status_code == 404


def test_repeated_guessing_from_one_address_is_slowed_down(client, issued, monkeypatch):
    monkeypatch.setattr(verify, "LOOKUPS_PER_WINDOW", 3)
    for _ in range(3):
        assert client.get("/v/AAAAA-AAAAA-AAAAA-AAAAA/").status_code == 404
    response = client.get(url(issued))
    assert response.status_code == 429
    assert "For mange opslag" in response.content.decode()
    assert response["Retry-After"]
    other = client.get(url(issued), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200


def test_the_lookup_form_sends_a_typed_code_to_its_page(client, issued):
    typed = issued.verification_code.lower()
    response = client.get("/v/", {"code": typed})
    assert response.status_code == 302 and response.url == url(issued)


def test_the_lookup_form_explains_a_code_that_cannot_be_right(client, db):
    response = client.get("/v/", {"code": "123"})
    assert response.status_code == 200
    assert "Det ligner ikke en kode fra et bevis." in response.content.decode()
    assert 'value="123"' in response.content.decode()


def test_an_employer_sees_the_issuer_with_logo_and_contact_the_workplaces_and_dates(
    client, issued, organisation, placement
):
    organisation.address = "Torvet 5\n7400 Herning"
    organisation.phone = "96 28 28 28"
    organisation.email = "ungeindsats@herning.dk"
    image = io.BytesIO()
    Image.new("RGB", (120, 40), "#0b4f6c").save(image, "PNG")
    organisation.logo.save("logo.png", ContentFile(image.getvalue()))

    page = client.get(url(issued)).content.decode()

    logo_url = f"{url(issued)}logo/"
    assert f'src="{logo_url}"' in page and 'alt="Logo: NextJob Herning"' in page
    assert "Torvet 5<br>7400 Herning" in page
    assert 'href="tel:96282828"' in page and "ungeindsats@herning.dk" in page
    assert placement.company.name in page
    assert "2. februar 2026" in page and "18. december 2026" in page  # the placement's period
    with translation.override("da"):
        assert date_format(issued.issued_on, "j. F Y") in page
    assert 'class="verify-status-word"' in page
    # The number never breaks on a phone.
    assert f'<dd class="col-sm-8 text-nowrap">{issued.number}</dd>' in page

    logo = client.get(logo_url)
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png"
    assert client.get("/v/ABCDE-FGHJK-MNPQR-STVWX/logo/").status_code == 404


def test_a_goal_from_two_workplaces_is_shown_once_with_both(client, youth, caseworker):
    second = PlacementFactory(
        organisation=youth.organisation,
        youth=youth,
        starts_on=dt.date(2026, 5, 4),
        status=Placement.Status.COMPLETED,
    )
    goals = []
    for placement in (PlacementFactory(organisation=youth.organisation, youth=youth), second):
        goal = LearningGoalFactory(placement=placement, title="Kan møde til tiden")
        goals.append(assess(goal, Level.KUNDSKAB, by=caseworker))
    certificate = certificate_issue(
        certificate=certificate_draft_save(youth=youth, goals=goals, by=caseworker),
        issued_by=caseworker,
    )

    page = client.get(url(certificate)).content.decode()

    assert page.count("Kan møde til tiden") == 1
    assert f"{goals[0].placement.company.name}, {second.company.name}" in page
