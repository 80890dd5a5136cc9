from pathlib import Path

from test_query import TEXT, _event

from eventwire.merge import cluster, merge_store, start_day
from eventwire.model import Analysis, Article
from eventwire.query import EventFilter, events
from eventwire.store.duckdb import Store


def _article(aid: str, source: str, date: str | None) -> Analysis:
    evs = (
        _event(TEXT, 28, 35, cameo="112", source="XKX", target="SRB", date=date, modality="asserted", article=aid),
        _event(TEXT, 54, 58, cameo="036", source="NATO", target="SRB", date="2023-11-21", modality="planned",
               article=aid),
    )  # fmt: skip
    return Analysis(article=Article(id=aid, text=TEXT, source=source), events=evs)


def test_reports_of_one_event_in_two_outlets_become_one_event(tmp_path: Path) -> None:
    with Store(tmp_path / "m.duckdb") as store:
        store.write([_article("a1", "Wire One", "2023-09-10"), _article("a2", "Wire Two", "2023-09-12")])
        summary = merge_store(store, window_days=3)
        assert (summary.mentions, summary.events, summary.multi_article) == (4, 2, 2)
        rows, total = events(store, EventFilter(merged=True, actor="XKX"))
        assert total == 1 and (rows[0]["num_mentions"], rows[0]["num_sources"], rows[0]["num_articles"]) == (2, 2, 2)
        first = store.connection.execute("SELECT * FROM merged_events ORDER BY id").fetchall()
        assert merge_store(store, window_days=3) == summary  # re-runnable, deterministic
        assert store.connection.execute("SELECT * FROM merged_events ORDER BY id").fetchall() == first
        assert merge_store(store, window_days=1).events == 3  # two days apart: two events


def test_undated_reports_are_not_merged_across_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "m.duckdb") as store:
        store.write([_article("a1", "Wire One", None), _article("a2", "Wire Two", None)])
        assert merge_store(store, window_days=30).events == 3


def test_start_day_reads_precision_and_refuses_partial_values() -> None:
    assert str(start_day("2023-11")) == "2023-11-01"
    assert str(start_day("2023")) == "2023-01-01"
    assert start_day("XXXX-11-20") is None
    assert cluster([], window_days=3) == []
