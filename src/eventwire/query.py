"""Filters -> SQL -> records: the one query path for the CLI (and later the API and web UI).

User values reach DuckDB only as bound parameters; column names come from our own tables.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields
from typing import Any

from eventwire.errors import ConfigError
from eventwire.store.duckdb import Store

MODALITIES = ("asserted", "planned", "considered", "demanded", "hypothetical", "negated")
EVENT_COLUMNS = (
    "id",
    "article_id",
    "event_date",
    "source_name",
    "source_country",
    "source_org",
    "cameo",
    "root",
    "target_name",
    "target_country",
    "target_org",
    "modality",
    "goldstein",
    "quad_class",
    "place_id",
    "quote_id",
    "confidence",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """What to select; every field is optional and combined with AND."""

    actor: str | None = None  # country code or organisation, on either side
    root: str | None = None  # CAMEO root, e.g. "04"
    modality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article: str | None = None
    include_duplicates: bool = False  # events of articles flagged as repeats of an earlier one
    limit: int = 100

    def __post_init__(self) -> None:
        if self.modality is not None and self.modality not in MODALITIES:
            raise ConfigError(f"modality {self.modality!r} is not one of: {', '.join(MODALITIES)}")
        if self.root is not None and not (len(self.root) == 2 and self.root.isdigit()):
            raise ConfigError(f"root {self.root!r} must be a two-digit CAMEO root such as '04'")
        if not 1 <= self.limit <= 100_000:
            raise ConfigError(f"limit {self.limit} must be between 1 and 100000")


def where(flt: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (placeholders only) and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.actor is not None:
        clauses.append("(source_country = ? OR source_org = ? OR target_country = ? OR target_org = ?)")
        params += [flt.actor] * 4
    if flt.root is not None:
        clauses.append("root = ?")
        params.append(flt.root)
    if flt.modality is not None:
        clauses.append("modality = ?")
        params.append(flt.modality)
    if flt.since is not None:
        clauses.append("event_date >= ?")
        params.append(flt.since.isoformat())
    if flt.until is not None:
        clauses.append("event_date <= ?")
        params.append(flt.until.isoformat() + "~")  # so 2023-11 and 2023-11-30 both fall before "2023-11-30~"
    if flt.article is not None:
        clauses.append("article_id = ?")
        params.append(flt.article)
    if not flt.include_duplicates:
        clauses.append("article_id NOT IN (SELECT id FROM articles WHERE is_duplicate)")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def events(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Events matching the filter, ordered by date then id."""
    clause, params = where(flt)
    sql = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events{clause} ORDER BY event_date NULLS LAST, id LIMIT ?"
    rows = store.connection.execute(sql, [*params, flt.limit]).fetchall()
    return [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in rows]


def filter_fields() -> tuple[str, ...]:
    """Names of the filter's fields (for help texts and validation)."""
    return tuple(f.name for f in fields(EventFilter))


# --- Read functions of the HTTP API and web UI (issue 17) -------------------------------------------------
# Pages of rows with their total, and aggregates; each takes the EventFilter above where events are selected,
# and every user value is a bound parameter. ``offset`` and ``limit`` are bounded by the caller (the API).

SIDE_KEY = "coalesce({0}_org, {0}_country, {0}_name)"  # the actor key of one side, as the scorers use it


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article's full public record with its duplicate flags, or None when the store has no such id."""
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
    """A page of events (``flt.limit`` rows from ``offset``) with the evidence columns, and the filter's total."""
    clause, params = where(flt)
    con = store.connection
    total_row = con.execute(f"SELECT count(*) FROM events{clause}", params).fetchone()
    sql = (
        f"SELECT {', '.join(EVENT_DETAIL_COLUMNS)} FROM events{clause}"
        " ORDER BY event_date NULLS LAST, id LIMIT ? OFFSET ?"
    )
    rows = con.execute(sql, [*params, flt.limit, offset]).fetchall()
    return [dict(zip(EVENT_DETAIL_COLUMNS, r, strict=True)) for r in rows], int(total_row[0]) if total_row else 0


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


def actors(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Actors (org, else country, else name) of the filtered events: events as source, as target, Goldstein sum."""
    clause, params = where(flt)
    src, tgt = SIDE_KEY.format("source"), SIDE_KEY.format("target")
    rows = store.connection.execute(
        f"WITH e AS (SELECT * FROM events{clause}),"
        f" sides AS (SELECT {src} AS actor, 1 AS as_source, 0 AS as_target, goldstein FROM e"
        f" UNION ALL SELECT {tgt}, 0, 1, goldstein FROM e WHERE {tgt} IS NOT NULL)"
        " SELECT actor, sum(as_source), sum(as_target), round(sum(goldstein), 2) FROM sides WHERE actor IS NOT NULL"
        " GROUP BY actor ORDER BY sum(as_source) + sum(as_target) DESC, actor LIMIT ?",
        [*params, flt.limit],
    ).fetchall()
    return [{"actor": r[0], "as_source": int(r[1]), "as_target": int(r[2]), "goldstein": float(r[3])} for r in rows]


def places(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Places of the filtered events with coordinates, the best (lowest) geo_precision and the event count."""
    clause, params = where(flt)
    rows = store.connection.execute(
        f"SELECT p.name, p.country, p.lat, p.lon, p.feature, min(e.geo_precision), count(*),"
        f" round(avg(e.goldstein), 2) FROM (SELECT * FROM events{clause}) e JOIN places p ON p.id = e.place_id"
        " WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL"
        " GROUP BY p.name, p.country, p.lat, p.lon, p.feature ORDER BY count(*) DESC, p.name LIMIT ?",
        [*params, flt.limit],
    ).fetchall()
    names = ("name", "country", "lat", "lon", "feature", "geo_precision", "events", "goldstein")
    return [dict(zip(names, r, strict=True)) for r in rows]


def timeline(store: Store, flt: EventFilter, *, by: str = "month") -> list[dict[str, Any]]:
    """Dated events per period ('day', 'month' or 'year') and QuadClass: count and mean Goldstein."""
    width = {"day": 10, "month": 7, "year": 4}.get(by)
    if width is None:
        raise ConfigError(f"timeline period {by!r} is not one of: day, month, year")
    clause, params = where(flt)
    dated = f"{clause} AND" if clause else " WHERE"
    rows = store.connection.execute(
        f"SELECT substr(event_date, 1, {width}) AS period, quad_class, count(*), round(avg(goldstein), 2)"
        f" FROM events{dated} event_date IS NOT NULL AND length(event_date) >= {width}"
        " GROUP BY period, quad_class ORDER BY period, quad_class LIMIT ?",
        [*params, flt.limit],
    ).fetchall()
    return [{"period": r[0], "quad_class": int(r[1]), "events": int(r[2]), "goldstein": float(r[3])} for r in rows]


def dyads(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Who acts on whom: (source, target) pairs of the filtered events, count and Goldstein sum and mean."""
    clause, params = where(flt)
    src, tgt = SIDE_KEY.format("source"), SIDE_KEY.format("target")
    rows = store.connection.execute(
        f"SELECT {src} AS s, {tgt} AS t, count(*), round(sum(goldstein), 2), round(avg(goldstein), 2)"
        f" FROM events{clause} GROUP BY s, t HAVING s IS NOT NULL AND t IS NOT NULL"
        " ORDER BY count(*) DESC, s, t LIMIT ?",
        [*params, flt.limit],
    ).fetchall()
    names = ("source", "target", "events", "goldstein", "mean_goldstein")
    return [dict(zip(names, r, strict=True)) for r in rows]
