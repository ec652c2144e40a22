"""A cohort's issued certificates as one file, made in the background (`documents`): one
PDF for printing, or a ZIP with the stored PDFs byte for byte. The renderer reads the
certificates through the owner's scope, so the file holds only what they may see."""

import io
import zipfile

import pikepdf

from documents.models import PreparedDocument
from documents.services import RenderedDocument

from .models import Certificate
from .selectors import certificates_for_user

COHORT_PDF = "cohort-certificates-pdf"
COHORT_ZIP = "cohort-certificates-zip"


def cohort_certificates(document: PreparedDocument) -> list[Certificate]:
    return list(
        certificates_for_user(document.owner)
        .filter(cohort_id=document.params["cohort"], status=Certificate.Status.ISSUED)
        .select_related("youth")
        .order_by("youth__first_name", "youth__last_name", "pk")
    )


def cohort_pdf_render(document: PreparedDocument) -> RenderedDocument:
    merged = pikepdf.Pdf.new()
    for certificate in cohort_certificates(document):
        with certificate.pdf.open("rb") as stored:
            merged.pages.extend(pikepdf.Pdf.open(io.BytesIO(stored.read())).pages)
    buffer = io.BytesIO()
    merged.save(buffer)
    return RenderedDocument(buffer.getvalue(), f"hold-{document.params['cohort']}.pdf")


def cohort_zip_render(document: PreparedDocument) -> RenderedDocument:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for certificate in cohort_certificates(document):
            with certificate.pdf.open("rb") as stored:
                archive.writestr(f"{certificate.number}.pdf", stored.read())
    return RenderedDocument(buffer.getvalue(), f"hold-{document.params['cohort']}.zip")
