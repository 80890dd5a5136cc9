"""Actors read from the shape of a name when no table knows it.

* the sector a name's own words give: "The Daily Telegraph", "Breitbart News", "Channel 4 TV"
  (media, MED), "Patriot Coal Corp.", "Bank of China" (business, BUS), "Hofstra University"
  (education, EDU), "the Green Party" (PTY);
* the country of a city the knowledge base does not list, from the gazetteer, when the
  name is not ambiguous (one sizeable place of that name, or one in a country the article
  names);
* the countries an article names, counted, for actors whose nationality the text leaves open,
  the country it is mostly about, and whether "Georgia" is the country or the US state.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from eventwire.model import Actor, Entity
from eventwire.resources.gazetteer import load_gazetteer
from eventwire.resources.kb import load_kb
from eventwire.syntax import name_key

_MEDIA = re.compile(
    r"\b(?:Times|Post|News|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Observer|Chronicle|Daily|"
    r"TV|Television|Radio|Broadcasting|Broadcast|Press|Newspaper|Magazine|Mail|Express|Monitor|"
    r"Network|Newsweek|Inquirer|Dispatch|Courier|Examiner|Bulletin|Record|Sentinel|Register|Standard|"
    r"Independent|Insider|Times-Picayune|Wire|News Agency|Press Agency)$"
)
_MEDIA_ANYWHERE = re.compile(r"\b(?:News Agency|Press Agency|Broadcasting|Television|Radio|TV)\b")
_BUSINESS = re.compile(
    r"(?:\b(?:Inc|Corp|Corporation|Co|Company|LLC|Ltd|Limited|PLC|plc|AG|SA|GmbH|NV|Holdings|Industries|"
    r"Enterprises|Airlines|Airways|Motors|Technologies|Pharmaceuticals|Petroleum|Oil|Mining|Coal|Steel|"
    r"Energy|Bank|Bancorp|Securities|Investments|Capital|Partners|Foods|Brands|Group Inc)\.?$)"
    r"|^(?:Bank of)\b"
)
_EDUCATION = re.compile(r"\b(?:University|College|Institute of Technology|Academy|School)\b")
_PARTY = re.compile(r"\bParty$")
_RELIGIOUS = re.compile(r"\b(?:Church|Mosque|Synagogue|Diocese|Patriarchate|Archdiocese)\b")
_PUBLIC = re.compile(
    r"\b(?:Department|Ministry|Bureau|Commission|Council|Administration|Authority|Committee|Office|Secretary|"
    r"Service|Services|Court|Agency|Federal|National|State|Central Bank|Reserve|Board|Electoral)\b"
)
_HOSPITAL = re.compile(r"\b(?:Hospital|Medical Center|Clinic)\b")

#: (pattern, CAMEO sector, role label) in order of precedence.
_SECTORS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (_PARTY, "PTY", "Party"),
    (_MEDIA, "MED", "Media"),
    (_MEDIA_ANYWHERE, "MED", "Media"),
    (_EDUCATION, "EDU", "Education"),
    (_RELIGIOUS, "REL", "Religious"),
    (_HOSPITAL, "HLH", "Health"),
    (_BUSINESS, "BUS", "Business"),
)

#: A city needs this many people to be taken as the one meant without other evidence.
_SIZEABLE = 100_000
#: A town of this size in a country the article names is taken as the one meant.
_LOCAL = 10_000


def sector_from_name(name: str) -> tuple[str, str] | None:
    """(CAMEO sector, role label) that an organisation's own name gives, or None."""
    clean = name.strip().rstrip(",")
    if len(clean) < 3 or not clean[:1].isupper():
        return None
    several = len(clean.split()) >= 2
    for pattern, sector, label in _SECTORS:
        if not pattern.search(clean) or (not several and clean != "Newsweek"):
            continue
        if sector in ("BUS", "MED", "EDU") and _PUBLIC.search(clean) and not _MEDIA_ANYWHERE.search(clean):
            return None  # "Department of Energy", "Federal Reserve Bank": public bodies
        return sector, label
    return None


def named_countries(entities: Iterable[Entity]) -> Counter[str]:
    """Mentions per country of the countries, seats, regions and national bodies an article names."""
    counts: Counter[str] = Counter()
    for entity in entities:
        kind = (entity.kb_id or "").split(":", 1)[0]
        actor = entity.actor
        if kind in ("country", "capital", "region", "org") and actor is not None and actor.country:
            counts[actor.country] += len(entity.mentions)
    return counts


def article_country(counts: Counter[str]) -> str | None:
    """The country most named in an article (named at least twice and more than any other), or None."""
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, count = ranked[0]
    if count < 2 or (len(ranked) > 1 and ranked[1][1] == count):
        return None
    return top


def city_country(name: str, named: Iterable[str] = ()) -> str | None:
    """ISO alpha-3 country of a city or region that is not in the knowledge base, when the gazetteer is sure.

    Sure means: a town of that name (``_LOCAL`` people or more, and not dwarfed by a namesake) lies in
    one only of the countries the article names (``named``, alpha-3 codes); else the biggest place of
    that name is a city of at least ``_SIZEABLE`` people, five times bigger than any namesake abroad.
    """
    if len(name) < 3 or not name[:1].isupper():
        return None
    places = sorted(
        (p for p in load_gazetteer().lookup(name) if p.feature in ("city", "region")), key=lambda p: -p.population
    )
    if not places:
        return None
    iso3 = _iso3()
    wanted = set(named)
    top = places[0]
    floor = max(_LOCAL, top.population // 8)
    local = {iso3.get(p.country) for p in places if p.population >= floor} & wanted
    if len(local) == 1:
        return local.pop()
    rival = max((p.population for p in places if p.country != top.country), default=0)
    if top.population >= _SIZEABLE and top.population >= 5 * rival:
        return iso3.get(top.country)
    return None


@functools.cache
def _iso3() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in load_kb().countries.values()}


def home_country(entities: list[Entity]) -> str | None:
    """The country the article is mostly about: at least three and half of the mentions of countries, their
    places and their national bodies."""
    counts = named_countries(entities)
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    return country if count >= 3 and count >= 0.5 * sum(counts.values()) else None


def states_or_regions(entities: list[Entity]) -> list[Entity]:
    """A name that is a country and a region of another ("Georgia") is the region when the article names
    nothing else of the country (no "Georgian", no "Tbilisi") and the region's country has at least three
    and half of the other country mentions."""
    kb = load_kb()
    counts = named_countries(entities)
    result = list(entities)
    for index, entity in enumerate(entities):
        if not (entity.kb_id or "").startswith("country:") or entity.actor is None or entity.actor.country is None:
            continue
        region = kb.by_id.get(f"region:{name_key(entity.name)}")
        own = entity.actor.country
        if region is None or region.country in (None, own):
            continue
        other = counts[region.country or ""]
        rest = sum(counts.values()) - len(entity.mentions)
        if counts[own] == len(entity.mentions) and other >= 3 and other >= 0.5 * rest:
            actor = Actor(country=region.country, cameo=region.country, evidence="kb:region")
            result[index] = replace(entity, actor=actor, kb_id=region.id)
    return result


def country_positions(entities: list[Entity]) -> list[tuple[int, str]]:
    """(offset, country) of every mention of a country, its places and national bodies."""
    kinds = ("country", "capital", "region", "org")
    return [
        (m.start, e.actor.country)
        for e in entities
        if e.actor is not None and e.actor.country and (e.kb_id or "").split(":", 1)[0] in kinds
        for m in e.mentions
    ]


def place_in_name(name: str, named: Counter[str] | None) -> str | None:
    """The country of a city that opens a name ("Lagos Daily Courier"), when the gazetteer is sure."""
    words = [w for w in name.split() if w.casefold() != "the"]
    for size in (2, 1):
        if len(words) > size and all(w[:1].isupper() for w in words[:size]):
            country = city_country(" ".join(words[:size]), named or ())
            if country is not None:
                return country
    return None
