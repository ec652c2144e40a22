"""The certificate PDF reads well aloud: PDF/A-3a and PDF/UA-1 identification, language,
title, alternative text for every figure, and a logical reading order. Checked in the
PDF's structure (pikepdf), not in its rendered text alone."""

import io
from collections import defaultdict

import pikepdf
import pytest
from django.core.files.base import ContentFile
from PIL import Image
from pypdf import PdfReader

from certificates.services.issuing import certificate_draft_save, certificate_issue

pytestmark = pytest.mark.django_db


def stored_pdf(certificate) -> bytes:
    with certificate.pdf.open("rb") as stored:
        return stored.read()


def structure_elements(document: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """The structure tree's elements in document (reading) order."""
    elements = []

    def walk(node):
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                elements.append(kid)
                walk(kid)

    walk(document.Root.StructTreeRoot)
    return elements


def text_in_reading_order(pdf: bytes) -> str:
    """The text as a screen reader meets it: marked-content pieces in structure order."""
    reader = PdfReader(io.BytesIO(pdf))
    pieces: dict[tuple[int, int], list[str]] = defaultdict(list)
    for page_number, page in enumerate(reader.pages):
        stack: list[int | None] = []

        def before(operator, operands, cm, tm, stack=stack):
            if operator == b"BDC":
                properties = operands[1] if len(operands) > 1 else {}
                stack.append(properties.get("/MCID") if hasattr(properties, "get") else None)
            elif operator == b"BMC":
                stack.append(None)
            elif operator == b"EMC" and stack:
                stack.pop()

        def text(content, cm, tm, font, size, stack=stack, page_number=page_number):
            mcid = next((m for m in reversed(stack) if m is not None), None)
            if mcid is not None:
                pieces[(page_number, mcid)].append(content)

        page.extract_text(visitor_operand_before=before, visitor_text=text)

    with pikepdf.open(io.BytesIO(pdf)) as document:
        page_numbers = {page.objgen: n for n, page in enumerate(document.pages)}
        ordered = []

        def walk(node, page_number=None):
            if "/Pg" in node:
                page_number = page_numbers[node.Pg.objgen]
            kids = node.get("/K")
            if kids is None:
                return
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, int):
                    ordered.append("".join(pieces[(page_number, int(kid))]))
                elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
                    pg = page_numbers[kid.Pg.objgen] if "/Pg" in kid else page_number
                    ordered.append("".join(pieces[(pg, int(kid.MCID))]))
                elif isinstance(kid, pikepdf.Dictionary):
                    walk(kid, page_number)

        walk(document.Root.StructTreeRoot)
    return " ".join(" ".join(ordered).split())


@pytest.fixture
def issued_with_logo(organisation, youth, assessed_goals, caseworker):
    image = io.BytesIO()
    Image.new("RGB", (120, 40), "#0b4f6c").save(image, "PNG")
    organisation.logo.save("logo.png", ContentFile(image.getvalue()))
    draft = certificate_draft_save(youth=youth, goals=assessed_goals, by=caseworker)
    return certificate_issue(certificate=draft, issued_by=caseworker)


def test_certificate_is_pdf_a_3a_and_pdf_ua_1(issued):
    with pikepdf.open(io.BytesIO(stored_pdf(issued))) as document:
        meta = document.open_metadata()
        assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "A"
        assert meta["pdfuaid:part"] == "1"
        # PDF/A allows pdfuaid only when an extension schema declares it.
        xmp = document.Root.Metadata.read_bytes()
        assert b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp
        assert issued.number in meta["dc:title"]
        assert str(document.Root.Lang) == "da"
        assert bool(document.Root.MarkInfo.Marked)
        assert bool(document.Root.ViewerPreferences.DisplayDocTitle)
        assert "/StructTreeRoot" in document.Root


def test_every_figure_has_alternative_text(issued_with_logo):
    certificate = issued_with_logo
    with pikepdf.open(io.BytesIO(stored_pdf(certificate))) as document:
        figures = [e for e in structure_elements(document) if e.S == "/Figure"]
        alts = [str(figure.get("/Alt", "")) for figure in figures]
    assert len(figures) >= 2, "the logo and the QR code are figures"
    assert all(alt.strip() for alt in alts), alts
    assert any(certificate.organisation.name in alt for alt in alts), alts
    assert any(certificate.snapshot["verification_url"] in alt for alt in alts), alts


def test_reading_order_is_name_learning_levels_signatures(issued):
    text = text_in_reading_order(stored_pdf(issued))
    name = text.find(issued.youth.full_name)
    goal = text.find("Kan fylde varer på hylderne")
    levels = text.find("Mestring")
    signature = text.rfind(issued.snapshot["caseworker"])
    assert -1 < name < goal < levels < signature, text
