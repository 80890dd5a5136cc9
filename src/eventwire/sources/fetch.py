"""Fetch URLs with trafilatura's fetcher: http(s) only, a time and size limit, a user agent naming eventwire,
no loopback or private addresses (on any redirect hop) unless allowed, the site's robots.txt respected, and
a cache by URL.

A URL that cannot be fetched comes back as a reason a person can act on, never as an exception.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

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
    ignore_robots: bool = False  # fetch even what the site's robots.txt disallows


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
    status: int | None = None  # the HTTP status when the server answered with an error


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
    if not settings.ignore_robots:
        refused = robots_refusal(url, settings)
        if refused is not None:
            return refused
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
        retried = _RETRIED_STATUS.search(" ".join(errors.messages))
        if retried is not None:  # urllib3 retried an error status and gave up: say which
            status = int(retried.group(1))
            return FetchFailure(
                code="ingest.fetch", message=f"{url} could not be fetched: HTTP status {status}", status=status
            )
        why = errors.reason() or "no response (offline, the host is unknown, or the connection was refused)"
        why = _plain(why, settings.seconds)
        return FetchFailure(code="ingest.fetch", message=f"{url} could not be fetched: {why}")
    if response.status != 200:
        return FetchFailure(
            code="ingest.fetch",
            message=f"{url} could not be fetched: HTTP status {response.status}",
            status=int(response.status),
        )
    data = bytes(response.data)
    if len(data) >= settings.max_bytes:
        return FetchFailure(
            code="ingest.too_large", message=f"{url} is larger than {settings.max_bytes} bytes; not read"
        )
    return Page(url=str(response.url or url), data=data)


#: robots.txt rules by site (scheme, host and port), read once per process; None: no rules to follow.
_ROBOTS: dict[str, RobotFileParser | FetchFailure | None] = {}
_ROBOTS_LOCK = threading.Lock()


def robots_refusal(url: str, settings: FetchSettings) -> FetchFailure | None:
    """Why the site's robots.txt forbids eventwire to fetch ``url``, or None when it may.

    robots.txt is fetched like any page (same fetcher, time and size limits, user agent, address checks) and
    kept per site. As RFC 9309 says: a missing robots.txt (4xx) allows everything, a server error (5xx)
    disallows everything; when it cannot be reached at all the page fetch itself reports why.
    """
    parts = urlsplit(url)
    site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
    with _ROBOTS_LOCK:
        known = site in _ROBOTS
        rules = _ROBOTS.get(site)
    if not known:
        rules = _read_robots(site, settings)
        with _ROBOTS_LOCK:
            _ROBOTS[site] = rules
    if rules is None:
        return None
    if isinstance(rules, FetchFailure):
        return FetchFailure(code="ingest.robots", message=f"{url} not fetched: {rules.message}")
    if rules.can_fetch(USER_AGENT, url):
        return None
    return FetchFailure(
        code="ingest.robots",
        message=f"{url} not fetched: {site}/robots.txt disallows it for eventwire (fetch anyway with --ignore-robots)",
    )


def _read_robots(site: str, settings: FetchSettings) -> RobotFileParser | FetchFailure | None:
    result = _download(f"{site}/robots.txt", settings)
    if isinstance(result, FetchFailure):
        if result.status is not None and result.status >= 500:
            why = f"{site}/robots.txt answered HTTP status {result.status}, which disallows the whole site"
            return FetchFailure(code="ingest.robots", message=f"{why} (fetch anyway with --ignore-robots)")
        return None  # missing (4xx: everything allowed) or unreachable (the page fetch will say why)
    rules = RobotFileParser(f"{site}/robots.txt")
    rules.parse(result.data.decode("utf-8", errors="replace").splitlines())
    return rules


def clear_robots() -> None:
    """Forget the robots.txt rules read so far (a long-running watch reads them again)."""
    with _ROBOTS_LOCK:
        _ROBOTS.clear()


_RETRIED_STATUS = re.compile(r"too many (\d{3}) error responses")


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
