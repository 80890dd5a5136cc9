"""HTTP API and web UI: thin FastAPI adapters over the query layer, reading a snapshot of the store.

The server never holds the store file open: it reads an in-memory copy (``Snapshot``) taken while no
writer holds the file, and takes a new copy when the file changes, so ``eventwire run`` can write into
the same store while ``eventwire serve`` answers. No endpoint writes; every list has a page-size limit.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import threading
import time
import typing
from collections import OrderedDict
from collections.abc import Callable, Hashable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import duckdb
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire import query
from eventwire.errors import ConfigError, EventwireError, StoreError
from eventwire.query import MODALITIES, EventFilter
from eventwire.stages.coding.codebook import load_codebook
from eventwire.store.duckdb import STORE_SCHEMA_VERSION, TABLES, UPGRADES, Store
from eventwire.trends import Trends
from eventwire.trends import alerts as find_alerts
from eventwire.trends import trends as find_trends

#: The largest page any list endpoint returns.
MAX_PAGE = 500
MAX_OFFSET = 10_000_000
#: Answers kept per snapshot (the snapshot never changes, so a repeated query is answered from memory).
CACHE_SIZE = 512
T = TypeVar("T")
WEB = resources.files("eventwire").joinpath("web")
#: The tables a snapshot copies: the article tables and the merged events (``eventwire merge``).
SERVED_TABLES = ("meta", *TABLES, "merged_events", "event_merges")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
    " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class Snapshot:
    """An in-memory copy of a store file, renewed when the file changes and no writer holds it."""

    def __init__(self, path: str | Path, *, wait: float = 30.0) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"no database at {self.path}: analyse articles into it first (eventwire run ... --db)")
        self._lock = threading.Lock()
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._stamp: tuple[float, ...] = ()
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self.loaded_at: str | None = None
        deadline = time.monotonic() + wait
        while not self.refresh():
            if time.monotonic() > deadline:
                raise StoreError(f"cannot read {self.path}: another process has held it open for {wait:.0f} s")
            time.sleep(0.2)

    def _file_stamp(self) -> tuple[float, ...]:
        stamps = []
        for name in (self.path, Path(f"{self.path}.wal")):
            try:
                info = os.stat(name)
                stamps += [info.st_mtime, float(info.st_size)]
            except FileNotFoundError:
                stamps += [0.0, 0.0]
        return tuple(stamps)

    def refresh(self) -> bool:
        """Copy the file again if it changed; False when a writer holds it (the old copy stays in use)."""
        stamp = self._file_stamp()
        if stamp == self._stamp and self._connection is not None:
            return True
        copy = duckdb.connect(":memory:")
        try:
            quoted = str(self.path).replace("'", "''")  # our own path from the command line, not a request value
            copy.execute(f"ATTACH '{quoted}' AS src (READ_ONLY)")
            try:
                version = copy.execute("SELECT value FROM src.meta WHERE key = 'schema_version'").fetchone()
                if version is None or str(version[0]) != STORE_SCHEMA_VERSION:
                    todo = (
                        f"open it once for writing to upgrade it (eventwire merge --db {self.path})"
                        if version is not None and str(version[0]) in UPGRADES
                        else "analyse the inputs again into a new database file"
                    )
                    raise StoreError(
                        f"the database {self.path} has schema version {version[0] if version else '?'}, this eventwire"
                        f" reads version {STORE_SCHEMA_VERSION}: {todo}"
                    )
                for table in SERVED_TABLES:  # table names are our constants
                    copy.execute(f"CREATE TABLE {table} AS SELECT * FROM src.{table}")
            finally:
                copy.execute("DETACH src")
        except duckdb.Error:
            copy.close()
            return False
        with self._lock:
            self._connection, self._stamp = copy, stamp
            self._answers = OrderedDict()  # answers of the old copy are stale
            self.loaded_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return True

    def cached(self, key: Hashable, compute: Callable[[Store], T]) -> T:
        """``compute(reader)`` on the current copy, or its answer of an earlier call with the same ``key`` on the
        same copy (the last ``CACHE_SIZE`` kept). The key names the function and all its arguments; callers must
        not change the answer they get."""
        with self._lock:
            answers = self._answers
            if key in answers:
                answers.move_to_end(key)
                return typing.cast(T, answers[key])
        value = compute(self.reader())
        with self._lock:
            if answers is self._answers:  # not refreshed meanwhile
                answers[key] = value
                while len(answers) > CACHE_SIZE:
                    answers.popitem(last=False)
        return value

    def reader(self) -> Store:
        """A Store over a cursor of the current copy (one per request: cursors may be used from threads)."""
        with self._lock:
            assert self._connection is not None
            cursor = self._connection.cursor()
        store = Store.__new__(Store)
        store.path, store.connection = str(self.path), cursor
        return store

    def watch(self, every: float, stop: threading.Event) -> None:
        """Refresh every ``every`` seconds until ``stop`` is set (run in a daemon thread)."""
        while not stop.wait(every):
            self.refresh()


# --- response shapes (the OpenAPI schema) ---


class Error(BaseModel):
    ok: bool = False
    error: str
    errors: list[dict[str, Any]]
    status: int


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ArticleItem(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    is_duplicate: bool
    events: int


class Event(BaseModel):
    id: str
    article_id: str
    event_date: str | None
    source_name: str | None
    source_country: str | None
    source_org: str | None
    source_entity: str | None
    cameo: str
    cameo_name: str
    root: str
    target_name: str | None
    target_country: str | None
    target_org: str | None
    target_entity: str | None
    modality: str
    goldstein: float
    quad_class: int
    plover: str | None
    place_id: str | None
    quote_id: str | None
    confidence: float
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    rule: str | None
    claimed_by_name: str | None
    disputed: bool
    time_precision: str | None
    date_source: str | None
    geo_precision: int | None
    place_source: str | None
    num_mentions: int | None = None
    num_sources: int | None = None
    num_articles: int | None = None
    merged_id: str | None = None


class Quote(BaseModel):
    id: str
    article_id: str
    start_char: int
    end_char: int
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    cue: str | None
    events: list[str]


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class ArticlePage(Page):
    items: list[ArticleItem]


class EventPage(Page):
    items: list[Event]


class QuotePage(Page):
    items: list[Quote]


class Speaker(BaseModel):
    speaker: str
    quotes: int


class Actor(BaseModel):
    actor: str
    as_source: int
    as_target: int
    goldstein: float


class Place(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    feature: str | None
    geo_precision: int | None
    events: int
    goldstein: float


class Period(BaseModel):
    period: str
    quad_class: int
    events: int
    goldstein: float


class Dyad(BaseModel):
    source: str
    target: str
    events: int
    goldstein: float
    mean_goldstein: float


class Point(BaseModel):
    period: str
    counts: list[int]
    goldstein: float | None


class Series(BaseModel):
    key: str
    label: str
    total: int
    points: list[Point]


class TrendSet(BaseModel):
    by: str
    period: str
    series: list[Series]
    left_out: dict[str, int]


class AlertItem(BaseModel):
    key: str
    label: str
    period: str
    count: int
    baseline: float
    p_value: float
    quad_classes: list[int]


class Health(BaseModel):
    ok: bool
    db: str
    loaded_at: str | None


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "Bad filter value"},
    404: {"model": Error, "description": "Not found"},
    422: {"model": Error, "description": "Invalid parameter"},
}

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=200)]
ModalityName = Literal["asserted", "planned", "considered", "demanded", "hypothetical", "negated"]
assert set(typing.get_args(ModalityName)) == set(MODALITIES)
Modality = Annotated[ModalityName | None, Query()]
Root = Annotated[str | None, Query(pattern=r"^[0-9]{2}$", description="Two-digit CAMEO root, e.g. 04.")]
Country = Annotated[str | None, Query(max_length=60, description="Country of the event's place (ISO code or name).")]
Grouping = Annotated[Literal["country", "dyad", "all"], Query(description="One series per country, dyad, or all.")]


class SecurityHeaders:
    """The security headers on every response: a plain ASGI middleware (measured under load: a
    ``@app.middleware("http")`` function costs a task and a streamed copy of the body per request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
            await send(message)

        await self.app(scope, receive, sending)


def _error(status: int, message: str, errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    body = Error(error=message, errors=errors or [], status=status).model_dump()
    return JSONResponse(body, status_code=status, headers={"Content-Security-Policy": CSP})


def create_app(db: str | Path, *, watch_every: float | None = 1.0) -> FastAPI:
    """The application over the store at ``db``; ``watch_every`` seconds between checks for new data (None: never)."""
    snapshot = Snapshot(db)
    stop = threading.Event()
    app = FastAPI(
        title="eventwire",
        version="1",
        description="Political event data read from news: articles with their full records, events, quotes,"
        " actors, places, timeline and dyads. Read-only.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.snapshot = snapshot
    if watch_every is not None:
        threading.Thread(target=snapshot.watch, args=(watch_every, stop), daemon=True).start()
    codebook = load_codebook()

    def name_of(code: str) -> str:
        return codebook.lookup(code).name

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()]
        return _error(422, "invalid parameters", errors)

    @app.exception_handler(EventwireError)
    async def fault(request: Request, exc: EventwireError) -> JSONResponse:
        return _error(400 if isinstance(exc, ConfigError) else 500, str(exc))

    def flt(
        actor: str | None, root: str | None, modality: str | None, since: dt.date | None, until: dt.date | None,
        article: str | None, include_duplicates: bool, limit: int, *, country: str | None = None,
        source: str | None = None, target: str | None = None, merged: bool = False,
    ) -> EventFilter:  # fmt: skip
        return EventFilter(
            actor=actor, root=root, modality=modality, since=since, until=until, article=article,
            include_duplicates=include_duplicates, limit=limit, country=country, source=source, target=target,
            merged=merged,
        )  # fmt: skip

    @app.get("/api/health", response_model=Health, tags=["meta"])
    def health() -> dict[str, Any]:
        """The store being served and when its snapshot was taken."""
        return {"ok": True, "db": snapshot.path.name, "loaded_at": snapshot.loaded_at}

    @app.get("/api/articles", response_model=ArticlePage, responses=ERRORS, tags=["articles"])
    def list_articles(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Articles by publication date, with their event counts."""
        items, total = snapshot.cached(
            ("articles", limit, offset), lambda r: query.articles_page(r, limit=limit, offset=offset)
        )
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/articles/{article_id}", response_model=Open, responses=ERRORS, tags=["articles"])
    def get_article(article_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One article's full public record (docs: the record contract), events with their CAMEO names."""
        record = query.article(snapshot.reader(), article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id!r}")
        for event in record["events"]:
            event["cameo_name"] = name_of(event["cameo"])
        return record

    def named_events(reader: Store, selection: EventFilter, offset: int) -> tuple[list[dict[str, Any]], int]:
        rows, total = query.events_page(reader, selection, offset=offset)
        for row in rows:
            row["cameo_name"] = name_of(row["cameo"])
        return rows, total

    @app.get("/api/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    def list_events(
        actor: Text = None, root: Root = None, modality: Modality = None, since: dt.date | None = None,
        until: dt.date | None = None, article: Text = None, include_duplicates: bool = False,
        limit: Limit = 50, offset: Offset = 0, country: Country = None, merged: bool = False,
    ) -> dict[str, Any]:  # fmt: skip
        """Event mentions matching the filters, with their evidence columns, by date; ``merged=true``: one row per
        merged event (its first report, with num_mentions, num_sources and num_articles; ``eventwire merge``)."""
        selection = flt(
            actor, root, modality, since, until, article, include_duplicates, limit, country=country, merged=merged
        )
        rows, total = snapshot.cached(("events", selection, offset), lambda r: named_events(r, selection, offset))
        return {"items": rows, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/quotes", response_model=QuotePage, responses=ERRORS, tags=["quotes"])
    def list_quotes(
        speaker: Text = None, article: Text = None, limit: Limit = 50, offset: Offset = 0
    ) -> dict[str, Any]:
        """Quotes, of one speaker (name, any case) or one article, with the ids of the events coded from them."""
        items, total = snapshot.cached(
            ("quotes", speaker, article, limit, offset),
            lambda r: query.quotes_page(r, speaker=speaker, article_id=article, limit=limit, offset=offset),
        )
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/speakers", response_model=list[Speaker], responses=ERRORS, tags=["quotes"])
    def list_speakers(limit: Limit = 100) -> list[dict[str, Any]]:
        """Speakers by number of quotes."""
        return snapshot.cached(("speakers", limit), lambda r: query.speakers(r, limit=limit))

    aggregates: list[tuple[str, Callable[..., list[dict[str, Any]]], type[BaseModel], str]] = [
        ("actors", query.actors, Actor, "Actors of the filtered events: events as source and target, Goldstein sum."),
        ("places", query.places, Place, "Places of the filtered events with coordinates and geo_precision."),
        ("dyads", query.dyads, Dyad, "Who acts on whom: source-target pairs with counts and Goldstein."),
    ]
    for name, function, model, doc in aggregates:
        _aggregate(app, snapshot, flt, name, function, model, doc)

    @app.get("/api/timeline", response_model=list[Period], responses=ERRORS, tags=["aggregates"])
    def get_timeline(
        actor: Text = None, root: Root = None, modality: Modality = None, since: dt.date | None = None,
        until: dt.date | None = None, article: Text = None, include_duplicates: bool = False,
        by: Annotated[str, Query(pattern="^(day|month|year)$")] = "month", limit: Limit = MAX_PAGE,
        country: Country = None, source: Text = None, target: Text = None,
    ) -> list[dict[str, Any]]:  # fmt: skip
        """Dated events per period and QuadClass, with mean Goldstein; ``source`` and ``target`` select a dyad."""
        selection = flt(
            actor, root, modality, since, until, article, include_duplicates, limit, country=country, source=source,
            target=target,
        )  # fmt: skip
        return snapshot.cached(("timeline", selection, by), lambda r: query.timeline(r, selection, by=by))

    def trends_for(selection: EventFilter, by: Grouping, daily: bool) -> Trends:
        """The trend series of a selection, kept per snapshot (trends and alerts read the same series)."""
        return snapshot.cached(
            ("trends", selection, by, daily), lambda r: find_trends(r, selection, by=by, daily=daily)
        )

    @app.get("/api/trends", response_model=TrendSet, responses=ERRORS, tags=["aggregates"])
    def get_trends(
        actor: Text = None, source: Text = None, target: Text = None, country: Country = None, root: Root = None,
        modality: Modality = None, since: dt.date | None = None, until: dt.date | None = None,
        include_duplicates: bool = False, by: Grouping = "country", daily: bool = False,
        top: Annotated[int, Query(ge=1, le=100, description="Largest series to return.")] = 20,
    ) -> dict[str, Any]:  # fmt: skip
        """Events dated to the day per ISO week (or day) and QuadClass, one series per country, dyad or all
        (``eventwire trends``); the largest ``top`` series, and the events left out of every series."""
        selection = flt(
            actor, root, modality, since, until, None, include_duplicates, 1, country=country, source=source,
            target=target,
        )  # fmt: skip
        found = trends_for(selection, by, daily)
        return {
            "by": found.by,
            "period": found.period_name,
            "left_out": found.left_out,
            "series": [
                {
                    "key": s.key, "label": s.label, "total": s.total,
                    "points": [
                        {"period": p.period.isoformat(), "counts": list(p.counts), "goldstein": p.goldstein}
                        for p in s.points
                    ],
                }
                for s in found.series[:top]
            ],
        }  # fmt: skip

    @app.get("/api/alerts", response_model=list[AlertItem], responses=ERRORS, tags=["aggregates"])
    def get_alerts(
        actor: Text = None, source: Text = None, target: Text = None, country: Country = None, root: Root = None,
        modality: Modality = None, since: dt.date | None = None, until: dt.date | None = None,
        include_duplicates: bool = False, by: Grouping = "country", daily: bool = False,
        classes: Annotated[Literal["4", "34"], Query(description="4: material conflict; 34: verbal too.")] = "4",
        min_count: Annotated[int, Query(ge=1, le=100_000)] = 3,
        alpha: Annotated[float, Query(gt=0, lt=1)] = 0.01,
    ) -> list[dict[str, Any]]:  # fmt: skip
        """Periods whose conflict count is well above the series' trailing baseline (``eventwire alerts``;
        method in the README, Early warning), oldest first."""
        selection = flt(
            actor, root, modality, since, until, None, include_duplicates, 1, country=country, source=source,
            target=target,
        )  # fmt: skip
        found = trends_for(selection, by, daily)
        quads = tuple(int(c) for c in classes)
        return snapshot.cached(
            ("alerts", selection, by, daily, quads, min_count, alpha),
            lambda r: [a.as_dict() for a in find_alerts(found, classes=quads, min_count=min_count, alpha=alpha)],
        )

    _pages(app)
    app.mount("/static", StaticFiles(directory=str(WEB.joinpath("static"))), name="static")
    app.router.on_shutdown.append(stop.set)
    return app


def _aggregate(
    app: FastAPI,
    snapshot: Snapshot,
    flt: Callable[..., EventFilter],
    name: str,
    function: Callable[..., list[dict[str, Any]]],
    model: type[BaseModel],
    doc: str,
) -> None:
    def endpoint(
        actor: Text = None, root: Root = None, modality: Modality = None, since: dt.date | None = None,
        until: dt.date | None = None, article: Text = None, include_duplicates: bool = False,
        limit: Limit = 100, country: Country = None,
    ) -> list[dict[str, Any]]:  # fmt: skip
        selection = flt(actor, root, modality, since, until, article, include_duplicates, limit, country=country)
        return snapshot.cached((name, selection), lambda r: function(r, selection))

    endpoint.__doc__ = doc
    endpoint.__name__ = f"list_{name}"
    app.get(f"/api/{name}", response_model=list[model], responses=ERRORS, tags=["aggregates"])(endpoint)  # type: ignore[valid-type]


#: The web UI's views: path, title and the JSON twin the page reads (shown on the page).
VIEWS = (
    ("/", "articles", "Articles", "/api/articles"),
    ("/events", "events", "Events", "/api/events"),
    ("/timeline", "timeline", "Timeline", "/api/timeline"),
    ("/map", "map", "Map", "/api/places"),
    ("/network", "network", "Actor network", "/api/dyads"),
    ("/quotes", "quotes", "Quotes", "/api/quotes"),
)


def _page(view: str, title: str, twin: str) -> HTMLResponse:
    template = WEB.joinpath("templates", "page.html").read_text(encoding="utf-8")
    nav = "".join(
        f'<a href="{html.escape(path)}"{" class=current" if name == view else ""}>{html.escape(label)}</a>'
        for path, name, label, _ in VIEWS
    )
    body = (
        template.replace("{{title}}", html.escape(title))
        .replace("{{view}}", html.escape(view))
        .replace("{{twin}}", html.escape(twin))
        .replace("{{nav}}", nav)
    )
    return HTMLResponse(body)


def _pages(app: FastAPI) -> None:
    for path, view, title, twin in VIEWS:
        app.get(path, response_class=HTMLResponse, include_in_schema=False)(
            lambda view=view, title=title, twin=twin: _page(view, title, twin)
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def reader(article_id: str) -> HTMLResponse:
        return _page("reader", "Article", f"/api/articles/{article_id}")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(str(WEB.joinpath("templates", "docs.html")), media_type="text/html")
