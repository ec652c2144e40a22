"""Logos: only real PNG/JPEG images up to 1 MB, served only to the organisation's users."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.validators import LOGO_MAX_BYTES
from tests.factories import MentorUserFactory

from .conftest import png_bytes

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def _jpeg() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (30, 30), (200, 10, 10)).save(buffer, format="JPEG")
    return buffer.getvalue()


def _clean_logo(organisation, name: str, content: bytes) -> None:
    organisation.logo = SimpleUploadedFile(name, content)
    organisation.full_clean()


@pytest.mark.parametrize("name, content", [("logo.png", png_bytes()), ("logo.jpg", _jpeg())])
def test_png_and_jpeg_logos_are_accepted(organisation, name, content):
    _clean_logo(organisation, name, content)


@pytest.mark.parametrize(
    "name, content",
    [
        ("logo.svg", SVG),
        ("logo.png", SVG),  # an SVG renamed to .png
        ("logo.png", b"not an image at all"),
        ("logo.gif", png_bytes()),
        ("logo.png", _jpeg()[:40]),  # truncated
    ],
)
def test_other_files_are_refused_as_logo(organisation, name, content):
    with pytest.raises(ValidationError) as refused:
        _clean_logo(organisation, name, content)
    assert "logo" in refused.value.message_dict


def test_logos_over_one_megabyte_are_refused(organisation):
    big = png_bytes() + b"\0" * LOGO_MAX_BYTES
    with pytest.raises(ValidationError) as refused:
        _clean_logo(organisation, "logo.png", big)
    assert "1 MB" in " ".join(refused.value.message_dict["logo"])


@pytest.fixture
def organisation_with_logo(organisation, media):
    organisation.logo.save("her.png", SimpleUploadedFile("her.png", png_bytes()))
    return organisation


def test_users_of_the_organisation_get_the_logo(client, organisation_with_logo, caseworker):
    url = reverse("accounts:organisation_logo", kwargs={"pk": organisation_with_logo.pk})
    for user in (caseworker, MentorUserFactory(organisation=organisation_with_logo)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert b"".join(response.streaming_content) == organisation_with_logo.logo.open().read()


def test_other_organisations_and_anonymous_users_get_no_logo(
    client, organisation_with_logo, stranger
):
    url = reverse("accounts:organisation_logo", kwargs={"pk": organisation_with_logo.pk})
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    client.force_login(stranger)
    assert client.get(url).status_code == 404


def test_no_logo_is_404(client, organisation, caseworker):
    client.force_login(caseworker)
    url = reverse("accounts:organisation_logo", kwargs={"pk": organisation.pk})
    assert client.get(url).status_code == 404


def test_an_organisation_with_a_stored_logo_can_be_edited(organisation_with_logo):
    organisation_with_logo.name = "NextJob Herning Kommune"
    organisation_with_logo.full_clean()
