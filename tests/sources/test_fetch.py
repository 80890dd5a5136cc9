"""Issue 16: URLs are fetched with trafilatura's fetcher; refusals and failures say why; pages are cached.

The server is a local http.server on 127.0.0.1: loopback is refused by default, so the tests that fetch
from it turn on ``allow_private`` (``--allow-private-urls``), as the issue asks.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner
from format_helpers import RSS

from eventwire.cli import main
from eventwire.model import Article, Rejection
from eventwire.sources.fetch import USER_AGENT, FetchFailure, FetchSettings, Page, clear_robots, fetch, is_url
from eventwire.sources.files import IngestSettings, read_inputs

PAGE = (
    "<html><head><title>Talks</title></head><body><article><p>Kosovo and Serbia agreed on Monday to resume "
    "talks on freedom of movement, negotiators said in Brussels after a long meeting.</p></article></body></html>"
)


class _Handler(http.server.SimpleHTTPRequestHandler):
    agents: list[str] = []  # noqa: RUF012 - shared by the test server's requests
    paths: list[str] = []  # noqa: RUF012 - shared by the test server's requests

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        self.paths.append(self.path)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page.html")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    root.mkdir()
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "feed.php").write_text(RSS, encoding="utf-8")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    clear_robots()  # robots.txt rules are kept per host and port, and ports are reused between tests
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        clear_robots()


def test_a_page_is_fetched_cached_by_url_and_names_eventwire(server: str, tmp_path: Path) -> None:
    settings = FetchSettings(cache=tmp_path / "cache", allow_private=True, seconds=5)
    _Handler.agents.clear()
    _Handler.paths.clear()
    first = fetch(f"{server}/page.html", settings)
    assert isinstance(first, Page) and not first.from_cache and b"Kosovo and Serbia" in first.data
    assert _Handler.paths == ["/robots.txt", "/page.html"]  # robots.txt is missing here (404): allowed
    assert _Handler.agents == [USER_AGENT, USER_AGENT]
    again = fetch(f"{server}/page.html", settings)
    assert isinstance(again, Page) and again.from_cache and again.data == first.data
    assert _Handler.paths == ["/robots.txt", "/page.html"]  # the rerun did not fetch


def test_loopback_is_refused_unless_allowed(server: str, tmp_path: Path) -> None:
    refused = fetch(f"{server}/page.html", FetchSettings(cache=None, seconds=5))
    assert isinstance(refused, FetchFailure) and refused.code == "ingest.fetch"
    assert "loopback or private address" in refused.message and "--allow-private-urls" in refused.message


def test_redirects_are_followed_when_allowed(server: str) -> None:
    page = fetch(f"{server}/moved", FetchSettings(cache=None, allow_private=True, seconds=5))
    assert isinstance(page, Page) and page.url.endswith("/page.html")


def test_issue_16_an_unreachable_url_says_it_could_not_be_fetched_and_why(tmp_path: Path) -> None:
    with socket_port() as port:
        pass  # the port is free again: nothing listens there
    failure = fetch(f"http://127.0.0.1:{port}/x", FetchSettings(cache=None, allow_private=True, seconds=5))
    assert isinstance(failure, FetchFailure)
    assert failure.message == f"http://127.0.0.1:{port}/x could not be fetched: the connection was refused"


def test_error_status_and_other_schemes() -> None:
    assert isinstance(fetch("ftp://example.org/a", FetchSettings()), FetchFailure)
    failure = fetch("file:///etc/passwd", FetchSettings())
    assert isinstance(failure, FetchFailure) and failure.code == "ingest.url"
    assert is_url("https://example.org") and not is_url("folder/file.txt")


def test_a_feed_url_gives_its_items_and_a_missing_page_a_rejection(server: str, tmp_path: Path) -> None:
    settings = IngestSettings(fetch=FetchSettings(cache=tmp_path / "cache", allow_private=True, seconds=5))
    items = list(read_inputs([f"{server}/feed.php", f"{server}/missing.html"], settings))
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Rejection"]
    article, headline_only, missing = items
    assert isinstance(article, Article) and article.url == "https://example.org/a/1" and article.format == "feed"
    assert isinstance(headline_only, Rejection) and headline_only.code == "ingest.no_text"
    assert isinstance(missing, Rejection) and missing.code == "ingest.fetch" and "HTTP status 404" in missing.message


def test_cli_run_reports_the_fetch_failure_and_exits_4(tmp_path: Path) -> None:
    with socket_port() as port:
        pass
    url = f"http://127.0.0.1:{port}/story"
    result = CliRunner(env={"EVENTWIRE_CACHE": str(tmp_path / "cache"), "EVENTWIRE_STAGES": "clean"}).invoke(
        main, ["run", url, "--db", str(tmp_path / "db.duckdb"), "--quiet"]
    )
    assert result.exit_code == 4
    assert f"{url}: rejected (ingest.fetch): {url} could not be fetched: the connection was refused" in result.stderr
    assert "all 1 inputs were rejected" in result.stderr


class socket_port:
    """A free TCP port on 127.0.0.1 (bound while inside, free after)."""

    def __enter__(self) -> int:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        return int(self.sock.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


ROBOTS = "User-agent: *\nDisallow: /private/\n\nUser-agent: eventwire\nDisallow: /wire/\n"


@pytest.fixture
def robots_server(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "robots-site"
    for folder in ("wire", "news"):
        (root / folder).mkdir(parents=True)
        (root / folder / "story.html").write_text(PAGE, encoding="utf-8")
    (root / "robots.txt").write_text(ROBOTS, encoding="utf-8")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    clear_robots()  # robots.txt rules are kept per host and port, and ports are reused between tests
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        clear_robots()


def test_issue_16_robots_txt_disallows_one_path_allows_another_and_is_read_once(robots_server: str) -> None:
    settings = FetchSettings(cache=None, allow_private=True, seconds=5)
    _Handler.paths.clear()
    refused = fetch(f"{robots_server}/wire/story.html", settings)
    assert isinstance(refused, FetchFailure) and refused.code == "ingest.robots"
    assert refused.message == (
        f"{robots_server}/wire/story.html not fetched: {robots_server}/robots.txt disallows it for eventwire"
        " (fetch anyway with --ignore-robots)"
    )
    allowed = fetch(f"{robots_server}/news/story.html", settings)
    assert isinstance(allowed, Page) and b"Kosovo and Serbia" in allowed.data
    assert _Handler.paths == ["/robots.txt", "/news/story.html"]  # robots.txt once per site; /wire/ never asked


def test_issue_16_ignore_robots_fetches_a_disallowed_url(robots_server: str) -> None:
    settings = FetchSettings(cache=None, allow_private=True, seconds=5, ignore_robots=True)
    page = fetch(f"{robots_server}/wire/story.html", settings)
    assert isinstance(page, Page) and b"Kosovo and Serbia" in page.data


def test_issue_16_a_robots_server_error_disallows_the_site() -> None:
    class Failing(_Handler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self.send_error(503)
                return
            super().do_GET()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Failing)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    clear_robots()
    try:
        failure = fetch(f"http://127.0.0.1:{httpd.server_address[1]}/a", FetchSettings(allow_private=True, seconds=5))
    finally:
        httpd.shutdown()
        httpd.server_close()
        clear_robots()
    assert isinstance(failure, FetchFailure) and failure.code == "ingest.robots"
    assert "HTTP status 503, which disallows the whole site" in failure.message


def test_issue_16_cli_run_rejects_a_disallowed_url_with_the_reason(robots_server: str, tmp_path: Path) -> None:
    url = f"{robots_server}/wire/story.html"
    env = {"EVENTWIRE_CACHE": str(tmp_path / "cache"), "EVENTWIRE_STAGES": "clean"}
    result = CliRunner(env=env).invoke(
        main, ["run", url, "--db", str(tmp_path / "db.duckdb"), "--quiet", "--allow-private-urls"]
    )
    assert result.exit_code == 4
    assert f"{url}: rejected (ingest.robots): {url} not fetched: {robots_server}/robots.txt disallows" in result.stderr
    again = CliRunner(env=env).invoke(
        main, ["run", url, "--db", str(tmp_path / "db.duckdb"), "--quiet", "--allow-private-urls", "--ignore-robots"]
    )
    assert again.exit_code == 0, again.stderr
