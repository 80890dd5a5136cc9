"""Connect to, write to and read from the embedded DuckDB store.

Each article is written in one transaction that first deletes the article's old rows,
so a run that was killed half-way leaves whole articles only, and running it again
gives the same database as an uninterrupted run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from eventwire.errors import StoreError
from eventwire.ids import digest
from eventwire.model import Analysis, Rejection
from eventwire.record import to_record

if TYPE_CHECKING:
    from eventwire.store.index import StoredArticleIndex

STORE_SCHEMA_VERSION = "3"
ARTICLE_TABLES = (
    "duplicates", "entities", "mentions", "quotes", "times", "places", "events", "problems", "event_texts",
)  # fmt: skip
TABLES = ("articles", "rejections", *ARTICLE_TABLES)


def schema_sql() -> str:
    """The DDL of the store, read from the package."""
    return resources.files("eventwire.store").joinpath("schema.sql").read_text(encoding="utf-8")


class Store:
    """A DuckDB database file (or ':memory:') holding analysed articles."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.connection = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}") from exc
        self._check_version()
        if not read_only:
            self.connection.execute(schema_sql())
            self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [STORE_SCHEMA_VERSION])

    def _check_version(self) -> None:
        """Refuse a database written by another schema version, saying what to do."""
        tables = {
            row[0] for row in self.connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "meta" not in tables:
            return
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is not None and str(row[0]) != STORE_SCHEMA_VERSION:
            self.connection.close()
            raise StoreError(
                f"the database {self.path} has schema version {row[0]}, this eventwire writes version "
                f"{STORE_SCHEMA_VERSION}: analyse the inputs again into a new database file (--db NEW.duckdb)"
            )

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(
        self,
        analyses: Sequence[Analysis],
        rejections: Sequence[Rejection] = (),
        *,
        index: StoredArticleIndex | None = None,
    ) -> None:
        """Write articles and rejections in one transaction, replacing earlier rows of the same articles.

        ``index``: its pending duplicate-index entries are written in the same transaction.
        """
        con = self.connection
        try:
            con.execute("BEGIN TRANSACTION")
            replace_rows(con, analyses, rejections)
            if index is not None:
                index.write()
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"writing to {self.path} failed: {exc}") from exc

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
        row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def stats(self) -> dict[str, Any]:
        """Row counts of every table, and problems and rejections by code."""
        counts = {table: self.count(table) for table in TABLES}
        by_code = dict(
            self.connection.execute("SELECT code, count(*) FROM problems GROUP BY code ORDER BY code").fetchall()
        )
        rejected = dict(
            self.connection.execute("SELECT code, count(*) FROM rejections GROUP BY code ORDER BY code").fetchall()
        )
        duplicates = self.connection.execute("SELECT count(*) FROM articles WHERE is_duplicate").fetchone()
        return {
            "tables": counts,
            "problems": by_code,
            "rejected": rejected,
            "duplicate_articles": int(duplicates[0]) if duplicates else 0,
        }

    def records(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Stored public records, sorted by id (all, or those with the given ids)."""
        if ids is None:
            rows = self.connection.execute("SELECT record FROM articles ORDER BY id").fetchall()
        else:
            wanted = sorted(set(ids))
            rows = self.connection.execute(
                "SELECT record FROM articles WHERE list_contains(?, id) ORDER BY id", [wanted]
            ).fetchall()
        return [json.loads(row[0]) for row in rows]


def replace_rows(
    con: duckdb.DuckDBPyConnection, analyses: Sequence[Analysis], rejections: Sequence[Rejection] = ()
) -> None:
    """Delete the articles' earlier rows and insert their rows and the rejections (inside a transaction)."""
    tables: dict[str, list[list[Any]]] = {}
    for analysis in analyses:
        for table, rows in _rows(analysis).items():
            tables.setdefault(table, []).extend(rows)
    tables["rejections"] = [[r.id, r.origin, r.line, r.code, r.message] for r in rejections]
    ids = [analysis.article.id for analysis in analyses]
    if ids:
        delete_articles(con, ids)
    for table in TABLES:
        _insert(con, table, tables.get(table, []))


def delete_articles(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
    """Delete every row of these articles except the ``articles`` rows (which inserts replace)."""
    for table in ARTICLE_TABLES:  # table names are our constants; ids are parameters
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])


def _rows(analysis: Analysis) -> dict[str, list[list[Any]]]:
    """The rows of one article, by table."""
    record = to_record(analysis)
    aid = record["id"]
    text = record["text"]
    article_dup = next((d for d in analysis.duplicates if d.scope == "article"), None)
    article = [
        aid,
        record["origin"],
        record["line"],
        record["source"],
        record["url"],
        record["title"],
        record["published"],
        record["published_from"],
        text,
        json.dumps(record["paragraphs"]),
        record["model"],
        article_dup is not None,
        article_dup.of_article if article_dup else None,
        json.dumps(record, ensure_ascii=False, sort_keys=True),
    ]
    mentions = {(e["id"], s, t): [e["id"], aid, s, t, text[s:t]] for e in record["entities"] for s, t in e["mentions"]}
    return {
        "articles": [article],
        "duplicates": [
            [aid, *d["span"], *(d["of"] or (None, None)), d["kind"], d["similarity"], d["scope"], d.get("of_article")]
            for d in record["duplicates"]
        ],
        "entities": [
            [
                e["id"],
                aid,
                e["name"],
                e["type"],
                *(e["actor"][k] for k in ("country", "org", "role", "cameo")),
                e["kb_id"],
            ]
            for e in record["entities"]
        ],
        "mentions": list(mentions.values()),
        "quotes": [
            [
                q["id"],
                aid,
                *q["span"],
                q["text"],
                q["kind"],
                q["speaker"],
                q["speaker_name"],
                q["cue"],
                *(q["cue_span"] or (None, None)),
                q["repeat_of"],
            ]
            for q in record["quotes"]
        ],
        "times": [[t["id"], aid, *t["span"], t["text"], t["type"], t["value"], t["anchor"]] for t in record["times"]],
        "places": [
            [
                p["id"],
                aid,
                *p["span"],
                p["text"],
                p["geonameid"],
                p["name"],
                p["country"],
                p["lat"],
                p["lon"],
                p["feature"],
                p["reason"],
            ]
            for p in record["places"]
        ],
        "events": [_event_row(aid, e) for e in record["events"]],
        "event_texts": [
            [e["id"], aid, text[slice(*e["sentence"])], text[slice(*e["trigger"])]] for e in record["events"]
        ],
        "problems": [
            [
                digest("problem", aid, n, p["code"], p["message"], size=10),
                aid,
                p["code"],
                p["stage"],
                p["message"],
                *(p["span"] or (None, None)),
            ]
            for n, p in enumerate(record["problems"])
        ],
    }


def _event_row(aid: str, e: dict[str, Any]) -> list[Any]:
    def side(actor: dict[str, Any] | None) -> list[Any]:
        if actor is None:
            return [None] * 5
        return [actor["entity"], actor["name"], actor["country"], actor["org"], actor["cameo"]]

    return [
        e["id"],
        aid,
        *side(e["source"]),
        *side(e["target"]),
        e["cameo"],
        e["root"],
        e["quad_class"],
        e["goldstein"],
        e["plover"],
        e["date"],
        e["place"],
        e["modality"],
        e["quote"],
        *e["sentence"],
        *e["trigger"],
        e["confidence"],
        e["rule"],
        *((e["claimed_by"] or {}).get(k) for k in ("quote", "speaker", "name")),
        e["disputed"],
        *((e["disputed_by"] or {}).get(k) for k in ("speaker", "name")),
        e["time_precision"],
        e["date_source"],
        e["geo_precision"],
        e["place_source"],
        json.dumps(e["magnitudes"]) if e["magnitudes"] else None,
    ]


#: Rows per INSERT statement: DuckDB's executemany runs one statement per row, which is slow.
ROWS_PER_STATEMENT = 256


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
    """Insert rows with multi-row VALUES statements; values are always bound parameters."""
    rows = list({tuple(row): row for row in rows}.values())  # an input named twice gives one rejection row
    if not rows:
        return
    row_marks = "(" + ", ".join("?" * len(rows[0])) + ")"
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        values = ", ".join([row_marks] * len(chunk))
        params = [value for row in chunk for value in row]
        con.execute(f"INSERT OR REPLACE INTO {table} VALUES {values}", params)
