"""Checks on uploaded files. Logos are embedded in certificate PDFs, so only real raster
images are accepted: SVG can carry script and external references. A small file can hold a
huge picture (a 20 kB PNG of 13000 × 13000 pixels took 1.4 GB and 8 s per certificate), so
the pixel size is limited too, and a large logo is scaled down when it is uploaded."""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

LOGO_MAX_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG"}
# Larger pictures are refused without being decoded (the size is in the file's header).
LOGO_MAX_SIDE = 4000
# Stored logos are at most this wide and high: about 4 cm at 600 dpi on the certificate.
LOGO_STORED_SIDE = 1000


def validate_logo(file) -> None:
    if getattr(file, "_committed", False):
        return  # already stored: it was checked when it was uploaded
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo may be at most 1 MB."), code="logo_too_large")
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            if max(width, height) > LOGO_MAX_SIDE:
                raise ValidationError(
                    _("The logo may be at most %(side)s × %(side)s pixels.")
                    % {"side": LOGO_MAX_SIDE},
                    code="logo_too_many_pixels",
                )
            image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as error:
        raise ValidationError(
            _("The logo must be a PNG or JPEG image."), code="logo_not_image"
        ) from error
    finally:
        file.seek(position)
    if image_format not in LOGO_FORMATS:
        raise ValidationError(_("The logo must be a PNG or JPEG image."), code="logo_not_image")


def logo_scaled(file):
    """The uploaded logo, scaled down to LOGO_STORED_SIDE when it is larger (same format).
    Call after validate_logo, which refuses pictures too large to decode."""
    file.seek(0)
    with Image.open(file) as image:
        if max(image.size) <= LOGO_STORED_SIDE:
            file.seek(0)
            return file
        image_format = image.format
        image.draft("RGB", (LOGO_STORED_SIDE, LOGO_STORED_SIDE))  # JPEG: decode smaller
        image.thumbnail((LOGO_STORED_SIDE, LOGO_STORED_SIDE))
        buffer = BytesIO()
        image.save(buffer, format=image_format)
    return SimpleUploadedFile(file.name, buffer.getvalue(), content_type=Image.MIME[image_format])
