"""Normalise an internal copy of the text and find its paragraphs; the text itself is never altered.

The normalised copy has exactly the length of the original, character for character,
so every offset found on it is an offset into ``Article.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.config import Settings
from eventwire.model import Analysis, Problem, Span
from eventwire.pipeline import stage
from eventwire.sources.language import identify

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


@stage("clean", version=2, requires=(), provides=("normalized", "paragraphs"))
def clean_text(analysis: Analysis, settings: Settings) -> Analysis:
    """Attach the normalised copy and the paragraphs; flag texts with no words or not in English.

    The language is the one identified at ingest (``Article.language``); an article made in code without
    one is identified here. Only English is event-coded: another language is flagged ``clean.language``.
    """
    text = analysis.article.text
    problems: list[Problem] = []
    share, count = english_share(text)
    latin, letters = latin_share(text)
    language = analysis.article.language
    if language is None and count:
        found = identify(text)
        language = found.code if found is not None else None
    if count == 0:
        problems.append(Problem(code="clean.no_sentences", stage="clean", message="no words in the text"))
    elif language is not None and language != "en":
        problems.append(
            Problem(
                code="clean.language",
                stage="clean",
                message=f"the text is in language {language!r}, not English; only English is event-coded",
            )
        )
    elif language is None and letters >= 20 and latin < 0.5:
        problems.append(
            Problem(
                code="clean.language",
                stage="clean",
                message=f"only {latin:.0%} of the letters are in the Latin script; not English, not event-coded",
            )
        )
    elif language is None and count >= 12 and share < 0.08:
        problems.append(
            Problem(
                code="clean.language",
                stage="clean",
                message=f"only {share:.0%} of the words are common English words; not event-coded",
            )
        )
    return analysis.add(normalized=normalize(text), paragraphs=paragraphs(text), problems=problems)


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    """The lines before the first sentence that are not part of it: title, byline and dateline, as spans."""

    title: Span | None = None
    byline: Span | None = None
    dateline: Span | None = None


_BYLINE = re.compile(r"(?:By|BY|Von|Par|Por|Di)\s+[A-Z][\w.'-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'-]+){0,6}\s*$")
_URL_LINE = re.compile(r"(?:https?://|www\.)\S+\s*$")
_DATELINE = re.compile(
    r"(?P<dateline>[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3}"  # the place in capitals: LA PAZ, TRIPOLI
    r"(?:,\s[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?)?"  # a state or country: Lebanon, Ill., Texas
    r"(?:,\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}|\d{1,2}\s[A-Z][a-z]{2,8})(?:,?\s\d{4})?)?"  # a date: June 14, 2025
    r"(?:\s\([A-Za-z][\w .&-]{0,40}\))?"  # the agency: (Reuters)
    r"\s?(?:\u2014|\u2013|--?)\s?)"
)


def heading(text: str) -> Heading:
    """The title line, byline and dateline at the head of an article, each a Span of ``text`` (None when absent).

    A title is a first line of at most 200 characters without closing punctuation, followed by more text;
    a byline is a "By ..." line among the first lines; a dateline is the "PLACE, date (Agency) -" opening
    of the first paragraph of prose.
    """
    norm = normalize(text)
    title = byline = None
    position = 0
    for number in range(4):  # the title, a URL line and a byline come before the prose, if at all
        while position < len(norm) and norm[position] in " \n":
            position += 1
        end = norm.find("\n", position)
        if end < 0:
            break
        line = norm[position:end].rstrip()
        if not line:
            break
        if number == 0 and _is_title(line) and not _wrapped(norm, end):
            title = Span.of(text, position, position + len(line))
        elif _BYLINE.fullmatch(line) and len(line) <= 80:
            byline = Span.of(text, position, position + len(line))
        elif not _URL_LINE.fullmatch(line):
            break
        position = end + 1
    match = _DATELINE.match(norm, position)
    dateline = None
    if match is not None and match.end() < len(norm) and norm[match.end() : match.end() + 1].strip():
        dateline = Span.of(text, position, position + len(match.group("dateline").rstrip()))
    return Heading(title=title, byline=byline, dateline=dateline)


def _wrapped(norm: str, end: int) -> bool:
    """True when the line ending at ``end`` runs on into the next: a hard-wrapped sentence, not a title."""
    following = norm[end:].lstrip()
    if norm[end - 1 : end] in (",", "-"):
        return True
    return bool(following) and following[0].islower() and not _URL_LINE.match(following.split("\n", 1)[0])


def _is_title(line: str) -> bool:
    words = line.split()
    return len(words) >= 2 and len(line) <= 200 and line[-1] not in ".!?:;\"')" and not _URL_LINE.fullmatch(line)
