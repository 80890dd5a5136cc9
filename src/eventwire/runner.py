"""Run the pipeline over inputs: ingest, analyse, flag duplicate articles, store, and count everything.

``extract`` yields public records (no store); ``run`` writes to the store and returns a Summary
that accounts for every input: processed, rejected (by reason) or repeated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field

from eventwire.config import Settings
from eventwire.ids import digest
from eventwire.model import Analysis, Article, Rejection
from eventwire.pipeline import Pipeline
from eventwire.record import Record, to_record
from eventwire.sources.fetch import FetchSettings, default_cache
from eventwire.sources.files import IngestSettings, read_inputs
from eventwire.stages.dedupe import ArticleIndex
from eventwire.store.duckdb import Store

Progress = Callable[[Analysis | Rejection], None]
Pipe = Callable[[Iterable[Article]], Iterator[Analysis]]


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
    inputs: Iterable[Article | Rejection], settings: Settings, *, pipe: Pipe | None = None
) -> Iterator[Analysis | Rejection]:
    """Analyse articles and pass rejections through, in input order, flagging repeated articles.

    ``pipe`` runs the stages (default: a local Pipeline; ``distributed.cluster_pipe`` for a Dask cluster).
    """
    pending: list[Rejection] = []
    seen: set[str] = set()
    index = ArticleIndex()

    def articles() -> Iterator[Article]:
        for item in inputs:
            if isinstance(item, Rejection):
                pending.append(item)
                continue
            if len(item.text) > settings.max_chars:
                pending.append(_too_large(item, settings.max_chars))
                continue
            if item.id in seen:
                pending.append(_same_id(item))
                continue
            seen.add(item.id)
            yield item

    for analysis in (pipe or Pipeline(settings).pipe)(articles()):
        while pending:
            yield pending.pop(0)
        yield index.check(analysis)
    while pending:
        yield pending.pop(0)


def extract(paths: Iterable[str], settings: Settings) -> Iterator[Record | Rejection]:
    """Public records of the inputs (and their rejections), without a store."""
    for item in analyse(read_inputs(paths, ingest_settings(settings)), settings):
        yield item if isinstance(item, Rejection) else to_record(item)


def run(paths: Iterable[str], settings: Settings, *, progress: Progress | None = None) -> Summary:
    """Analyse the inputs into the store at ``settings.db`` and return the summary.

    With ``settings.workers`` (a local Dask cluster of that many processes) or ``settings.scheduler`` (the
    address of a running Dask scheduler) the stages run on the cluster; reading, duplicate flagging and the
    store stay here, so the database is the same as a local run's.
    """
    with ExitStack() as stack:
        pipe: Pipe | None = None
        if settings.workers or settings.scheduler:
            from eventwire.distributed import cluster_pipe, connect

            client = stack.enter_context(connect(workers=settings.workers or 2, scheduler=settings.scheduler))
            pipe = cluster_pipe(client, settings)
        return _run(paths, settings, progress=progress, pipe=pipe)


def _run(paths: Iterable[str], settings: Settings, *, progress: Progress | None, pipe: Pipe | None) -> Summary:
    return run_inputs(read_inputs(paths, ingest_settings(settings)), settings, progress=progress, pipe=pipe)


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
        done: list[Analysis] = []
        rejected: list[Rejection] = []
        for item in analyse(inputs, settings, pipe=pipe):
            summary.count(item)
            if isinstance(item, Rejection):
                rejected.append(item)
            else:
                done.append(item)
            if progress is not None:
                progress(item)
            if len(done) + len(rejected) >= settings.write_batch:
                store.write(done, rejected)
                done, rejected = [], []
        store.write(done, rejected)
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
    )
    return IngestSettings(published=settings.published, max_bytes=settings.max_chars * 4 + 1024, fetch=fetching)
