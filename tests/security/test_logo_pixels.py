"""Logos are limited in pixels, not only in bytes (issue 12, finding 6): a 13000 × 13000 PNG
of a few kB is refused before it is decoded, and a large logo is scaled down on upload."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.models import Organisation
from accounts.validators import LOGO_MAX_BYTES, LOGO_MAX_SIDE, LOGO_STORED_SIDE

pytestmark = pytest.mark.django_db


def _png(size: tuple[int, int], mode: str = "1") -> bytes:
    buffer = BytesIO()
    Image.new(mode, size).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    content = _png((13000, 13000))
    assert len(content) < LOGO_MAX_BYTES  # small file, huge picture
    return content


def test_a_small_file_with_huge_pixel_dimensions_is_refused(organisation, bomb):
    organisation.logo = SimpleUploadedFile("logo.png", bomb)
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert refused.value.message_dict["logo"] == [
        f"Logoet må højst være {LOGO_MAX_SIDE} × {LOGO_MAX_SIDE} pixel."
    ]


def _upload(client, organisation, content: bytes):
    url = reverse("admin:accounts_organisation_change", args=[organisation.pk])
    data = {
        "name": organisation.name,
        "code": organisation.code,
        "address": "",
        "phone": "",
        "email": "",
        "logo": SimpleUploadedFile("logo.png", content, content_type="image/png"),
    }
    return client.post(url, data)


def test_the_admin_refuses_a_huge_logo(admin_client_, organisation, bomb):
    response = _upload(admin_client_, organisation, bomb)
    assert response.status_code == 200
    assert f"højst være {LOGO_MAX_SIDE} × {LOGO_MAX_SIDE} pixel" in response.content.decode()
    assert not Organisation.objects.get(pk=organisation.pk).logo


def test_a_large_logo_is_scaled_down_on_upload(admin_client_, organisation):
    response = _upload(admin_client_, organisation, _png((2400, 1200), mode="RGB"))
    assert response.status_code == 302
    logo = Organisation.objects.get(pk=organisation.pk).logo
    with logo.open("rb"), Image.open(logo) as image:
        assert image.size == (LOGO_STORED_SIDE, LOGO_STORED_SIDE // 2)
        assert image.format == "PNG"


def test_a_small_logo_is_stored_as_uploaded(admin_client_, organisation):
    content = _png((300, 100), mode="RGB")
    assert _upload(admin_client_, organisation, content).status_code == 302
    logo = Organisation.objects.get(pk=organisation.pk).logo
    with logo.open("rb") as stored:
        assert stored.read() == content
