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

STORE_SCHEMA_VERSION = "5"
#: Versions this eventwire upgrades in place when it opens the store for writing (version -> what it adds).
UPGRADES = {
    "3": "the word table of text search (event_words, words) and the evidence of entities' actor codes",
    "4": "the evidence of entities' actor codes (entities.evidence)",
}
ARTICLE_TABLES = (
    "duplicates", "entities", "mentions", "quotes", "times", "places", "events", "problems", "event_texts",
    "event_words",
)  # fmt: skip
TABLES = ("articles", "rejections", *ARTICLE_TABLES, "words")
#: Tables the store derives from the others (fill_words); they are never written from rows.
DERIVED_TABLES = ("event_words", "words")


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
        self.read_only = read_only
        old = self._check_version()
        if not read_only:
            self.connection.execute(schema_sql())
            if old is not None:
                self._upgrade(old)
            self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [STORE_SCHEMA_VERSION])

    def _check_version(self) -> str | None:
        """Refuse a database written by another schema version, saying what to do; the version to upgrade from
        (see ``UPGRADES``) when the store is opened for writing, else None."""
        tables = {
            row[0] for row in self.connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "meta" not in tables:
            return None
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or str(row[0]) == STORE_SCHEMA_VERSION:
            return None
        version = str(row[0])
        if version in UPGRADES and not self.read_only:
            return version
        self.connection.close()
        if version in UPGRADES:
            raise StoreError(
                f"the database {self.path} has schema version {version}, this eventwire reads version "
                f"{STORE_SCHEMA_VERSION}, which adds {UPGRADES[version]}: open it once for writing to upgrade it in"
                f" place (for example `eventwire merge --db {self.path}`), then read it again"
            )
        raise StoreError(
            f"the database {self.path} has schema version {version}, this eventwire writes version "
            f"{STORE_SCHEMA_VERSION}: analyse the inputs again into a new database file (--db NEW.duckdb)"
        )

    def _upgrade(self, version: str) -> None:
        """Bring a store of an older schema version (a key of ``UPGRADES``) to this one, in one transaction."""
        con = self.connection
        try:
            con.execute("BEGIN TRANSACTION")
            if version == "3":
                fill_words(con, None)
            if version in ("3", "4"):
                # appended last, where schema.sql has it, so rows keep their column order
                con.execute("ALTER TABLE entities ADD COLUMN IF NOT EXISTS evidence VARCHAR")
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [STORE_SCHEMA_VERSION])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"upgrading {self.path} from schema version {version} failed: {exc}") from exc

    def sort_words(self, *, unsorted_share: float = 0.0) -> bool:
        """Sort the word table by word again (for zone-map pruning) when more than ``unsorted_share`` of its rows
        were appended since it was last sorted; whether it was sorted. Run by ``close()`` with a share of 1/8."""
        con = self.connection
        row = con.execute(
            "SELECT (SELECT count(*) FROM event_words), (SELECT value FROM word_layout WHERE key = 'unsorted')"
        ).fetchone()
        total, unsorted = (int(row[0]), int(row[1] or 0)) if row else (0, 0)
        if unsorted == 0 or unsorted <= unsorted_share * total:
            return False
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("CREATE TEMP TABLE sorted_words AS SELECT * FROM event_words ORDER BY word, event_id")
            con.execute("DELETE FROM event_words")
            con.execute("INSERT INTO event_words SELECT * FROM sorted_words")
            con.execute("DROP TABLE sorted_words")
            con.execute("INSERT OR REPLACE INTO word_layout VALUES ('unsorted', 0)")
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"sorting the word table of {self.path} failed: {exc}") from exc
        return True

    def close(self) -> None:
        """Close the connection; a store open for writing first sorts its word table again when more than an
        eighth of its rows (and at least one row group) were appended since the last sort."""
        if not getattr(self, "read_only", True) and self._unsorted_words() > SORT_AFTER_ROWS:
            self.sort_words(unsorted_share=1 / 8)
        self.connection.close()

    def _unsorted_words(self) -> int:
        row = self.connection.execute("SELECT value FROM word_layout WHERE key = 'unsorted'").fetchone()
        return int(row[0]) if row else 0

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
        if table not in DERIVED_TABLES:
            _insert(con, table, tables.get(table, []))
    fill_words(con, ids)


#: The separators of text search: every character that is not a letter, digit or underscore (RE2 syntax).
#: Python's ``\w`` (which splits the query, query.py) is a subset of ``[\p{L}\p{N}_]``, so no word of a query
#: can hold a separator: a query word is inside a text exactly when it is inside one of the text's words.
WORD_SEPARATORS = r"[^\p{L}\p{N}_]+"
#: close() sorts the word table only past this many unsorted rows (one DuckDB row group).
SORT_AFTER_ROWS = 122_880


def fill_words(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None) -> int:
    """Write the words of these articles' events (their rows in ``event_texts`` and ``quotes`` are written and
    their old words deleted), or with None rebuild the whole word table, sorted; the rows written.

    Words are lower-cased with DuckDB's ``lower`` (as the search did on the sentences before) and split at
    ``WORD_SEPARATORS``; an event's words are those of its sentence and of its quote, each once.
    """
    if article_ids is not None and not article_ids:
        return 0
    pick, params, order = "", [], " ORDER BY word, event_id"
    if article_ids is not None:
        pick, params, order = " WHERE {}.article_id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)] * 2, ""
    else:
        con.execute("DELETE FROM event_words")

    def split(column: str) -> str:
        return f"unnest(string_split_regex(lower({column}), '{WORD_SEPARATORS}'))"  # our constants

    con.execute(
        "CREATE OR REPLACE TEMP TABLE new_words AS SELECT DISTINCT word, event_id, article_id FROM ("
        f" SELECT x.event_id, x.article_id, {split('x.sentence')} AS word FROM event_texts x{pick.format('x')}"
        f" UNION ALL SELECT e.id, e.article_id, {split('q.text')} FROM events e"
        f" JOIN quotes q ON q.id = e.quote_id{pick.format('e')}) WHERE word <> ''{order}",
        params,
    )
    try:
        row = con.execute("SELECT count(*) FROM new_words").fetchone()
        added = int(row[0]) if row else 0
        con.execute("INSERT INTO event_words SELECT * FROM new_words")
        con.execute("INSERT OR IGNORE INTO words SELECT DISTINCT word FROM new_words")
    finally:
        con.execute("DROP TABLE new_words")
    if article_ids is None:  # written in order
        con.execute("INSERT OR REPLACE INTO word_layout VALUES ('unsorted', 0)")
    else:
        con.execute(
            "INSERT INTO word_layout VALUES ('unsorted', ?) ON CONFLICT (key) DO UPDATE"
            " SET value = word_layout.value + excluded.value",
            [added],
        )
    return added


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
                e["actor"].get("evidence"),
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
