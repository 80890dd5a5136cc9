"""Text out of PDF (its text layer, with pypdf) and DOCX (python-docx) files, with their titles.

A document that cannot be opened, is encrypted or has no text layer comes back as a reason,
never as an empty article.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """The text of a document and what its metadata says."""

    text: str
    title: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Unreadable:
    """Why a document gave no text: ``code`` is a Problem code, ``message`` says what to do."""

    code: str
    message: str


def pdf_text(data: bytes) -> Document | Unreadable:
    """The text layer of a PDF, page by page (pages separated by a blank line)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported through the reason below
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return Unreadable(code="ingest.document", message="the PDF is encrypted; save an unencrypted copy")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        return Unreadable(code="ingest.document", message=f"the PDF could not be read: {type(exc).__name__}: {exc}")
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        return Unreadable(
            code="ingest.empty", message=f"the PDF has {len(pages)} pages and no text layer (a scan needs OCR first)"
        )
    # The creation date is when the file was made, not when the report was published: it is not used.
    title = str(info.title).strip() if info is not None and info.title else None
    return Document(text=text, title=title or None)


def docx_text(data: bytes) -> Document | Unreadable:
    """The paragraphs of a Word document (one per paragraph, separated by a blank line) and its title."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        return Unreadable(code="ingest.document", message=f"the DOCX could not be read: {type(exc).__name__}: {exc}")
    paragraphs = [p.text.strip() for p in document.paragraphs]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        return Unreadable(code="ingest.empty", message="the DOCX holds no paragraphs of text")
    title = (document.core_properties.title or "").strip()
    return Document(text=text, title=title or None)
