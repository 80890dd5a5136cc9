"""User actor dictionaries: YAML, CSV, or PETRARCH/TABARI files (see docs/dictionaries.md).

``load_dictionary(path)`` reads one file into actor and agent entries; ``actor_dictionary(paths)``
gives the knowledge base with the user's entries put in front of it, so that they override it.
Both are cached per path (and file modification time).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from eventwire.errors import ResourceError
from eventwire.resources import petrarch, petrarch_verbs
from eventwire.resources.entries import ActorEntry, AgentEntry, DatedCode, PhraseIndex
from eventwire.resources.kb import KnowledgeBase, load_kb

_NON_STATE = ("IGO", "NGO", "IMG", "MNC")


@dataclass(frozen=True, slots=True)
class UserDictionary:
    """What one dictionary file adds: (surface, entry) pairs for actors and agents."""

    path: str
    actors: tuple[tuple[str, ActorEntry], ...]
    agents: tuple[tuple[str, AgentEntry], ...]


def load_dictionary(path: Path) -> UserDictionary:
    """Read one user dictionary (format chosen by suffix; other files are read as PETRARCH/TABARI)."""
    path = Path(path)
    if not path.is_file():
        raise ResourceError(f"actor dictionary {path} does not exist")
    return _load_cached(str(path.resolve()), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _load_cached(path: str, mtime: int) -> UserDictionary:
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _from_yaml(file)
    if suffix in (".csv", ".tsv"):
        return _from_csv(file, delimiter="\t" if suffix == ".tsv" else ",")
    if petrarch_verbs.looks_like_verbs(file):
        return UserDictionary(path, (), ())  # a verbs dictionary: read by the coding stage
    if petrarch.looks_like_agents(file):
        return UserDictionary(path, (), tuple(petrarch.load_agents(file)))
    return UserDictionary(path, tuple(petrarch.load_actors(file)), ())


def _date(value: object, path: Path) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ResourceError(f"{path}: {value!r} is not a YYYY-MM-DD date") from exc


def _text(row: Mapping[str, object], key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _aliases(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [p.strip() for p in str(value).split("|") if p.strip()]


def make_actor(row: Mapping[str, object], path: Path, codes: Iterable[DatedCode] = ()) -> ActorEntry:
    """An ActorEntry from one user record (keys: name, country, org, role, cameo)."""
    name = _text(row, "name")
    if not name:
        raise ResourceError(f"{path}: an actor entry has no name: {dict(row)!r}")
    cameo = (_text(row, "cameo") or "").upper() or None
    country = (_text(row, "country") or "").upper() or None
    org = _text(row, "org")
    if country is None and cameo and cameo[:3] not in _NON_STATE and not cameo.startswith("-"):
        country = cameo[:3]
    if org is None and cameo and cameo[:3] in _NON_STATE:
        org = name
    return ActorEntry(
        id=f"user:{path.stem}:{name.casefold()}",
        name=name,
        kind="actor",
        country=country,
        org=org,
        role=_text(row, "role"),
        cameo=cameo,
        codes=tuple(codes),
    )


def _from_yaml(path: Path) -> UserDictionary:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(f"cannot read actor dictionary {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: the top level must be a mapping with 'actors' and/or 'agents'")
    actors: list[tuple[str, ActorEntry]] = []
    for row in data.get("actors") or []:
        if not isinstance(row, dict):
            raise ResourceError(f"{path}: each actor must be a mapping, got {row!r}")
        codes = [
            DatedCode(str(c["cameo"]).upper(), _date(c.get("from"), path), _date(c.get("until"), path))
            for c in row.get("codes") or []
            if isinstance(c, dict) and c.get("cameo")
        ]
        entry = make_actor(row, path, codes)
        actors.extend((surface, entry) for surface in [entry.name, *_aliases(row.get("aliases"))])
    agents: list[tuple[str, AgentEntry]] = []
    for row in data.get("agents") or []:
        if not isinstance(row, dict):
            raise ResourceError(f"{path}: each agent must be a mapping, got {row!r}")
        agents.extend(_agent(row, path))
    return UserDictionary(str(path), tuple(actors), tuple(agents))


def _agent(row: Mapping[str, object], path: Path) -> list[tuple[str, AgentEntry]]:
    words = _aliases(row.get("words") or row.get("name"))
    sector = (_text(row, "sector") or _text(row, "cameo") or "").upper()
    if not words or not sector:
        raise ResourceError(f"{path}: an agent needs words and a sector: {dict(row)!r}")
    prefix = sector.endswith("~") or str(row.get("prefix", "")).lower() in ("1", "true", "yes")
    label = _text(row, "role") or words[0]
    agent = AgentEntry(
        id=f"user-agent:{path.stem}:{words[0].casefold()}",
        label=label,
        sector=sector.strip("~"),
        prefix=prefix,
        person=str(row.get("group", "")).lower() not in ("1", "true", "yes"),
    )
    return [(w, agent) for w in words]


def _from_csv(path: Path, *, delimiter: str) -> UserDictionary:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=delimiter)
            rows = [{k.strip().lower(): v for k, v in r.items() if k} for r in reader]
    except (OSError, csv.Error) as exc:
        raise ResourceError(f"cannot read actor dictionary {path}: {exc}") from exc
    grouped: dict[str, list[dict[str, str]]] = {}
    agents: list[tuple[str, AgentEntry]] = []
    for row in rows:
        if (row.get("kind") or "actor").strip().lower() == "agent":
            agents.extend(_agent(row, path))
        elif (row.get("name") or "").strip():
            grouped.setdefault(row["name"].strip().casefold(), []).append(row)
    actors: list[tuple[str, ActorEntry]] = []
    for group in grouped.values():
        codes = [
            DatedCode((r.get("cameo") or "").strip().upper(), _date(r.get("from"), path), _date(r.get("until"), path))
            for r in group
            if (r.get("cameo") or "").strip()
        ]
        default = next((r for r in group if not (r.get("from") or r.get("until"))), group[0])
        entry = make_actor(default, path, codes)
        if default.get("from") or default.get("until"):
            entry = replace(entry, cameo=None)  # every row is date-restricted: no default code
        surfaces = [entry.name] + [a for r in group for a in _aliases(r.get("aliases"))]
        actors.extend((s, entry) for s in dict.fromkeys(surfaces))
    return UserDictionary(str(path), tuple(actors), tuple(agents))


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """The knowledge base with user dictionaries in front of it."""

    kb: KnowledgeBase
    actors: PhraseIndex
    agents: PhraseIndex
    user: bool


def actor_dictionary(paths: tuple[Path, ...]) -> ActorDictionary:
    """The actor dictionary for a set of user dictionaries (cached per paths and modification times)."""
    keyed = tuple((str(Path(p).resolve()), Path(p).stat().st_mtime_ns if Path(p).exists() else 0) for p in paths)
    return _actor_dictionary_cached(keyed)


@functools.lru_cache(maxsize=16)
def _actor_dictionary_cached(keyed: tuple[tuple[str, int], ...]) -> ActorDictionary:
    kb = load_kb()
    if not keyed:
        return ActorDictionary(kb=kb, actors=kb.actors, agents=kb.agents, user=False)
    actors = PhraseIndex(entries={k: list(v) for k, v in kb.actors.entries.items()}, longest=kb.actors.longest)
    agents = PhraseIndex(
        entries={k: list(v) for k, v in kb.agents.entries.items()}, longest=kb.agents.longest, proper=False
    )
    for path, _ in reversed(keyed):
        dictionary = load_dictionary(Path(path))
        for surface, actor in reversed(dictionary.actors):
            actors.add(surface, actor, front=True)
        for surface, agent in reversed(dictionary.agents):
            agents.add(surface, agent, front=True)
    return ActorDictionary(kb=kb, actors=actors, agents=agents, user=True)
