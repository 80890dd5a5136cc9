"""The article duplicate index, persisted in the store and looked up there (not held in memory).

It gives the verdicts of ``stages.dedupe.ArticleIndex`` (the same candidates, the same exact Jaccard
scores, the same tie-breaking), but over every article the store has seen, in this run or an earlier
one. An article already indexed keeps its verdict, so a resumed or repeated run flags exactly what an
uninterrupted run flagged. Entries made since the last write wait in ``pending`` (with their text, a
candidate for the articles after them) and go into the store in the same transaction as their rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from eventwire.model import Analysis, DuplicateKind
from eventwire.stages.dedupe import ArticleKeys, article_keys, best_match, flag_article

#: An article's verdict: the earlier article it repeats, how ("exact" or "near") and the Jaccard score.
Verdict = tuple[str, DuplicateKind, float]


@dataclass(frozen=True, slots=True)
class Entry:
    """One article's index row: keys, verdict and (until written) its text."""

    article_id: str
    keys: ArticleKeys
    duplicate_of: str | None
    kind: DuplicateKind | None
    similarity: float | None
    text: str


class StoredArticleIndex:
    """Flags articles that repeat one in the store (or one checked earlier and not yet written)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection
        self.pending: dict[str, Entry] = {}

    def check(self, analysis: Analysis, keys: ArticleKeys | None = None) -> Analysis:
        """Flag the article if it repeats an earlier one; remember it (in ``pending``) when it is new."""
        article = analysis.article
        verdict = self.judge(article.id, article.text, keys)
        return analysis if verdict is None else flag_article(analysis, *verdict)

    def judge(self, article_id: str, text: str, keys: ArticleKeys | None = None) -> Verdict | None:
        """(earlier article, kind, score) when the article repeats an earlier one, else None; remembered."""
        known = self._verdict(article_id)
        if known is not None:
            other, kind, score = known
            return None if other is None or kind is None else (other, kind, score)
        keys = keys or article_keys(text)
        earlier = self._exact(keys.fingerprint)
        if earlier is not None:
            self._remember(Entry(article_id, keys, earlier, "exact", 1.0, text))
            return earlier, "exact", 1.0
        best = best_match(text, self._candidates(keys.bands))
        if best is None:
            self._remember(Entry(article_id, keys, None, None, None, text))
            return None
        score, other = best
        self._remember(Entry(article_id, keys, other, "near", score, text))
        return other, "near", score

    def write(self) -> None:
        """Insert the pending entries (call inside the transaction that writes their articles)."""
        entries = list(self.pending.values())
        self.pending.clear()
        if not entries:
            return
        self.connection.executemany(
            "INSERT INTO article_index VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [[e.article_id, e.keys.fingerprint, e.duplicate_of, e.kind, e.similarity] for e in entries],
        )
        bands = [[band, e.article_id] for e in entries if e.kind != "exact" for band in e.keys.bands]
        self.connection.execute(
            "INSERT INTO article_bands SELECT * FROM (SELECT unnest(?::VARCHAR[]) AS band, unnest(?::VARCHAR[]))",
            [[b for b, _ in bands], [a for _, a in bands]],
        )

    def _remember(self, entry: Entry) -> None:
        self.pending[entry.article_id] = entry

    def _verdict(self, article_id: str) -> tuple[str | None, DuplicateKind | None, float] | None:
        entry = self.pending.get(article_id)
        if entry is not None:
            return entry.duplicate_of, entry.kind, entry.similarity or 0.0
        row = self.connection.execute(
            "SELECT duplicate_of, kind, similarity FROM article_index WHERE article_id = ?", [article_id]
        ).fetchone()
        return None if row is None else (row[0], row[1], float(row[2] or 0.0))

    def _exact(self, fingerprint: str) -> str | None:
        """The first article with this fingerprint that is not itself an exact repeat."""
        for entry in self.pending.values():
            if entry.keys.fingerprint == fingerprint and entry.kind != "exact":
                return entry.article_id
        row = self.connection.execute(
            "SELECT article_id FROM article_index WHERE fingerprint = ? AND kind IS DISTINCT FROM 'exact' LIMIT 1",
            [fingerprint],
        ).fetchone()
        return None if row is None else str(row[0])

    def _candidates(self, bands: tuple[str, ...]) -> list[tuple[str, str]]:
        """(id, text) of every indexed article sharing a band key (exact repeats are never candidates)."""
        wanted = set(bands)
        found = {
            e.article_id: e.text for e in self.pending.values() if e.kind != "exact" and wanted & set(e.keys.bands)
        }
        rows = self.connection.execute(
            "SELECT DISTINCT a.id, a.text FROM article_bands b JOIN articles a ON a.id = b.article_id "
            "WHERE b.band IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(wanted)],
        ).fetchall()
        found.update((str(i), str(t)) for i, t in rows if str(i) not in found)
        return sorted(found.items())
