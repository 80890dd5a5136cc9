"""Watch folders and feeds: every interval, read them again and analyse only the articles the store lacks.

Idempotent on restart: what is already stored is known from the store itself (article ids are content
hashes), so a restarted watcher analyses nothing twice, and a repeat the ids miss is flagged by the
duplicate index as in any run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.model import Article, Rejection
from eventwire.runner import Summary, ingest_settings, run_inputs
from eventwire.sources.fetch import clear_robots
from eventwire.sources.files import read_inputs
from eventwire.store.duckdb import Store

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$")


def interval_seconds(value: str) -> float:
    """'15m', '90s', '1h' or a number of seconds -> seconds; ConfigError on anything else."""
    match = _INTERVAL.match(value)
    if match is None or float(match.group(1)) <= 0:
        raise ConfigError(f"--every {value!r}: give a positive number with s, m or h (e.g. 15m, 90s, 1h)")
    return float(match.group(1)) * {"s": 1, "m": 60, "h": 3600}[match.group(2) or "s"]


def watch(
    sources: Iterable[str],
    settings: Settings,
    *,
    every: float,
    cycles: int | None = None,
    report: Callable[[int, Summary], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Summary]:
    """Read ``sources`` every ``every`` seconds (``cycles`` times, or until interrupted) and store new articles."""
    names = list(sources)
    summaries: list[Summary] = []
    cycle = 0
    while cycles is None or cycle < cycles:
        if cycle:
            sleep(every)
            clear_robots()  # a site's robots.txt may change between cycles: read it again
        cycle += 1
        with Store(settings.db) as store:
            known = {row[0] for row in store.connection.execute("SELECT id FROM articles").fetchall()}
        fresh = _new(read_inputs(names, ingest_settings(settings, refresh=True)), known)
        summary = run_inputs(fresh, settings)
        summaries.append(summary)
        if report is not None:
            report(cycle, summary)
    return summaries


def _new(items: Iterable[Article | Rejection], known: set[str]) -> Iterator[Article | Rejection]:
    for item in items:
        if isinstance(item, Article) and item.id in known:
            continue
        yield item
