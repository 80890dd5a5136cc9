"""Scale out on Dask: articles are analysed in chunks on a cluster's workers.

``eventwire run --workers N`` / ``--scheduler ADDRESS`` sends chunks of ``chunk_size`` articles to the
workers (``shard_chunk``); each worker analyses its chunk with a pipeline loaded once per process and
writes the rows where it computed them, as a Parquet shard (store/shards.py). The calling process only
reads inputs, keeps a few chunks in flight and loads finished shards into the store in input order,
flagging repeated articles through the persisted duplicate index, so the database is the same as a
local run's. A worker that dies loses its chunk only: the scheduler runs it again elsewhere.
``cluster_pipe`` streams Analysis records back instead (for callers that want them in memory).
Needs the ``distributed`` extra: ``pip install 'eventwire[distributed]'``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.model import Analysis, Article
from eventwire.pipeline import Pipeline

if TYPE_CHECKING:
    from distributed import Client

INSTALL_HINT = "pip install 'eventwire[distributed]'"
Pipe = Callable[[Iterable[Article]], Iterator[Analysis]]


@lru_cache(maxsize=4)
def worker_pipeline(settings: Settings) -> Pipeline:
    """The pipeline of a worker process, built and warmed (model and resources loaded) once per settings."""
    pipeline = Pipeline(settings)
    pipeline.warm()
    return pipeline


def analyse_chunk(chunk: list[Article], settings: Settings) -> list[Analysis]:
    """Run the pipeline over one chunk (on a worker); resources load once per worker process."""
    return list(worker_pipeline(settings).pipe(chunk))


def shard_chunk(chunk: list[Article], settings: Settings, path: str) -> str:
    """Analyse one chunk and write it as the Parquet shard ``path`` (on a worker); an existing shard is kept."""
    from eventwire.runner import Summary
    from eventwire.store.shards import is_written, write_shard

    target = Path(path)
    if not is_written(target):
        analyses = analyse_chunk(chunk, settings)
        summary = Summary()
        for analysis in analyses:
            summary.count(analysis)
        write_shard(target, analyses, summary.as_dict())
    return path


def shard_submitter(client: Client, settings: Settings) -> Callable[[list[Article], Path], Any]:
    """Submit a chunk to the cluster as one task, retried (on another worker) if its worker dies."""

    def submit(chunk: list[Article], path: Path) -> Any:
        return client.submit(shard_chunk, chunk, settings, str(path), pure=False, retries=2)

    return submit


def worker_count(client: Client) -> int:
    """Workers the scheduler knows now (at least 1)."""
    return len(client.scheduler_info().get("workers", {})) or 1


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most ``size`` articles."""
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def cluster_pipe(client: Client, settings: Settings, *, chunk_size: int = 16, in_flight: int | None = None) -> Pipe:
    """A pipe that sends chunks to the cluster, keeps a bounded number in flight, and yields in order."""
    if chunk_size < 1:
        raise ConfigError(f"chunk_size must be at least 1, not {chunk_size}")

    def pipe(articles: Iterable[Article]) -> Iterator[Analysis]:
        limit = in_flight or 2 * worker_count(client)
        window: deque[Any] = deque()
        for chunk in chunks(articles, chunk_size):
            window.append(client.submit(analyse_chunk, chunk, settings, pure=False))
            while len(window) >= limit:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()

    return pipe


@contextmanager
def connect(*, workers: int = 2, scheduler: str | None = None, processes: bool = True) -> Iterator[Client]:
    """A client for an existing scheduler (``scheduler`` address) or for a local cluster of ``workers``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError(f"distributed runs need Dask: {INSTALL_HINT}") from exc
    if scheduler is not None:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]  # distributed ships no annotations here
            yield client
        return
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    with (
        LocalCluster(  # type: ignore[no-untyped-call]  # as above
            n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]  # as above
    ):
        yield client
