"""A revoked or replaced certificate is stamped when it is downloaded, never in storage.

The stored PDF and its SHA-256 stay as issued, forever. A download of a certificate that is
no longer valid gets a copy with a stamp on every page ("TILBAGEKALDT 1. december 2026" or
"ERSTATTET af HER-2026-0002"), so a printout can never pass for a valid certificate. The stamp
is rendered once through the same safe renderer as the certificate and laid over each page.
"""

import io

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter

from documents.pdf import html_to_pdf

from .models import Certificate

STAMP_TEMPLATE = "certificates/pdf/stamp.html"


def certificate_stamp_text(certificate: Certificate) -> str:
    """The stamp for a certificate that is no longer valid, in Danish; "" for a valid one."""
    with translation.override("da"):
        if certificate.status == Certificate.Status.REVOKED:
            day = timezone.localdate(certificate.revoked_at)
            return _("REVOKED %(date)s") % {"date": date_format(day, "j. F Y")}
        if certificate.status == Certificate.Status.SUPERSEDED:
            # Only issuing the correction marks a certificate superseded, so it exists.
            return _("REPLACED by %(number)s") % {"number": certificate.superseded_by.number}
    return ""


def pdf_stamped(pdf: bytes, *, stamp: str, verification_url: str) -> bytes:
    """A copy of `pdf` with `stamp` across every page; the original bytes are not touched."""
    with translation.override("da"):
        html = render_to_string(
            STAMP_TEMPLATE, {"stamp": stamp, "verification_url": verification_url}
        )
    overlay = PdfReader(io.BytesIO(html_to_pdf(html))).pages[0]
    original = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=original)
    writer.pdf_header = original.pdf_header
    for page in writer.pages:
        page.merge_page(overlay, over=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def certificate_pdf_stamped(certificate: Certificate, *, stamp: str) -> bytes:
    """A stamped copy of the certificate's stored PDF."""
    with certificate.pdf.open("rb") as stored:
        pdf = stored.read()
    return pdf_stamped(
        pdf, stamp=stamp, verification_url=certificate.snapshot.get("verification_url", "")
    )
