"""Attributions that stand beside a quotation rather than govern it in the parse.

A quoted passage the dependency frames leave without a cue often still names its speaker next to it:

* right after it, in a clause of its own: ``“...” Smith said last week.`` or ``“...” said Mr. Smith.``
  (the parser closes the quotation as a sentence, so ``said`` has no complement);
* right before it, ending in a colon: ``The Times reports: “...”``, or a paragraph ``He said:`` that
  introduces a quoted paragraph;
* after it, as a byline introduced by a dash: ``“...” ― Jane Doe``.

Each finder returns the cue token and the speaker's head token, or the byline's character range.
"""

from __future__ import annotations

import bisect
import re

from eventwire.stages.quotes.cues import CLAUSE
from eventwire.syntax import ParseTree

#: How many tokens after a quotation an attributing clause may reach.
MAX_AFTER = 25
#: How many tokens before a colon the attributing verb may stand.
MAX_BEFORE = 30
_END = frozenset({".", "!", "?", ";"})
_OPENING = frozenset({"“", '"', "‘", "``", "''", "«"})
_CLOSING = frozenset({"”", '"', "’", "'", "''", "»"})
_BYLINE = re.compile(r"^[\s,.]*[―—–]+\s*(?P<name>[A-Z][^\n―—–“”\"]{1,80}?)[\s.]*$")
_BYLINE_WORDS = 8


class Beside:
    """Look-ups of attributions next to quoted passages in one parsed article."""

    def __init__(self, text: str, tree: ParseTree) -> None:
        self.text = text
        self.tree = tree
        self._starts = [t.start for t in tree.tokens]

    def _cue(self, i: int) -> bool:
        tok = self.tree.tokens[i]
        return tok.pos == "VERB" and tok.lemma.lower() in CLAUSE

    def _without_content(self, i: int) -> bool:
        """Whether cue ``i`` has no clausal content of its own after it."""
        return not [c for c in self.tree.child_ids(i, "ccomp") if c > i]

    def after(self, end: int, limit: int) -> tuple[int, int] | None:
        """A cue with its subject in the clause right after a quotation ending at ``end`` (before ``limit``)."""
        toks = self.tree.tokens
        first = bisect.bisect_left(self._starts, end)
        while first < len(toks) and toks[first].start <= end + 1 and toks[first].text in _CLOSING:
            first += 1
        for i in range(first, min(len(toks), first + MAX_AFTER)):
            tok = toks[i]
            if tok.start >= limit or tok.text in _OPENING:
                return None
            if self._cue(i) and self._without_content(i):
                subject = self.tree.subject(i)
                if subject is not None and toks[subject].start >= end:
                    return i, subject
                return None
            if tok.text in _END:
                return None
        return None

    def before(self, start: int, floor: int) -> tuple[int, int] | None:
        """A cue with its subject in the words ending in a colon right before ``start`` (not before ``floor``)."""
        toks = self.tree.tokens
        last = bisect.bisect_left(self._starts, start) - 1
        while last >= 0 and toks[last].start >= floor and (toks[last].pos == "SPACE" or toks[last].text in _OPENING):
            last -= 1
        if last < 0 or toks[last].start < floor or toks[last].text != ":":
            return None
        for i in range(last - 1, max(-1, last - 1 - MAX_BEFORE), -1):
            tok = toks[i]
            if tok.start < floor or tok.text in _END or tok.text in _OPENING:
                return None
            if self._cue(i):
                subject = self.tree.subject(i)
                return (i, subject) if subject is not None else None
        return None

    def byline(self, end: int, limit: int) -> tuple[int, int] | None:
        """The character range of a dash byline after a quotation ending at ``end``, up to ``limit``."""
        rest = self.text[end:limit]
        rest = rest[1:] if rest[:1] in "”\"’'" else rest
        m = _BYLINE.match(rest)
        if m is None or len(m.group("name").split()) > _BYLINE_WORDS:
            return None
        offset = end + (len(self.text[end:limit]) - len(rest))
        return offset + m.start("name"), offset + m.end("name")
