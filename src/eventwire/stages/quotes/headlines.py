"""Headline attributions: ``Graham: Trump's rhetoric destroying GOP's chance`` or ``Poll: Sanders leads``.

A short paragraph that opens with a source and a colon reports what that source said: the source is a
named person, organisation or group (as the parser tagged it) or a word naming a publication or a poll.
Labels such as "The Latest" or "Editor's Note" are neither and are left alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from eventwire.syntax import ParseTree

#: Longest source (in words) before the colon.
MAX_SOURCE_WORDS = 5
#: Longest paragraph (in words) read as a headline.
MAX_HEADLINE_WORDS = 40
_SOURCE_NOUNS = frozenset(
    "poll polls survey report study newspaper paper sources source officials official analysis memo".split()
)
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PREFIX = re.compile(r"^\s*(?P<source>[^\s:][^:\n]{0,60}?)\s*:\s+(?=\S)")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Headline:
    """A headline's source and content character ranges."""

    source: tuple[int, int]
    content: tuple[int, int]


def find_headlines(text: str, tree: ParseTree, paragraphs: list[tuple[int, int]]) -> list[Headline]:
    """Every ``Source: claim`` headline paragraph of the article."""
    toks = tree.tokens
    starts = [t.start for t in toks]
    found = []
    for p_start, p_end in paragraphs:
        para = text[p_start:p_end]
        m = _PREFIX.match(para)
        if m is None or len(_WORD.findall(para)) > MAX_HEADLINE_WORDS:
            continue
        source = m.group("source")
        words = _WORD.findall(source)
        if not words or len(words) > MAX_SOURCE_WORDS or not source[0].isupper():
            continue
        s_start, s_end = p_start + m.start("source"), p_start + m.end("source")
        first, last = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end) - 1
        named = any(toks[i].ent_type in _NAMED for i in range(first, last + 1))
        if not named and words[-1].lower() not in _SOURCE_NOUNS:
            continue
        c_start = p_start + m.end()
        c_end = p_start + len(para.rstrip().rstrip("."))
        lo, hi = bisect.bisect_left(starts, c_start), bisect.bisect_left(starts, c_end)
        if c_end - c_start < 2 or not any(toks[i].pos in ("VERB", "AUX") for i in range(lo, hi)):
            continue
        found.append(Headline(source=(s_start, s_end), content=(c_start, c_end)))
    return found
