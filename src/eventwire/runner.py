"""Run the pipeline over inputs: ingest, analyse, flag duplicate articles, store, and count everything.

``extract`` yields public records (no store); ``run`` writes to the store and returns a Summary
that accounts for every input: processed, rejected (by reason) or repeated.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from eventwire.config import Settings
from eventwire.ids import digest
from eventwire.model import Analysis, Article, Rejection
from eventwire.pipeline import Pipeline
from eventwire.record import Record, to_record
from eventwire.sources.fetch import FetchSettings, default_cache
from eventwire.sources.files import IngestSettings, read_inputs
from eventwire.stages.dedupe import ArticleIndex
from eventwire.store.duckdb import Store
from eventwire.store.index import StoredArticleIndex

#: Told of each outcome: an Analysis or Rejection, or (sharded runs) the number of articles a chunk added.
Progress = Callable[[Analysis | Rejection | int], None]
Pipe = Callable[[Iterable[Article]], Iterator[Analysis]]
#: Sends one chunk off to be analysed into the shard folder given; returns something with ``result()``.
Submit = Callable[[list[Article], Path], Any]


class Index(Protocol):
    """Flags an article that repeats an earlier one."""

    def check(self, analysis: Analysis) -> Analysis:
        """The analysis, flagged if it is a repeat."""
        ...


@dataclass(slots=True)
class Summary:
    """What a run did with every input."""

    inputs: int = 0
    processed: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    duplicate_articles: int = 0
    duplicate_paragraphs: int = 0
    entities: int = 0
    quotes: int = 0
    times: int = 0
    places: int = 0
    events: int = 0
    problems: Counter[str] = field(default_factory=Counter)

    def count(self, item: Analysis | Rejection) -> None:
        """Add one input's outcome."""
        self.inputs += 1
        if isinstance(item, Rejection):
            self.rejected[item.code] += 1
            return
        self.processed += 1
        self.duplicate_articles += any(d.scope == "article" for d in item.duplicates)
        self.duplicate_paragraphs += sum(1 for d in item.duplicates if d.scope == "paragraph")
        self.entities += len(item.entities)
        self.quotes += len(item.quotes)
        self.times += len(item.times)
        self.places += len(item.places)
        self.events += len(item.events)
        self.problems.update(p.code for p in item.problems)

    def add(self, part: dict[str, Any]) -> None:
        """Add a part of a run counted elsewhere (a shard's ``as_dict``)."""
        for name in ("inputs", "processed", "duplicate_articles", "duplicate_paragraphs", "entities", "quotes"):
            setattr(self, name, getattr(self, name) + int(part.get(name, 0)))
        for name in ("times", "places", "events"):
            setattr(self, name, getattr(self, name) + int(part.get(name, 0)))
        self.rejected.update(part.get("rejected", {}))
        self.problems.update(part.get("problems", {}))

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return {
            "inputs": self.inputs,
            "processed": self.processed,
            "rejected": dict(sorted(self.rejected.items())),
            "duplicate_articles": self.duplicate_articles,
            "duplicate_paragraphs": self.duplicate_paragraphs,
            "entities": self.entities,
            "quotes": self.quotes,
            "times": self.times,
            "places": self.places,
            "events": self.events,
            "problems": dict(sorted(self.problems.items())),
        }


def analyse(
    inputs: Iterable[Article | Rejection],
    settings: Settings,
    *,
    pipe: Pipe | None = None,
    index: Index | None = None,
) -> Iterator[Analysis | Rejection]:
    """Analyse articles and pass rejections through, in input order, flagging repeated articles.

    ``pipe`` runs the stages (default: a local Pipeline; ``distributed.cluster_pipe`` for a Dask cluster);
    ``index`` flags repeated articles (default: an in-memory ``ArticleIndex`` of this run).
    """
    pending: list[Rejection] = []
    check = (index or ArticleIndex()).check
    for analysis in (pipe or Pipeline(settings).pipe)(screen(inputs, settings, pending)):
        while pending:
            yield pending.pop(0)
        yield check(analysis)
    while pending:
        yield pending.pop(0)


def screen(inputs: Iterable[Article | Rejection], settings: Settings, rejected: list[Rejection]) -> Iterator[Article]:
    """The articles to analyse; rejections (read errors, too large, an id seen before) go to ``rejected``."""
    seen: set[str] = set()
    for item in inputs:
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        if len(item.text) > settings.max_chars:
            rejected.append(_too_large(item, settings.max_chars))
            continue
        if item.id in seen:
            rejected.append(_same_id(item))
            continue
        seen.add(item.id)
        yield item


def extract(paths: Iterable[str], settings: Settings) -> Iterator[Record | Rejection]:
    """Public records of the inputs (and their rejections), without a store."""
    for item in analyse(read_inputs(paths, ingest_settings(settings)), settings):
        yield item if isinstance(item, Rejection) else to_record(item)


def run(paths: Iterable[str], settings: Settings, *, progress: Progress | None = None) -> Summary:
    """Analyse the inputs into the store at ``settings.db`` and return the summary.

    With ``settings.workers`` (a local Dask cluster of that many processes) or ``settings.scheduler`` (the
    address of a running Dask scheduler) chunks of ``settings.chunk_size`` articles are analysed on the
    workers and written there as Parquet shards, which this process loads into the store in input order
    (``run_sharded``), so the database is the same as a local run's.
    """
    inputs = read_inputs(paths, ingest_settings(settings))
    if not (settings.workers or settings.scheduler):
        return run_inputs(inputs, settings, progress=progress)
    from eventwire.distributed import connect, shard_submitter, worker_count

    with connect(workers=settings.workers or 2, scheduler=settings.scheduler) as client:
        submit = shard_submitter(client, settings)
        return run_sharded(inputs, settings, submit=submit, in_flight=worker_count(client) + 1, progress=progress)


def run_sharded(
    inputs: Iterable[Article | Rejection],
    settings: Settings,
    *,
    submit: Submit,
    in_flight: int,
    progress: Progress | None = None,
) -> Summary:
    """Analyse chunks through ``submit`` (which writes each chunk's shard) and load the shards in input order.

    At most ``in_flight`` chunks are held here at a time. A chunk already loaded (a resumed run) is
    counted from the store and not analysed again; a shard already written is loaded without analysis.
    """
    from eventwire.store.shards import is_written, load_shard, loaded_summary, shard_folder, shard_name

    folder = shard_folder(settings)
    folder.mkdir(parents=True, exist_ok=True)
    summary = Summary()
    rejected: list[Rejection] = []
    window: deque[tuple[str, Any]] = deque()
    with Store(settings.db) as store:

        def settle() -> None:
            name, future = window.popleft()
            if future is not None:
                future.result()
            part = loaded_summary(store, name) or load_shard(store, folder / name)
            summary.add(part)
            if progress is not None:
                progress(int(part.get("processed", 0)))

        def flush_rejections() -> None:
            store.write([], rejected)
            for item in rejected:
                summary.count(item)
                if progress is not None:
                    progress(item)
            rejected.clear()

        for chunk in chunked(screen(inputs, settings, rejected), settings.chunk_size):
            name = shard_name(chunk, settings)
            if len(rejected) >= settings.write_batch:
                flush_rejections()
            done = loaded_summary(store, name) is not None or is_written(folder / name)
            window.append((name, None if done else submit(chunk, folder / name)))
            while len(window) >= max(in_flight, 1):
                settle()
        while window:
            settle()
        flush_rejections()
    return summary


def chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most ``size`` articles."""
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_inputs(
    inputs: Iterable[Article | Rejection],
    settings: Settings,
    *,
    progress: Progress | None = None,
    pipe: Pipe | None = None,
) -> Summary:
    """Analyse inputs already read (Articles and Rejections) into the store at ``settings.db``; the summary counts
    them all."""
    summary = Summary()
    with Store(settings.db) as store:
        index = StoredArticleIndex(store.connection)
        done: list[Analysis] = []
        rejected: list[Rejection] = []
        for item in analyse(inputs, settings, pipe=pipe, index=index):
            summary.count(item)
            if isinstance(item, Rejection):
                rejected.append(item)
            else:
                done.append(item)
            if progress is not None:
                progress(item)
            if len(done) + len(rejected) >= settings.write_batch:
                store.write(done, rejected, index=index)
                done, rejected = [], []
        store.write(done, rejected, index=index)
    return summary


def _too_large(article: Article, limit: int) -> Rejection:
    return Rejection(
        id="r" + digest("rejection", article.origin, article.line, "ingest.too_large", size=10),
        origin=article.origin,
        line=article.line,
        code="ingest.too_large",
        message=f"{len(article.text)} characters, limit {limit} (raise --max-chars to process it)",
    )


def _same_id(article: Article) -> Rejection:
    return Rejection(
        id="r" + digest("rejection", article.origin, article.line, "ingest.duplicate_article", size=10),
        origin=article.origin,
        line=article.line,
        code="ingest.duplicate_article",
        message=f"same id {article.id} as an earlier input (identical text or id); stored once",
    )


def ingest_settings(settings: Settings, *, refresh: bool = False) -> IngestSettings:
    """How inputs are read under ``settings`` (``refresh``: fetch URLs again even when cached)."""
    fetching = FetchSettings(
        cache=settings.fetch_cache or default_cache(),
        seconds=settings.fetch_seconds,
        allow_private=settings.allow_private_urls,
        refresh=refresh,
        ignore_robots=settings.ignore_robots,
    )
    return IngestSettings(published=settings.published, max_bytes=settings.max_chars * 4 + 1024, fetch=fetching)
