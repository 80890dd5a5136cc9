"""Link each entity to the actor it acts for: country, organisation, role and CAMEO code.

Roles and affiliations are read from the article first (titles, appositions, "of"-phrases,
see ``context``), then from the knowledge base and the user's dictionaries, which
override it. Seats of government ("Moscow", "the Kremlin") stand for the government when
the mention acts. Names from the dictionaries are found even when the parser did not tag
them. Coreferent mentions (role nominals, "the alliance", pronouns) are added by ``coref``.

A mention that is a list of actors ("Arnor, Gondor and Rohan") gets its members (``members``).
``actor_for_span`` gives an actor for any span of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from eventwire.config import Settings
from eventwire.ids import record_id
from eventwire.model import Actor, Analysis, Entity, Span, Token, tokens_within
from eventwire.pipeline import stage
from eventwire.resources.dictionaries import ActorDictionary, actor_dictionary
from eventwire.resources.entries import ActorEntry, AgentEntry, Hit, compose
from eventwire.stages.actors import coref, members
from eventwire.stages.actors.context import ActorText, RolePhrase
from eventwire.stages.actors.names import (
    article_country,
    city_country,
    country_positions,
    home_country,
    named_countries,
    place_in_name,
    sector_from_name,
    states_or_regions,
)
from eventwire.syntax import name_key

_AGENTIVE_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj"})
_DATELINE = re.compile(r"\s*[,(]|\s*[-\u2013\u2014\u2015]")
_DASH = re.compile(r"\s*[-\u2013\u2014\u2015]\s")
#: Titles that say nothing of whom their holder works for: no national default for them.
_GENERIC_LABELS = frozenset({"Spokesperson", "Official", "Head", "Chair", "Leader", "Secretary", "Lawyer", "Campaign"})
_SECTOR_LABELS = {
    "GOV": "Government",
    "MIL": "Military",
    "COP": "Police",
    "JUD": "Judiciary",
    "LEG": "Legislature",
    "SPY": "Intelligence",
    "OPP": "Opposition",
    "REB": "Rebels",
}
_ENTRY_TYPES = {
    "country": "GPE",
    "capital": "GPE",
    "region": "GPE",
    "adjective": "NORP",
    "ethnic": "NORP",
    "institution": "ORG",
    "religion": "NORP",
}


def entry_rule(entry: ActorEntry) -> str:
    """The evidence name of an entry: "dictionary:user" for the user's dictionaries, else "kb:" and its kind."""
    if entry.id.startswith(("user:", "dict:")):
        return "dictionary:user"
    return f"kb:{entry.kind}"


def actor_from_entry(entry: ActorEntry, ctx: ActorText, *, agentive: bool = False) -> Actor:
    """The Actor a knowledge-base or dictionary entry stands for, with the entry's kind as its evidence
    ("kb:person-tenure" for an office held on the article's day, "kb:capital-government" for an acting seat)."""
    actor = _entry_actor(entry, ctx, agentive=agentive)
    rule = entry_rule(entry)
    if rule.startswith("kb:") and entry.kind == "person" and entry.tenures and entry.tenure_on(ctx.day) is not None:
        rule = "kb:person-tenure"
    elif rule.startswith("kb:") and entry.kind == "capital" and agentive:
        rule = "kb:capital-government"
    return replace(actor, evidence=rule)


def _entry_actor(entry: ActorEntry, ctx: ActorText, *, agentive: bool = False) -> Actor:
    if entry.kind == "ethnic":
        return Actor(role="Ethnic group")
    if entry.kind == "religion":
        return Actor(role="Religious group", cameo=entry.cameo)
    if entry.kind == "person" and entry.tenures:
        tenure = entry.tenure_on(ctx.day)
        if tenure is None:
            return Actor(country=entry.country, cameo=entry.country)
        office = tenure.code.code
        return Actor(
            country=None if office[:3] in ("IGO", "NGO") else entry.country,
            org=tenure.org,
            role=tenure.role,
            cameo=office,
        )
    if entry.kind == "capital":
        if agentive:
            return Actor(country=entry.country, role="Government", cameo=compose(entry.cameo, "GOV"))
        return Actor(country=entry.country, cameo=entry.cameo)
    if entry.kind == "institution":
        return Actor(country=entry.country, role=_SECTOR_LABELS.get(entry.sector or ""), cameo=entry.cameo)
    code = entry.code_on(ctx.day)
    if code is not None and code.startswith(("---", "+++")):
        return Actor(role=entry.role)
    country = entry.country
    if entry.kind == "actor" and code is not None:
        country = None if code[:3] in ("IGO", "NGO", "IMG", "MNC") else code[:3]
    return Actor(country=country, org=entry.org, role=entry.role, cameo=code)


def actor_from_phrase(
    phrase: RolePhrase,
    ctx: ActorText,
    home: str | None = None,
    *,
    rule: str = "phrase",
    home_rule: str = "home-country",
) -> Actor:
    """The Actor of a person or body described by a role phrase (the role's own organisation if it implies one).

    ``home`` is the article's main country, used for a national title that names no country ("President Obama").
    The evidence is ``rule`` (where the phrase was read: "title:before", "apposition:after", ...), with
    ``home_rule`` added ("title:before+home-country") when the country is ``home``'s.
    """
    actor, from_home = _phrase_actor(phrase, ctx, home)
    return replace(actor, evidence=f"{rule}+{home_rule}" if from_home else rule)


def _phrase_actor(phrase: RolePhrase, ctx: ActorText, home: str | None) -> tuple[Actor, bool]:
    """The phrase's Actor, and whether its country is ``home``'s."""
    entry = phrase.actor
    agent = phrase.agent
    if agent is not None and agent.org is not None and (entry is None or entry.kind not in ("org", "actor")):
        entry = ctx.dictionary.kb.by_id.get(agent.org, entry)
    if entry is not None and entry.kind == "ethnic":
        entry = None
    org = entry.org if entry is not None and entry.kind in ("org", "actor") else None
    country = entry.country if entry is not None else None
    base_code = None
    if entry is not None:
        base_code = entry.code_on(ctx.day) if entry.kind in ("org", "actor", "institution") else entry.country
        if base_code is not None and base_code.startswith(("---", "+++")):
            base_code, country = None, None
    label = agent.label if agent is not None else None
    from_home = (
        entry is None
        and home is not None
        and agent is not None
        and agent.sector[:3] not in ("IGO", "NGO")
        and agent.label not in _GENERIC_LABELS
    )
    if from_home:
        country = base_code = home
    if phrase.former and agent is not None:
        # a former office holder speaks for no government: CAMEO's elites (ELI)
        elite = compose(country, "ELI") if country else None
        return Actor(country=country, role=f"Former {agent.label}", cameo=elite), from_home
    if agent is None:
        return Actor(country=country, org=org, cameo=base_code), from_home
    if base_code is None:
        return Actor(country=country, org=org, role=label, cameo=None), from_home
    if agent.sector == "IGO" and len(base_code) == 3:
        return Actor(country=country, org=org, role=label, cameo=None), from_home  # an IGO title, no organisation
    cameo = compose(base_code, agent.sector, prefix=agent.prefix)
    return Actor(country=country, org=org, role=label, cameo=cameo), from_home


def _agentive(tokens: tuple[Token, ...], ctx: ActorText, span: Span) -> bool:
    line_start = span.start == 0 or ctx.text[span.start - 1] == "\n"
    after = ctx.text[span.end : span.end + 4]
    if line_start and (_DASH.match(after) or (span.text.isupper() and _DATELINE.match(after))):
        return False  # "WASHINGTON -": a dateline says where the story was filed
    if ctx.text[span.end : span.end + 1] == "-":
        return False  # "Brussels-based", "Moscow-backed"
    if ctx.text[span.end : span.end + 2] in ("'s", "' "):
        return True
    inside = tokens_within(tokens, span.start, span.end)
    for token in inside:
        head = tokens[token.head] if 0 <= token.head < len(tokens) else token
        if head in inside and head is not token:
            continue
        if token.dep in _AGENTIVE_DEPS:
            return True
        if token.dep == "pobj" and head.text.casefold() == "by":
            return True
    return False


def _link_person(
    entity: Entity,
    ctx: ActorText,
    home: str | None,
    others: Sequence[tuple[int, str]] = (),
    sentences: Sequence[Span] = (),
) -> tuple[Actor | None, str | None]:
    for mention in entity.mentions:
        entry = ctx.actor_at(mention.start, mention.end)
        if entry is not None and entry.kind in ("actor", "person") and not entry.tenures:
            return actor_from_entry(entry, ctx), entry.id
    known = _known_person(entity, ctx)
    if known is not None:
        if known.tenure_on(ctx.day) is not None:
            return actor_from_entry(known, ctx), known.id
        home, others = known.country, ()  # no office known for the day: the text's roles, in the person's country
    home_rule = "kb:person-country" if known is not None else "home-country"
    read: list[tuple[str, RolePhrase]] = []  # each phrase with where it was read
    for mention in entity.mentions:
        for rule, phrase in (
            ("title:before", ctx.title_before(mention.start)),
            ("apposition:after", ctx.apposition_after(mention.end)),
            ("apposition:before", ctx.apposition_before(mention.start)),
        ):
            if phrase is not None:
                read.append((rule, phrase))
    if not read:
        return (actor_from_entry(known, ctx), known.id) if known is not None else (None, None)
    # the best phrase: a current role with its actor, then a current role, then any; the first of its rank
    rule, found = min(
        read, key=lambda r: (r[1].agent is None, r[1].former, r[1].actor is None or r[1].actor.kind == "ethnic")
    )
    if found.agent is not None and (found.actor is None or found.actor.kind == "ethnic"):
        same = [
            (w, p) for w, p in read if p.actor is not None and p.actor.kind != "ethnic" and p.former == found.former
        ]
        if same:
            rule = _joined(rule, same[0][0])
            found = RolePhrase(found.agent, same[0][1].actor, found.start, found.end, found.agent_span, found.former)
    if found.agent is None:
        with_agent = [(w, p) for w, p in read if p.agent is not None]
        if with_agent:
            rule = _joined(rule, with_agent[0][0])
            agent = with_agent[0][1]
            found = RolePhrase(agent.agent, found.actor, found.start, found.end, None, agent.former)
    if home is not None and found.actor is None and _foreign_near(entity, home, others):
        home = None
    if home is None and found.actor is None and found.agent is not None:
        home = _only_country_near(entity, others, sentences)  # "Cabinet minister Eitan said ... Israel's position"
        home_rule = "sentence-country"
    actor = actor_from_phrase(found, ctx, home, rule=rule, home_rule=home_rule)
    return actor, known.id if known is not None else None


def _joined(rule: str, other: str) -> str:
    """Two places a phrase was read from, once each ("title:before+apposition:after")."""
    return rule if other == rule else f"{rule}+{other}"


def _known_person(entity: Entity, ctx: ActorText) -> ActorEntry | None:
    """The knowledge-base person an entity's full name (or a multi-word mention of it) names."""
    names = [entity.name, *(m.text for m in entity.mentions if len(m.text.split()) >= 2)]
    for name in dict.fromkeys(names):
        entry = ctx.lookup(name)
        if entry is not None and entry.kind == "person" and entry.tenures:
            return entry
    return _by_surname(entity, ctx)


def _is_person(entity: Entity, ctx: ActorText) -> bool:
    """True when a name the parser typed ORG/GPE is a person's: a knowledge-base person ("Cameron"), or a name of
    two or more capitalised words that no table knows, behind a person's title or set off by a person's role
    ("Islamic cleric Fethullah Gulen", "the Syrian ambassador to Washington, Walid Mualem")."""
    entries = [ctx.actor_at(m.start, m.end) or ctx.lookup(m.text) for m in entity.mentions]
    known = [e for e in entries if e is not None]
    if known:
        return all(e.kind == "person" for e in known)
    words = entity.name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words) or any(ctx.actors_in(*_extent(entity))):
        return False
    for mention in entity.mentions:
        for phrase in (ctx.title_before(mention.start), ctx.apposition_before(mention.start)):
            if phrase is not None and phrase.agent is not None and phrase.agent.person:
                return True
    return False


def _extent(entity: Entity) -> tuple[int, int]:
    first = entity.mentions[0]
    return first.start, first.end


def _by_surname(entity: Entity, ctx: ActorText) -> ActorEntry | None:
    """The one knowledge-base person of an entity's surname in office on the article's day ("President Clinton"
    in 1998 is Bill Clinton, "Clinton" in 2016 is Hillary Clinton); None when none or several are."""
    if len(entity.name.split()) != 1 or ctx.day is None:
        return None
    surname = entity.name.casefold()
    found = {
        e.id: e
        for e in ctx.dictionary.kb.by_id.values()
        if e.kind == "person"
        and e.name.split()[-1].casefold() == surname
        and any((t.code.start or t.code.end) and t.code.applies(ctx.day) for t in e.tenures)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _foreign_near(entity: Entity, home: str, others: Sequence[tuple[int, str]], reach: int = 300) -> bool:
    """True when the country named nearest to one of the entity's first mentions is not ``home``."""
    for mention in entity.mentions[:3]:
        near = [(abs(pos - mention.start), country) for pos, country in others if abs(pos - mention.start) <= reach]
        if near and min(near)[1] != home:
            return True
    return False


def _only_country_near(entity: Entity, others: Sequence[tuple[int, str]], sentences: Sequence[Span]) -> str | None:
    """The one country named in the sentence of the entity's first mention, if only one is."""
    if not entity.mentions:
        return None
    first = entity.mentions[0].start
    sentence = next((s for s in sentences if s.start <= first < s.end), None)
    if sentence is None:
        return None
    near = {country for pos, country in others if sentence.start <= pos < sentence.end}
    return near.pop() if len(near) == 1 else None


def _link_other(
    entity: Entity,
    ctx: ActorText,
    tokens: tuple[Token, ...],
    home: str | None = None,
    named: Counter[str] | None = None,
) -> tuple[Actor | None, str | None]:
    for mention in entity.mentions:
        entry = ctx.actor_at(mention.start, mention.end) or ctx.lookup(mention.text) or _covering(ctx, mention)
        if entry is None:
            continue
        agentive = entry.kind == "capital" and any(_agentive(tokens, ctx, m) for m in entity.mentions)
        return actor_from_entry(entry, ctx, agentive=agentive), entry.id
    sector = sector_from_name(entity.name) if entity.type in ("ORG", "FAC", "NORP") else None
    if sector is not None:
        inner = [h.value for m in entity.mentions for h in ctx.actors_in(m.start, m.end)]
        states = [e for e in inner if isinstance(e, ActorEntry) and e.country and e.kind != "ethnic"]
        inside = place_in_name(entity.name, named) if not states else None
        country = states[0].country if states else inside or article_country(named or Counter())
        which = "name-country" if states else "place-in-name" if inside else "article-country"
        actor = Actor(
            country=country,
            role=sector[1],
            cameo=compose(country, sector[0]) if country else None,
            evidence=f"name:sector+{which}" if country else "name:sector",
        )
        return actor, None
    # a body named by its country and role: "Kosovo Police", "Serbian Interior Ministry"
    for mention in entity.mentions:
        agents = ctx.agents_in(mention.start, mention.end)
        actors = [h for h in ctx.actors_in(mention.start, mention.end) if isinstance(h.value, ActorEntry)]
        if actors or agents:
            inner_entry = _nationality(actors, entity.type)
            agent = agents[-1].value if agents else None
            found = RolePhrase(
                agent if isinstance(agent, AgentEntry) else None,
                inner_entry,
                mention.start,
                mention.end,
            )
            actor = actor_from_phrase(found, ctx, home, rule="name:role")
            if (
                entity.type == "NORP"
                and agent is None
                and len({h.value.country for h in actors if isinstance(h.value, ActorEntry)}) > 1
            ):
                actor = replace(actor, role="Ethnic group")  # "Ukrainian Americans": people of the last state named
            return actor, None
        title = ctx.title_before(mention.start)
        if title is not None and title.actor is not None and title.agent is None:
            return Actor(country=title.actor.country, evidence="title:before"), None
    if entity.type == "GPE" and named is not None:
        country = city_country(entity.name, named)
        if country is not None:
            return Actor(country=country, cameo=country, evidence="gazetteer:city"), None
    return None, None


def _covering(ctx: ActorText, mention: Span) -> ActorEntry | None:
    """The organisation whose longer name the mention is part of ("Islamic" in "Islamic State")."""
    for hit in ctx.actors_in(max(0, mention.start - 40), mention.end + 40):
        if (
            hit.start <= mention.start
            and mention.end <= hit.end
            and (hit.start, hit.end) != (mention.start, mention.end)
        ):
            value = hit.value
            if isinstance(value, ActorEntry) and value.kind in ("org", "institution", "actor"):
                return value
    return None


def _nationality(hits: list[Hit], kind: str) -> ActorEntry | None:
    """The state a name's inner actor names give: for peoples the last nationality ("Ukrainian Americans")."""
    entries = [h.value for h in hits if isinstance(h.value, ActorEntry)]
    if not entries:
        return None
    if kind == "NORP":
        states = [e for e in entries if e.kind in ("adjective", "country")]
        return states[-1] if states else entries[0]
    return entries[0]


def _needs_home(entity: Entity) -> bool:
    actor = entity.actor
    return entity.kb_id is None and actor is not None and bool(actor.role) and not actor.country and not actor.org


def link_entities(analysis: Analysis, dictionary: ActorDictionary) -> tuple[Entity, ...]:
    """Entities with actors, kb ids, dictionary-found entities, coreferent mentions and list members."""
    ctx = ActorText.build(analysis, dictionary)
    tokens = analysis.parse.tokens if analysis.parse is not None else ()
    linked: list[Entity] = []
    for entity in analysis.entities:
        if entity.type != "PERSON" and _is_person(entity, ctx):
            entity = replace(entity, type="PERSON")
        if entity.type != "PERSON":
            actor, kb_id = _link_other(entity, ctx, tokens)
            entity = replace(entity, actor=actor, kb_id=kb_id)
        linked.append(entity)
    linked = states_or_regions(linked)
    named = named_countries(linked)
    home = home_country(linked)
    positions = country_positions(linked)
    sentences = analysis.parse.sentences if analysis.parse is not None else ()
    for index, entity in enumerate(linked):
        if entity.type != "PERSON" and entity.kb_id is None and (entity.actor is None or _needs_home(entity)):
            actor, kb_id = _link_other(entity, ctx, tokens, home, named)
            linked[index] = replace(entity, actor=actor, kb_id=kb_id)
        if entity.type == "PERSON":
            actor, kb_id = _link_person(entity, ctx, home, positions, sentences)
            linked[index] = replace(entity, actor=actor, kb_id=kb_id)
    linked = _add_unparsed(analysis, linked, ctx)
    linked = _merge_same(linked)
    resolved = analysis.add(entities=coref.resolve(analysis, tuple(linked), ctx))
    return members.split_lists(resolved, lambda others, start, end: _actor_in(others, start, end, ctx))


def _add_unparsed(analysis: Analysis, entities: list[Entity], ctx: ActorText) -> list[Entity]:
    """Dictionary and knowledge-base names the parser did not tag become (mentions of) entities."""
    taken = [m for e in entities for m in e.mentions]
    by_kb = {e.kb_id: e for e in entities if e.kb_id}
    text = analysis.article.text
    extra: dict[str, list[Span]] = {}
    entries: dict[str, ActorEntry] = {}
    for hit in ctx.actor_hits:
        entry = hit.value
        if not isinstance(entry, ActorEntry) or entry.kind not in ("org", "institution", "actor", "country"):
            continue
        if entry.kind == "country" and not ctx.dictionary.user and entry.id not in by_kb:
            continue  # the parser tags countries; keep its judgement unless the user asked for names
        span = Span.of(text, hit.start, hit.end)
        if any(span.overlaps(m) for m in taken):
            continue
        extra.setdefault(entry.id, []).append(span)
        entries[entry.id] = entry
        taken.append(span)
    result = list(entities)
    for kb_id, spans in extra.items():
        known = by_kb.get(kb_id)
        if known is not None:
            index = result.index(known)
            result[index] = replace(known, mentions=tuple(sorted((*known.mentions, *spans), key=lambda s: s.start)))
            by_kb[kb_id] = result[index]
            continue
        entry = entries[kb_id]
        first = spans[0]
        result.append(
            Entity(
                id=record_id("entity", analysis.article.id, first.start, first.end, name_key(first.text)),
                name=first.text if entry.kind == "actor" else entry.name,
                type=_ENTRY_TYPES.get(entry.kind, "ORG"),
                actor=actor_from_entry(entry, ctx),
                mentions=tuple(spans),
                kb_id=kb_id,
            )
        )
    result.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    return result


def _merge_same(entities: list[Entity]) -> list[Entity]:
    """One entity per knowledge-base actor ("Bosnia" and "Bosnia and Herzegovina"); the first keeps its id."""
    result: list[Entity] = []
    seen: dict[str, int] = {}
    for entity in entities:
        if entity.kb_id is None or entity.type == "PERSON" or entity.kb_id not in seen:
            if entity.kb_id is not None and entity.type != "PERSON":
                seen[entity.kb_id] = len(result)
            result.append(entity)
            continue
        index = seen[entity.kb_id]
        first = result[index]
        mentions = tuple(
            sorted({(m.start, m.end): m for m in (*first.mentions, *entity.mentions)}.values(), key=lambda m: m.start)
        )
        name = first.name if len(first.mentions) >= len(entity.mentions) else entity.name
        actor = first.actor if first.actor is not None and first.actor.cameo else entity.actor or first.actor
        result[index] = replace(first, name=name, mentions=mentions, actor=actor)
    return result


def warm(settings: Settings) -> None:
    """Load the knowledge base, the user dictionaries and the gazetteer before any article is timed."""
    from eventwire.resources.gazetteer import load_gazetteer

    actor_dictionary(settings.dictionaries)
    load_gazetteer()


@stage("actors", version=1, requires=("normalized", "parse", "entities"), provides=("entities",), warm=warm)
def link_actors(analysis: Analysis, settings: Settings) -> Analysis:
    """Fill each entity's actor and knowledge-base id and add its coreferent mentions."""
    if analysis.parse is None:
        return analysis
    dictionary = actor_dictionary(tuple(settings.dictionaries))
    return analysis.add(entities=link_entities(analysis, dictionary))


def actor_for_span(analysis: Analysis, start: int, end: int, settings: Settings | None = None) -> Entity | None:
    """The entity acting in text[start:end].

    Returns the entity with a mention overlapping the span (the one covering most of it);
    when the span adds a role word to an entity that has none ("Arnor cleric", "MSF Arnor",
    "Serbian police") the entity comes back with that role composed into its actor (same id).
    Else an entity built on the fly from the actor names and role words inside the span
    ("the nationalist president of Republika Srpska", "Serbian police"), else None. Built
    entities are not part of ``analysis.entities``; their id is derived from the span.
    """
    dictionary = actor_dictionary(tuple(settings.dictionaries) if settings is not None else ())
    return _actor_in(analysis, start, end, ActorText.build(analysis, dictionary))


def _actor_in(analysis: Analysis, start: int, end: int, ctx: ActorText) -> Entity | None:
    """``actor_for_span`` over a text view already built for the article."""
    best: tuple[int, Span, Entity] | None = None
    for entity in analysis.entities:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, mention, entity)
    if best is not None:
        _, mention, entity = best
        if entity.actor is None or entity.actor.role:
            return entity
        agents = [h for h in ctx.agents_in(start, end) if not (h.start < mention.end and mention.start < h.end)]
        agent = agents[0].value if agents else None
        if not isinstance(agent, AgentEntry):
            return entity
        base = entity.actor
        cameo = compose(base.cameo, agent.sector, prefix=agent.prefix) if base.cameo else None
        evidence = f"{base.evidence}+role:span" if base.evidence else "role:span"
        return replace(entity, actor=replace(base, role=agent.label, cameo=cameo, evidence=evidence))
    actors = [h for h in ctx.actors_in(start, end) if isinstance(h.value, ActorEntry)]
    agents = [h for h in ctx.agents_in(start, end) if isinstance(h.value, AgentEntry)]
    if not actors and not agents:
        return None
    entry = actors[-1].value if actors else None
    agent = agents[0].value if agents else None
    phrase = RolePhrase(
        agent if isinstance(agent, AgentEntry) else None, entry if isinstance(entry, ActorEntry) else None, start, end
    )
    actor = actor_from_phrase(phrase, ctx, rule="span")
    if phrase.agent is None and isinstance(entry, ActorEntry):
        actor = actor_from_entry(entry, ctx)
    if actor.country is None and actor.org is None and actor.cameo is None:
        return None
    span = Span.of(analysis.article.text, start, end)
    kind = "PERSON" if phrase.agent is not None and phrase.agent.person else "ORG"
    return Entity(
        id=record_id("entity", analysis.article.id, start, end, name_key(span.text)),
        name=span.text,
        type=kind,
        actor=actor,
        mentions=(span,),
        kb_id=entry.id if isinstance(entry, ActorEntry) and phrase.agent is None else None,
    )
