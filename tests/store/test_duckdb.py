import pytest

from eventwire import config
from eventwire.errors import StoreError
from eventwire.model import Rejection
from eventwire.runner import analyse
from eventwire.sources.files import IngestSettings, read_inputs
from eventwire.store.duckdb import TABLES, Store

pytestmark = pytest.mark.model

TEXT = "NATO Secretary General Jens Stoltenberg visited Sarajevo on Monday.\nStoltenberg met officials.\n"


def _dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted(map(tuple, store.connection.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in TABLES}


def test_writing_twice_leaves_the_database_unchanged(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Short note."}\n{bad\n', encoding="utf-8")
    db = tmp_path / "x.duckdb"
    items = list(analyse(read_inputs([str(tmp_path)], IngestSettings()), settings))
    done = [i for i in items if not isinstance(i, Rejection)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    with Store(db) as store:
        store.write(done, rejected)
        first = _dump(store)
        store.write(done, rejected)
        assert _dump(store) == first
    assert first["articles"] and first["rejections"] and first["mentions"]


def test_records_round_trip_and_stats(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    items = [
        i for i in analyse(read_inputs([str(tmp_path)], IngestSettings()), settings) if not isinstance(i, Rejection)
    ]
    with Store(tmp_path / "x.duckdb") as store:
        store.write(items)
        [record] = store.records()
        assert record["text"] == TEXT
        assert store.records([record["id"]]) == [record]
        assert store.records(["nope' OR 1=1 --"]) == []
        stats = store.stats()
    assert stats["tables"]["articles"] == 1


def test_unknown_table_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "x.duckdb") as store, pytest.raises(StoreError, match="unknown table"):
        store.count("articles; DROP TABLE articles")


def test_unopenable_database_is_a_store_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "dir.duckdb").mkdir()
    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path / "dir.duckdb")


def test_schema_is_the_single_ddl_source() -> None:
    assert config.load({})  # settings unaffected
    from eventwire.store.duckdb import schema_sql

    ddl = schema_sql()
    for table in TABLES:
        assert f"CREATE TABLE IF NOT EXISTS {table} (" in ddl
