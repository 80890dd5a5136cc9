"""Geoparsing: every toponym of an article resolved to a GeoNames entry, or kept with the reason it is not.

Disambiguation weighs, for each reading of a name: its kind (a country name is the country), population
as a prior, the countries and first-level regions of the rest of the document (places and, when the
entities stage ran, actors), an explicit qualifier ("Springfield, Illinois"), and the same reading for
every mention of one name in one article. Misspellings are matched cheaply, only for names with no
entry, against the places of the document's own countries.
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.ids import record_id
from eventwire.model import Analysis, Place, Problem, Span, Token
from eventwire.pipeline import stage
from eventwire.resources.gazetteer import Entry, Gazetteer, load_gazetteer, normalize
from eventwire.stages.geo.toponyms import DIRECTIONS, US_STATE_CODES, Toponym, propose

if TYPE_CHECKING:
    from eventwire.config import Settings

PRIOR = {"country": 12.0, "continent": 11.0, "region": 10.0, "area": 9.0, "landmark": 9.5, "county": 6.0}
COUNTRY_WEIGHT = 4.0  # bonus for a reading in the document's country, times that country's share
REGION_WEIGHT = 2.0  # bonus for a reading inside a first-level region the document names
REGION_SHARE_WEIGHT = 0.5  # and more, by that region's share of the country's regional evidence
CAPITAL_BONUS = 1.5
FUZZY_CUTOFF = 0.85
PROXIMITY_KM = 60.0  # readings of two names this close support each other ("Edmonton" and "Enfield")
PROXIMITY_WEIGHT = 2.0
ALTERNATE_PENALTY = 2.0  # a city found under another of its names ("Turkey" for New Providence) is less likely
NAMED_WEIGHT = 1.5  # bonus for a reading in a country the document names as a country
ACTOR_WEIGHT = 0.25  # an actor's country is weaker evidence than a place name: it may itself come from one


@dataclass(frozen=True, slots=True)
class Reading:
    """One resolution of a candidate: the entry, or None, and why."""

    entry: Entry | None
    reason: str


def prior(entry: Entry) -> float:
    """How likely a reading is before looking at the document."""
    if entry.feature == "city":
        return 1.5 * math.log10(entry.population + 10) + (CAPITAL_BONUS if entry.capital else 0.0)
    if entry.feature == "region" and not entry.major:
        return 7.0
    return PRIOR.get(entry.feature, 5.0)


def readings(gazetteer: Gazetteer, surface: str) -> tuple[tuple[Entry, ...], str]:
    """The gazetteer entries a surface form may mean, and how they were found."""
    target = gazetteer.demonym(surface)
    if target:
        if target.startswith("@"):
            found = tuple(e for e in gazetteer.lookup(_CONTINENTS.get(target[1:], "")) if e.feature == "continent")
        else:
            country = gazetteer.country(target)
            found = (country,) if country else ()
        return found, "demonym"
    entries = gazetteer.lookup(surface)
    if entries:
        return entries, "name"
    bare = DIRECTIONS.sub("", surface)
    if bare != surface:
        return gazetteer.lookup(bare), "part of"
    plain = _AFFIXES.sub("", surface)
    if plain != surface and plain:
        entries = gazetteer.lookup(plain)
        if entries:
            return entries, "name"
    return (), ""


_AFFIXES = re.compile(
    r"^(?:city|town|village|province|state|region|county|district|municipality) of\s+|"
    r"\s+(?:province|region|state|district|governorate|prefecture|city|county|municipality|valley|area)$",
    re.IGNORECASE,
)


def narrow(gazetteer: Gazetteer, text: str, cand: Toponym) -> Toponym:
    """A name the gazetteer does not know, cut to its longest known first words ("Metcalfe County Fire")."""
    surface = text[cand.start : cand.end]
    if readings(gazetteer, surface)[0]:
        return cand
    words = list(re.finditer(r"\S+", surface))
    for n in range(len(words) - 1, 0, -1):
        end = cand.start + words[n - 1].end()
        part = text[cand.start : end].rstrip(",.'\u2019")
        if part and readings(gazetteer, part)[0] and part[:1].isupper():
            return Toponym(cand.start, cand.start + len(part), cand.label, cand.qualifier)
    return cand


_CONTINENTS = {"EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "North America", "SA": "South America"}


class PlaceContext:
    """The countries and first-level regions a document is about, as weights, with each name's own share."""

    def __init__(self) -> None:
        self.countries: defaultdict[str, float] = defaultdict(float)
        self.regions: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.region_totals: defaultdict[str, float] = defaultdict(float)  # country -> weight of all its regions
        self._own: dict[str, list[tuple[str, tuple[str, str] | None, float, float]]] = defaultdict(list)
        self.close: set[int] = set()
        self.named: defaultdict[str, set[str]] = defaultdict(set)  # country -> keys of the names that name it
        self._shares: dict[tuple[str, str], float] = {}  # share() answers since the last add()

    def add(self, entry: Entry, weight: float = 1.0, key: str = "") -> None:
        """Count an entry's country (and region) as evidence, remembering which name gave it."""
        self._shares.clear()
        region: tuple[str, str] | None = None
        region_weight = 0.0
        if entry.admin1 and entry.feature in ("region", "county", "city"):
            region = (entry.country, entry.admin1)
            region_weight = weight if entry.feature != "city" else weight * 0.5
            self.regions[region] += region_weight
            self.region_totals[entry.country] += region_weight
        if entry.country:
            self.countries[entry.country] += weight
            if entry.feature == "country" and key and not key.startswith("@"):
                self.named[entry.country].add(key)
        self._own[key].append((entry.country, region, weight, region_weight))

    def share(self, country: str, key: str = "") -> float:
        """The share of the evidence, other than the name ``key``'s own, that points at ``country``."""
        found = self._shares.get((country, key))
        if found is None:
            own = self._own.get(key, ())
            total = sum(self.countries.values()) - sum(w for c, _, w, _ in own if c)
            mine = self.countries.get(country, 0.0) - sum(w for c, _, w, _ in own if c == country)
            found = self._shares[(country, key)] = max(0.0, mine) / total if total > 1e-9 else 0.0
        return found

    def region_weight(self, country: str, admin1: str, key: str = "") -> float:
        """Evidence for a first-level region, other than the name ``key``'s own."""
        own = self._own.get(key, ())
        return self.regions.get((country, admin1), 0.0) - sum(w for _, r, _, w in own if r == (country, admin1))

    def near(self, readings: dict[str, tuple[Entry, ...]]) -> None:
        """Note the city readings that have a reading of another name of the document close by."""
        cells: dict[tuple[int, int], list[tuple[str, Entry]]] = defaultdict(list)
        for key, entries in readings.items():
            for e in entries[:25]:
                if e.lat is not None and e.lon is not None and e.feature in ("city", "county"):
                    cells[(math.floor(e.lat), math.floor(e.lon))].append((key, e))
        for (y, x), members in cells.items():
            around = [m for dy in (-1, 0, 1) for dx in (-1, 0, 1) for m in cells.get((y + dy, x + dx), ())]
            for key, entry in members:
                if any(
                    other != key and e.index != entry.index and distance(entry, e) <= PROXIMITY_KM
                    for other, e in around
                ):
                    self.close.add(entry.index)

    def score(self, entry: Entry, key: str = "", inside: bool = False) -> float:
        """Prior plus context bonus of a reading of the name ``key``.

        ``inside``: the name also names a region or country containing this city ("Quebec", "Mexico"); the
        city then gets no bonus for its region, whose mentions are as likely to be of the larger unit.
        """
        bonus = COUNTRY_WEIGHT * self.share(entry.country, key) if entry.country else 0.0
        if entry.index in self.close:
            bonus += PROXIMITY_WEIGHT
        if entry.feature != "country" and self.named.get(entry.country, set()) - {key}:
            bonus += NAMED_WEIGHT
        if entry.feature in ("city", "county") and entry.admin1 and not inside:
            evidence = self.region_weight(entry.country, entry.admin1, key)
            if evidence > 0.25:  # more for the region named most: "Missouri" thrice beats one "Marion County"
                bonus += REGION_WEIGHT + REGION_SHARE_WEIGHT * evidence / max(self.region_totals[entry.country], 1.0)
        if entry.feature == "city" and key and not key.startswith("@") and normalize(entry.name) != key:
            bonus -= ALTERNATE_PENALTY
        return prior(entry) + bonus


def distance(a: Entry, b: Entry) -> float:
    """Great-circle distance in km between two entries with coordinates."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def choose(entries: Iterable[Entry], context: PlaceContext, key: str = "") -> Entry | None:
    """The best reading in context."""
    best: Entry | None = None
    best_score = -1e9
    entries = tuple(entries)
    units = {
        (e.country, e.admin1 if e.feature == "region" else "") for e in entries if e.feature in ("region", "country")
    }
    for entry in entries:
        inside = (entry.country, entry.admin1) in units or (entry.country, "") in units
        score = context.score(entry, key, inside and entry.feature == "city")
        if score > best_score:
            best, best_score = entry, score
    return best


def qualify(gazetteer: Gazetteer, entries: tuple[Entry, ...], qualifier: str) -> tuple[Entry, ...]:
    """The readings inside the region or country a qualifier names (all of them when none fits)."""
    word = qualifier.strip().rstrip(",")
    if any(e.feature == "country" for e in entries):
        return entries  # "Albania, Croatia, Montenegro" is a list, not a qualified name
    areas: list[Entry] = []
    if word in US_STATE_CODES:
        areas = [e for e in gazetteer.lookup(_STATE_NAMES.get(word, word)) if e.country == "US"]
        areas += [e for e in gazetteer.lookup(word) if e.feature == "region" and e.country == "US"]
        state = gazetteer.region("US", word)
        if state:
            areas.append(state)
    areas += [e for e in gazetteer.lookup(word) if e.feature in ("region", "country")]
    for area in areas:
        if area.feature == "country":
            inside = tuple(e for e in entries if e.country == area.country and e.feature != "country")
        else:
            inside = tuple(
                e
                for e in entries
                if e.country == area.country and e.admin1 == area.admin1 and e.feature in ("city", "county")
            )
        if inside:
            return inside
    return entries


_STATE_NAMES: dict[str, str] = {}
_SETTLEMENT_BEFORE = re.compile(r"\b(?:city|town|village|hamlet|suburb|township|community)\s+of\s+$", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"^\s+(?:province|governorate|state|region|prefecture|oblast|county)\b")


def hint(text: str, cand: Toponym, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The readings the words around a name allow: "the town of Turkey" is a town, "Idlib province" a region.

    Empty when the words say nothing or no reading fits them.
    """
    if len(entries) < 2:
        return ()
    if _SETTLEMENT_BEFORE.search(text[max(0, cand.start - 30) : cand.start]):
        return tuple(e for e in entries if e.feature == "city")
    if _UNIT_AFTER.match(text[cand.end : cand.end + 20]):
        return tuple(e for e in entries if e.feature in ("region", "county"))
    return ()


def fuzzy(gazetteer: Gazetteer, surface: str, countries: Iterable[str]) -> Entry | None:
    """A place of the given countries whose name is a near spelling of ``surface`` (cheap: small candidate set)."""
    key = normalize(surface)
    if len(key) < 5:
        return None
    best: tuple[float, int, Entry] | None = None
    for country in countries:
        by_key = gazetteer.similar_length(country, key, 2)
        for match in difflib.get_close_matches(key, list(by_key), n=5, cutoff=FUZZY_CUTOFF):
            ratio = difflib.SequenceMatcher(None, key, match).ratio()
            for index in by_key[match]:
                entry = gazetteer.entry(index)
                if best is None or (ratio, entry.population) > best[:2]:
                    best = (ratio, entry.population, entry)
        if best is not None:
            return best[2]  # the nearer country wins over a closer spelling further away
    return None


#: How specific a feature is, for placing an unknown name near the places mentioned around it.
SPECIFIC = {"city": 0, "county": 1, "area": 2, "region": 3, "country": 4, "continent": 5}


def metonym(entry: Entry | None, tokens: list[Token]) -> bool:
    """A capital or country standing for its government: the subject of a verb, or a possessor."""
    if entry is None or not tokens or not (entry.capital or entry.feature == "country"):
        return False
    last = tokens[-1]
    return last.dep in ("nsubj", "nsubjpass", "poss") or any(t.dep == "case" for t in tokens[-1:])


def warm(settings: Settings) -> None:
    """Load the gazetteer (built and cached on first use) before any article is timed."""
    load_gazetteer()


@stage("geo", version=3, requires=("parse",), optional=("entities",), provides=("places",), warm=warm)
def resolve_places(analysis: Analysis, settings: Settings) -> Analysis:
    """Find the toponyms of an article and resolve each to a GeoNames entry (or say why not)."""
    if analysis.parse is None:
        return analysis
    gazetteer = load_gazetteer()
    text = analysis.text
    candidates = propose(text, analysis.parse, gazetteer)
    places, problems = resolve(analysis, candidates, gazetteer)
    return analysis.add(places=tuple(places), problems=problems)


def resolve(analysis: Analysis, candidates: list[Toponym], gazetteer: Gazetteer) -> tuple[list[Place], list[Problem]]:
    """Resolve candidates jointly: first without context, then with the document's context."""
    text = analysis.text
    candidates = [narrow(gazetteer, text, c) for c in candidates]
    keys = [normalize(text[c.start : c.end]) for c in candidates]
    found = [readings(gazetteer, text[c.start : c.end]) for c in candidates]
    options = [
        qualify(gazetteer, entries, text[c.qualifier[0] : c.qualifier[1]]) if c.qualifier and entries else entries
        for c, (entries, _) in zip(candidates, found, strict=True)
    ]
    context = PlaceContext()
    _actor_context(analysis, gazetteer, context)
    distinct: dict[str, tuple[Entry, ...]] = {}
    for key, entries in zip(keys, options, strict=True):
        if len(entries) > 1 or key not in distinct:
            distinct[key] = entries
    context.near(distinct)
    for key, entries in zip(keys, options, strict=True):
        pick = choose(entries, PlaceContext(), key)
        if pick is not None:
            context.add(pick, 1.0 if len(entries) == 1 or pick.feature not in ("city", "county") else 0.5, key)
    # one reading per name per document; a qualified mention decides for the bare ones
    hinted = [hint(text, c, entries) for c, entries in zip(candidates, options, strict=True)]
    options = [h or entries for h, entries in zip(hinted, options, strict=True)]
    decided: dict[str, Entry] = {}
    for c, key, entries, h in zip(candidates, keys, options, hinted, strict=True):
        if (c.qualifier or h) and entries and key not in decided:
            pick = choose(entries, context, key)
            if pick is not None:
                decided[key] = pick
    for key, entries in zip(keys, options, strict=True):
        if entries and key not in decided:
            pick = choose(entries, context, key)
            if pick is not None:
                decided[key] = pick
    sentences = _sentence_of(analysis, candidates)
    nearby: dict[int, list[Entry]] = defaultdict(list)
    for key, sent in zip(keys, sentences, strict=True):
        if key in decided:
            nearby[sent].append(decided[key])
    places: list[Place] = []
    problems: list[Problem] = []
    tokens = analysis.parse.tokens if analysis.parse else ()
    token_starts = [t.start for t in tokens]  # tokens are in text order and do not overlap
    token_ends = [t.end for t in tokens]
    for c, key, (entries, how), sent in zip(candidates, keys, found, sentences, strict=True):
        surface = text[c.start : c.end]
        entry = decided.get(key)
        reason = _reason(entry, how, c, len(entries))
        local = nearby[sent - 1] + nearby[sent] + nearby[sent + 1]
        if entry is None and c.label in ("GPE", "LOC", "SCAN", "DATELINE") and " " not in surface.strip():
            countries = [k for k, _ in Counter(e.country for e in local if e.country).most_common(1)]
            dominant = sorted(context.countries.items(), key=lambda kv: -kv[1])[:1]
            entry = fuzzy(gazetteer, surface, countries or [k for k, _ in dominant])
            if entry is not None:
                reason = f"spelling variant of {entry.name}"
                decided[key] = entry
        span = Span.of(text, c.start, c.end)
        if entry is None:
            problems.append(
                Problem(code="geo.unresolved", stage="geo", message=f"no gazetteer entry for {surface!r}", span=span)
            )
            places.append(_unresolved(analysis.article.id, span, local))
            continue
        covered = list(tokens[bisect.bisect_left(token_starts, c.start) : bisect.bisect_right(token_ends, c.end)])
        places.append(
            Place(
                id=record_id("place", analysis.article.id, c.start, c.end),
                span=span,
                geonameid=entry.geonameid,
                name=entry.name,
                country=entry.country or None,
                lat=entry.lat,
                lon=entry.lon,
                feature=entry.feature,
                reason=reason,
                is_metonym=metonym(entry, covered),
            )
        )
    return places, problems


def _unresolved(article: str, span: Span, local: list[Entry]) -> Place:
    """An unknown name, kept; placed (roughly) at the most specific place mentioned around it, if any."""
    reason = f"no gazetteer entry for {span.text!r}"
    near = sorted(
        (e for e in local if e.lat is not None and e.feature != "continent"), key=lambda e: SPECIFIC.get(e.feature, 9)
    )
    if not near:
        return Place(id=record_id("place", article, span.start, span.end), span=span, reason=reason)
    anchor = near[0]
    return Place(
        id=record_id("place", article, span.start, span.end),
        span=span,
        country=anchor.country or None,
        lat=anchor.lat,
        lon=anchor.lon,
        reason=f"{reason}; position approximated by {anchor.name}, mentioned nearby",
    )


def _sentence_of(analysis: Analysis, candidates: list[Toponym]) -> list[int]:
    """Index of the sentence each candidate starts in."""
    parse = analysis.parse
    if parse is None or not parse.sentences:
        return [0] * len(candidates)
    starts = [s.start for s in parse.sentences]
    return [max(0, bisect.bisect_right(starts, c.start) - 1) for c in candidates]


def _reason(entry: Entry | None, how: str, cand: Toponym, options: int) -> str:
    if entry is None:
        return ""
    parts = [how or "name"]
    if cand.qualifier:
        parts.append("qualified")
    if options > 1:
        parts.append(f"best of {options} readings")
    if entry.geonameid is None:
        parts.append("no GeoNames id in our data; approximate position" if entry.lat is not None else "no coordinates")
    return "; ".join(parts)


def _actor_context(analysis: Analysis, gazetteer: Gazetteer, context: PlaceContext) -> None:
    """Countries of the article's actors (when the entities stage ran) count as context."""
    if not analysis.entities:
        return
    import pycountry

    for entity in analysis.entities:
        code = entity.actor.country if entity.actor else None
        if not code or entity.type in ("GPE", "LOC", "FAC"):
            continue  # places are weighed by this stage itself
        record = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
        iso2 = record.alpha_2 if record is not None else ("XK" if code == "XKX" else None)
        country = gazetteer.country(iso2) if iso2 else None
        if country is not None:
            context.add(country, ACTOR_WEIGHT, "@actors")
