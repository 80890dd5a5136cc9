"""Toponym recognition for the geo stage: NER mentions plus a gazetteer scan of proper-noun runs.

Pure functions over a Parse; no spaCy objects. A toponym candidate is a span of the article text with
the label that proposed it and, when the text says so, a qualifier ("Springfield, Illinois").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.model import Parse, Token
from eventwire.resources.gazetteer import Entry, Gazetteer, normalize

#: NER labels whose mentions are proposed as toponyms outright.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels whose mentions are proposed only when the gazetteer knows them well (NER mistakes on places).
DOUBTFUL_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
_CONNECTORS = frozenset({"of", "and", "de", "del", "da", "upon", "on", "-", "el", "al", "la"})
DIRECTIONS = re.compile(
    r"^(?:far\s+|upper\s+|lower\s+)?(?:northern|southern|eastern|western|central|north|south|east|west|northeast|northwest|southeast|"
    r"southwest|north-east|north-west|south-east|south-west|northeastern|northwestern|southeastern|"
    r"southwestern)\s+",
    re.IGNORECASE,
)
#: The two-letter codes of the US states and DC, as written after a place name ("Springfield, IL").
US_STATE_CODES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
    "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split()
)
#: Minimum population for a city found by the gazetteer scan alone (no NER label).
SCAN_POPULATION = 100_000
#: Words that are never a toponym on their own, whatever the tagger says: bare compass points ("the West",
#: "207 South Main") and function words of other languages that name a village somewhere ("Der", "La").
NOT_PLACES = frozenset(
    "north south east west northeast northwest southeast southwest der die das den dem des ein eine und la le "
    "les el los las lo il una uno del di du von van het".split()
)
#: Words before a name that make it a place even when the tagger called it a person or an organisation.
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|from|into|across|near|outside|inside|throughout|toward|towards|neighbou?ring|visit(?:ed|ing)?)"
    r"|\b(?:in|of) (?:northern|southern|eastern|western|central))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "to" before a name: a place when the name is a country's ("sent aid to Nepal"), not for any other name
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
#: Words after a name that make it a place ("Idlib province", "the Mali border").
_LOCATIVE_AFTER = re.compile(
    r"^\s+(?:province|region|governorate|prefecture|district|county|state|border|borders|capital)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Toponym:
    """A toponym candidate: its character span, who proposed it, and an optional qualifier span."""

    start: int
    end: int
    label: str
    qualifier: tuple[int, int] | None = None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the', a trailing possessive and surrounding punctuation from a span."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and text[end - 1] in " \t\n,;:!?\"'()[]\u2019\u201d":
        end -= 1
    lowered = text[start:end].lower()
    if lowered.startswith("the ") and end - start > 4:
        start += 4
    for suffix in ("'s", "\u2019s"):
        if text[start:end].endswith(suffix) and end - start > len(suffix):
            end -= len(suffix)
    while end > start and text[end - 1] in " \t\n,;:!?\"'()[]\u2019\u201d-":
        end -= 1
    return start, end


def strong(entries: tuple[Entry, ...], population: int = SCAN_POPULATION) -> bool:
    """True when a name is well known as a place: a country, region, continent, area or a large city."""
    for e in entries:
        if e.feature in ("country", "continent", "area") or (e.feature == "region" and e.geonameid is not None):
            return True
        if e.feature == "city" and e.population >= population:
            return True
    return False


def people(gazetteer: Gazetteer, surface: str) -> bool:
    """True for the plural of a demonym, which names people, not a place ("Cubans", "Turks", "Canadians")."""
    word = surface.rstrip()
    return word.endswith("s") and not word.endswith("ss") and bool(gazetteer.demonym(word))


def refused(surface: str) -> bool:
    """True for a word that is never a toponym on its own (see NOT_PLACES)."""
    return normalize(surface) in NOT_PLACES


def locative(text: str, start: int, end: int) -> bool:
    """True when the words around a name make it a place: "in Mali", "from eastern Ghouta", "Idlib province"."""
    before = _LOCATIVE_BEFORE.search(text[max(0, start - 30) : start])
    return bool(before or _LOCATIVE_AFTER.match(text[end : end + 20]))


def coordinated(text: str, start: int, end: int, places: list[tuple[int, int]]) -> bool:
    """True when a name is listed with a place ("Mali and Niger", "Chad, Niger and Mali")."""
    for s, e in places:
        between = text[e:start] if e <= start else text[end:s] if end <= s else "x"
        if re.fullmatch(r",?\s*(?:and|or)?\s*|\s*,\s*", between):
            return True
    return False


def known(gazetteer: Gazetteer, text: str) -> bool:
    """True when the text is a place name, a demonym, or a direction plus a place name."""
    if gazetteer.lookup(text) or gazetteer.demonym(text):
        return True
    bare = DIRECTIONS.sub("", text)
    return bare != text and bool(gazetteer.lookup(bare))


def propose(text: str, parse: Parse, gazetteer: Gazetteer) -> list[Toponym]:
    """All toponym candidates of one article, without overlaps, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[Toponym] = []

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    blocked: list[tuple[int, int]] = []
    persons = {normalize(w) for m in parse.mentions if m.label == "PERSON" for w in m.span.text.split()}
    doubted: list[tuple[int, int]] = []  # person and organisation names that may be places in context
    for mention in parse.mentions:
        start, end = trim(text, mention.span.start, mention.span.end)
        if start >= end:
            continue
        cut = _CUT_ABBREVIATION.match(text, end)
        if cut and re.search(r"\b(?:St|Ste|Mt|Ft|Pt)\.$", text[start:end]):
            end = cut.end()  # the parser stopped at the abbreviation's dot: "Fort St." + "John"
        surface = text[start:end]
        if mention.label in PLACE_LABELS:
            if not (surface[:1].isupper() or DIRECTIONS.match(surface)):
                continue  # "crystal meth crisis": not a name
            for s, e in _split_list(text, start, end, gazetteer):
                if refused(text[s:e]) or people(gazetteer, text[s:e]):
                    continue
                if normalize(text[s:e]) in persons and not strong(gazetteer.lookup(text[s:e])):
                    continue  # a surname the parser also tagged as a place ("said Stoltenberg in ...")
                s = _direction(text, s, gazetteer)
                if free(s, e):
                    taken.append((s, e))
                    found.append(Toponym(s, e, mention.label))
        elif mention.label == "PERSON":
            blocked.append((mention.span.start, mention.span.end))
            doubted.append((start, end))
        elif mention.label in DOUBTFUL_LABELS:
            entries = gazetteer.lookup(surface)
            demonym = mention.label == "NORP" and gazetteer.demonym(surface) and not people(gazetteer, surface)
            if (demonym or (entries and strong(entries, 100_000))) and free(start, end) and not refused(surface):
                taken.append((start, end))
                found.append(Toponym(start, end, mention.label))
            else:  # the scan below looks inside it ("Texas A&M University", "Turkish-Russian")
                doubted.append((start, end))
    for start, end in doubted:  # "fighting in Mali", "Mali and Niger": the tagger's mistakes for places
        surface = text[start:end]
        entries = gazetteer.lookup(surface) or gazetteer.lookup(DIRECTIONS.sub("", surface))
        if not any(e.feature in ("country", "region", "area") or e.population >= SCAN_POPULATION for e in entries):
            continue
        country = any(e.feature == "country" for e in entries)
        towards = country and bool(_TO_BEFORE.search(text[max(0, start - 10) : start]))  # "sent aid to Nepal"
        if free(start, end) and (locative(text, start, end) or towards or coordinated(text, start, end, taken)):
            taken.append((start, end))
            found.append(Toponym(start, end, "CONTEXT"))
            blocked = [b for b in blocked if not (b[0] <= start and end <= b[1])]
    qualified = [(s, e, "QUALIFIED") for s, e in _qualified(text, gazetteer)]
    for start, end, label in qualified + [(s, e, "SETTLEMENT") for s, e in _settlements(text, gazetteer)]:
        if free(start, end):  # "born in Churchill, Man.": a place even when the parser saw a person
            taken.append((start, end))
            found.append(Toponym(start, end, label))
    for start, end in _datelines(text, gazetteer):
        if free(start, end):
            taken.append((start, end))
            found.append(Toponym(start, end, "DATELINE"))
    for start, end in _scan(text, parse.tokens, gazetteer):
        if free(start, end) and not any(s <= start and end <= e for s, e in blocked):
            taken.append((start, end))
            found.append(Toponym(start, end, "SCAN"))
    for start, end in _repeats(text, found, parse, taken):
        taken.append((start, end))
        found.append(Toponym(start, end, "REPEAT"))
    for start, end in _qualifiers(text, found, gazetteer):
        if free(start, end):
            taken.append((start, end))
            found.append(Toponym(start, end, "QUALIFIER"))
    found.sort(key=lambda c: c.start)
    return [_with_qualifier(text, c, found, gazetteer) for c in found]


_QUALIFIER = re.compile(
    r",[ \t]*((?:[A-Z][a-z]{0,4}\.[ ]?){1,3}|[A-Z]{2}\b|[A-Z][a-z]{1,4}\b|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)


def _qualifiers(text: str, found: list[Toponym], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The region or state that follows a place after a comma ("Gatineau, Que.", "Edmonton, Ky")."""
    spans = []
    for cand in found:
        match = _QUALIFIER.match(text, cand.end)
        if not match:
            continue
        word = match.group(1).rstrip()
        if word in US_STATE_CODES or any(e.feature in ("region", "country") for e in gazetteer.lookup(word)):
            spans.append((match.start(1), match.start(1) + len(word)))
    return spans


_CUT_ABBREVIATION = re.compile(r"[ ][A-Z][a-z]+")
_QUALIFIED = re.compile(
    r"\b((?:[A-Z][\w'\u2019.-]*[ \t]){0,2}[A-Z][\w'\u2019-]*),[ \t]*"
    r"((?:[A-Z][a-z]{0,4}\.[ ]?){1,3}|[A-Z]{2}\b|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)


def _qualified(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Names followed by their state or province ("Churchill, Man.", "Hugo, Oklahoma") that name a town there."""
    spans: list[tuple[int, int]] = []
    for match in _QUALIFIED.finditer(text):
        word = match.group(2).rstrip()
        areas = [e for e in gazetteer.lookup(word) if e.feature == "region" and e.admin1]
        if word in US_STATE_CODES:
            state = gazetteer.region("US", word)
            areas += [state] if state else []
        if not areas:
            continue
        inside = {(e.country, e.admin1) for e in areas}
        words = list(re.finditer(r"\S+", match.group(1)))
        for n in range(len(words)):
            start = match.start(1) + words[n].start()
            name = text[start : match.end(1)]
            if any(e.feature == "city" and (e.country, e.admin1) in inside for e in gazetteer.lookup(name)):
                spans.append((start, match.end(1)))
                break
    return spans


_SETTLEMENT = re.compile(
    r"\b(?:[Cc]ity|[Tt]own|[Vv]illage|hamlet|suburb|township) of ([A-Z][\w'\u2019-]+(?:[ \t][A-Z][\w'\u2019-]+){0,2})"
)


def _settlements(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Names the text calls a town ("the central town of Karak") that the gazetteer has as a town."""
    spans: list[tuple[int, int]] = []
    for match in _SETTLEMENT.finditer(text):
        start, end = trim(text, match.start(1), match.end(1))
        if any(e.feature == "city" for e in gazetteer.lookup(text[start:end])):
            spans.append((start, end))
    return spans


def _repeats(text: str, found: list[Toponym], parse: Parse, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Other mentions of a name already taken as a place ("the Cairns police"), outside longer person names."""
    names = {
        text[c.start : c.end]
        for c in found
        if c.label in (*PLACE_LABELS, "QUALIFIED", "SETTLEMENT") and c.end - c.start > 2
    }
    person_spans = [
        (m.span.start, m.span.end) for m in parse.mentions if m.label == "PERSON" and " " in m.span.text.strip()
    ]
    spans: list[tuple[int, int]] = []
    for name in sorted(names, key=len, reverse=True):
        if not name[:1].isupper() or text.count(name) < 2:
            continue  # a name found once is only the place already taken
        for match in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            s, e = match.span()
            if (
                any(s < b and a < e for a, b in taken)
                or any(s < b and a < e for a, b in spans)
                or any(a <= s and e <= b for a, b in person_spans)
            ):
                continue
            spans.append((s, e))
    return spans


def _direction(text: str, start: int, gazetteer: Gazetteer) -> int:
    """Take in a preceding 'northern' or 'eastern' when the gazetteer knows the whole ('northern Kosovo')."""
    match = re.search(r"(\b[A-Za-z-]+\s+)$", text[max(0, start - 20) : start])
    if match and DIRECTIONS.match(match.group(1)):
        begin = start - len(match.group(1))
        end = text.find(" ", start)
        whole = text[begin:start] + text[start : end if end > 0 else len(text)]
        entries = gazetteer.lookup(trim_text(whole))
        if any(e.feature == "area" for e in entries):
            return begin
    return start


def trim_text(surface: str) -> str:
    """A surface form without trailing punctuation and possessive."""
    start, end = trim(surface, 0, len(surface))
    return surface[start:end]


def _split_list(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Split 'Springfield, Illinois' or 'Albania, Croatia' tagged as one mention into its places."""
    surface = text[start:end]
    if "," not in surface or gazetteer.lookup(surface):
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    offset = start
    for piece in surface.split(","):
        s, e = trim(text, offset, offset + len(piece))
        if s < e:
            parts.append((s, e))
        offset += len(piece) + 1
    return parts


def _scan(text: str, tokens: tuple[Token, ...], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Runs of proper nouns (up to four words) that the gazetteer knows well; longest match first."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if not _proper(tok, gazetteer):
            i += 1
            continue
        if "-" in tok.text[1:]:
            head, tail = tok.text.split("-", 1)
            if len(head) >= 2 and tail[:1].islower() and (gazetteer.demonym(head) or strong(gazetteer.lookup(head))):
                spans.append(trim(text, tok.start, tok.start + len(head)))
            i += 1
            continue
        best: tuple[int, int] | None = None
        j = i
        last = i
        while j < n and j - i < 6 and tokens[j].sent == tok.sent:
            if _proper(tokens[j], gazetteer) and "-" not in tokens[j].text[1:]:
                last = j
                start, end = trim(text, tok.start, tokens[last].end)
                surface = text[start:end]
                entries = gazetteer.lookup(surface)
                if refused(surface) or people(gazetteer, surface):
                    pass
                elif start < end and ((entries and strong(entries)) or gazetteer.demonym(surface)):
                    best = (start, end)
            elif tokens[j].text.lower() not in _CONNECTORS:
                break
            j += 1
        if best is not None:
            spans.append(best)
            while i < n and tokens[i].start < best[1]:
                i += 1
        else:
            i += 1
    return spans


def _proper(tok: Token, gazetteer: Gazetteer) -> bool:
    if not tok.text[:1].isupper():
        return False
    return tok.tag in ("NNP", "NNPS") or bool(gazetteer.demonym(tok.text))


_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"  # the place, in capitals
    r"(?:,[ \t]*[A-Z][A-Za-z.]+)?[ \t]*(?:\u2014|\u2013|--| - |\(|:)"  # optional state, then a dash or bracket
)


def _datelines(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """ALL-CAPS place names that open a paragraph as a dateline ("DETROIT \u2014 ...")."""
    spans = []
    for match in _DATELINE.finditer(text):
        name = match.group(1)
        if any(e.feature != "continent" for e in gazetteer.lookup(name)):
            spans.append((match.start(1), match.end(1)))
    return spans


def _with_qualifier(text: str, cand: Toponym, found: list[Toponym], gazetteer: Gazetteer) -> Toponym:
    """Attach the qualifier of 'X, Y' when Y is a region, a country or a US state code."""
    rest = text[cand.end : cand.end + 40]
    match = re.match(r",\s*((?:[A-Z][A-Za-z.]*\.?)(?:\s+[A-Z][A-Za-z.]*)?)", rest)
    if not match:
        return cand
    start = cand.end + match.start(1)
    for other in found:
        if other.start == start:
            entries = gazetteer.lookup(text[other.start : other.end])
            if any(e.feature in ("region", "country") for e in entries):
                return Toponym(cand.start, cand.end, cand.label, (other.start, other.end))
            return cand
    word = match.group(1).split()[0].rstrip(",")
    if word in US_STATE_CODES or normalize(word) in ("dc",):
        return Toponym(cand.start, cand.end, cand.label, (start, start + len(word)))
    return cand
