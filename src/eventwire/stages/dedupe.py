"""Exact and near-duplicate paragraphs inside an article, and duplicate articles across inputs.

Duplicates are recorded, never removed: the analyst decides what to count.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from eventwire.config import Settings
from eventwire.ids import digest
from eventwire.model import Analysis, Duplicate, DuplicateKind, Problem, Span
from eventwire.pipeline import stage

_TOKEN = re.compile(r"\w+")
NUM_PERM = 64
NEAR_THRESHOLD = 0.8
#: Whole articles are compared on word 5-grams, which drop fast with every edited sentence: a story re-run with
#: a new headline and a reworded opening and closing keeps about three quarters of them, while two outlets'
#: own reports of the same event share only a small fraction.
ARTICLE_THRESHOLD = 0.7
MIN_WORDS = 6
EXACT_UP_TO = 200
#: Candidate pairs an article's near-duplicate paragraph search may compare before it stops (exact repeats are
#: still found). Ordinary articles use a few hundred; it bounds the time of hostile inputs with many similar lines.
NEAR_BUDGET = 200_000
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)


@functools.lru_cache(maxsize=8)
def _lsh_params(threshold: float) -> tuple[int, int]:
    """LSH bands and rows for a threshold, computed once (datasketch integrates numerically each time)."""
    probe = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return probe.b, probe.r


def fingerprint(text: str) -> str:
    """Case-, quote- and whitespace-insensitive form of a passage for exact matching."""
    return " ".join(_TOKEN.findall(text.casefold()))


def shingles(text: str, size: int = 3) -> set[str]:
    """Word n-grams of a passage (the words themselves when it is shorter than ``size``)."""
    words = _TOKEN.findall(text.casefold())
    if len(words) < size:
        return set(words)
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(items: set[str]) -> MinHash:
    """A MinHash sketch of a shingle set (deterministic: fixed seed, sha1 hashing)."""
    sketch = _TEMPLATE.copy()  # same seed and permutations, without recomputing them for every sketch
    sketch.update_batch([item.encode("utf-8") for item in items])
    return sketch


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two sets."""
    return len(a & b) / len(a | b) if a or b else 1.0


def find_duplicate_paragraphs(paragraphs: Sequence[Span]) -> tuple[Duplicate, ...]:
    """Each paragraph that repeats an earlier one, exactly or nearly, pointing at its first occurrence."""
    return scan_paragraphs(paragraphs)[0]


def scan_paragraphs(paragraphs: Sequence[Span], *, budget: int = NEAR_BUDGET) -> tuple[tuple[Duplicate, ...], bool]:
    """Duplicate paragraphs, and whether the near-duplicate search stopped early after ``budget`` comparisons."""
    found: list[Duplicate] = []
    spent = 0
    partial = False
    first_exact: dict[str, Span] = {}
    # a usual article has a few dozen paragraphs: comparing them all exactly is cheaper (and finds every
    # pair) than sketching them; MinHash LSH takes over for texts with very many paragraphs
    lsh = (
        None
        if len(paragraphs) <= EXACT_UP_TO
        else MinHashLSH(num_perm=NUM_PERM, params=_lsh_params(NEAR_THRESHOLD * 0.9))
    )
    sets: dict[str, set[str]] = {}
    for index, para in enumerate(paragraphs):
        key = fingerprint(para.text)
        if not key:
            continue
        earlier = first_exact.get(key)
        if earlier is not None:
            found.append(Duplicate(span=para, of=earlier, kind="exact", similarity=1.0))
            continue
        first_exact[key] = para
        if partial or len(key.split()) < MIN_WORDS:
            continue
        items = shingles(para.text)
        sketch = None if lsh is None else minhash(items)
        best: tuple[float, Span] | None = None
        if lsh is None or sketch is None:
            candidates = [name for name, other in sets.items() if _sizes_allow(items, other)]
        else:
            candidates = lsh.query(sketch)
        spent += len(candidates) + 1
        if spent > budget:
            partial = True
            continue
        for candidate in sorted(candidates, key=int):
            other = paragraphs[int(candidate)]
            score = jaccard(items, sets[candidate])
            if score >= NEAR_THRESHOLD and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            found.append(Duplicate(span=para, of=best[1], kind="near", similarity=round(best[0], 3)))
        name = str(index)
        sets[name] = items
        if lsh is not None and sketch is not None:
            lsh.insert(name, sketch)
    return tuple(found), partial


def _sizes_allow(a: set[str], b: set[str]) -> bool:
    """Whether two sets' sizes leave room for a Jaccard similarity at the near-duplicate threshold."""
    small, large = sorted((len(a), len(b)))
    return large == 0 or small / large >= NEAR_THRESHOLD


@stage("dedupe", version=1, requires=("paragraphs",), provides=("duplicates",))
def dedupe_paragraphs(analysis: Analysis, settings: Settings) -> Analysis:
    """Record repeated paragraphs of the article (near repeats within a bounded number of comparisons)."""
    found, partial = scan_paragraphs(analysis.paragraphs)
    problems = []
    if partial:
        problems.append(
            Problem(
                code="dedupe.partial",
                stage="dedupe",
                message=f"too many similar paragraphs: the near-duplicate search stopped after {NEAR_BUDGET} "
                "comparisons; exact repeats are all reported, near repeats only up to that point",
            )
        )
    return analysis.add(duplicates=analysis.duplicates + found, problems=problems)


class ArticleIndex:
    """Remembers the articles of a run to flag exact and near-duplicate articles across inputs."""

    def __init__(self, *, threshold: float = ARTICLE_THRESHOLD) -> None:
        self._threshold = threshold
        self._exact: dict[str, str] = {}
        self._sets: dict[str, set[str]] = {}
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_params(threshold * 0.9))

    def check(self, analysis: Analysis) -> Analysis:
        """Flag the article if it repeats one seen before in this run; then remember it."""
        article = analysis.article
        key = fingerprint(article.text)
        earlier = self._exact.get(key)
        if earlier is not None and earlier != article.id:
            return flag_article(analysis, earlier, "exact", 1.0)
        if earlier == article.id:
            return analysis
        self._exact[key] = article.id
        items = shingles(article.text, size=5)
        sketch = minhash(items)
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(sketch):
            score = jaccard(items, self._sets[candidate])
            if score >= self._threshold and (
                best is None or score > best[0] or (score == best[0] and candidate < best[1])
            ):
                best = (score, str(candidate))
        if article.id not in self._sets:
            self._sets[article.id] = items
            self._lsh.insert(article.id, sketch)
        if best is None:
            return analysis
        score, other = best
        return flag_article(analysis, other, "near", score)


def flag_article(analysis: Analysis, other: str, kind: DuplicateKind, score: float) -> Analysis:
    """The analysis with its article flagged as a ``kind`` duplicate of article ``other``."""
    text = analysis.article.text
    similarity = 1.0 if kind == "exact" else round(score, 3)
    duplicate = Duplicate(
        span=Span.of(text, 0, len(text)), of=None, kind=kind, similarity=similarity, scope="article", of_article=other
    )
    return analysis.add(
        duplicates=analysis.duplicates + (duplicate,), problems=[_duplicate_problem(other, kind, score)]
    )


@dataclass(frozen=True, slots=True)
class ArticleKeys:
    """What a persisted duplicate index looks an article up by: its exact fingerprint and its LSH band keys.

    Two articles share a band key exactly when ``MinHashLSH`` would return one as a candidate for the other,
    so an index over these keys finds the same candidates as ``ArticleIndex``.
    """

    fingerprint: str
    bands: tuple[str, ...]


def article_keys(text: str, *, threshold: float = ARTICLE_THRESHOLD) -> ArticleKeys:
    """The index keys of an article's (cleaned) text."""
    bands, rows = _lsh_params(threshold * 0.9)
    values = minhash(shingles(text, size=5)).hashvalues
    keys = tuple(
        digest("band", band, values[band * rows : (band + 1) * rows].tobytes(), size=12) for band in range(bands)
    )
    return ArticleKeys(fingerprint=digest("fingerprint", fingerprint(text)), bands=keys)


def best_match(
    text: str, candidates: Iterable[tuple[str, str]], *, threshold: float = ARTICLE_THRESHOLD
) -> tuple[float, str] | None:
    """The most similar (id, text) candidate at or above ``threshold`` (ties: the smaller id), as (score, id)."""
    items = shingles(text, size=5)
    best: tuple[float, str] | None = None
    for candidate, other in candidates:
        score = jaccard(items, shingles(other, size=5))
        if score >= threshold and (best is None or score > best[0] or (score == best[0] and candidate < best[1])):
            best = (score, candidate)
    return best


def _duplicate_problem(other: str, kind: str, score: float) -> Problem:
    return Problem(
        code="ingest.duplicate_article",
        stage="dedupe",
        message=f"{kind} duplicate of article {other} (similarity {score:.2f}); kept and flagged",
    )
