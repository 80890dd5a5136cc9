"""Normalise an internal copy of the text and find its paragraphs; the text itself is never altered.

The normalised copy has exactly the length of the original, character for character,
so every offset found on it is an offset into ``Article.text``.
"""

from __future__ import annotations

import re

from eventwire.config import Settings
from eventwire.model import Analysis, Problem, Span
from eventwire.pipeline import stage

# One character for one character, so offsets never move.
_TRANSLATION = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\t": " ",
        "\r": "\n",
        "\ufeff": " ",
        "\u200b": " ",
    }
)

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    (
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "be",
        "has",
        "have",
        "he",
        "said",
        "are",
        "were",
        "not",
        "this",
        "an",
        "his",
        "which",
        "will",
        "but",
        "had",
        "who",
        "they",
        "their",
        "its",
        "after",
        "over",
        "been",
        "would",
        "more",
        "than",
        "also",
    )
)


def normalize(text: str) -> str:
    """Typographic quotes to ASCII, odd spaces to a plain space, CR to LF; same length as the input."""
    return text.translate(_TRANSLATION)


def paragraphs(text: str) -> tuple[Span, ...]:
    """Paragraph spans: blocks between blank lines when there are any, else one per line; trimmed."""
    norm = normalize(text)
    separator = _BLANK_LINE if _BLANK_LINE.search(norm) else re.compile(r"\n")
    spans: list[Span] = []
    start = 0
    for match in separator.finditer(norm):
        spans.extend(_trimmed(text, norm, start, match.start()))
        start = match.end()
    spans.extend(_trimmed(text, norm, start, len(norm)))
    return tuple(spans)


def _trimmed(text: str, norm: str, start: int, end: int) -> list[Span]:
    chunk = norm[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    left = start + (len(chunk) - len(chunk.lstrip()))
    return [Span.of(text, left, left + len(stripped))]


def english_share(text: str, *, sample: int = 4000) -> tuple[float, int]:
    """The share of common English function words among the first words, and how many words were seen."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in _ENGLISH) / len(words), len(words)


def latin_share(text: str, *, sample: int = 4000) -> tuple[float, int]:
    """The share of Latin-script letters among the first letters, and how many letters were seen.

    Word counts miss scripts written without spaces (Chinese, Japanese, Thai): a whole sentence is one "word".
    """
    letters = [c for c in text[:sample] if c.isalpha()]
    if not letters:
        return 0.0, 0
    return sum(1 for c in letters if c < "\u0250") / len(letters), len(letters)


@stage("clean", version=1, requires=(), provides=("normalized", "paragraphs"))
def clean_text(analysis: Analysis, settings: Settings) -> Analysis:
    """Attach the normalised copy and the paragraphs; flag texts with no words or not in English."""
    text = analysis.article.text
    problems: list[Problem] = []
    share, count = english_share(text)
    latin, letters = latin_share(text)
    if count == 0:
        problems.append(Problem(code="clean.no_sentences", stage="clean", message="no words in the text"))
    elif letters >= 20 and latin < 0.5:
        problems.append(
            Problem(
                code="clean.language",
                stage="clean",
                message=f"only {latin:.0%} of the letters are in the Latin script; not English, not event-coded",
            )
        )
    elif count >= 12 and share < 0.08:
        problems.append(
            Problem(
                code="clean.language",
                stage="clean",
                message=f"only {share:.0%} of the words are common English words; not event-coded",
            )
        )
    return analysis.add(normalized=normalize(text), paragraphs=paragraphs(text), problems=problems)
