"""User-supplied values never reach SQL as text: injection strings through every place user input meets the store.

A spy on the connection records every SQL string executed; no injection string may appear in any of them,
and the database is intact afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import ConfigError, StoreError
from eventwire.model import Analysis, Article, Event, EventActor, Span
from eventwire.query import EventFilter, events
from eventwire.store.duckdb import TABLES, Store

INJECTIONS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    "x'; DROP TABLE articles; --",
    "articles; DROP TABLE articles",
    '" OR ""="',
    "1) OR (1=1",
    "' UNION SELECT record FROM articles --",
    "'; ATTACH '/tmp/evil.duckdb' AS evil; --",
    "%",
    "_",
    "\\' OR 1=1 --",
    "SRB' --",
    "NULL",
    "🙂'; --",
]

TEXT = "Serbia accused Kosovo of violating the agreement on Monday, officials said."
QUOTED_ID = "id' OR 'a'='a"


def _analysis(ident: str) -> Analysis:
    article = Article(id=ident, text=TEXT, published=dt.date(2023, 11, 20))
    serbia = EventActor(entity="e1", name="Serbia", country="SRB")
    kosovo = EventActor(entity="e2", name="Kosovo", country="XKX")
    event = Event(
        id=f"v-{ident}",
        source=serbia,
        target=kosovo,
        cameo="112",
        root="11",
        quad_class=3,
        goldstein=-2.0,
        plover="ACCUSE",
        date="2023-11-20",
        place=None,
        modality="asserted",
        quote=None,
        sentence=Span.of(TEXT, 0, len(TEXT)),
        trigger=Span.of(TEXT, 7, 14),
        confidence=0.9,
    )
    return Analysis(article=article, events=(event,))


def _leaked(evil: str, statements: list[str]) -> list[str]:
    """Statements holding the value as text ('_' and 'NULL' are also ordinary SQL, so only quoting values count)."""
    if not any(c in evil for c in "'\";)%"):
        return []
    return [sql for sql in statements if evil in sql]


class Spy:
    """Forwards to a DuckDB connection and keeps every SQL string it is given."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.sql: list[str] = []

    def execute(self, sql: str, *args: Any) -> Any:
        self.sql.append(sql)
        return self.connection.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        self.sql.append(sql)
        return self.connection.executemany(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.connection, name)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        store.write([_analysis("plain"), _analysis(QUOTED_ID)])
    return path


@pytest.fixture()
def spied(db: Path) -> Iterator[tuple[Store, Spy]]:
    with Store(db, read_only=True) as store:
        spy = Spy(store.connection)
        store.connection = spy  # type: ignore[assignment]
        yield store, spy
        store.connection = spy.connection


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return {table: store.count(table) for table in TABLES}


@pytest.mark.parametrize("evil", INJECTIONS)
def test_store_reads_bind_user_values(spied: tuple[Store, Spy], evil: str) -> None:
    store, spy = spied
    assert store.records([evil]) == []
    assert [r["id"] for r in store.records([evil, "plain"])] == ["plain"]
    with pytest.raises(StoreError, match="unknown table"):
        store.count(evil)
    assert store.stats()["tables"]["articles"] == 2
    assert spy.sql and not _leaked(evil, spy.sql)


@pytest.mark.parametrize("evil", INJECTIONS)
def test_query_filters_bind_user_values(spied: tuple[Store, Spy], evil: str) -> None:
    store, spy = spied
    assert events(store, EventFilter(actor=evil))[0] == []
    assert events(store, EventFilter(article=evil))[0] == []
    assert events(store, EventFilter(actor="SRB", article=evil))[0] == []
    assert len(events(store, EventFilter(actor="SRB"))[0]) == 2
    with pytest.raises(ConfigError):
        EventFilter(root=evil)
    with pytest.raises(ConfigError):
        EventFilter(modality=evil)
    assert spy.sql and not _leaked(evil, spy.sql)


def test_values_with_quotes_are_stored_and_found_exactly(db: Path) -> None:
    with Store(db, read_only=True) as store:
        [record] = store.records([QUOTED_ID])
        assert record["id"] == QUOTED_ID
        [event] = events(store, EventFilter(article=QUOTED_ID))[0]
        assert event["article_id"] == QUOTED_ID


@pytest.mark.parametrize("evil", INJECTIONS)
def test_cli_filters_reject_or_bind_injection_strings(db: Path, evil: str) -> None:
    before = _counts(db)
    runner = CliRunner()
    for option in ("--actor", "--article"):
        result = runner.invoke(main, ["events", "--db", str(db), option, evil, "--json"])
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
    for option in ("--root", "--modality", "--since", "--limit"):
        result = runner.invoke(main, ["events", "--db", str(db), option, evil, "--json"])
        assert result.exit_code in (1, 2) and "Traceback" not in result.output
    listed = runner.invoke(main, ["events", "--db", str(db), "--actor", "XKX", "--json"])
    assert [json.loads(line)["article_id"] for line in listed.stdout.splitlines()] == sorted([QUOTED_ID, "plain"])
    assert _counts(db) == before
