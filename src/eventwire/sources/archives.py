"""E-mail messages (.eml, the standard library's ``email``) and web archives (.warc, warcio) as articles.

A message is one article: its subject the title, its Date header the publication date, its text/plain part
(else its text/html part) the text. A WARC file holds many records; each response record with an HTML or
plain-text page is an article with its target URI and capture date, and each other response record is
accounted for with its content type.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """The parts of an e-mail message an article is made of."""

    text: str
    is_html: bool
    title: str | None
    published: str | None  # ISO date when the Date header is readable, else the header as written
    sender: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Capture:
    """One archived page of a WARC file (``number``: its record's position, from 1)."""

    number: int
    url: str | None
    captured: dt.date | None
    content_type: str
    data: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    """A record of a WARC file that holds no page to read, or a file that cannot be read (``number`` None)."""

    number: int | None
    code: str
    message: str


def read_message(data: bytes) -> Message | Skipped:
    """The subject, date, sender and body of an RFC 5322 message; its text/plain body before its text/html one."""
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(parsed, EmailMessage):  # pragma: no cover - the default policy always makes one
        return Skipped(number=None, code="ingest.email", message="not an e-mail message")
    body = parsed.get_body(preferencelist=("plain", "html"))
    if body is None:
        return Skipped(number=None, code="ingest.email", message="the message has no text/plain or text/html body")
    try:
        text = body.get_content()
    except (LookupError, ValueError, KeyError) as exc:  # an unknown charset or a broken part
        return Skipped(number=None, code="ingest.email", message=f"the message body cannot be read: {exc}")
    if not isinstance(text, str) or not text.strip():
        return Skipped(number=None, code="ingest.email", message="the message body holds no text")
    return Message(
        text=text,
        is_html=body.get_content_subtype() == "html",
        title=_header(parsed, "Subject"),
        published=_message_date(_header(parsed, "Date")),
        sender=_sender(_header(parsed, "From")),
    )


def _header(message: EmailMessage, name: str) -> str | None:
    value = message.get(name)
    return " ".join(str(value).split()) or None if value is not None else None


def _message_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return value  # read again at ingest, which rejects it with its reason (ingest.bad_date)


def _sender(value: str | None) -> str | None:
    if value is None:
        return None
    name, address = email.utils.parseaddr(value)
    return name or address or None


_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(data: bytes) -> Iterator[Capture | Skipped]:
    """Every response or resource record of a WARC file (plain or gzipped): a Capture when it holds a page."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue  # warcinfo, request and metadata records describe the crawl, they hold no page
            url = record.rec_headers.get_header("WARC-Target-URI")
            content_type = _content_type(record)
            if content_type not in _PAGE_TYPES:
                shown = content_type or "no content type"
                yield Skipped(number=number, code="ingest.unsupported", message=f"{url}: {shown} is not a page")
                continue
            status = record.http_headers.get_statuscode() if record.http_headers is not None else "200"
            if status != "200":
                yield Skipped(number=number, code="ingest.fetch", message=f"{url}: archived HTTP status {status}")
                continue
            yield Capture(
                number=number,
                url=str(url) if url else None,
                captured=_warc_date(record.rec_headers.get_header("WARC-Date")),
                content_type=content_type,
                data=bytes(record.content_stream().read()),
            )
    # warcio raises what its parser met on a damaged file (a missing header is an AttributeError there)
    except (ArchiveLoadFailed, ValueError, AttributeError, EOFError, OSError, zlib.error) as exc:
        why = str(exc) or type(exc).__name__
        yield Skipped(number=None, code="ingest.warc", message=f"not a readable WARC file: {why}"[:300])


def _content_type(record: object) -> str:
    headers = getattr(record, "http_headers", None)
    value = headers.get_header("Content-Type") if headers is not None else None
    if not value:
        value = getattr(record, "rec_headers").get_header("Content-Type")  # noqa: B009 - a warcio record
    return str(value or "").split(";", 1)[0].strip().lower()


def _warc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC).date()
    except ValueError:
        return None
