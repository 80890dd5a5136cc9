"""Frozen records: the article, its layers, and the problems found on the way.

Every record is immutable; collections are tuples. Spans are half-open character
offsets into ``Article.text`` and are built only through ``Span.of`` so that the
offsets and the surface text can never disagree.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

RECORD_SCHEMA_VERSION = 3

Modality = Literal["asserted", "planned", "considered", "demanded", "hypothetical", "negated"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
DuplicateKind = Literal["exact", "near"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A half-open character range of the article text, with the text it covers."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Cut ``text[start:end]``; raises ValueError on offsets outside the text."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span [{start}, {end}] lies outside a text of {len(text)} characters")
        return cls(start=start, end=end, text=text[start:end])

    def as_list(self) -> list[int]:
        """The span as the ``[start, end]`` pair of the public record."""
        return [self.start, self.end]

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """Something that went wrong with one input or one part of it; never a fault of the program."""

    code: str
    stage: str
    message: str
    span: Span | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One input article as given: its text is never altered."""

    id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    origin: str = "<input>"
    line: int | None = None
    published_from: str | None = None  # "input", "option", "metadata", "html", "warc", "dateline"
    problems: tuple[Problem, ...] = ()
    language: str | None = None  # ISO 639-1, as identified at ingest; None when the text is too short to tell
    format: str | None = None  # what the content was read as: text, html, jsonl, pdf, docx, feed, eml, warc
    title_span: Span | None = None  # the title line when it is part of the text
    dateline: Span | None = None  # "PRISTINA, June 26 (Reuters) -": place, date and agency before the first sentence
    byline: Span | None = None  # "By Jane Doe" line


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejection:
    """An input that could not become an article, with the reason (a Problem code)."""

    id: str
    origin: str
    line: int | None
    code: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """One token of the parse, free of spaCy objects."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sent: int
    ent_type: str = ""
    ent_iob: str = "O"


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityMention:
    """A named-entity mention as the parser found it (before linking)."""

    span: Span
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Parse:
    """Tokens, sentences and entity mentions of one article."""

    model: str
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Span, ...] = ()
    mentions: tuple[EntityMention, ...] = ()

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        """The tokens of sentence ``index``."""
        return tuple(t for t in self.tokens if t.sent == index)


def tokens_within(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """The tokens lying inside [start, end), found by bisection: ``tokens`` must be in text order, not overlapping.

    The same as ``[t for t in tokens if start <= t.start and t.end <= end]`` for the tokens of a Parse.
    """
    first = bisect.bisect_left(tokens, start, key=_token_start)
    return list(tokens[first : bisect.bisect_right(tokens, end, key=_token_end)])


def _token_start(token: Token) -> int:
    return token.start


def _token_end(token: Token) -> int:
    return token.end


@dataclass(frozen=True, slots=True, kw_only=True)
class Duplicate:
    """A passage (or a whole article) that repeats another one; reported, never dropped."""

    span: Span
    of: Span | None
    kind: DuplicateKind
    similarity: float
    scope: Literal["paragraph", "article"] = "paragraph"
    of_article: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """Who an entity acts for: country (ISO alpha-3), organisation, role and CAMEO actor code."""

    country: str | None = None
    org: str | None = None
    role: str | None = None
    cameo: str | None = None
    #: the rule or table row that gave these codes ("kb:person-tenure", "title:before+home-country", ...)
    evidence: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """One real-world actor of the article with all its mentions."""

    id: str
    name: str
    type: str
    actor: Actor | None = None
    mentions: tuple[Span, ...] = ()
    kb_id: str | None = None
    #: when a mention is a list the recogniser took as one name ("Arnor, Gondor and Rohan"): its members
    members: tuple[Member, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """One member of a list an entity's mention names ("Gondor" in "Arnor, Gondor and Rohan").

    ``entity`` is the actor the member names: an entity of the article (same id, its actor with any
    role the list adds) or one made for the member alone (an id derived from the member's first
    occurrence in the article, which stands for every member of the same text).
    """

    span: Span
    entity: Entity


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A statement with its speaker and cue."""

    id: str
    span: Span
    kind: QuoteKind
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    repeat_of: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeRef:
    """A TIMEX3-normalised time expression."""

    id: str
    span: Span
    type: TimeType
    value: str
    anchor: str | None = None  # the date the value was computed from, None when none was known
    mod: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A toponym resolved (or not) to a gazetteer entry."""

    id: str
    span: Span
    geonameid: int | None = None
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    reason: str | None = None  # why it was resolved this way, or why it could not be
    is_metonym: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Magnitude:
    """A count the text gives for an event: dead, injured, arrested, or the size of a crowd."""

    kind: str  # "dead", "injured", "arrested", "size"
    low: int
    high: int | None  # None: a lower bound ("at least 17", "dozens")
    how: str  # "exact", "approximate", "lower bound"
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """Who asserts (or disputes) an event the reporter does not narrate: a quote and its speaker, if known."""

    quote: str | None = None
    speaker: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventActor:
    """An event side: the actor codes plus the entity it came from."""

    entity: str | None
    name: str | None
    country: str | None = None
    org: str | None = None
    role: str | None = None
    cameo: str | None = None
    #: the rule that chose this actor and its codes
    evidence: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Who did what to whom, when and where, tied to the sentence and trigger it came from."""

    id: str
    source: EventActor | None
    target: EventActor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    date: str | None
    place: str | None
    modality: Modality
    quote: str | None
    sentence: Span
    trigger: Span
    confidence: float
    rule: str = ""
    mentions: tuple[Span, ...] = ()
    #: set when the event is known only through a party's statement (our extension of the contract)
    claimed_by: Claim | None = None
    #: true when a party in the text denies the event; ``disputed_by`` says who
    disputed: bool = False
    disputed_by: Claim | None = None
    #: "day", "month" or "year" for a dated event
    time_precision: str | None = None
    #: where the date came from: "clause", "statement", "sentence" or "published" (inherited)
    date_source: str | None = None
    #: ACLED's geo precision: 1 the named place, 2 a region or a place nearby, 3 the country or only inferred
    geo_precision: int | None = None
    #: where the place came from: "clause", "sentence", "dateline" or "article" (inherited)
    place_source: str | None = None
    #: the word that signals the modality ("will", "not", "threatened"), None for a plain assertion
    modality_cue: Span | None = None
    #: the rules' own score (pattern confidence, raised when sides are found), before calibration
    rule_confidence: float = 0.0
    #: the learned event model's probability that the trigger is an event at all (None without a model)
    model_probability: float | None = None
    #: counts the text gives for this event (dead, injured, arrested, crowd size)
    magnitudes: tuple[Magnitude, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """Everything known about one article; each stage returns a new one with one more layer."""

    article: Article
    normalized: str = ""
    paragraphs: tuple[Span, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    parse: Parse | None = None
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeRef, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    problems: tuple[Problem, ...] = ()
    provenance: tuple[tuple[str, int], ...] = field(default=())

    def add(self, **layers: object) -> Analysis:
        """A copy with the given layers replaced; problems are appended, not replaced."""
        extra = layers.pop("problems", ())
        problems = self.problems + tuple(extra)  # type: ignore[arg-type]
        return replace(self, problems=problems, **layers)  # type: ignore[arg-type]

    @property
    def text(self) -> str:
        """The article text, unchanged."""
        return self.article.text
