"""Actor and agent entries, and the phrase index that finds them in text.

Both the shipped knowledge base and user dictionaries become ``ActorEntry`` (who acts:
a country, an organisation, a named person) and ``AgentEntry`` (what they are: a title or
a sector such as "president" or "police") records, kept in an ``ActorDictionary``
(``resources.dictionaries``). Matching works on word tokens (``\\w+``, case-folded), so "U.S."
and "u.s" match alike and underscores in dictionary names are spaces.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

_WORD = re.compile(r"\w+", re.UNICODE)

#: Primary CAMEO sectors: a code never stacks two of them (no USAGOVMILGOV).
PRIMARY_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "PTY", "SPY", "UAF", "IGO", "NGO", "BUS", "MED", "EDU", "REL"}
)


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid from ``start`` (inclusive) until ``end`` (inclusive); None means open."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def applies(self, day: dt.date | None) -> bool:
        """True when the restriction holds on ``day`` (an unknown day satisfies only unrestricted codes)."""
        if self.start is None and self.end is None:
            return True
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Tenure:
    """An office a person held: its CAMEO code with its dates, the role label and the organisation."""

    code: DatedCode
    role: str | None = None
    org: str | None = None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """Someone who acts: a country, an organisation, a named person or group."""

    id: str
    name: str
    kind: str  # country | adjective | ethnic | capital | org | institution | religion | person | actor
    country: str | None = None
    org: str | None = None
    cameo: str | None = None
    sector: str | None = None
    role: str | None = None
    codes: tuple[DatedCode, ...] = ()
    nominals: tuple[str, ...] = ()
    parent: str | None = None
    tenures: tuple[Tenure, ...] = ()

    def code_on(self, day: dt.date | None) -> str | None:
        """The CAMEO code valid on ``day``: the first date-restricted code that applies, else the default."""
        for dated in self.codes:
            if (dated.start or dated.end) and dated.applies(day):
                return dated.code
        return self.cameo

    def tenure_on(self, day: dt.date | None) -> Tenure | None:
        """The office held on ``day``: a dated tenure covering it, else the undated default; None on an unknown day."""
        if day is None:
            return None
        for tenure in self.tenures:
            if (tenure.code.start or tenure.code.end) and tenure.code.applies(day):
                return tenure
        return next((t for t in self.tenures if t.code.start is None and t.code.end is None), None)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A title or sector word: "president" (GOV), "police" (COP), a PETRARCH agent ("~GOV", "NGO~")."""

    id: str
    label: str
    sector: str
    person: bool = True
    org: str | None = None
    prefix: bool = False  # PETRARCH "NGO~": the sector goes before the country code


class Word(NamedTuple):
    """A word token of the text: offsets, case-folded form and original form (a named tuple: cheap to make)."""

    start: int
    end: int
    low: str
    text: str


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase of the index found in the text."""

    start: int
    end: int
    first: int  # index of the first word
    last: int  # index of the last word (inclusive)
    value: ActorEntry | AgentEntry


def words_of(text: str) -> list[Word]:
    """The word tokens of ``text``."""
    words: list[Word] = []
    for match in _WORD.finditer(text):
        word = match.group()
        words.append(Word(match.start(), match.end(), word.casefold(), word))
    return words


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Index key of a name: its case-folded word tokens; underscores count as spaces."""
    return tuple(m.group().casefold() for m in _WORD.finditer(phrase.replace("_", " ")))


def compose(base: str | None, sector: str | None, *, prefix: bool = False) -> str | None:
    """A CAMEO code from a base (country or organisation code) and a sector, never stacking two primary sectors."""
    if not sector:
        return base
    if not base:
        return sector
    chunks = {base[i : i + 3] for i in range(0, len(base), 3)}
    if chunks & PRIMARY_SECTORS and sector[:3] in PRIMARY_SECTORS:
        return base
    if sector[:3] in chunks:
        return base
    return sector + base if prefix else base + sector


@dataclass(slots=True)
class PhraseIndex:
    """Phrases (as word-token tuples) mapped to values, with a case rule per phrase."""

    entries: dict[tuple[str, ...], list[tuple[str, ActorEntry | AgentEntry]]] = field(default_factory=dict)
    longest: int = 0
    proper: bool = True  # phrases name things: a match needs a capitalised word
    #: TABARI stems: key = the words before the last + the stem's first three letters
    stems: dict[tuple[str, ...], list[tuple[str, str, ActorEntry | AgentEntry]]] = field(default_factory=dict)
    #: every leading run of words of an entry (and of a stem entry's words before the stem): a phrase can only
    #: start where the text's words follow one of these, which keeps matching cheap at every word
    prefixes: set[tuple[str, ...]] = field(default_factory=set)

    def __post_init__(self) -> None:
        for key in self.entries:
            self._remember(key)
        for slot in self.stems.values():
            for _stem, surface, _value in slot:
                self._remember(phrase_key(surface)[:-1])

    def _remember(self, key: tuple[str, ...]) -> None:
        for size in range(1, len(key) + 1):
            self.prefixes.add(key[:size])

    def add(self, surface: str, value: ActorEntry | AgentEntry, *, front: bool = False) -> None:
        """Index ``surface``; ``front`` puts it before entries already held (user overrides).

        A surface ending in ``*`` is a stem: its last word matches any word it begins
        ("ARGENTIN*" matches "Argentina", "Argentine", "Argentinian"), as in TABARI dictionaries.
        """
        if surface.endswith("*"):
            self._add_stem(surface[:-1], value, front=front)
            return
        key = phrase_key(surface)
        if not key:
            return
        self._remember(key)
        slot = self.entries.setdefault(key, [])
        item = (surface.replace("_", " ").strip(), value)
        if front:
            slot.insert(0, item)
        else:
            slot.append(item)
        self.longest = max(self.longest, len(key))

    def _add_stem(self, surface: str, value: ActorEntry | AgentEntry, *, front: bool) -> None:
        key = phrase_key(surface)
        if not key or len(key[-1]) < 3:
            self.add(surface, value, front=front)
            return
        self._remember(key[:-1])
        slot = self.stems.setdefault((*key[:-1], key[-1][:3]), [])
        item = (key[-1], surface.replace("_", " ").strip(), value)
        if front:
            slot.insert(0, item)
        else:
            slot.append(item)
        self.longest = max(self.longest, len(key))

    def get(self, phrase: str) -> ActorEntry | AgentEntry | None:
        """The first value indexed under ``phrase`` (case-insensitive; stems too), or None."""
        key = phrase_key(phrase)
        slot = self.entries.get(key)
        if slot:
            return slot[0][1]
        found = self._stem(key)
        return found[1] if found is not None else None

    def _stem(self, key: tuple[str, ...]) -> tuple[str, ActorEntry | AgentEntry] | None:
        """(surface, value) of the longest stem entry whose stem begins the last word of ``key``."""
        if not self.stems or not key:
            return None
        slot = self.stems.get((*key[:-1], key[-1][:3]))
        if not slot:
            return None
        fitting = [
            (len(stem), -i, surface, value) for i, (stem, surface, value) in enumerate(slot) if key[-1].startswith(stem)
        ]
        if not fitting:
            return None
        _, _, surface, value = max(fitting, key=lambda item: (item[0], item[1]))
        return surface, value

    def find(self, words: Sequence[Word], text: str) -> list[Hit]:
        """Longest non-overlapping matches, left to right."""
        hits: list[Hit] = []
        i, n = 0, len(words)
        prefixes, stems = self.prefixes, self.stems
        while i < n:
            low = words[i].low
            if (low,) not in prefixes and not (stems and (low[:3],) in stems):
                i += 1  # no phrase starts with this word (nor a one-word stem entry)
                continue
            hit = self._at(words, i, text)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.last + 1
        return hits

    def _at(self, words: Sequence[Word], i: int, text: str) -> Hit | None:
        limit = min(self.longest, len(words) - i)
        run = 0
        lead: tuple[str, ...] = ()
        while run < limit:
            lead = (*lead, words[i + run].low)
            if lead not in self.prefixes:
                break
            run += 1
        # a whole entry is at most ``run`` words; a stem entry may add one word after such a run
        for size in range(min(limit, run + 1) if self.stems else run, 0, -1):
            key = tuple(w.low for w in words[i : i + size])
            slot = self.entries.get(key)
            if not slot:
                stem = self._stem(key) if self.stems else None
                if stem is None:
                    continue
                slot = [stem]
            span = words[i : i + size]
            if not _joined_simply(span, text):
                continue
            for surface, value in slot:
                if _case_ok(surface, span, proper=self.proper):
                    return Hit(span[0].start, span[-1].end, i, i + size - 1, value)
        return None


def _joined_simply(span: Sequence[Word], text: str) -> bool:
    """Words of one phrase are separated by spaces or in-name punctuation only, never a line break or comma."""
    for left, right in itertools.pairwise(span):
        gap = text[left.end : right.start]
        if len(gap) > 3 or any(c in gap for c in '\n,;:!?()"“”'):
            return False
    return True


def _case_ok(surface: str, span: Sequence[Word], *, proper: bool) -> bool:
    """Acronyms and short words must keep their capitals; names need a capital letter.

    PETRARCH-style entries (upper case or with underscores) match in any case, except words of
    up to three letters, which must not be lower case in the text ("THE_AU" is not "the au").
    """
    tokens, originals, dictionary_style = _surface_words(surface)
    for original, token, word in zip(originals, tokens, span, strict=False):
        if token in _FUNCTION_WORDS or not word.text.islower():
            continue
        if (original.isupper() and len(original) >= 2 and not dictionary_style) or (len(token) <= 3 and proper):
            return False
    return not proper or dictionary_style or any(w.text[:1].isupper() for w in span)


@functools.lru_cache(maxsize=1 << 14)
def _surface_words(surface: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """An entry surface's index key, its words as written, and whether it is in dictionary style (cached)."""
    originals = tuple(m.group() for m in _WORD.finditer(surface.replace("_", " ")))
    return phrase_key(surface), originals, (surface.isupper() and len(surface) > 3) or "_" in surface


_FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "in", "on", "de", "du", "la", "al", "el", "s"})


def index_actors(entries: Iterable[tuple[str, ActorEntry]], index: PhraseIndex | None = None) -> PhraseIndex:
    """Add ``(surface, entry)`` pairs to an index (a new one when none is given)."""
    target = index if index is not None else PhraseIndex()
    for surface, entry in entries:
        target.add(surface, entry)
    return target


def tokens_between(words: Sequence[Word], start: int, end: int) -> Iterator[Word]:
    """The words lying inside [start, end)."""
    return (w for w in words if start <= w.start and w.end <= end)
