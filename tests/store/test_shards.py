"""Parquet shards: named by content, written whole, loaded once with the duplicate flags of a plain run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire import config
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.runner import Summary, run_inputs
from eventwire.store.duckdb import Store
from eventwire.store.shards import is_written, load_shard, loaded_summary, shard_name, write_shard

TEXTS = [
    "Ministers from both countries met in Vienna on Tuesday and agreed to reopen the border crossing next month.",
    "Rebels attacked an army convoy near the town on Sunday, a military spokesman said on Monday evening.",
    "Ministers from both countries met in Vienna on Tuesday and agreed to reopen the border crossing next month.",
]


def _settings(db: Path) -> config.Settings:
    return config.load({"db": db, "stages": ("clean", "dedupe")}, environ={})


def test_shard_names_follow_content_and_analysis_settings(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "a.duckdb")
    articles = [Article(id="a1", text=TEXTS[0])]
    assert shard_name(articles, settings) != shard_name([Article(id="a1", text=TEXTS[1])], settings)
    other = config.load({"stages": ("clean",)}, environ={})
    assert shard_name(articles, settings) != shard_name(articles, other)
    moved = config.load({"db": tmp_path / "b.duckdb", "stages": ("clean", "dedupe"), "workers": 3}, environ={})
    assert shard_name(articles, settings) == shard_name(articles, moved)


def test_a_loaded_shard_equals_a_plain_run_and_loads_once(tmp_path: Path) -> None:
    articles = [Article(id=f"a{n}", text=t, origin="in.jsonl", line=n) for n, t in enumerate(TEXTS)]
    plain = _settings(tmp_path / "plain.duckdb")
    expected = run_inputs(articles, plain)
    sharded = _settings(tmp_path / "sharded.duckdb")
    analyses = list(Pipeline(sharded).pipe(articles))
    part = Summary()
    for analysis in analyses:
        part.count(analysis)
    path = tmp_path / "shards" / shard_name(articles, sharded)
    write_shard(path, analyses, part.as_dict())
    assert is_written(path) and not list(path.parent.glob(".*.tmp"))
    with Store(sharded.db) as store:
        summary = Summary()
        summary.add(load_shard(store, path))
        assert not path.exists()  # loaded shards are removed; the store remembers them
        assert loaded_summary(store, path.name) == json.loads(json.dumps(summary.as_dict()))
        got = store.records()
    assert summary.as_dict() == expected.as_dict()
    assert summary.duplicate_articles == 1
    with Store(plain.db) as store:
        assert got == store.records()


def test_a_shard_written_twice_is_kept_whole(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "x.duckdb")
    analyses = list(Pipeline(settings).pipe([Article(id="a1", text=TEXTS[0])]))
    path = tmp_path / "s1"
    write_shard(path, analyses, {"processed": 1})
    (path / "articles.parquet").touch()
    write_shard(path, [], {"processed": 0})  # an existing complete shard is not rewritten
    assert json.loads((path / "summary.json").read_text()) == {"processed": 1}


@pytest.mark.parametrize("count", [0])
def test_an_empty_shard_loads(tmp_path: Path, count: int) -> None:
    path = write_shard(tmp_path / "empty", [], {"processed": count})
    with Store(tmp_path / "e.duckdb") as store:
        assert load_shard(store, path) == {"processed": 0, "problems": {}}
        assert store.count("articles") == 0
