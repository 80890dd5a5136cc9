"""Tell an input's format by its content; the file name's suffix is only a hint, and a mismatch is reported."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

Format = Literal["pdf", "docx", "feed", "html", "jsonl", "text", "binary"]

#: What each suffix claims; suffixes not listed claim nothing (".php", ".asp", "": read by content, reported).
SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".md": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".pdf": "pdf",
    ".docx": "docx",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
#: Suffixes of pages saved from web servers: read when a folder holds them, their content decides the format.
PAGE_SUFFIXES = frozenset({".php", ".asp", ".aspx", ".jsp", ".shtml", ".cfm"})

_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b[^>]*>", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p|h1|title|meta)\b", re.IGNORECASE)


def sniff(data: bytes) -> Format:
    """The format of ``data`` from its first bytes: PDF and DOCX by signature, feeds and HTML by their markup."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else "binary"
    head = _text_head(data)
    stripped = head.lstrip()
    if stripped.startswith(b"<"):
        if _FEED.search(head[:4096]):
            return "feed"
        return "html"
    if _HTML.search(head[:2048]) and re.search(rb"</(?:p|div|body|html|title|h1)>", head, re.IGNORECASE):
        return "html"
    if stripped.startswith(b"{"):
        return "jsonl"
    if _looks_binary(head):
        return "binary"
    return "text"


def suffix_note(suffix: str, found: Format) -> str | None:
    """A sentence saying how the suffix and the content disagree, or None when they agree."""
    claimed = SUFFIX_FORMATS.get(suffix)
    if claimed == found or (claimed == "text" and found == "text"):
        return None
    name = {"pdf": "PDF", "docx": "DOCX", "feed": "an RSS/Atom feed", "html": "HTML", "jsonl": "JSON Lines"}.get(
        found, "plain text"
    )
    if claimed is None:
        shown = repr(suffix) if suffix else "no suffix"
        return f"{shown} does not name a format; read as {name} by its content"
    return f"the suffix {suffix!r} says {claimed}, the content is {name}; read as {name}"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def _text_head(data: bytes) -> bytes:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:
            return head
    return head.removeprefix(b"\xef\xbb\xbf")


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05
