"""The evidence of entities' actor codes in the store (schema version 5), and the upgrade of a schema-4 store."""

from pathlib import Path

import duckdb

from eventwire.model import Actor, Analysis, Article, Entity, Span
from eventwire.store.duckdb import STORE_SCHEMA_VERSION, Store

TEXT = "Freedonia's navy and the Sylvanian coast guard held joint drills."


def _analysis(article_id: str = "a1") -> Analysis:
    navy = Entity(
        id=f"{article_id}-navy",
        name="Freedonia",
        type="GPE",
        actor=Actor(country="FRD", role="Military", cameo="FRDMIL", evidence="name:role"),
        mentions=(Span.of(TEXT, 0, 9),),
    )
    guard = Entity(
        id=f"{article_id}-guard",
        name="Sylvanian coast guard",
        type="ORG",
        actor=Actor(country="SYL"),
        mentions=(Span.of(TEXT, 25, 46),),
    )
    return Analysis(article=Article(id=article_id, text=TEXT), entities=(navy, guard))


def _evidence(store: Store) -> list[tuple[str, str | None]]:
    return store.connection.execute("SELECT id, evidence FROM entities ORDER BY id").fetchall()


def test_issue_18_entity_evidence_is_stored(tmp_path: Path) -> None:
    with Store(tmp_path / "e.duckdb") as store:
        store.write([_analysis()])
        assert _evidence(store) == [("a1-guard", None), ("a1-navy", "name:role")]
        (record,) = store.records()
        assert [e["actor"].get("evidence") for e in record["entities"]] == ["name:role", None]
        assert "evidence" not in record["entities"][1]["actor"]  # written only when there is some


def test_issue_18_a_version_4_store_gains_the_evidence_column_when_opened_for_writing(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write([_analysis()])
    with duckdb.connect(str(db)) as con:
        con.execute("ALTER TABLE entities DROP COLUMN evidence")
        con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(db) as store:  # the upgrade
        assert store.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            STORE_SCHEMA_VERSION,
        )
        assert _evidence(store) == [("a1-guard", None), ("a1-navy", None)]  # old rows: not known
        store.write([_analysis("a2")])
        assert ("a2-navy", "name:role") in _evidence(store)
