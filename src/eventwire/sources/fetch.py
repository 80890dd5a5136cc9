"""Fetch URLs with trafilatura's fetcher: http(s) only, a time and size limit, a user agent naming eventwire,
no loopback or private addresses (on any redirect hop) unless allowed, and a cache by URL.

A URL that cannot be fetched comes back as a reason a person can act on, never as an exception.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from eventwire.ids import digest

USER_AGENT = "eventwire/0.1 (political event coding; reads news pages and feeds)"


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchSettings:
    """How URLs are fetched."""

    cache: Path | None = None  # None: no cache
    seconds: int = 30
    max_bytes: int = 20_000_000
    allow_private: bool = False
    refresh: bool = False  # fetch again even when the cache holds the URL (a watched feed)


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A fetched page: its bytes and the URL they came from after redirects."""

    url: str
    data: bytes
    from_cache: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchFailure:
    """Why a URL gave no page: ``code`` is a Problem code."""

    code: str
    message: str


def is_url(name: str) -> bool:
    """True when ``name`` is written as a URL (any scheme), not a path."""
    head, sep, _ = name.partition("://")
    return bool(sep) and head.isascii() and head.replace("+", "").replace("-", "").replace(".", "").isalnum()


def default_cache() -> Path:
    """Where fetched pages are kept: ``$EVENTWIRE_CACHE`` or the user's cache folder."""
    given = os.environ.get("EVENTWIRE_CACHE")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire" / "pages"


def fetch(url: str, settings: FetchSettings) -> Page | FetchFailure:
    """The page at ``url``, from the cache when it holds it, else fetched."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        return FetchFailure(code="ingest.url", message=f"only http and https URLs are fetched, not {scheme}:")
    if not urlsplit(url).hostname:
        return FetchFailure(code="ingest.url", message="the URL names no host")
    cached = None if settings.refresh else _cached(url, settings.cache)
    if cached is not None:
        return cached
    result = _download(url, settings)
    if isinstance(result, Page) and settings.cache is not None:
        _store(result, url, settings.cache)
    return result


def _download(url: str, settings: FetchSettings) -> Page | FetchFailure:
    from trafilatura.downloads import fetch_response
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(settings.seconds))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(settings.max_bytes))
    config.set("DEFAULT", "USER_AGENTS", USER_AGENT)
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if settings.allow_private else "on")
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")
    config.set("DEFAULT", "MAX_REDIRECTS", "3")
    errors = _Errors()
    logger = logging.getLogger("trafilatura.downloads")
    logger.addHandler(errors)
    try:
        response = fetch_response(url, decode=False, config=config)
    finally:
        logger.removeHandler(errors)
    if response is None or response.data is None:
        why = errors.reason() or "no response (offline, the host is unknown, or the connection was refused)"
        why = _plain(why, settings.seconds)
        return FetchFailure(code="ingest.fetch", message=f"{url} could not be fetched: {why}")
    if response.status != 200:
        return FetchFailure(code="ingest.fetch", message=f"{url} could not be fetched: HTTP status {response.status}")
    data = bytes(response.data)
    if len(data) >= settings.max_bytes:
        return FetchFailure(
            code="ingest.too_large", message=f"{url} is larger than {settings.max_bytes} bytes; not read"
        )
    return Page(url=str(response.url or url), data=data)


class _Errors(logging.Handler):
    """Collects what trafilatura's fetcher logged, so the reason reaches the user instead of a log line."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def reason(self) -> str | None:
        if not self.messages:
            return None
        message = self.messages[-1]
        for marker in ("Caused by ", "NewConnectionError(", "ConnectTimeoutError(", "ReadTimeoutError("):
            if marker in message:
                message = message.split(marker, 1)[1]
        return message.strip(" ()'\"")[:300]


def _plain(why: str, seconds: int) -> str:
    """The fetcher's error in words a user can act on."""
    if "SSRF" in why or "non-public address" in why:
        return "it leads to a loopback or private address, which is refused (allow it with --allow-private-urls)"
    if "resolve" in why or "Name or service" in why:
        return "the host name could not be resolved (offline, or no such host)"
    if "refused" in why:
        return "the connection was refused"
    if "timed out" in why.lower() or "timeout" in why.lower():
        return f"no answer within {seconds} s"
    return why


def _paths(url: str, cache: Path) -> tuple[Path, Path]:
    key = digest("page", url, size=24)
    return cache / f"{key}.bin", cache / f"{key}.json"


def _cached(url: str, cache: Path | None) -> Page | None:
    if cache is None:
        return None
    body, meta = _paths(url, cache)
    try:
        info = json.loads(meta.read_text(encoding="utf-8"))
        return Page(url=str(info["url"]), data=body.read_bytes(), from_cache=True)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:  # a damaged entry costs one refetch, and says so
        logging.getLogger("eventwire").warning("page cache entry for %s unreadable (%s); fetching again", url, exc)
        return None


def _store(page: Page, url: str, cache: Path) -> None:
    body, meta = _paths(url, cache)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        body.write_bytes(page.data)
        meta.write_text(json.dumps({"url": page.url, "requested": url}), encoding="utf-8")
    except OSError as exc:  # an unwritable cache costs a refetch next time, and says so
        logging.getLogger("eventwire").warning(
            "could not cache %s in %s (%s); it will be fetched again", url, cache, exc
        )
