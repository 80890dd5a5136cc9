"""Parquet shards: one chunk's rows, written where the chunk was analysed, then loaded into the store.

A shard is a folder named from the chunk's content (its articles and the analysis settings), holding
one Parquet file per store table, the articles' duplicate-index keys and the chunk's part of the
run summary. It appears whole or not at all (written under a temporary name, then renamed), so a
chunk whose worker died is simply analysed again, and one already written is reused by a resumed
run. Loading a shard is one transaction: its rows, then the article duplicate flags in input order
(through the persisted index), then a ``loaded_shards`` row, after which the folder is removed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import duckdb

from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.ids import digest
from eventwire.model import Analysis, Article
from eventwire.record import from_record
from eventwire.stages.dedupe import ArticleKeys, article_keys, flag_article
from eventwire.store.duckdb import DERIVED_TABLES, TABLES, Store, delete_articles, fill_words, replace_rows
from eventwire.store.index import StoredArticleIndex

#: Settings that change how a run is carried out but not a single record, so not a shard's name.
RUN_ONLY = frozenset(
    {"db", "workers", "scheduler", "write_batch", "chunk_size", "shards", "strict", "merge_days", "fetch_cache"}
)
KEYS = "article_keys"
SUMMARY = "summary.json"


def shard_name(articles: Sequence[Article], settings: Settings) -> str:
    """The shard's name: a digest of the analysis settings and of every article of the chunk, in order."""
    analysis = [(f.name, getattr(settings, f.name)) for f in fields(settings) if f.name not in RUN_ONLY]
    return "s" + digest("shard", analysis, *(repr(a) for a in articles), size=12)


def shard_folder(settings: Settings) -> Path:
    """Where a run's shards go: ``settings.shards``, else a folder beside the database."""
    if settings.shards is not None:
        return settings.shards
    return Path(f"{settings.db}.shards")


def is_written(path: Path) -> bool:
    """Whether a complete shard is at ``path`` (the summary is written last, before the rename)."""
    return (path / SUMMARY).is_file()


def write_shard(path: Path, analyses: Sequence[Analysis], summary: dict[str, Any]) -> Path:
    """Write the chunk's rows to the shard folder ``path`` (atomically); an existing shard is kept."""
    if is_written(path):
        return path
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    with Store(":memory:") as store:
        con = store.connection
        replace_rows(con, analyses)
        con.execute(f"CREATE TABLE {KEYS} (ordinal INTEGER, article_id VARCHAR, fingerprint VARCHAR, bands VARCHAR[])")
        rows = []
        for ordinal, analysis in enumerate(analyses):
            keys = article_keys(analysis.article.text)
            rows.append([ordinal, analysis.article.id, keys.fingerprint, list(keys.bands)])
        if rows:
            con.executemany(f"INSERT INTO {KEYS} VALUES (?, ?, ?, ?)", rows)
        for table in (*(t for t in TABLES if t not in DERIVED_TABLES), KEYS):  # our constants; the folder is ours
            con.execute(f"COPY {table} TO '{_quoted(temporary / table)}.parquet' (FORMAT PARQUET)")
    (temporary / SUMMARY).write_text(json.dumps(summary, sort_keys=True), encoding="utf-8")
    try:
        temporary.rename(path)
    except OSError:  # another attempt at the same chunk finished first: its shard is the same
        if not is_written(path):
            raise
        shutil.rmtree(temporary, ignore_errors=True)
    return path


def loaded_summary(store: Store, name: str) -> dict[str, Any] | None:
    """The summary of a shard already loaded into the store, or None."""
    row = store.connection.execute("SELECT summary FROM loaded_shards WHERE name = ?", [name]).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def load_shard(store: Store, path: Path) -> dict[str, Any]:
    """Load one shard in one transaction, flag repeated articles in order, and return its summary part."""
    con = store.connection
    summary: dict[str, Any] = json.loads((path / SUMMARY).read_text(encoding="utf-8"))
    index = StoredArticleIndex(con)
    try:
        con.execute("BEGIN TRANSACTION")
        ids = [
            str(r[0])
            for r in con.execute(f"SELECT id FROM read_parquet('{_quoted(path / 'articles')}.parquet')").fetchall()
        ]
        if ids:
            delete_articles(con, ids)
        for table in TABLES:
            if table not in DERIVED_TABLES:
                con.execute(
                    f"INSERT OR REPLACE INTO {table} SELECT * FROM read_parquet('{_quoted(path / table)}.parquet')"
                )
        fill_words(con, ids)  # the word table is derived from the rows just loaded
        _flag_repeats(con, path, index, summary)
        index.write()
        con.execute("INSERT OR REPLACE INTO loaded_shards VALUES (?, ?)", [path.name, json.dumps(summary)])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"loading the shard {path} into {store.path} failed: {exc}") from exc
    shutil.rmtree(path, ignore_errors=True)
    return summary


def _flag_repeats(
    con: duckdb.DuckDBPyConnection, path: Path, index: StoredArticleIndex, summary: dict[str, Any]
) -> None:
    """Run the chunk's articles, in order, through the duplicate index; rewrite the rows of each repeat."""
    rows = con.execute(
        f"SELECT k.article_id, a.text, k.fingerprint, k.bands FROM read_parquet('{_quoted(path / KEYS)}.parquet') k "
        "JOIN articles a ON a.id = k.article_id ORDER BY k.ordinal"
    ).fetchall()
    problems: dict[str, int] = summary.setdefault("problems", {})
    for article_id, text, fingerprint, bands in rows:
        verdict = index.judge(article_id, text, ArticleKeys(fingerprint=fingerprint, bands=tuple(bands)))
        if verdict is None:
            continue
        record = con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        if record is None:
            raise StoreError(f"the shard {path} lists article {article_id} but holds no row for it")
        replace_rows(con, [flag_article(from_record(json.loads(record[0])), *verdict)])
        summary["duplicate_articles"] = summary.get("duplicate_articles", 0) + 1
        problems["ingest.duplicate_article"] = problems.get("ingest.duplicate_article", 0) + 1
    summary["problems"] = dict(sorted(problems.items()))


def _quoted(path: Path) -> str:
    """A path inside an SQL string literal (DuckDB's COPY and read_parquet take no bound parameters)."""
    return str(path).replace("'", "''")
