"""What makes an event usable beyond its code: the date and place with their precision and where they came
from, who claims it when the reporter does not narrate it, and who disputes it.

Dates: the time expression governing the trigger's clause ("clause"), else the date of the statement that
reports it ("statement"), else a time expression of the same sentence ("sentence"), else, for an asserted or
negated event, the publication date, marked as inherited ("published"). Places: the place of the trigger's
locative phrase ("clause"), else a place named in the sentence ("sentence"), else the dateline's place
("dateline"), else the article's most named place ("article"). ``geo_precision`` follows ACLED: 1 the named
place itself, 2 a region or a place inferred from the dateline, 3 a country or only inferred from the article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from eventwire.model import Analysis, Claim, Place, Quote
from eventwire.stages.coding.agents import DATELINE_CHARS, has_dateline
from eventwire.stages.coding.dating import event_date
from eventwire.stages.coding.sides import Side, same_actor
from eventwire.stages.coding.vocab import VERBAL_ROOTS

#: Place features that name a region (geo precision 2) or a country (3); other features are places (1).
REGION_FEATURES = frozenset({"region", "area", "continent"})
COUNTRY_FEATURES = frozenset({"country"})


def time_precision(value: str | None) -> str | None:
    """ "day", "week", "month" or "year" for a "YYYY-MM-DD", "YYYY-Www", "YYYY-MM" or "YYYY" date."""
    if not value:
        return None
    if "W" in value:
        return "week"
    return {10: "day", 7: "month", 4: "year"}.get(len(value))


def feature_precision(place: Place) -> int:
    """ACLED precision of a place by its feature class."""
    if place.feature in COUNTRY_FEATURES:
        return 3
    if place.feature in REGION_FEATURES:
        return 2
    return 1


@dataclass(frozen=True, slots=True)
class Placing:
    """An event's place id with its precision and source."""

    place: str | None
    precision: int | None
    source: str | None


class Completer:
    """Sentence-level times and places and the article's fallbacks, for one article."""

    def __init__(self, analysis: Analysis, sentences: list[tuple[int, int]]) -> None:
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.places = [p for p in analysis.places if not p.is_metonym and (p.geonameid or p.country)]
        self.times: dict[int, list[tuple[int, str]]] = {}
        for time in analysis.times:
            value = event_date(time.value) if time.type in ("DATE", "TIME") else None
            if value is not None and len(value) != 4:  # a year alone dates only the word it hangs from
                self.times.setdefault(self._sentence_of(time.span.start), []).append((time.span.start, value))
        self.by_sentence: dict[int, list[Place]] = {}
        for place in self.places:
            self.by_sentence.setdefault(self._sentence_of(place.span.start), []).append(place)
        opens = has_dateline(analysis.article.text)
        self.dateline = next((p for p in self.places if p.span.start < DATELINE_CHARS), None) if opens else None
        named = Counter(p.geonameid or p.name for p in self.places if p.feature not in COUNTRY_FEATURES)
        self.main: Place | None = None
        if named:
            (best, count), *rest = named.most_common(2)
            if count >= 2 and (not rest or count > rest[0][1]):
                self.main = next(p for p in self.places if (p.geonameid or p.name) == best)
        self.by_id = {p.id: p for p in analysis.places}

    def _sentence_of(self, position: int) -> int:
        return max(0, bisect_right(self.starts, position) - 1)

    def sentence_date(self, position: int) -> str | None:
        """The date of the time expression of the sentence nearest to a position."""
        values = self.times.get(self._sentence_of(position))
        if not values:
            return None
        return min(values, key=lambda v: abs(v[0] - position))[1]

    def placing(self, clause_place: str | None, position: int) -> Placing:
        """The event's place by the clause, sentence, dateline, article fallback."""
        if clause_place is not None and clause_place in self.by_id:
            return Placing(clause_place, feature_precision(self.by_id[clause_place]), "clause")
        here = self.by_sentence.get(self._sentence_of(position), [])
        local = [p for p in here if p.feature not in COUNTRY_FEATURES] or here
        if local:
            nearest = min(local, key=lambda p: abs(p.span.start - position))
            return Placing(nearest.id, feature_precision(nearest), "sentence")
        if self.dateline is not None:
            return Placing(self.dateline.id, max(2, feature_precision(self.dateline)), "dateline")
        if self.main is not None:
            return Placing(self.main.id, 3, "article")
        return Placing(None, None, None)


def claim_of(*, quote: Quote | None, reported_by: list[Side], source: Side | None, root: str) -> Claim | None:
    """Who claims an event known only through a statement; None when the reporter narrates it, or when the
    event is the statement itself (a speaker's own criticism, appeal or promise)."""
    if quote is not None:
        speaker, name = quote.speaker, quote.speaker_name
    elif reported_by:
        first = reported_by[0]
        speaker, name = (first.entity.id if first.entity is not None else None), first.name
    else:
        return None
    if root in VERBAL_ROOTS:
        if speaker is None and name is None:
            return None
        if source is not None and (
            (speaker is not None and source.entity is not None and source.entity.id == speaker)
            or any(same_actor(source, r) for r in reported_by)
        ):
            return None
    return Claim(quote=quote.id if quote is not None else None, speaker=speaker, name=name)


def dispute_of(denied_by: list[Side]) -> Claim | None:
    """Who denies an event, as a Claim (None when nobody does)."""
    if not denied_by:
        return None
    side = denied_by[0]
    return Claim(speaker=side.entity.id if side.entity is not None else None, name=side.name)
