"""Tell an input's format by its content; the file name's suffix is only a hint, and a mismatch is reported."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

Format = Literal["pdf", "docx", "feed", "html", "jsonl", "eml", "warc", "text", "binary"]

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
    ".eml": "eml",
    ".warc": "warc",
}
#: Suffixes of pages saved from web servers: read when a folder holds them, their content decides the format.
PAGE_SUFFIXES = frozenset({".php", ".asp", ".aspx", ".jsp", ".shtml", ".cfm"})

_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b[^>]*>", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p|h1|title|meta)\b", re.IGNORECASE)


#: Header fields of an e-mail message; a head of "Name: value" lines with two of these is a message.
_MAIL_FIELDS = frozenset({"from", "to", "subject", "date", "message-id", "mime-version", "received", "return-path"})
_HEADER_LINE = re.compile(rb"([A-Za-z][A-Za-z0-9-]*):[ \t]")


def sniff(data: bytes) -> Format:
    """The format of ``data`` from its first bytes: PDF, DOCX and WARC by signature, feeds and HTML by their
    markup, e-mail by its header fields."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else "binary"
    if data.startswith((b"WARC/1.", b"WARC/0.")) or (data.startswith(b"\x1f\x8b") and _gzipped_warc(data)):
        return "warc"
    head = _text_head(data)
    if _is_message(head):
        return "eml"
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
    name = _NAMES.get(found, "plain text")
    if claimed is None:
        shown = repr(suffix) if suffix else "no suffix"
        return f"{shown} does not name a format; read as {name} by its content"
    return f"the suffix {suffix!r} says {claimed}, the content is {name}; read as {name}"


_NAMES: dict[str, str] = {
    "pdf": "PDF",
    "docx": "DOCX",
    "feed": "an RSS/Atom feed",
    "html": "HTML",
    "jsonl": "JSON Lines",
    "eml": "an e-mail message",
    "warc": "WARC",
}


def _is_message(head: bytes) -> bool:
    """A block of header lines up to the first blank line, with at least two fields an e-mail carries."""
    parts = re.split(rb"\r?\n\r?\n", head, maxsplit=1)
    if len(parts) < 2:
        return False
    block = parts[0]
    names: set[str] = set()
    for line in block.splitlines():
        if line[:1] in (b" ", b"\t"):
            continue  # a folded continuation of the field above
        match = _HEADER_LINE.match(line)
        if match is None:
            return False
        names.add(match.group(1).decode("ascii").lower())
    return len(names & _MAIL_FIELDS) >= 2


def _gzipped_warc(data: bytes) -> bool:
    import zlib

    try:
        head = zlib.decompressobj(wbits=31).decompress(data[:4096], 16)
    except zlib.error:
        return False
    return head.startswith((b"WARC/1.", b"WARC/0."))


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
