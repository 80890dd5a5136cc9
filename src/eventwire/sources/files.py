"""Read inputs into Articles: files, directories, URLs, JSON Lines, HTML, PDF, DOCX, feeds and standard input.

The format is told by the content (``sniff``); the suffix is a hint and a mismatch is reported.
Every input ends as an Article or a Rejection with a Problem code, so a run can account for all of them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import PROBLEMS, InputError
from eventwire.ids import article_id, digest
from eventwire.model import Article, Problem, Rejection
from eventwire.sources.archives import Skipped, read_message, read_warc
from eventwire.sources.documents import Unreadable, docx_text, pdf_text
from eventwire.sources.feeds import FeedError, read_feed
from eventwire.sources.fetch import FetchFailure, FetchSettings, fetch, is_url
from eventwire.sources.language import identify
from eventwire.sources.published import MONTHS, read_date
from eventwire.sources.sniff import PAGE_SUFFIXES, SUFFIX_FORMATS, sniff, suffix_note

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
#: Suffixes a folder's files are read for; a file named on the command line is read whatever its suffix.
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | set(SUFFIX_FORMATS) | PAGE_SUFFIXES


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestSettings:
    """How inputs are read."""

    published: dt.date | None = None
    max_bytes: int = 50_000_000
    html_fallback: bool = True
    fetch: FetchSettings = field(default_factory=FetchSettings)


def read_inputs(paths: Iterable[str], settings: IngestSettings) -> Iterator[Article | Rejection]:
    """Yield an Article or a Rejection for every input named, in order; '-' is standard input."""
    for name in paths:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", settings)
            continue
        path = Path(name)
        if is_url(name) and not path.exists():
            yield from read_url(name, settings)
            continue
        if not path.exists():
            raise InputError(
                f"{name}: no such file or directory (URLs are read when they start with http:// or https://)"
            )
        if path.is_dir():
            hidden: set[Path] = set()
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                parts = child.relative_to(path).parts
                first_hidden = next((i for i, part in enumerate(parts) if part.startswith(".")), None)
                if first_hidden is not None:  # hidden files and folders (.git, .DS_Store) are counted, not read
                    top = path.joinpath(*parts[: first_hidden + 1])
                    if top not in hidden:
                        hidden.add(top)
                        yield _reject(str(top), None, "ingest.hidden", "a hidden file or folder is not read as input")
                    continue
                if child.suffix.lower() in SUFFIXES:
                    yield from read_file(child, settings)
                else:
                    yield _reject(
                        str(child),
                        None,
                        "ingest.unsupported",
                        f"suffix {child.suffix!r} is not read; readable: {', '.join(sorted(s for s in SUFFIXES if s))}",
                    )
        else:
            yield from read_file(path, settings)


def read_url(url: str, settings: IngestSettings) -> Iterator[Article | Rejection]:
    """Fetch a page or a feed (through the cache) and read it by its content; a failure is a Rejection saying why."""
    page = fetch(url, settings.fetch)
    if isinstance(page, FetchFailure):
        yield _reject(url, None, page.code, page.message)
        return
    yield from read_bytes(page.data, origin=url, suffix=None, settings=settings, url=page.url)


def read_file(path: Path, settings: IngestSettings) -> Iterator[Article | Rejection]:
    """Read one file by its content: JSON Lines (streamed, the size limit applies per line), HTML, PDF, DOCX,
    an RSS/Atom feed or plain text; the suffix is a hint and a mismatch is reported (``ingest.format``)."""
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES and _streamable(path):
            with path.open("rb") as stream:
                yield from _stream_jsonl(stream, origin, settings)
            return
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield _reject(origin, None, "ingest.too_large", f"{size} bytes, limit {settings.max_bytes}{_RAISE_HINT}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield _reject(origin, None, "ingest.unreadable", str(exc))
        return
    yield from read_bytes(data, origin=origin, suffix=suffix, settings=settings)


def _streamable(path: Path) -> bool:
    with path.open("rb") as stream:
        head = stream.read(8192)
    return not head.strip() or head.startswith((b"\xff\xfe", b"\xfe\xff")) or sniff(head) in ("jsonl", "binary")


_RAISE_HINT = " (raise the limit with --max-chars or EVENTWIRE_MAX_CHARS; files may hold up to 4 bytes a character)"


def _stream_jsonl(stream: BinaryIO, origin: str, settings: IngestSettings) -> Iterator[Article | Rejection]:
    """JSON Lines read line by line, so a large file never sits in memory and one huge line rejects only itself."""
    head = stream.read(8192)
    stream.seek(0)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 cannot be split on newline bytes: read it whole
        yield from _read_stream(stream, origin, settings, suffix=".jsonl")
        return
    if _looks_binary(head.removeprefix(b"\xef\xbb\xbf")):
        yield _reject(origin, None, "ingest.binary", "NUL or control bytes; not a JSON Lines file")
        return
    number = 0
    rows = 0
    while True:
        raw = stream.readline(settings.max_bytes + 1)
        if not raw:
            if not rows:
                yield _reject(origin, None, "ingest.empty", _NO_ROWS)
            return
        number += 1
        if len(raw) > settings.max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line without holding it
                raw = stream.readline(1 << 20)
            message = f"line longer than {settings.max_bytes} bytes{_RAISE_HINT}"
            rows += 1
            yield _reject(origin, number, "ingest.too_large", message)
            continue
        decoded = decode(raw)
        item = (
            _reject(origin, number, decoded.code, decoded.message)
            if isinstance(decoded, Rejection)
            else _jsonl_row(decoded[0], number, origin, settings, decoded[1])
        )
        if item is not None:
            rows += 1
            yield item


_NO_ROWS = "no JSON Lines rows (empty or blank lines only)"


def _read_stream(
    stream: BinaryIO, origin: str, settings: IngestSettings, *, suffix: str | None = None
) -> Iterator[Article | Rejection]:
    data = stream.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield _reject(origin, None, "ingest.too_large", f"more than {settings.max_bytes} bytes{_RAISE_HINT}")
        return
    yield from read_bytes(data, origin=origin, suffix=suffix, settings=settings)


def read_bytes(
    data: bytes, *, origin: str, suffix: str | None, settings: IngestSettings, url: str | None = None
) -> Iterator[Article | Rejection]:
    """Turn raw bytes into articles by the format their content shows; ``suffix`` (None: no name) is checked."""
    found = sniff(data)
    note = suffix_note(suffix, found) if suffix is not None else None
    problems: tuple[Problem, ...] = ()
    if note is not None:
        problems = (Problem(code="ingest.format", stage="ingest", message=note),)
    meta: dict[str, object] = {"url": url} if url else {}
    if found in ("pdf", "docx"):
        document = pdf_text(data) if found == "pdf" else docx_text(data)
        if isinstance(document, Unreadable):
            yield _reject(origin, None, document.code, document.message)
            return
        meta["title"] = document.title
        yield _make_article(
            document.text, origin=origin, line=None, meta=meta, settings=settings, problems=problems, kind=found
        )
        return
    if found == "feed":
        yield from _read_feed(data, origin, settings, problems)
        return
    if found == "warc":
        yield from _read_warc(data, origin, settings, problems)
        return
    if found == "eml":
        yield _read_message(data, origin, settings, problems)
        return
    decoded = decode(data)
    if isinstance(decoded, Rejection):
        yield _reject(origin, None, decoded.code, decoded.message)
        return
    text, more = decoded
    problems += more
    if found == "jsonl":
        yield from _read_jsonl(text, origin, settings, problems)
    elif found == "html":
        yield _read_html(text, origin, settings, problems, url=url)
    else:
        yield _make_article(text, origin=origin, line=None, meta=meta, settings=settings, problems=problems)


def _read_feed(
    data: bytes, origin: str, settings: IngestSettings, problems: tuple[Problem, ...]
) -> Iterator[Article | Rejection]:
    for item in read_feed(data):
        if isinstance(item, FeedError):
            yield _reject(origin, item.number, item.code, item.message)
            continue
        meta: dict[str, object] = {
            "title": item.title,
            "url": item.url,
            "source": item.source,
            "published": item.published,
        }
        yield _make_article(
            item.text, origin=origin, line=item.number, meta=meta, settings=settings, problems=problems, kind="feed"
        )


def _read_message(
    data: bytes, origin: str, settings: IngestSettings, problems: tuple[Problem, ...]
) -> Article | Rejection:
    message = read_message(data)
    if isinstance(message, Skipped):
        return _reject(origin, None, message.code, message.message)
    meta: dict[str, object] = {"title": message.title, "published": message.published, "source": message.sender}
    if message.is_html:
        return _read_html(message.text, origin, settings, problems, given=meta, kind="eml")
    return _make_article(
        message.text, origin=origin, line=None, meta=meta, settings=settings, problems=problems, kind="eml"
    )


def _read_warc(
    data: bytes, origin: str, settings: IngestSettings, problems: tuple[Problem, ...]
) -> Iterator[Article | Rejection]:
    pages = 0
    for item in read_warc(data):
        if isinstance(item, Skipped):
            yield _reject(origin, item.number, item.code, item.message)
            continue
        pages += 1
        decoded = decode(item.data)
        if isinstance(decoded, Rejection):
            yield _reject(origin, item.number, decoded.code, f"{item.url}: {decoded.message}")
            continue
        text, more = decoded
        given: dict[str, object] = {"url": item.url, "captured": item.captured}
        if item.content_type == "text/plain":
            yield _make_article(
                text,
                origin=origin,
                line=item.number,
                meta=given,
                settings=settings,
                problems=problems + more,
                kind="warc",
            )
        else:
            yield _read_html(
                text, origin, settings, problems + more, url=item.url, given=given, line=item.number, kind="warc"
            )
    if not pages:
        yield _reject(origin, None, "ingest.empty", "the WARC file holds no response record with an HTML or text page")


def decode(data: bytes) -> tuple[str, tuple[Problem, ...]] | Rejection:
    """Bytes to text: BOMs honoured, binary refused, invalid UTF-8 repaired with a Problem."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError as exc:
            return _reject("", None, "ingest.encoding", f"broken UTF-16: {exc}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _looks_binary(data):
        return _reject("", None, "ingest.binary", "NUL or control bytes; not a text file")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        problem = Problem(
            code="ingest.encoding",
            stage="ingest",
            message=f"invalid UTF-8 at byte {exc.start}; undecodable bytes replaced with U+FFFD",
        )
        return data.decode("utf-8", errors="replace"), (problem,)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def _read_jsonl(
    text: str, origin: str, settings: IngestSettings, problems: tuple[Problem, ...]
) -> Iterator[Article | Rejection]:
    # Split on LF only: JSON strings may hold raw U+2028, U+0085 and friends, which str.splitlines would cut at.
    rows = 0
    for number, line in enumerate(text.split("\n"), start=1):
        item = _jsonl_row(line, number, origin, settings, problems)
        if item is not None:
            rows += 1
            yield item
    if not rows:
        yield _reject(origin, None, "ingest.empty", _NO_ROWS)


def _jsonl_row(
    line: str, number: int, origin: str, settings: IngestSettings, problems: tuple[Problem, ...]
) -> Article | Rejection | None:
    """One JSON Lines row as an Article or a Rejection naming the line; None for a blank line."""
    line = line.rstrip("\r\n")
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return _reject(origin, number, "ingest.json", f"not valid JSON: {exc.msg} at column {exc.colno}")
    except (ValueError, RecursionError) as exc:  # too deeply nested, or an integer with too many digits
        return _reject(origin, number, "ingest.json", f"unreadable JSON: {type(exc).__name__}: {exc}"[:300])
    if not isinstance(row, dict):
        return _reject(origin, number, "ingest.json", f"a JSON {type(row).__name__}, not an object")
    body = row.get("text")
    if not isinstance(body, str):
        return _reject(origin, number, "ingest.no_text", "missing or non-string 'text' field")
    return _make_article(body, origin=origin, line=number, meta=row, settings=settings, problems=problems)


def _read_html(
    text: str,
    origin: str,
    settings: IngestSettings,
    problems: tuple[Problem, ...],
    *,
    url: str | None = None,
    given: dict[str, object] | None = None,
    line: int | None = None,
    kind: str = "html",
) -> Article | Rejection:
    """The main text of a page; ``given`` holds what the container says (a message's subject, a capture date)
    and wins over the page's own metadata where it has a value."""
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True) or ""
    meta_obj = trafilatura.extract_metadata(text)
    meta: dict[str, object] = {}
    if meta_obj is not None:
        meta = {"title": meta_obj.title, "url": meta_obj.url, "source": meta_obj.sitename, "html_date": meta_obj.date}
    meta.update({key: value for key, value in (given or {}).items() if value not in (None, "")})
    if url and not meta.get("url"):
        meta["url"] = url
    if not body.strip():
        return _reject(origin, line, "ingest.html_empty", "trafilatura found no main text")
    return _make_article(body, origin=origin, line=line, meta=meta, settings=settings, problems=problems, kind=kind)


def _make_article(
    text: str,
    *,
    origin: str,
    line: int | None,
    meta: dict[str, object],
    settings: IngestSettings,
    problems: tuple[Problem, ...],
    kind: str | None = None,
) -> Article | Rejection:
    from eventwire.stages.clean import heading  # a pure function over the text; ingest records what it finds

    if not text.strip():
        return _reject(origin, line, "ingest.empty", "no text (empty or whitespace only)")
    url = _str_or_none(meta.get("url"))
    published, published_from, date_problem = _publication_date(text, meta, settings)
    if date_problem is not None:
        problems = problems + (date_problem,)
    given = meta.get("id")
    ident = str(given) if given not in (None, "") else article_id(text, url=url)
    language = identify(text)
    head = heading(text)
    return Article(
        id=ident,
        text=text,
        published=published,
        published_from=published_from,
        source=_str_or_none(meta.get("source")),
        title=_str_or_none(meta.get("title")),
        url=url,
        origin=origin,
        line=line,
        problems=problems,
        language=language.code if language is not None else None,
        format=kind or ("jsonl" if line is not None else "text"),
        title_span=head.title,
        dateline=head.dateline,
        byline=head.byline,
    )


def _publication_date(
    text: str, meta: dict[str, object], settings: IngestSettings
) -> tuple[dt.date | None, str | None, Problem | None]:
    raw = meta.get("published")
    if raw not in (None, ""):
        parsed = read_date(str(raw))
        if isinstance(parsed, dt.date):
            return parsed, "input", None
        if settings.published is not None:
            message = f"published: {parsed}; used --published {settings.published.isoformat()} instead"
            return settings.published, "option", Problem(code="ingest.bad_date", stage="ingest", message=message)
        message = f"published: {parsed}; left empty (give --published YYYY-MM-DD to set one)"
        return None, None, Problem(code="ingest.bad_date", stage="ingest", message=message)
    html_date = meta.get("html_date")
    if html_date:
        from_html = parse_date(str(html_date))
        if from_html is not None:
            return from_html, "html", None
    captured = meta.get("captured")
    if isinstance(captured, dt.date):
        return captured, "warc", None
    if settings.published is not None:
        return settings.published, "option", None
    dateline = dateline_date(text)
    if dateline is not None:
        return dateline, "dateline", None
    return None, None, None


_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_DATELINE = re.compile(
    r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})\b"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8})\.?\s+(?P<year2>(?:19|20)\d{2})\b"
    r"|\b(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b"
)


def parse_date(value: str) -> dt.date | None:
    """Read YYYY-MM-DD (a time part may follow); None when it is not a real date."""
    match = _ISO.match(value)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def dateline_date(text: str) -> dt.date | None:
    """A full date (day, month and year) in the first line or 300 characters, as datelines carry."""
    head = text[:300].split("\n\n", 1)[0]
    match = _DATELINE.search(head)
    if not match:
        return None
    if match.group("iso"):
        return parse_date(match.group("iso"))
    month_name = (match.group("month") or match.group("month2") or "").lower().rstrip(".")
    month = MONTHS.get(month_name)
    day = int(match.group("day") or match.group("day2"))
    year = int(match.group("year") or match.group("year2"))
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _reject(origin: str, line: int | None, code: str, message: str) -> Rejection:
    if code not in PROBLEMS:
        raise KeyError(f"unknown problem code {code!r}")
    return Rejection(
        id="r" + digest("rejection", origin, line, code, size=10), origin=origin, line=line, code=code, message=message
    )
