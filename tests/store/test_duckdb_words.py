"""The word table of text search (event_words, words): what it holds, rewrites, sorting, and the upgrade of a
schema-3 store."""

from pathlib import Path

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.model import Analysis, Article, Event, EventActor, Quote, Span
from eventwire.query import EventFilter, events
from eventwire.store.duckdb import STORE_SCHEMA_VERSION, Store

TEXT = 'Kosovo\'s police and U.N. staff agreed a cease-fire in PRIŠTINA. "We_will hold it," an official said.'


def _event(text: str, event_id: str, *, sentence: tuple[int, int], quote: str | None = None) -> Event:
    return Event(
        id=event_id,
        source=EventActor(entity=None, name="police", country="XKX"),
        target=None,
        cameo="057",
        root="05",
        quad_class=1,
        goldstein=5.0,
        plover=None,
        date="2024-03-01",
        place=None,
        modality="asserted",
        quote=quote,
        sentence=Span.of(text, *sentence),
        trigger=Span.of(text, sentence[0], sentence[0] + 6),
        confidence=0.8,
    )


def _analysis(article_id: str = "a1", text: str = TEXT) -> Analysis:
    end = text.index('"') - 1  # the sentence ends before the quote, which ends at the comma
    quote = Quote(id=f"{article_id}-q", span=Span.of(text, end + 2, text.index(",", end)), kind="direct")
    return Analysis(
        article=Article(id=article_id, text=text),
        events=(
            _event(text, f"{article_id}-e1", sentence=(0, end), quote=quote.id),
            _event(text, f"{article_id}-e2", sentence=(0, end)),
        ),
        quotes=(quote,),
    )


def _words(store: Store, event_id: str) -> list[str]:
    rows = store.connection.execute("SELECT word FROM event_words WHERE event_id = ? ORDER BY word", [event_id])
    return [r[0] for r in rows.fetchall()]


def test_words_are_lower_cased_split_at_punctuation_and_include_the_quote(tmp_path: Path) -> None:
    with Store(tmp_path / "w.duckdb") as store:
        store.write([_analysis()])
        plain = ["a", "agreed", "and", "cease", "fire", "in", "kosovo", "n", "police", "pri\u0161tina", "s"]
        plain += ["staff", "u"]
        assert _words(store, "a1-e2") == plain  # once each; letters beyond ASCII stay inside a word
        assert _words(store, "a1-e1") == sorted([*plain, "hold", "it", "we_will"])  # and its quote's words
        assert store.count("words") == len(plain) + 3


def test_text_search_over_the_word_table(tmp_path: Path) -> None:
    with Store(tmp_path / "w.duckdb") as store:
        store.write([_analysis()])

        def found(text: str) -> list[str]:
            return sorted(row["id"] for row in events(store, EventFilter(text=text))[0])

        assert found("CEASE-FIRE") == ["a1-e1", "a1-e2"]  # punctuation in the query splits it too
        assert found("fire") == ["a1-e1", "a1-e2"]  # a word is found inside a longer one, as before
        assert found("ceasefire") == []  # but not across a hyphen
        assert found("kosovo's u.n.") == ["a1-e1", "a1-e2"]
        assert found("Priština ŠTIN") == ["a1-e1", "a1-e2"]
        assert found("HOLD") == ["a1-e1"]  # only in e1's quote
        assert found("police hold") == ["a1-e1"]  # one word in the sentence, one in the quote
        assert found("we_will") == ["a1-e1"]  # the underscore is part of a word
        assert found("police official") == []  # "official" is outside both the sentence and the quote
        assert found("police staff agreed") == ["a1-e1", "a1-e2"]
        assert found("police staff zebra") == []  # every word must match


def test_rewriting_an_article_replaces_its_words(tmp_path: Path) -> None:
    with Store(tmp_path / "w.duckdb") as store:
        store.write([_analysis()])
        store.write([_analysis(text='Troops shelled the border town. "They fled at dawn," residents said.')])
        assert events(store, EventFilter(text="cease"))[1] == 0
        assert events(store, EventFilter(text="SHELLED border"))[1] == 2
        assert events(store, EventFilter(text="troops dawn"))[1] == 1
        assert store.connection.execute("SELECT count(DISTINCT article_id) FROM event_words").fetchone() == (1,)


def test_the_word_table_is_sorted_again(tmp_path: Path) -> None:
    with Store(tmp_path / "w.duckdb") as store:
        store.write([_analysis("a1"), _analysis("a2")])
        assert store.sort_words(unsorted_share=1.0) is False  # no more than the whole table is unsorted
        assert store.sort_words() is True
        rows = store.connection.execute("SELECT word, event_id FROM event_words ORDER BY rowid").fetchall()
        assert rows == sorted(rows) and len(rows) > 20
        assert store.connection.execute("SELECT value FROM word_layout").fetchall() == [(0,)]
        assert store.sort_words() is False  # nothing appended since
        assert events(store, EventFilter(text="hold"))[1] == 2


def _as_version_3(path: Path) -> None:
    """Turn a store into one written by schema version 3 (no word table)."""
    with Store(path) as store:
        store.write([_analysis("a1"), _analysis("a2", TEXT.replace("police", "army"))])
    with duckdb.connect(str(path)) as con:
        for table in ("event_words", "words", "word_layout"):
            con.execute(f"DROP TABLE {table}")
        con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def test_a_version_3_store_is_upgraded_when_opened_for_writing(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _as_version_3(db)
    with pytest.raises(StoreError, match="schema version 3.*open it once for writing to upgrade it"):
        Store(db, read_only=True)
    Store(db).close()  # the upgrade
    with Store(db, read_only=True) as store:
        assert store.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            STORE_SCHEMA_VERSION,
        )
        assert events(store, EventFilter(text="ARMY hold"))[1] == 1
        assert events(store, EventFilter(text="cease fire"))[1] == 4
        rows = store.connection.execute("SELECT word, event_id FROM event_words ORDER BY rowid").fetchall()
        assert rows == sorted(rows)  # built in order
    with Store(db) as store:  # opening again changes nothing
        before = store.count("event_words")
    with Store(db, read_only=True) as store:
        assert store.count("event_words") == before


def test_an_older_store_is_refused_with_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "older.duckdb"
    Store(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 2.*analyse the inputs again"):
        Store(db)
