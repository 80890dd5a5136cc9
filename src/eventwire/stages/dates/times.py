"""Time expressions: recognition and TIMEX3 normalisation anchored on a publication date.

``find_times`` runs over a whole text (optionally with the parser's tokens for tense and filtering);
``normalize`` reads one expression on its own. Both are pure and never raise on any input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.model import Token
from eventwire.stages.dates.normalize import Narrative, Normal, Normaliser
from eventwire.stages.dates.recognize import TimeMatch, acceptable, candidates, select
from eventwire.stages.dates.tense import tense_of
from eventwire.syntax import TokenIndex

__all__ = ["Found", "Normal", "find_times", "normalize"]

#: Rules whose values later "that quarter", "a year earlier" may lean on: stated, not derived, periods.
_NOTED = frozenset(
    {"iso", "slash", "mdy", "dmy", "md", "dm", "my", "month", "year", "quarter", "qcode", "weekday", "dayref"}
)


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression in a text with its normalised value; ``readable`` is False when none could be made."""

    start: int
    end: int
    rule: str
    type: str
    value: str
    mod: str | None = None
    readable: bool = True


def find_times(text: str, *, anchor: dt.date | None, tokens: Sequence[Token] = ()) -> list[Found]:
    """Every time expression of ``text`` in order, normalised against ``anchor`` (None: no year is invented)."""
    index = TokenIndex(tokens) if tokens else None
    chosen = select([c for c in candidates(text) if acceptable(c, text, index)])
    context = Narrative(anchor=anchor)
    normaliser = Normaliser(context)
    found: list[Found] = []
    for cand in chosen:
        tense = tense_of(tokens, index.within(cand.start, cand.end)) if index is not None else ""
        context.clause = text[_sentence_start(text, cand.start) : cand.start]
        context.after = _sentence_rest(text, cand.end)
        context.at = cand.start
        normal = normaliser.run(cand.rule, cand.groups, tense)
        if normal is None:
            found.append(Found(cand.start, cand.end, cand.rule, "DATE", "", readable=False))
            continue
        found.append(Found(cand.start, cand.end, cand.rule, normal.type, normal.value, normal.mod))
        if cand.rule in _NOTED:
            context.note(normal)
    return found


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding offset ``at`` begins (after the last full stop or line break, at most 400 back)."""
    lo = max(0, at - 400)
    return max(text.rfind(". ", lo, at) + 1, text.rfind("\n", lo, at) + 1, lo)


def _sentence_rest(text: str, at: int) -> str:
    """The text after offset ``at`` up to the line break (at most 80 characters; rules read only its start)."""
    rest = text[at : at + 80]
    cut = rest.find("\n")
    return rest if cut < 0 else rest[:cut]


def normalize(text: str, *, anchor: dt.date | None, tense: str = "") -> Normal | None:
    """The TIMEX3 reading of one expression ("last Friday", "three decades ago"); None if it is not one."""
    ends = {len(text), len(text.rstrip(" .,;:"))}
    whole = [c for c in candidates(text) if c.start == 0 and c.end in ends and acceptable(c, text, None)]
    if not whole:
        return None
    best: TimeMatch = select(whole)[0]
    return Normaliser(Narrative(anchor=anchor)).run(best.rule, best.groups, tense)
