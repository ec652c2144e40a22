"""Field checks shared by every app: uploaded logos and phone numbers.

Logos are embedded in certificate PDFs, so only real raster images are accepted: SVG can
carry script and external references."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

LOGO_MAX_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG"}


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
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The logo must be a PNG or JPEG image."), code="logo_not_image"
        ) from error
    finally:
        file.seek(position)
    if image_format not in LOGO_FORMATS:
        raise ValidationError(_("The logo must be a PNG or JPEG image."), code="logo_not_image")


# How people write phone numbers: "29 84 53 68", "+45 29845368", "(+45) 29-84-53-68".
PHONE_CHARACTERS = re.compile(r"^[\d\s+()./-]*$")
PHONE_MIN_DIGITS = 8


def validate_phone(value: str) -> None:
    """A phone number that a phone can call: digits with spaces, + ( ) . / - between them."""
    if not PHONE_CHARACTERS.match(value):
        raise ValidationError(
            _("A phone number may only hold digits, spaces and the signs + ( ) - . /"),
            code="phone_characters",
        )
    if "+" in value.lstrip("( ")[1:]:
        raise ValidationError(_("A + may only stand first, as in +45."), code="phone_plus")
    if len(re.sub(r"\D", "", value)) < PHONE_MIN_DIGITS:
        raise ValidationError(
            _("Write the phone number with at least 8 digits, e.g. 29 84 53 68."),
            code="phone_digits",
        )
