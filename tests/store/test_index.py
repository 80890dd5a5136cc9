"""The persisted article duplicate index: the verdicts of the in-memory index, across runs and resumes."""

from __future__ import annotations

from pathlib import Path

from eventwire.model import Analysis, Article
from eventwire.stages.dedupe import ArticleIndex, article_keys
from eventwire.store.duckdb import Store
from eventwire.store.index import StoredArticleIndex

BASE = (
    "The harbour authority of a small northern town said on Thursday that its ferry crews would stop work "
    "for two days next week after talks over pay broke down late on Wednesday evening, leaving hundreds of "
    "travellers to look for other ways across the strait while the two sides blamed each other for the "
    "failure and promised to return to the table only once the other made a serious offer on wages."
)
NEAR = BASE.replace("late on Wednesday evening", "late on Wednesday night")
OTHER = (
    "A regional court in the capital postponed a ruling on the disputed election results until next month, "
    "saying that the ballots from three districts had to be counted again by hand before any decision."
)


def _analysis(article_id: str, text: str) -> Analysis:
    return Analysis(article=Article(id=article_id, text=text))


def _flags(analysis: Analysis) -> list[tuple[str | None, str, float]]:
    return [(d.of_article, d.kind, d.similarity) for d in analysis.duplicates if d.scope == "article"]


def test_stored_index_gives_the_in_memory_verdicts() -> None:
    items = [("a1", BASE), ("a2", OTHER), ("a3", BASE), ("a4", NEAR)]
    memory = ArticleIndex()
    with Store(":memory:") as store:
        stored = StoredArticleIndex(store.connection)
        for article_id, text in items:
            expected = memory.check(_analysis(article_id, text))
            got = stored.check(_analysis(article_id, text))
            assert _flags(got) == _flags(expected)
            assert got.problems == expected.problems
    assert _flags(memory.check(_analysis("a5", NEAR + " ")))[0][1] == "exact"


def test_a_repeat_in_a_later_run_is_flagged_and_a_rerun_keeps_the_verdicts(tmp_path: Path) -> None:
    db = tmp_path / "index.duckdb"
    with Store(db) as store:
        index = StoredArticleIndex(store.connection)
        first = [index.check(_analysis("a1", BASE)), index.check(_analysis("a2", OTHER))]
        store.write(first, index=index)
        assert not index.pending
    with Store(db) as store:  # a later run: the near repeat is flagged against the stored article
        index = StoredArticleIndex(store.connection)
        later = index.check(_analysis("a4", NEAR))
        assert _flags(later) and _flags(later)[0][:2] == ("a1", "near")
        store.write([later], index=index)
    with Store(db) as store:  # the same inputs again: every article keeps its verdict (itself is no earlier copy)
        index = StoredArticleIndex(store.connection)
        assert _flags(index.check(_analysis("a1", BASE))) == []
        assert _flags(index.check(_analysis("a4", NEAR))) == _flags(later)
        rows = store.connection.execute("SELECT count(*) FROM article_index").fetchone()
        assert rows == (3,)


def test_keys_match_for_a_near_repeat_and_differ_for_another_story() -> None:
    base, near, other = (article_keys(t) for t in (BASE, NEAR, OTHER))
    assert base.fingerprint != near.fingerprint
    assert set(base.bands) & set(near.bands)
    assert not set(base.bands) & set(other.bands)
    assert article_keys(BASE.upper()).fingerprint == base.fingerprint
