"""The knowledge base shipped with eventwire: countries, organisations and role words.

Persons (``persons.tsv``) are well-known office holders with the dates of each office, so that
an actor is coded for the office held on the article's day (a former president is no longer the
government). The tables live in ``resources/data`` as tab-separated files written for eventwire (facts only:
names, ISO codes, CAMEO codes). Each starts with a ``# ... <TAB>version N`` line. They are read
once per process.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.errors import ResourceError
from eventwire.resources import DATA, read_table
from eventwire.resources.entries import ActorEntry, AgentEntry, DatedCode, PhraseIndex, Tenure


@dataclass(frozen=True, slots=True)
class Country:
    """One row of countries.tsv."""

    iso2: str
    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    ethnic: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Indexes over the tables: names to actors, role words to agents."""

    version: str
    countries: dict[str, Country]  # by ISO alpha-3
    actors: PhraseIndex
    agents: PhraseIndex
    by_id: dict[str, ActorEntry]

    def actor(self, name: str) -> ActorEntry | None:
        """The actor a name stands for (case-insensitive), or None."""
        value = self.actors.get(name)
        return value if isinstance(value, ActorEntry) else None

    def agent(self, words: str) -> AgentEntry | None:
        """The role a word or phrase names ("foreign minister"), or None."""
        value = self.agents.get(words)
        return value if isinstance(value, AgentEntry) else None


def _rows(name: str) -> tuple[str, list[list[str]]]:
    raw = read_table(name, what="knowledge-base table")
    version = ""
    rows: list[list[str]] = []
    for line in raw.splitlines():
        if line.startswith("#"):
            if "\tversion " in line and not version:
                version = line.rsplit("\tversion ", 1)[1].strip()
            continue
        if line.strip():
            rows.append(line.split("\t"))
    if not version:
        raise ResourceError(f"knowledge-base table {name} has no version line")
    return version, rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


def _plural(word: str) -> str | None:
    if word.endswith(("an", "i", "ian")) and " " not in word:
        return word + "s"
    return None


def _country_entries(country: Country) -> Iterator[tuple[str, ActorEntry]]:
    iso3 = country.iso3
    state = ActorEntry(id=f"country:{iso3}", name=country.name, kind="country", country=iso3, cameo=iso3)
    for name in (country.name, *country.aliases):
        yield name, state
    people = ActorEntry(id=f"country:{iso3}", name=country.name, kind="adjective", country=iso3, cameo=iso3)
    for adjective in country.adjectives:
        yield adjective, people
        plural = _plural(adjective)
        if plural:
            yield plural, people
    ethnic = ActorEntry(id=f"ethnic:{iso3}", name=country.ethnic[0] + "s" if country.ethnic else "", kind="ethnic")
    for word in country.ethnic:
        yield word, ethnic
    seat = ActorEntry(id=f"capital:{iso3}", name=country.name, kind="capital", country=iso3, cameo=iso3)
    for capital in country.capitals:
        yield capital, seat


def _org_entry(row: list[str]) -> tuple[ActorEntry, tuple[str, ...]]:
    ident, name, full, aliases, nominals, country, kind, cameo, parent = (_cell(row, i) for i in range(9))
    institution = kind == "institution"
    entry = ActorEntry(
        id=f"org:{ident}",
        name=name,
        kind="institution" if institution else "religion" if kind == "religion" else "org",
        country=country or None,
        org=None if institution or kind == "religion" else name,
        cameo=cameo or None,
        sector=cameo[3:6] if institution and len(cameo) >= 6 else None,
        nominals=_split(nominals),
        parent=f"org:{parent}" if parent else None,
    )
    return entry, (name, full, *_split(aliases))


def _day(cell: str, table: str) -> dt.date | None:
    if not cell:
        return None
    try:
        return dt.date.fromisoformat(cell)
    except ValueError as exc:
        raise ResourceError(f"knowledge-base table {table}: {cell!r} is not a YYYY-MM-DD date") from exc


def _person_entries(rows: list[list[str]]) -> Iterator[tuple[str, ActorEntry]]:
    """(name, entry) pairs of persons.tsv: rows of one name are the offices of one person."""
    grouped: dict[str, list[list[str]]] = {}
    for row in rows:
        grouped.setdefault(_cell(row, 0), []).append(row)
    for name, group in grouped.items():
        tenures = tuple(
            Tenure(
                code=DatedCode(_cell(r, 4), _day(_cell(r, 6), "persons.tsv"), _day(_cell(r, 7), "persons.tsv")),
                role=_cell(r, 3) or None,
                org=_cell(r, 5) or None,
            )
            for r in group
        )
        slug = "-".join(name.casefold().split())
        entry = ActorEntry(id=f"person:{slug}", name=name, kind="person", country=_cell(group[0], 2), tenures=tenures)
        for surface in (name, *(a for r in group for a in _split(_cell(r, 1)))):
            yield surface, entry


@functools.cache
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base (loaded once per process)."""
    c_version, c_rows = _rows("countries.tsv")
    o_version, o_rows = _rows("organisations.tsv")
    r_version, r_rows = _rows("roles.tsv")
    g_version, g_rows = _rows("regions.tsv")
    p_version, p_rows = _rows("persons.tsv")
    countries: dict[str, Country] = {}
    actors = PhraseIndex()
    by_id: dict[str, ActorEntry] = {}
    org_names: list[tuple[str, ActorEntry]] = []
    for row in o_rows:
        entry, names = _org_entry(row)
        by_id[entry.id] = entry
        org_names.extend((n, entry) for n in names if n)
    for row in c_rows:
        country = Country(
            iso2=_cell(row, 0),
            iso3=_cell(row, 1),
            name=_cell(row, 2),
            aliases=_split(_cell(row, 3)),
            adjectives=_split(_cell(row, 4)),
            ethnic=_split(_cell(row, 5)),
            capitals=_split(_cell(row, 6)),
        )
        countries[country.iso3] = country
    # organisations first: "the White House" is the institution before it is a seat of government
    for surface, entry in org_names:
        actors.add(surface, entry)
    for country in countries.values():
        for surface, entry in _country_entries(country):
            actors.add(surface, entry)
            by_id.setdefault(entry.id, entry)
    for row in g_rows:
        name, iso3 = _cell(row, 0), _cell(row, 1)
        region = ActorEntry(id=f"region:{name.casefold()}", name=name, kind="region", country=iso3, cameo=iso3)
        actors.add(name, region)
        by_id[region.id] = region
    for surface, entry in _person_entries(p_rows):
        actors.add(surface, entry)
        by_id[entry.id] = entry
    agents = PhraseIndex(proper=False)
    for row in r_rows:
        words, label, sector, kind, org = (_cell(row, i) for i in range(5))
        agent = AgentEntry(
            id=f"role:{words}", label=label, sector=sector, person=kind != "group", org=f"org:{org}" if org else None
        )
        agents.add(words, agent)
    version = (
        f"countries {c_version}, organisations {o_version}, roles {r_version}, regions {g_version}, persons {p_version}"
    )
    return KnowledgeBase(version=version, countries=countries, actors=actors, agents=agents, by_id=by_id)


def data_path(name: str) -> Path:
    """Filesystem path of a shipped table (for tools and tests)."""
    return Path(str(resources.files(DATA).joinpath(name)))
