"""The web UI in a real headless Chromium (Debian's, driven by Playwright): content, evidence, no outside requests."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn
from serve_helpers import build_store

from eventwire import config
from eventwire.api import create_app
from eventwire.merge import merge_store
from eventwire.runner import run
from eventwire.store.duckdb import Store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SAMPLE = Path(__file__).parents[2] / "examples" / "news"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]  # fmt: skip
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (.ci/run installs it)"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(build_store(tmp_path_factory.mktemp("web")))


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled sample corpus analysed and merged as `make run` does it."""
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    settings = config.load({"db": db})
    run([str(SAMPLE)], settings)
    with Store(db) as store:
        merge_store(store, window_days=settings.merge_days)
    yield from _serve(db)


def _serve(db: Path) -> Iterator[str]:
    app = create_app(db, watch_every=None)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture()
def page(base_url: str) -> Iterator[tuple[object, list[str]]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        tab = browser.new_page()
        seen: list[str] = []
        tab.on("request", lambda request: seen.append(request.url))
        yield tab, seen
        browser.close()


def test_each_view_shows_real_content(base_url: str, page: tuple[object, list[str]], tmp_path: Path) -> None:
    tab, seen = page
    checks = {
        "/": "Ministers meet over harbour dispute",
        "/events": "Consult",
        "/timeline": "2024-04",
        "/map": "Belgrade",
        "/network": "GRC",
        "/quotes?speaker=Kyriakos%20Mitsotakis": "fishing rights",
    }
    for path, text in checks.items():
        tab.goto(base_url + path)  # type: ignore[attr-defined]
        tab.locator("#view td", has_text=text).first.wait_for()  # type: ignore[attr-defined]
        name = path.strip("/").split("?")[0] or "articles"
        tab.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
    tab.goto(base_url + "/map")  # type: ignore[attr-defined]
    tab.wait_for_selector("circle[data-place='Belgrade']", state="attached")  # type: ignore[attr-defined]
    assert tab.locator("#map-svg path.country").count() > 100  # type: ignore[attr-defined]
    assert tab.locator("#map-svg circle.dot").count() >= 4  # type: ignore[attr-defined]
    _only_loopback(seen)


def test_reader_shows_an_events_evidence(base_url: str, page: tuple[object, list[str]], tmp_path: Path) -> None:
    tab, seen = page
    tab.goto(base_url + "/articles/harbour-talks")  # type: ignore[attr-defined]
    tab.wait_for_selector("#article-text .actor")  # type: ignore[attr-defined]
    assert tab.locator("#article-text .quote").count() > 0  # type: ignore[attr-defined]
    assert tab.locator("#article-text .place").count() > 0  # type: ignore[attr-defined]
    tab.locator("#article-text .event", has_text="met").first.click()  # type: ignore[attr-defined]
    evidence = tab.locator("#event-evidence")  # type: ignore[attr-defined]
    assert evidence.locator(".ev-trigger").inner_text() == "met"
    assert "Consult" in evidence.locator(".ev-code").inner_text()
    assert "Mitsotakis" in evidence.locator(".ev-source").inner_text()
    assert "Erdogan" in evidence.locator(".ev-target").inner_text()
    assert "date_source" in evidence.locator(".ev-date").inner_text()
    assert "Athens" in evidence.locator(".ev-place").inner_text()
    assert "geo_precision: 1" in evidence.locator(".ev-place").inner_text()
    assert evidence.locator(".ev-rule").inner_text().startswith("verb:")
    tab.screenshot(path=str(tmp_path / "reader.png"), full_page=True)  # type: ignore[attr-defined]
    _only_loopback(seen)


def test_hostile_article_renders_as_text(base_url: str, page: tuple[object, list[str]], tmp_path: Path) -> None:
    tab, seen = page
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    for path in ("/articles/hostile", "/", "/quotes", "/events"):
        tab.goto(base_url + path)  # type: ignore[attr-defined]
        tab.wait_for_selector("#view table, #article-text")  # type: ignore[attr-defined]
        tab.mouse.move(10, 10)  # type: ignore[attr-defined]
        assert tab.evaluate("window.__pwned") is None, path  # type: ignore[attr-defined]
    tab.goto(base_url + "/articles/hostile")  # type: ignore[attr-defined]
    tab.wait_for_selector("#article-text")  # type: ignore[attr-defined]
    text = tab.locator("#article-text").inner_text()  # type: ignore[attr-defined]
    assert "<script>window.__pwned = 3</script>" in text and 'onerror="window.__pwned = 4"' in text
    assert tab.locator("#view img, #view script, #view b").count() == 0  # type: ignore[attr-defined]
    tab.locator("#article-text b, #article-text span").last.hover()  # type: ignore[attr-defined]
    assert tab.evaluate("window.__pwned") is None  # type: ignore[attr-defined]
    assert not dialogs
    tab.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)  # type: ignore[attr-defined]
    _only_loopback(seen)


def test_event_table_switches_to_merged_events(sample_url: str, page: tuple[object, list[str]], tmp_path: Path) -> None:
    tab, seen = page
    tab.goto(sample_url + "/events")  # type: ignore[attr-defined]
    count = tab.locator("#event-count")  # type: ignore[attr-defined]
    count.filter(has_text="event mentions").wait_for()
    mentions = int(count.inner_text().split()[0])
    assert tab.locator("#view th", has_text="NumMentions").count() == 0  # type: ignore[attr-defined]
    tab.locator("#switch-merged").check()  # type: ignore[attr-defined]
    count.filter(has_text="merged events").wait_for()
    merged = int(count.inner_text().split()[0])
    assert "merged=true" in tab.url  # type: ignore[attr-defined]
    heads = tab.locator("#view th").all_inner_texts()  # type: ignore[attr-defined]
    assert {"NumMentions", "NumSources", "NumArticles"} <= set(heads)
    column = heads.index("NumMentions") + 1
    shown = [int(n) for n in tab.locator(f"#view tbody td:nth-child({column})").all_inner_texts()]  # type: ignore[attr-defined]
    assert 0 < merged < mentions and len(shown) == min(merged, 500) and sum(shown) == mentions
    assert max(shown) >= 2  # reports of one event folded into one row
    tab.screenshot(path=str(tmp_path / "events-merged.png"), full_page=True)  # type: ignore[attr-defined]
    _only_loopback(seen)


def test_timeline_marks_the_sample_alert(sample_url: str, page: tuple[object, list[str]], tmp_path: Path) -> None:
    tab, seen = page
    tab.goto(sample_url + "/timeline")  # type: ignore[attr-defined]
    # The sample corpus raises one alert (README, Early warning): Mozambique, week of 2025-04-07.
    marker = tab.locator("#timeline-chart .alert-marker")  # type: ignore[attr-defined]
    marker.first.wait_for(state="attached")
    assert marker.count() == 1 and marker.get_attribute("data-alert") == "MZ 2025-04-07"
    assert "Mozambique" in marker.locator("title").text_content()
    row = tab.locator("#alerts tbody tr").first  # type: ignore[attr-defined]
    assert "2025-04-07" in row.inner_text() and "Mozambique" in row.inner_text()
    tab.screenshot(path=str(tmp_path / "timeline-alerts.png"), full_page=True)  # type: ignore[attr-defined]
    tab.goto(sample_url + "/timeline?country=LB")  # type: ignore[attr-defined]
    tab.locator("#view p", has_text="no alerts").wait_for()  # type: ignore[attr-defined]
    assert tab.locator("#timeline-chart .alert-marker").count() == 0  # type: ignore[attr-defined]
    _only_loopback(seen)


def _only_loopback(urls: list[str]) -> None:
    outside = [u for u in urls if urlparse(u).hostname not in ("127.0.0.1",) and not u.startswith("data:")]
    assert urls and not outside, outside
