"""Stage registry and the Pipeline that runs stages over a stream of articles.

A stage is a function ``(Analysis, Settings) -> Analysis`` registered with ``@stage``.
The one batched stage, ``parse``, takes and yields a stream. A stage's contract names
``Analysis`` fields: ``requires`` (filled by an earlier stage), ``optional`` (read when an
earlier stage filled them, left empty otherwise) and ``provides`` (the fields it sets). The
fields in ``BASE_FIELDS`` are there from the start; every stage may read them and append
problems. The pipeline checks the contracts and the order of stages when it is built,
streams, keeps input order, and turns a stage's exception on one article into a recorded
Problem (or re-raises it, when asked). ``tests/stages/test_contracts.py`` runs every stage
and fails when one reads or changes a field its contract does not name.
"""

from __future__ import annotations

import ctypes
import importlib
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from eventwire.errors import ConfigError, StageError
from eventwire.model import Analysis, Article, Problem

if TYPE_CHECKING:
    from eventwire.config import Settings

StageFunction = Callable[[Analysis, "Settings"], Analysis]
BatchFunction = Callable[[Iterable[Analysis], "Settings"], Iterator[Analysis]]
WarmFunction = Callable[["Settings"], None]

#: The fields of every Analysis before any stage ran: readable by all stages; ``problems`` only grows.
BASE_FIELDS = frozenset({"article", "problems", "provenance"})
#: The fields a stage contract may name.
ANALYSIS_FIELDS = frozenset(f.name for f in fields(Analysis))


@dataclass(frozen=True, slots=True, kw_only=True)
class StageInfo:
    """A registered stage: its function, version and its contract (the Analysis fields it reads and sets)."""

    name: str
    version: int
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    optional: tuple[str, ...] = ()
    function: StageFunction | None = None
    batch: BatchFunction | None = None
    warm: WarmFunction | None = None


REGISTRY: dict[str, StageInfo] = {}

#: Where each built-in stage lives; imported on first use.
MODULES: dict[str, str] = {
    "clean": "eventwire.stages.clean",
    "dedupe": "eventwire.stages.dedupe",
    "parse": "eventwire.stages.parse",
    "entities": "eventwire.stages.entities",
    "actors": "eventwire.stages.actors.stage",
    "quotes": "eventwire.stages.quotes.stage",
    "dates": "eventwire.stages.dates.stage",
    "geo": "eventwire.stages.geo.stage",
    "coding": "eventwire.stages.coding.stage",
}


def stage(
    name: str,
    *,
    version: int,
    requires: tuple[str, ...],
    provides: tuple[str, ...],
    optional: tuple[str, ...] = (),
    warm: WarmFunction | None = None,
) -> Callable[[StageFunction], StageFunction]:
    """Register a per-article stage; ``warm`` loads its resources before any article is timed."""

    def register(function: StageFunction) -> StageFunction:
        REGISTRY[name] = StageInfo(
            name=name,
            version=version,
            requires=requires,
            provides=provides,
            optional=optional,
            function=function,
            warm=warm,
        )
        return function

    return register


def batch_stage(
    name: str, *, version: int, requires: tuple[str, ...], provides: tuple[str, ...]
) -> Callable[[BatchFunction], BatchFunction]:
    """Register a stage that works on a stream of articles (the parser)."""

    def register(function: BatchFunction) -> BatchFunction:
        REGISTRY[name] = StageInfo(name=name, version=version, requires=requires, provides=provides, batch=function)
        return function

    return register


def get_stage(name: str) -> StageInfo:
    """The registered stage called ``name``, importing its module if needed."""
    if name not in REGISTRY and name in MODULES:
        importlib.import_module(MODULES[name])
    if name not in REGISTRY:
        raise ConfigError(f"unknown stage {name!r}; known stages: {', '.join(sorted(set(MODULES) | set(REGISTRY)))}")
    return REGISTRY[name]


def check_contracts(stages: tuple[StageInfo, ...]) -> None:
    """Raise ConfigError unless every stage names real Analysis fields and comes after the stages it reads."""
    order = ", ".join(info.name for info in stages)
    available: set[str] = set(BASE_FIELDS)
    for position, info in enumerate(stages):
        unknown = [f for f in (*info.requires, *info.optional, *info.provides) if f not in ANALYSIS_FIELDS]
        if unknown:
            raise ConfigError(
                f"stage {info.name!r} names {', '.join(unknown)}, which are not Analysis fields; "
                f"valid fields: {', '.join(sorted(ANALYSIS_FIELDS - BASE_FIELDS))}"
            )
        missing = [r for r in info.requires if r not in available]
        if missing:
            raise ConfigError(
                f"stage {info.name!r} needs {', '.join(missing)}, which no earlier stage provides; order given: {order}"
            )
        later = [
            f"{field} (from {other.name})"
            for field in info.optional
            if field not in available
            for other in stages[position + 1 :]
            if field in other.provides
        ]
        if later:
            raise ConfigError(
                f"stage {info.name!r} reads {', '.join(later)}, which would be filled only after it; "
                f"put those stages first; order given: {order}"
            )
        available.update(info.provides)


class StageTimeout(Exception):
    """Raised inside an article's stages when its time is up."""


class Pipeline:
    """An ordered list of stages, checked when built, run over a stream of articles."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.stages = tuple(get_stage(name) for name in settings.stages)
        check_contracts(self.stages)

    @property
    def versions(self) -> tuple[tuple[str, int], ...]:
        """(stage, version) of every stage, for provenance."""
        return tuple((info.name, info.version) for info in self.stages)

    def warm(self) -> None:
        """Load every stage's resources now (a gazetteer build can take tens of seconds on a new machine).

        Runs before the first article, outside the per-article time limit; loaders are cached per process.
        """
        for info in self.stages:
            if info.warm is not None:
                info.warm(self.settings)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Run every stage over the articles, streaming, in input order."""
        self.warm()
        stream: Iterable[Analysis] = (
            Analysis(article=a, problems=a.problems, provenance=self.versions) for a in articles
        )
        group: list[StageInfo] = []
        for info in self.stages:
            if info.batch is not None:
                stream = self._per_article(stream, tuple(group))
                group = []
                stream = self._batched(info, info.batch, stream)
            else:
                group.append(info)
        return self._per_article(stream, tuple(group))

    def run(self, article: Article) -> Analysis:
        """Run the pipeline on one article."""
        return next(iter(self.pipe([article])))

    def _per_article(self, stream: Iterable[Analysis], stages: tuple[StageInfo, ...]) -> Iterator[Analysis]:
        for analysis in stream:
            if not stages or _timed_out(analysis):
                yield analysis
                continue
            yield self._apply(analysis, stages, self.settings.article_seconds)

    def _apply(self, analysis: Analysis, stages: tuple[StageInfo, ...], seconds: float) -> Analysis:
        current = analysis
        try:
            with _time_limit(seconds):
                for info in stages:
                    current = self._one(current, info)
        except StageTimeout:
            names = ", ".join(info.name for info in stages)
            return current.add(problems=[_timeout_problem(f"the stages {names}", seconds)])
        return current

    def _batched(self, info: StageInfo, batch: BatchFunction, stream: Iterable[Analysis]) -> Iterator[Analysis]:
        """Run a batch stage in chunks; a text longer than ``segment_chars`` runs alone, under the time limit.

        Short texts share batches for speed (each is quick by its size); only a long text can hold the
        run up, so it gets the per-article limit. Articles that already timed out pass through untouched.
        """
        settings = self.settings
        limited = settings.article_seconds > 0
        if limited:
            for _ in batch([], settings):  # load the stage's resources (the model) outside any time limit
                pass
        chunk: list[Analysis] = []
        for analysis in stream:
            alone = _timed_out(analysis) or (limited and len(analysis.article.text) > settings.segment_chars)
            if not alone:
                chunk.append(analysis)
                if len(chunk) < max(settings.batch_size, 1):
                    continue
            yield from batch(chunk, settings) if chunk else ()
            chunk = []
            if alone:
                yield analysis if _timed_out(analysis) else self._alone(info, batch, analysis)
        yield from batch(chunk, settings) if chunk else ()

    def _alone(self, info: StageInfo, batch: BatchFunction, analysis: Analysis) -> Analysis:
        seconds = self.settings.article_seconds
        try:
            with _time_limit(seconds):
                return next(iter(batch([analysis], self.settings)))
        except StageTimeout:
            return analysis.add(
                problems=[_timeout_problem(f"the stage {info.name} ({len(analysis.article.text)} characters)", seconds)]
            )

    def _one(self, analysis: Analysis, info: StageInfo) -> Analysis:
        function = info.function
        if function is None:
            raise ConfigError(f"stage {info.name!r} is a batch stage")
        try:
            return function(analysis, self.settings)
        except StageTimeout:
            raise
        except Exception as exc:
            if self.settings.raise_errors:
                raise StageError(info.name, analysis.article.id, exc) from exc
            return analysis.add(
                problems=[
                    Problem(
                        code="pipeline.stage_failed",
                        stage=info.name,
                        message=f"{type(exc).__name__}: {exc}",
                    )
                ]
            )


def _timed_out(analysis: Analysis) -> bool:
    return any(p.code == "pipeline.timeout" for p in analysis.problems)


def _timeout_problem(what: str, seconds: float) -> Problem:
    return Problem(
        code="pipeline.timeout",
        stage="pipeline",
        message=f"{what} took longer than the limit of {seconds:g} s per article; the layers from there on are "
        "missing (raise it with EVENTWIRE_ARTICLE_SECONDS, 0 for no limit, or split the text)",
    )


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise StageTimeout after ``seconds``: by SIGALRM in the main thread, by a timer thread elsewhere.

    Dask workers run tasks in threads, where SIGALRM cannot reach; there a timer raises StageTimeout
    asynchronously in the analysing thread (delivered between bytecodes, so a long C call finishes first).
    """
    if seconds <= 0:
        yield
        return
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        with _thread_time_limit(seconds):
            yield
        return

    def expire(signum: int, frame: object) -> None:
        raise StageTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_time_limit(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(StageTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            if state["fired"]:  # clear an exception raised too late to be delivered inside the block
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
