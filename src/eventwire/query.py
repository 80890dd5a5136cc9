"""Filters -> SQL -> records: the one query path for the CLI, the HTTP API and the web UI.

Public functions (stable; the API and web UI call them):

- ``events(store, flt) -> (rows, total)``: events matching an ``EventFilter`` (one row per mention, or
  per merged event with ``flt.merged``), with CAMEO names and actor labels beside the codes;
  ``total`` is how many matched in all, before ``limit``/``offset``.
- ``undated(store, flt) -> int``: events that match every filter but the date range and carry no
  usable date (they are left out of a date range unless ``flt.undated``; reported, never dropped silently).
- ``articles(store, flt) -> (rows, total)`` and ``article(store, id) -> row | None``.
- ``sql(store, text) -> (columns, rows)``: read-only SQL.

User values reach DuckDB only as bound parameters; column names come from our own tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, fields, replace
from typing import Any

import duckdb

from eventwire.errors import ConfigError, StoreError
from eventwire.store.duckdb import Store

MODALITIES = ("asserted", "planned", "considered", "demanded", "hypothetical", "negated")
#: CAMEO role codes (the three letters after a country code) and what they stand for.
ROLES = {
    "GOV": "government", "MIL": "military", "COP": "police", "OPP": "opposition", "REB": "rebels",
    "JUD": "judiciary", "LEG": "legislature", "BUS": "business", "CVL": "civilians", "MED": "media",
    "REF": "refugees", "EDU": "education", "HLH": "health", "LAB": "labour", "SPY": "intelligence",
    "CRM": "criminals", "IGO": "intergovernmental", "NGO": "non-governmental", "UAF": "armed group",
    "ELI": "elites", "AGR": "agriculture", "ENV": "environment", "RAD": "radicals", "MOD": "moderates",
}  # fmt: skip
EVENT_COLUMNS = (
    "id", "article_id", "event_date", "time_precision", "date_source",
    "source_name", "source_country", "source_org", "source_cameo",
    "cameo", "root", "plover", "quad_class", "goldstein",
    "target_name", "target_country", "target_org", "target_cameo",
    "modality", "confidence", "rule", "claimed_by_speaker", "claimed_by_name", "disputed", "disputed_by_name",
    "place_id", "place_name", "place_country", "lat", "lon", "geonameid", "geo_precision", "place_source",
    "quote_id", "quote", "sentence", "trigger", "sentence_start", "sentence_end", "trigger_start", "trigger_end",
    "outlet", "title", "url", "published", "source_entity", "target_entity",
)  # fmt: skip
_SELECT = {
    **{c: f"e.{c}" for c in EVENT_COLUMNS},
    "place_name": "p.name", "place_country": "p.country", "lat": "p.lat", "lon": "p.lon", "geonameid": "p.geonameid",
    "quote": "q.text", "sentence": "x.sentence", "trigger": "x.trigger",
    "outlet": "a.source", "title": "a.title", "url": "a.url", "published": "a.published",
}  # fmt: skip
#: A usable date starts with a digit: partial values such as "XXXX-11-20" count as undated.
_DATED = "(e.event_date >= '0' AND e.event_date < ':')"


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """What to select; every field is optional and the fields are combined with AND.

    Actor terms (``actor`` on either side; ``source`` and ``target`` for a directed dyad) match,
    case-insensitively, a CAMEO actor code or its prefix ("srb" matches SRBGOV), a country code, an
    organisation, a country name or alias from our knowledge base ("Serbia"), or a word of the actor's name.
    Dates use precision: an event dated "2022-02" overlaps any range that touches February 2022.
    ``bbox`` is (west, south, east, north) in degrees. ``text`` matches sentences and quotes: every word
    must occur (case-insensitive). ``merged`` returns merged events (``eventwire merge``), one per
    real-world event, which match when any of their mentions does.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    cameo: str | None = None  # CAMEO event code or prefix, e.g. "19" or "193"
    root: str | None = None  # CAMEO root, e.g. "04"
    plover: str | None = None
    quad_class: int | None = None
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    modality: str | None = None
    min_confidence: float | None = None
    claimed: bool | None = None
    disputed: bool | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    undated: bool = False  # with a date range: also return the undated events
    place: str | None = None  # our place id or a GeoNames id
    country: str | None = None  # the place's country (ISO alpha-2 or alpha-3, or a name)
    bbox: tuple[float, float, float, float] | None = None
    outlet: str | None = None
    text: str | None = None
    article: str | None = None
    include_duplicates: bool = False  # events of articles flagged as repeats of an earlier one
    merged: bool = False
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if self.modality is not None and self.modality not in MODALITIES:
            raise ConfigError(f"modality {self.modality!r} is not one of: {', '.join(MODALITIES)}")
        if self.root is not None and not (len(self.root) == 2 and self.root.isdigit()):
            raise ConfigError(f"root {self.root!r} must be a two-digit CAMEO root such as '04'")
        if self.cameo is not None and not (1 <= len(self.cameo) <= 4 and self.cameo.isdigit()):
            raise ConfigError(f"CAMEO code {self.cameo!r} must be 1 to 4 digits, such as '19' or '193'")
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise ConfigError(f"QuadClass {self.quad_class} must be 1, 2, 3 or 4")
        if self.since is not None and self.until is not None and self.since > self.until:
            raise ConfigError(f"since {self.since} is after until {self.until}")
        if self.bbox is not None and not (self.bbox[0] <= self.bbox[2] and self.bbox[1] <= self.bbox[3]):
            raise ConfigError(f"bbox {self.bbox} must be west,south,east,north with west <= east, south <= north")
        if not 1 <= self.limit <= 100_000:
            raise ConfigError(f"limit {self.limit} must be between 1 and 100000")
        if self.offset < 0:
            raise ConfigError(f"offset {self.offset} must not be negative")

    @property
    def has_dates(self) -> bool:
        """Whether a date range is given."""
        return self.since is not None or self.until is not None


@functools.cache
def _country_codes() -> dict[str, tuple[str, str]]:
    """Lower-case country names, aliases and codes -> (ISO alpha-3, ISO alpha-2)."""
    from eventwire.resources.kb import load_kb

    table: dict[str, tuple[str, str]] = {}
    for country in load_kb().countries.values():
        codes = (country.iso3, country.iso2)
        for name in (country.name, *country.aliases, country.iso3, country.iso2):
            table.setdefault(name.lower(), codes)
    return table


def _side(side: str, term: str) -> tuple[str, list[Any]]:
    """One side of an event matching an actor term (see EventFilter)."""
    low = term.lower()
    parts = [
        f"starts_with(lower(e.{side}_cameo), ?)",
        f"lower(e.{side}_country) = ?",
        f"lower(e.{side}_org) = ?",
        f"contains(lower(e.{side}_name), ?)",
    ]
    params: list[Any] = [low, low, low, low]
    country = _country_codes().get(low)
    if country is not None:
        parts += [f"e.{side}_country = ?", f"starts_with(e.{side}_cameo, ?)"]
        params += [country[0], country[0]]
    return "coalesce(" + " OR ".join(parts) + ", false)", params


def where(flt: EventFilter, *, dates: bool = True) -> tuple[str, list[Any]]:
    """The WHERE clause (placeholders only) and its parameters; ``dates=False`` leaves out the date range."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        clauses.append(clause)
        params.extend(values)

    if flt.actor is not None:
        source, source_params = _side("source", flt.actor)
        target, target_params = _side("target", flt.actor)
        add(f"({source} OR {target})", *source_params, *target_params)
    for side in ("source", "target"):
        term = getattr(flt, side)
        if term is not None:
            add(*_flat(_side(side, term)))
    if flt.cameo is not None:
        add("starts_with(e.cameo, ?)", flt.cameo)
    if flt.root is not None:
        add("e.root = ?", flt.root)
    if flt.plover is not None:
        add("upper(e.plover) = ?", flt.plover.upper())
    if flt.quad_class is not None:
        add("e.quad_class = ?", flt.quad_class)
    if flt.goldstein_min is not None:
        add("e.goldstein >= ?", flt.goldstein_min)
    if flt.goldstein_max is not None:
        add("e.goldstein <= ?", flt.goldstein_max)
    if flt.modality is not None:
        add("e.modality = ?", flt.modality)
    if flt.min_confidence is not None:
        add("e.confidence >= ?", flt.min_confidence)
    if flt.claimed is not None:
        add("(e.claimed_by_speaker IS NOT NULL OR e.claimed_by_name IS NOT NULL) = ?", flt.claimed)
    if flt.disputed is not None:
        add("e.disputed = ?", flt.disputed)
    if dates and flt.has_dates:
        # Overlap with precision: "2023-11" <= until, and "2023-11~" >= since ('~' sorts after "-30").
        overlap = [_DATED]
        if flt.until is not None:
            overlap.append("e.event_date <= ?")
            params.append(flt.until.isoformat())
        if flt.since is not None:
            overlap.append("e.event_date || '~' >= ?")
            params.append(flt.since.isoformat())
        clause = "(" + " AND ".join(overlap) + ")"
        clauses.append(f"({clause} OR NOT coalesce({_DATED}, false))" if flt.undated else clause)
    # The other tables are reached through subqueries on their keys, so that every clause reads ``events``
    # alone (no join per row): a filter on places, articles or texts costs a scan of that table only.
    if flt.place is not None:
        add(
            "(e.place_id = ? OR e.place_id IN (SELECT id FROM places WHERE CAST(geonameid AS VARCHAR) = ?))",
            flt.place,
            flt.place,
        )
    if flt.country is not None:
        codes = _country_codes().get(flt.country.lower())
        if codes is None:
            add("e.place_id IN (SELECT id FROM places WHERE upper(country) = ?)", flt.country.upper())
        else:
            add("e.place_id IN (SELECT id FROM places WHERE country = ?)", codes[1])
    if flt.bbox is not None:
        west, south, east, north = flt.bbox
        add(
            "e.place_id IN (SELECT id FROM places WHERE lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?)",
            west, east, south, north,
        )  # fmt: skip
    if flt.outlet is not None:
        add(
            "e.article_id IN (SELECT id FROM articles WHERE contains(lower(source), ?) OR contains(lower(url), ?))",
            flt.outlet.lower(),
            flt.outlet.lower(),
        )
    words = _words(flt.text)
    if words:
        add(*_flat(_text(words)))
    if flt.article is not None:
        add("e.article_id = ?", flt.article)
    if not flt.include_duplicates:
        add("e.article_id NOT IN (SELECT id FROM articles WHERE is_duplicate)")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _flat(pair: tuple[str, list[Any]]) -> list[Any]:
    return [pair[0], *pair[1]]


def _text(words: list[str]) -> tuple[str, list[Any]]:
    """Events whose sentence or quote holds every word (as a substring, case-insensitive): for each word, the
    events with a word of the store's word table (``event_words``, store/duckdb.py) that holds it, intersected.
    The word is first looked up in the short list of distinct words, then its postings are read from the
    table sorted by word, so only the row groups of the matching words are scanned."""
    one = "SELECT event_id FROM event_words WHERE word IN (SELECT word FROM words WHERE contains(word, ?))"
    return "e.id IN (" + " INTERSECT ".join(one for _ in words) + ")", list(words)


def _words(text: str | None) -> list[str]:
    return [w for w in re.split(r"\W+", (text or "").lower()) if w]


def events(store: Store, flt: EventFilter) -> tuple[list[dict[str, Any]], int]:
    """Events matching the filter, ordered by date then id, and how many matched in all.

    Each row holds the event's columns (see ``EVENT_COLUMNS``) plus ``cameo_name``, ``source_label`` and
    ``target_label``; merged rows (``flt.merged``) also hold ``num_mentions``, ``num_sources``,
    ``num_articles`` and ``merged_id``.
    """
    clause, params = where(flt)
    con = store.connection
    select = ", ".join(f"{_SELECT[c]} AS {c}" for c in EVENT_COLUMNS)
    extra: tuple[str, ...] = ()
    counted = False  # whether the page query also returns the total (as its sixth column)
    # Filtering, counting and the top-N order read ``events`` alone; then only the page's rows are looked up
    # in the other tables (by their keys, so DuckDB reads just those rows) for the display columns.
    if flt.merged:
        # One row per merged event: its first mention (the merge's representative) and its counts.
        matched = f"SELECT DISTINCT m.merged_id FROM event_merges m JOIN events e ON e.id = m.event_id{clause}"
        # The matching merged ids are found once, for the page and the count (measured: 1.3 s -> 0.8 s at
        # 1,000,000 events, no filter); the count query runs only for an empty page past the first.
        top = (
            f"WITH mm AS MATERIALIZED ({matched}) SELECT e.rowid, e.id, e.article_id, e.place_id, e.quote_id,"
            " (SELECT count(*) FROM mm) FROM events e JOIN merged_events g ON g.first_event = e.id"
            " WHERE g.id IN (SELECT merged_id FROM mm) ORDER BY e.event_date NULLS LAST, g.id LIMIT ? OFFSET ?"
        )
        counted = True
        columns = f"{select}, g.num_mentions, g.num_sources, g.num_articles, g.id AS merged_id"
        joins, order = " JOIN merged_events g ON g.first_event = e.id", "e.event_date NULLS LAST, g.id"
        count_sql = f"SELECT count(*) FROM ({matched})"
        extra = ("num_mentions", "num_sources", "num_articles", "merged_id")
    elif flt.actor or flt.source or flt.target or flt.text or flt.outlet:
        # Costly (string) tests: run them once, for the page and the count (measured: 1.5-2x faster).
        top = (
            "WITH m AS MATERIALIZED (SELECT e.rowid AS r, e.id, e.article_id, e.place_id, e.quote_id, e.event_date"
            f" FROM events e{clause}) SELECT r, id, article_id, place_id, quote_id, (SELECT count(*) FROM m)"
            " FROM m ORDER BY event_date NULLS LAST, id LIMIT ? OFFSET ?"
        )
        columns, joins, order, counted = select, "", "e.event_date NULLS LAST, e.id", True
        count_sql = f"SELECT count(*) FROM events e{clause}"  # only when the page is empty
    else:
        top = (
            f"SELECT e.rowid, e.id, e.article_id, e.place_id, e.quote_id FROM events e{clause}"
            " ORDER BY e.event_date NULLS LAST, e.id LIMIT ? OFFSET ?"
        )
        columns, joins, order = select, "", "e.event_date NULLS LAST, e.id"
        count_sql = f"SELECT count(*) FROM events e{clause}"
    try:
        page = con.execute(top, [*params, flt.limit, flt.offset]).fetchall()
        if counted and page:
            total_row: tuple[Any, ...] | None = (page[0][5],)
        elif counted and not flt.offset:
            total_row = (0,)
        else:
            total_row = con.execute(count_sql, params).fetchone()
    except duckdb.CatalogException as exc:
        raise StoreError(f"{store.path} has no merged events yet: run `eventwire merge --db {store.path}`") from exc
    rows: list[tuple[Any, ...]] = []
    if page:
        keys = [sorted({r[i] for r in page if r[i] is not None}) for i in range(5)]  # rowid, id, 3 keys
        tables = [
            ("events", "rowid", "e", ""),
            ("event_texts", "event_id", "x", "x.event_id = e.id"),
            ("articles", "id", "a", "a.id = e.article_id"),
            ("places", "id", "p", "p.id = e.place_id"),
            ("quotes", "id", "q", "q.id = e.quote_id"),
        ]
        parts, values = [], []
        for (table, key, alias, on), wanted in zip(tables, keys, strict=True):
            # Measured at 1,000,000 events: a list parameter is fastest for most tables, a list of
            # placeholders for event_texts (up to a point); an empty list is written as NULL.
            if not wanted:
                test = f"{key} IN (NULL)"
            elif table == "event_texts" and len(wanted) <= 1000:
                test = f"{key} IN ({', '.join('?' * len(wanted))})"
                values += wanted
            else:
                test = f"{key} = ANY(?)"
                values.append(wanted)
            found = f"(SELECT * FROM {table} WHERE {test}) {alias}"
            parts.append(f"LEFT JOIN {found} ON {on}" if on else found)
        rows = con.execute(f"SELECT {columns} FROM {' '.join(parts)}{joins} ORDER BY {order}", values).fetchall()
    names = (*EVENT_COLUMNS, *extra)
    result = [_labelled(dict(zip(names, row, strict=True))) for row in rows]
    return result, int(total_row[0]) if total_row else 0


def undated(store: Store, flt: EventFilter) -> int:
    """Events matching every filter but the date range that carry no usable date (0 without a range)."""
    if not flt.has_dates or flt.undated:
        return 0
    clause, params = where(flt, dates=False)
    glue = " AND " if clause else " WHERE "
    row = store.connection.execute(f"SELECT count(*) FROM events e{clause}{glue}NOT coalesce({_DATED}, false)", params)
    found = row.fetchone()
    return int(found[0]) if found else 0


def cameo_name(code: str | None) -> str:
    """The CAMEO name of an event code ('' when unknown)."""
    if not code:
        return ""
    from eventwire.stages.coding.codebook import load_codebook

    return load_codebook().lookup(code).name


@functools.cache
def _country_names() -> dict[str, str]:
    from eventwire.resources.kb import load_kb

    return {c.iso3: c.name for c in load_kb().countries.values()}


def actor_label(*, cameo: str | None, country: str | None, org: str | None, name: str | None) -> str:
    """A readable actor: code, then what it stands for and the words of the text ("PERGOV Peru government")."""
    code = cameo or org or country
    words: list[str] = []
    if country:
        words.append(_country_names().get(country, country))
    if cameo and len(cameo) >= 6 and cameo[3:6] in ROLES:
        words.append(ROLES[cameo[3:6]])
    if org and org != code:
        words.append(org)
    known = set(" ".join(words).lower().split()) | {"the", "a", "an"}
    if name and not set(name.lower().split()) <= known:
        words.append(f"'{name}'")
    return " ".join([code or "", *words]).strip() or "-"


def _labelled(row: dict[str, Any]) -> dict[str, Any]:
    row["cameo_name"] = cameo_name(row["cameo"])
    for side in ("source", "target"):
        values = {k: row[f"{side}_{k}"] for k in ("cameo", "country", "org", "name")}
        row[f"{side}_label"] = actor_label(**values) if any(values.values()) else None
    return row


ARTICLE_COLUMNS = ("id", "published", "source", "title", "url", "origin", "is_duplicate", "duplicate_of", "events")


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleFilter:
    """Articles to list: by outlet, publication date, title words; combined with AND."""

    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None  # words of the title or text
    include_duplicates: bool = True
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= 100_000:
            raise ConfigError(f"limit {self.limit} must be between 1 and 100000")


def articles(store: Store, flt: ArticleFilter) -> tuple[list[dict[str, Any]], int]:
    """Articles matching the filter with their event counts, newest first, and how many matched in all."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.outlet is not None:
        clauses.append("(contains(lower(a.source), ?) OR contains(lower(a.url), ?))")
        params += [flt.outlet.lower()] * 2
    if flt.since is not None:
        clauses.append("a.published >= ?")
        params.append(flt.since)
    if flt.until is not None:
        clauses.append("a.published <= ?")
        params.append(flt.until)
    for word in _words(flt.text):
        clauses.append("(contains(lower(a.title), ?) OR contains(lower(a.text), ?))")
        params += [word, word]
    if not flt.include_duplicates:
        clauses.append("NOT a.is_duplicate")
    clause = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    counts = "(SELECT article_id, count(*) AS n FROM events GROUP BY article_id) c ON c.article_id = a.id"
    sql_rows = (
        "SELECT a.id, a.published, a.source, a.title, a.url, a.origin, a.is_duplicate, a.duplicate_of,"
        f" coalesce(c.n, 0) FROM articles a LEFT JOIN {counts}{clause}"
        " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?"
    )
    rows = store.connection.execute(sql_rows, [*params, flt.limit, flt.offset]).fetchall()
    total = store.connection.execute(f"SELECT count(*) FROM articles a{clause}", params).fetchone()
    return [dict(zip(ARTICLE_COLUMNS, r, strict=True)) for r in rows], int(total[0]) if total else 0


_READ_ONLY = re.compile(r"^\s*(select|with|from|describe|show|summarize|explain|pragma\s+table_info|values)\b", re.I)


def sql(store: Store, text: str, *, limit: int = 10_000) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one read-only SQL statement; the column names and up to ``limit`` rows.

    Open the store with ``read_only=True``: DuckDB then refuses every write. A statement that does not
    start as a query is refused before it reaches DuckDB, too.
    """
    if not _READ_ONLY.match(text) or ";" in text.strip().rstrip(";"):
        raise ConfigError("only one read-only statement (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) is allowed")
    try:
        result = store.connection.execute(text)
        columns = [d[0] for d in result.description or []]
        return columns, result.fetchmany(limit)
    except duckdb.Error as exc:
        raise ConfigError(f"the SQL failed: {exc}") from exc


def filter_fields() -> tuple[str, ...]:
    """Names of the filter's fields (for help texts and validation)."""
    return tuple(f.name for f in fields(EventFilter))


# --- Read functions of the HTTP API and web UI (issue 17) -------------------------------------------------
# Pages of rows with their total, and aggregates; each takes the EventFilter above where events are selected,
# and every user value is a bound parameter. ``offset`` and ``limit`` are bounded by the caller (the API).

SIDE_KEY = "coalesce({0}_org, {0}_country, {0}_name)"  # the actor key of one side, as the scorers use it


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article's public record (as ``eventwire extract`` prints it) with its duplicate flags, or None when
    the store has no such id."""
    row = store.connection.execute(
        "SELECT record, is_duplicate, duplicate_of FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    record: dict[str, Any] = json.loads(row[0])
    return {**record, "is_duplicate": bool(row[1]), "duplicate_of": row[2]}


def articles_page(store: Store, *, limit: int, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Articles (id, title, source, published, duplicate flag, event count) by publication date, and their total."""
    con = store.connection
    total_row = con.execute("SELECT count(*) FROM articles").fetchone()
    rows = con.execute(
        "SELECT a.id, a.title, a.source, CAST(a.published AS VARCHAR), a.is_duplicate,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id)"
        " FROM articles a ORDER BY a.published NULLS LAST, a.id LIMIT ? OFFSET ?",
        [limit, offset],
    ).fetchall()
    names = ("id", "title", "source", "published", "is_duplicate", "events")
    return [dict(zip(names, r, strict=True)) for r in rows], int(total_row[0]) if total_row else 0


EVENT_DETAIL_COLUMNS = (
    *EVENT_COLUMNS,
    "source_entity",
    "target_entity",
    "plover",
    "sentence_start",
    "sentence_end",
    "trigger_start",
    "trigger_end",
    "rule",
    "claimed_by_name",
    "disputed",
    "time_precision",
    "date_source",
    "geo_precision",
    "place_source",
)


def events_page(store: Store, flt: EventFilter, *, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """A page of events (``flt.limit`` rows from ``offset``) with the evidence columns, and the filter's total:
    the rows of ``events`` cut to ``EVENT_DETAIL_COLUMNS`` (and ``MERGED_COLUMNS`` for merged events)."""
    rows, total = events(store, replace(flt, offset=offset))
    columns = (*EVENT_DETAIL_COLUMNS, *MERGED_COLUMNS) if flt.merged else EVENT_DETAIL_COLUMNS
    return [{c: row[c] for c in columns} for row in rows], total


#: The counts a merged event row adds (``flt.merged``): GDELT's NumMentions, NumSources, NumArticles.
MERGED_COLUMNS = ("num_mentions", "num_sources", "num_articles", "merged_id")


QUOTE_COLUMNS = ("id", "article_id", "start_char", "end_char", "text", "kind", "speaker", "speaker_name", "cue")


def quotes_page(
    store: Store, *, speaker: str | None = None, article_id: str | None = None, limit: int, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Quotes, optionally of one speaker (name, case-insensitive) or one article, with the ids of their events."""
    clauses, params = [], []
    if speaker is not None:
        clauses.append("lower(speaker_name) = lower(?)")
        params.append(speaker)
    if article_id is not None:
        clauses.append("article_id = ?")
        params.append(article_id)
    clause = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    con = store.connection
    total_row = con.execute(f"SELECT count(*) FROM quotes{clause}", params).fetchone()
    cols = ", ".join(f"q.{c}" for c in QUOTE_COLUMNS)
    rows = con.execute(
        f"SELECT {cols}, (SELECT list(e.id ORDER BY e.id) FROM events e WHERE e.quote_id = q.id)"
        f" FROM (SELECT * FROM quotes{clause}) q ORDER BY q.speaker_name NULLS LAST, q.article_id, q.start_char"
        " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    out = [{**dict(zip(QUOTE_COLUMNS, r[:-1], strict=True)), "events": list(r[-1] or [])} for r in rows]
    return out, int(total_row[0]) if total_row else 0


def speakers(store: Store, *, limit: int) -> list[dict[str, Any]]:
    """Speakers by number of quotes."""
    rows = store.connection.execute(
        "SELECT speaker_name, count(*) AS n FROM quotes WHERE speaker_name IS NOT NULL"
        " GROUP BY speaker_name ORDER BY n DESC, speaker_name LIMIT ?",
        [limit],
    ).fetchall()
    return [{"speaker": r[0], "quotes": int(r[1])} for r in rows]


def matching(flt: EventFilter, *, dates: bool = True) -> tuple[str, list[Any]]:
    """The filter as a subquery of whole ``events`` rows, for aggregates: ``(SELECT e.* ...)`` and its parameters."""
    clause, params = where(flt, dates=dates)
    return f"(SELECT e.* FROM events e{clause})", params


def actors(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Actors (org, else country, else name) of the filtered events: events as source, as target, Goldstein sum."""
    subquery, params = matching(flt)
    src, tgt = SIDE_KEY.format("source"), SIDE_KEY.format("target")
    rows = store.connection.execute(
        f"WITH e AS (SELECT * FROM {subquery}),"
        f" sides AS (SELECT {src} AS actor, 1 AS as_source, 0 AS as_target, goldstein FROM e"
        f" UNION ALL SELECT {tgt}, 0, 1, goldstein FROM e WHERE {tgt} IS NOT NULL)"
        " SELECT actor, sum(as_source), sum(as_target), round(sum(goldstein), 2) FROM sides WHERE actor IS NOT NULL"
        " GROUP BY actor ORDER BY sum(as_source) + sum(as_target) DESC, actor LIMIT ?",
        [*params, flt.limit],
    ).fetchall()
    return [{"actor": r[0], "as_source": int(r[1]), "as_target": int(r[2]), "goldstein": float(r[3])} for r in rows]


def places(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Places of the filtered events with coordinates, the best (lowest) geo_precision and the event count."""
    subquery, params = matching(flt)
    rows = store.connection.execute(
        f"SELECT p.name, p.country, p.lat, p.lon, p.feature, min(e.geo_precision), count(*),"
        f" round(avg(e.goldstein), 2) FROM {subquery} e JOIN places p ON p.id = e.place_id"
        " WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL"
        " GROUP BY p.name, p.country, p.lat, p.lon, p.feature"
        " ORDER BY count(*) DESC, p.name, p.country, p.lat, p.lon, p.feature LIMIT ?",
        [*params, flt.limit],
    ).fetchall()
    names = ("name", "country", "lat", "lon", "feature", "geo_precision", "events", "goldstein")
    return [dict(zip(names, r, strict=True)) for r in rows]


def timeline(store: Store, flt: EventFilter, *, by: str = "month") -> list[dict[str, Any]]:
    """Dated events per period ('day', 'month' or 'year') and QuadClass: count and mean Goldstein."""
    width = {"day": 10, "month": 7, "year": 4}.get(by)
    if width is None:
        raise ConfigError(f"timeline period {by!r} is not one of: day, month, year")
    subquery, params = matching(flt)
    rows = store.connection.execute(
        f"SELECT substr(event_date, 1, {width}) AS period, quad_class, count(*), round(avg(goldstein), 2)"
        f" FROM {subquery} ev WHERE event_date IS NOT NULL AND length(event_date) >= {width}"
        " GROUP BY period, quad_class ORDER BY period, quad_class LIMIT ?",
        [*params, flt.limit],
    ).fetchall()
    return [{"period": r[0], "quad_class": int(r[1]), "events": int(r[2]), "goldstein": float(r[3])} for r in rows]


def dyads(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Who acts on whom: (source, target) pairs of the filtered events, count and Goldstein sum and mean."""
    subquery, params = matching(flt)
    src, tgt = SIDE_KEY.format("source"), SIDE_KEY.format("target")
    rows = store.connection.execute(
        f"SELECT {src} AS s, {tgt} AS t, count(*), round(sum(goldstein), 2), round(avg(goldstein), 2)"
        f" FROM {subquery} ev GROUP BY s, t HAVING s IS NOT NULL AND t IS NOT NULL"
        " ORDER BY count(*) DESC, s, t LIMIT ?",
        [*params, flt.limit],
    ).fetchall()
    names = ("source", "target", "events", "goldstein", "mean_goldstein")
    return [dict(zip(names, r, strict=True)) for r in rows]
