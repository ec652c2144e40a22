"""A certificate that is no longer valid downloads stamped; the stored file never changes."""

import hashlib
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from certificates.services.issuing import (
    certificate_correction_start,
    certificate_issue,
    certificate_revoke,
)
from tests.certificates.conftest import issue_with_goals

pytestmark = pytest.mark.django_db


def stored_bytes(certificate) -> bytes:
    with certificate.pdf.open("rb") as stored:
        return stored.read()


def downloaded(response) -> bytes:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content) if response.streaming else response.content


def page_texts(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def test_a_revoked_certificate_downloads_stamped_on_every_page_and_storage_is_unchanged(
    client, caseworker, youth, placement
):
    certificate = issue_with_goals(youth, placement, caseworker, 18)  # two pages
    original = stored_bytes(certificate)
    certificate = certificate_revoke(certificate=certificate, reason="Fejl i navnet", by=caseworker)
    day = timezone.localdate(certificate.revoked_at)
    stamp = f"TILBAGEKALDT {day.day}. "

    client.force_login(caseworker)
    data = downloaded(client.get(f"/beviser/{certificate.pk}/pdf/"))

    pages = page_texts(data)
    assert len(pages) == 2
    assert all(stamp in page and str(day.year) in page for page in pages)
    assert certificate.number in pages[0]  # the certificate itself is still there
    certificate.refresh_from_db()
    assert stored_bytes(certificate) == original
    assert hashlib.sha256(stored_bytes(certificate)).hexdigest() == certificate.pdf_sha256
    assert data != original


def test_a_replaced_certificate_downloads_stamped_with_the_new_number(client, caseworker, issued):
    original = stored_bytes(issued)
    correction = certificate_issue(
        certificate=certificate_correction_start(certificate=issued, by=caseworker),
        issued_by=caseworker,
    )

    client.force_login(caseworker)
    data = downloaded(client.get(f"/beviser/{issued.pk}/pdf/"))

    assert all(f"ERSTATTET af {correction.number}" in page for page in page_texts(data))
    issued.refresh_from_db()
    assert stored_bytes(issued) == original
    assert hashlib.sha256(original).hexdigest() == issued.pdf_sha256


def test_the_young_person_also_gets_the_stamped_copy(client, youth_user, issued, caseworker):
    certificate_revoke(certificate=issued, reason="Fejl", by=caseworker)

    client.force_login(youth_user)
    data = downloaded(client.get(f"/min-side/beviser/{issued.pk}/pdf/"))

    assert "TILBAGEKALDT" in page_texts(data)[0]


def test_a_valid_certificate_downloads_byte_for_byte_without_a_stamp(client, caseworker, issued):
    client.force_login(caseworker)
    data = downloaded(client.get(f"/beviser/{issued.pk}/pdf/"))

    assert data == stored_bytes(issued)
    assert "TILBAGEKALDT" not in page_texts(data)[0]


def test_the_buttons_say_the_download_is_a_stamped_copy(client, caseworker, issued):
    client.force_login(caseworker)
    assert "Hent PDF" in client.get(f"/beviser/{issued.pk}/").content.decode()

    certificate_revoke(certificate=issued, reason="Fejl", by=caseworker)

    detail = client.get(f"/beviser/{issued.pk}/").content.decode()
    listing = client.get("/beviser/").content.decode()
    assert "Hent tilbagekaldt kopi (stemplet)" in detail
    assert "Hent tilbagekaldt kopi (stemplet)" in listing
