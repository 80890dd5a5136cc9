"""Find quoted passages by their marks, pairing them per paragraph and repairing broken ones.

Marks are read on the normalised copy (every double mark is ``"`` there), but the original glyph
still tells an opening “ from a closing ” when the context does not. A quote left open at the end
of a paragraph continues when the next paragraph opens with a mark (the news convention for long
quotes); otherwise it is closed at the end of its paragraph and reported as repaired. An opening mark
followed by another opening mark before any closing one is a stray and is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Direction = Literal["open", "close", "either"]

_OPENING_GLYPHS = frozenset("\u201c\u201e\u00ab\u2018\u201a")
_CLOSING_GLYPHS = frozenset("\u201d\u00bb\u2019")
_BEFORE_OPEN = frozenset(" \n([{/-\u2014\u2013:;")
_AFTER_CLOSE = frozenset(" \n.,;:!?)]}/-\u2014\u2013'\"")


@dataclass(frozen=True, slots=True, kw_only=True)
class Marked:
    """A passage between quote marks: ``start``/``end`` bound the text inside the marks."""

    start: int
    end: int
    repaired: bool = False
    paragraphs: int = 1


_DOUBLE_MARK = re.compile(r"''|``|\"")


def mark_positions(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """(position, width) of the double quote marks in ``norm[start:end]``: ``"``, and ``''`` or two backticks."""
    return [(m.start(), m.end() - m.start()) for m in _DOUBLE_MARK.finditer(norm, start, end)]


def direction(text: str, norm: str, at: int, width: int = 1) -> Direction:
    """Whether the mark at ``at`` opens or closes a quote, from its context and then its glyph."""
    before = norm[at - 1] if at > 0 else " "
    after = norm[at + width] if at + width < len(norm) else " "
    if width == 2 and norm[at] == "`":
        return "open"
    opens = before in _BEFORE_OPEN or before == '"'
    closes = after in _AFTER_CLOSE
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    glyph = text[at]
    if glyph in _OPENING_GLYPHS:
        return "open"
    if glyph in _CLOSING_GLYPHS:
        return "close"
    return "either"


def _trimmed(norm: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding white space, and the comma or colon that leads back into the attribution."""
    while start < end and norm[start].isspace():
        start += 1
    while end > start and (norm[end - 1].isspace() or norm[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_marked(text: str, norm: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Marked], int]:
    """Passages between double quote marks, and how many marks had to be repaired or dropped."""
    found: list[Marked] = []
    repairs = 0
    open_at: int | None = None  # content start of the quote being read
    spanned = 1
    for number, (p_start, p_end) in enumerate(paragraphs):
        marks = mark_positions(norm, p_start, p_end)
        if open_at is not None and not (marks and norm[p_start : marks[0][0]].strip() == ""):
            # the previous paragraph left a quote open and this one does not continue it
            prev_end = _trimmed(norm, paragraphs[number - 1][0], paragraphs[number - 1][1])[1]
            start, end = _trimmed(norm, open_at, _strip_closing(norm, open_at, prev_end))
            if end > start:
                found.append(Marked(start=start, end=end, repaired=True, paragraphs=spanned))
            repairs += 1
            open_at = None
        continuing = open_at is not None
        for n, (at, width) in enumerate(marks):
            way = direction(text, norm, at, width)
            if continuing and n == 0:
                spanned += 1
                continuing = False
                continue  # the mark that re-opens a continued quote
            if open_at is None:
                if way == "close":
                    repairs += 1  # a closing mark with nothing open: dropped
                    continue
                open_at = at + width
                spanned = 1
            elif way == "open" and _has_closer_after(text, norm, marks[n + 1 :]):
                repairs += 1  # a stray opening mark before this one
                open_at = at + width
            else:
                start, end = _trimmed(norm, open_at, at)
                if end > start:
                    found.append(Marked(start=start, end=end, paragraphs=spanned))
                open_at = None
    if open_at is not None and paragraphs:
        start, end = _trimmed(norm, open_at, paragraphs[-1][1])
        if end > start:
            found.append(Marked(start=start, end=end, repaired=True, paragraphs=spanned))
        repairs += 1
    return found, repairs


def _has_closer_after(text: str, norm: str, rest: list[tuple[int, int]]) -> bool:
    return bool(rest) and direction(text, norm, *rest[0]) != "open"


def _strip_closing(norm: str, start: int, end: int) -> int:
    """End a repaired quote before the paragraph's final punctuation-only tail."""
    while end > start and norm[end - 1] in " \n":
        end -= 1
    return end


def find_single_marked(text: str, norm: str, paragraphs: list[tuple[int, int]], taken: list[Marked]) -> list[Marked]:
    """Passages between single curly marks (‘...’) outside double-quoted passages, within one paragraph."""
    found: list[Marked] = []
    for p_start, p_end in paragraphs:
        i = p_start
        while i < p_end:
            i = text.find("\u2018", i, p_end)
            if i < 0:
                break
            if i == p_start or norm[i - 1] in _BEFORE_OPEN or norm[i - 1] == '"':
                close = _single_closer(text, i + 1, p_end)
                if close is not None and not any(m.start <= i < m.end for m in taken):
                    start, end = _trimmed(norm, i + 1, close)
                    if end > start:
                        found.append(Marked(start=start, end=end))
                    i = close + 1
                    continue
            i += 1
    return found


def _single_closer(text: str, start: int, end: int) -> int | None:
    for j in range(start, end):
        ends_word = j + 1 >= len(text) or not text[j + 1].isalpha()
        if text[j] == "\u2019" and ends_word and j > start and not text[j - 1].isspace():
            return j
    return None
