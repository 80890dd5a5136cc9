"""Event date and place: from the time expression and toponym that govern the trigger's clause."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from eventwire.model import Place, TimeRef, Token
from eventwire.syntax import ParseTree

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b|'\d\d\b")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_WEEK = re.compile(r"^\d{4}-W\d{2}$")
#: Prepositions whose object places the event ("in Pristina", "to Sarajevo").
PLACE_PREPS = frozenset({"in", "at", "to", "near", "into", "outside", "inside", "across", "from", "on"})


def event_date(value: str) -> str | None:
    """A TIMEX3 value cut to "YYYY-MM-DD", "YYYY-MM", an ISO week "YYYY-Www" or a year "YYYY" (None for
    durations, sets, seasons, decades and year-less values)."""
    week = _WEEK.match(value or "")
    if week is not None:
        year, number = value.split("-W")
        try:
            dt.date.fromisocalendar(int(year), int(number), 4)
        except ValueError:
            return None  # no such week
        return value
    match = _DATE.match(value or "")
    if match is None:
        return None
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}"
    if len(value) == 4:
        return year  # "in 1961", "last year": the year, not the day of the report
    return None


def calendar_date(value: str | None) -> str | None:
    """The record's date for a located date: an ISO week ("1998-W08") is dated to its Thursday, the middle day
    that ISO 8601 counts the week by (its ``time_precision`` says "week"); other values are kept."""
    if not value or "W" not in value:
        return value
    year, week = value.split("-W")
    return dt.date.fromisocalendar(int(year), int(week), 4).isoformat()


@dataclass(frozen=True, slots=True)
class Anchored:
    """A time or place with the token it hangs from in the parse (its anchor)."""

    token: int
    anchor: int
    value: str


class Locator:
    """Finds, for a trigger, the time expressions and places that govern it."""

    def __init__(
        self, tree: ParseTree, times: tuple[TimeRef, ...], places: tuple[Place, ...], *, published: str | None = None
    ) -> None:
        self.tree = tree
        self.published = published
        self._starts = [t.start for t in tree.tokens]
        #: relative and participle clauses of the article, which date their own verb only
        self._clauses = frozenset(t.i for t in tree.tokens if t.dep in ("relcl", "acl"))
        self.times: dict[int, list[tuple[int, str]]] = {}
        self.later: dict[str, str] = {}
        for time in times:
            if time.type not in ("DATE", "TIME"):
                continue
            value = event_date(time.value)
            day = calendar_date(value)
            if value and day and published and day[:10] > published and not _YEAR.search(time.span.text):
                # a year-less date read as later than the report: for things that happened, take the year before
                self.later[value] = f"{int(value[:4]) - 1:04d}{value[4:]}"
            token = self._token_at(time.span.start, time.span.end)
            if value is not None and token is not None:
                self.times.setdefault(self._anchor(token).i, []).append((token.i, value))
        self.places: dict[int, Place] = {}
        for place in places:
            token = self._token_at(place.span.start, place.span.end)
            if token is not None and not place.is_metonym:
                self.places[token.i] = place

    def _token_at(self, start: int, end: int) -> Token | None:
        """The head token of the span (the one whose head lies outside it)."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end, lo=first)
        inside = self.tree.tokens[first:last]
        if not inside:
            return None
        ids = {t.i for t in inside}
        for tok in inside:
            if tok.head not in ids or tok.head == tok.i:
                return tok
        return inside[0]

    def _anchor(self, tok: Token) -> Token:
        """The first verb or noun above a time expression that is not part of the expression itself."""
        for head in self.tree.ancestors(tok):
            if head.pos in ("VERB", "AUX") or (head.pos == "NOUN" and head.dep != "npadvmod"):
                return head
        return tok

    def date(self, trigger: Token, *, nominal: bool, past: bool = False) -> str | None:
        """The event date; for a past event a year-less date is never later than the report."""
        value = self._date(trigger, nominal=nominal)
        if value is not None and past:
            return self.later.get(value, value)
        return value

    def _date(self, trigger: Token, *, nominal: bool) -> str | None:
        """The date of the time expression governing the trigger, climbing to its verb for nouns.

        When several hang from the same word, the first one after the trigger wins (adjuncts follow).
        """
        for tok in self._climb(trigger, nominal=nominal):
            values = self.times.get(tok.i)
            if values and tok.i != trigger.i:
                # a year alone is background more often than not ("we marched here in 1965 and we are marching
                # again"): it dates only the word it hangs from, never a conjunct or a noun below it
                values = [(pos, v) for pos, v in values if len(v) != 4]
            if values:
                after = [v for pos, v in values if pos >= trigger.i]
                return after[0] if after else values[-1][1]
        # a date inside the noun phrase itself ("the September 24 attack")
        if not nominal or not self.times:
            return None
        for tok in self.tree.subtree(trigger):
            if tok.i != trigger.i and tok.i in self.times:
                return self.times[tok.i][0][1]
        return None

    def date_near(self, verb: Token) -> str | None:
        """The date attached to a verb's own clause, complements left out ("said on Monday that ...")."""
        for tok in sorted(_adjuncts(self.tree, verb, self._clauses), key=lambda t: abs(t.i - verb.i)):
            values = self.times.get(tok.i)
            if values:
                return values[0][1]
        return None

    def _climb(self, trigger: Token, *, nominal: bool) -> list[Token]:
        chain = [trigger]
        verbs = 0
        current = trigger
        for head in self.tree.ancestors(trigger):
            if current.dep in ("ccomp", "advcl", "parataxis") and not nominal:
                break
            chain.append(head)
            if head.pos in ("VERB", "AUX"):
                verbs += 1
                if verbs >= (2 if current.dep == "conj" else 1):
                    break
            current = head
        return chain

    def place(self, trigger: Token) -> Place | None:
        """A place named in a locative phrase of the trigger (or of its conjunct head)."""
        candidates = [trigger]
        head = self.tree.head(trigger)
        if head is not None and trigger.dep == "conj":
            candidates.append(head)
        for tok in candidates:
            for prep in self.tree.children(tok, "prep"):
                if prep.lemma.lower() not in PLACE_PREPS:
                    continue
                for obj in self.tree.children(prep, "pobj"):
                    for conj in self.tree.conjuncts(obj):
                        if conj.i in self.places:
                            return self.places[conj.i]
            for k in self.tree.children(tok, "compound", "npadvmod"):
                if k.i in self.places:
                    return self.places[k.i]
        return None


def _adjuncts(tree: ParseTree, verb: Token, clauses: frozenset[int]) -> list[Token]:
    """The verb and its subtree without clausal complements (the statement's own circumstances), nor the
    relative and participle ``clauses`` inside its subject or object, which have their own time ("Trump, who
    takes office in January, said ...")."""
    skip = {k.i for k in tree.children(verb, "ccomp", "xcomp", "parataxis", "conj", "advcl")}
    return list(tree.subtree(verb, skip=frozenset(skip | (clauses - {verb.i}))))
