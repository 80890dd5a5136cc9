"""Scale out on Dask: articles are analysed in chunks on a cluster's workers, in input order.

Only the per-article stages run remotely; reading inputs, flagging duplicate articles across
the run and writing the store stay in the calling process, so a distributed run gives the same
database as a local one. Needs the ``distributed`` extra: ``pip install 'eventwire[distributed]'``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.model import Analysis, Article
from eventwire.pipeline import Pipeline

if TYPE_CHECKING:
    from distributed import Client

INSTALL_HINT = "pip install 'eventwire[distributed]'"
Pipe = Callable[[Iterable[Article]], Iterator[Analysis]]


def analyse_chunk(chunk: list[Article], settings: Settings) -> list[Analysis]:
    """Run the pipeline over one chunk (on a worker); resources load once per worker process."""
    return list(Pipeline(settings).pipe(chunk))


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
        workers = len(client.scheduler_info().get("workers", {})) or 1
        limit = in_flight or 2 * workers
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
