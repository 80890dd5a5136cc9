"""Filters -> SQL -> records: the one query path for the CLI (and later the API and web UI).

User values reach DuckDB only as bound parameters; column names come from our own tables.
"""

from __future__ import annotations

import datetime as dt
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
