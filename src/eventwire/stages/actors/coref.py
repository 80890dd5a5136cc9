"""Coreference good enough for event actors and quote speakers.

Adds to an entity the mentions that name it without its name:

* role nominals: "NATO's Secretary General", "the High Representative", "the president"
  go to the person holding that role (and organisation, when the nominal names one);
* organisation nominals from the knowledge base: "the alliance", "the allies" (NATO),
  "the bloc" (EU), when that organisation is named in the article;
* personal pronouns (see ``pronouns``): he/she to persons, with a gender read from the article,
  and they/them/their to organisations and groups.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.model import Analysis, Entity, Span
from eventwire.resources.entries import ActorEntry, AgentEntry
from eventwire.stages.actors.context import ActorText
from eventwire.stages.actors.pronouns import resolve_pronouns

_OTHER_HOLDER = re.compile(
    r"\b(?:next|future|former|previous|late|first|last|every|any|a|an|another|retired|ex)[\s-]+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def resolve(analysis: Analysis, entities: tuple[Entity, ...], ctx: ActorText) -> tuple[Entity, ...]:
    """Entities with coreferent mentions added; role-word entities folded into their person."""
    added: dict[str, list[Span]] = {e.id: [] for e in entities}
    taken = [m for e in entities for m in e.mentions]
    text = analysis.article.text
    nominal_spans = _role_nominals(entities, ctx, text, added, taken)
    _org_nominals(entities, ctx, text, added, taken)
    result = []
    for entity in entities:
        if (
            entity.type != "PERSON"
            and entity.kb_id is None
            and entity.mentions
            and all(any(m.overlaps(n) for n in nominal_spans) for m in entity.mentions)
        ):
            continue  # "High Representative of": a title the parser tagged, now a mention of its holder
        result.append(_with(entity, added[entity.id]))
    return tuple(resolve_pronouns(analysis, result))


def _with(entity: Entity, spans: list[Span]) -> Entity:
    if not spans:
        return entity
    merged = {(m.start, m.end): m for m in (*entity.mentions, *spans)}
    return replace(entity, mentions=tuple(sorted(merged.values(), key=lambda m: (m.start, m.end))))


def _last_before(entity: Entity, pos: int, extra: list[Span]) -> int:
    starts = [m.start for m in (*entity.mentions, *extra) if m.end <= pos]
    return max(starts) if starts else -1


def _role_nominals(
    entities: tuple[Entity, ...], ctx: ActorText, text: str, added: dict[str, list[Span]], taken: list[Span]
) -> list[Span]:
    persons = [e for e in entities if e.type == "PERSON" and e.actor is not None and e.actor.role]
    person_mentions = [m for e in entities if e.type == "PERSON" for m in e.mentions]
    found: list[Span] = []
    if not persons:
        return found
    for hit in ctx.agent_hits:
        agent = hit.value
        if not isinstance(agent, AgentEntry) or not agent.person:
            continue
        if any(m.start <= hit.start < m.end for m in person_mentions):
            continue
        follow = re.match(r"\s+([A-Z]\w+)", text[hit.end : hit.end + 30])
        if follow and any(m.start == hit.end + follow.start(1) for m in person_mentions):
            continue  # a title in front of a name, not a nominal
        phrase = ctx.title_before(hit.end)
        start = phrase.start if phrase is not None and phrase.actor is not None else hit.start
        determined = re.search(r"\bthe\s+(?:[\w-]+\s+)?$", text[max(0, hit.start - 30) : hit.start], re.IGNORECASE)
        if _OTHER_HOLDER.search(text[max(0, hit.start - 30) : hit.start]):
            continue  # "the next president", "a former president": not the one in office
        if (phrase is None or phrase.actor is None) and not determined:
            continue
        own = phrase.actor if phrase is not None else None
        after = ctx.role_phrase_at(hit.start)
        if own is None and after is not None and after.actor is not None and after.agent_span == (hit.start, hit.end):
            own = after.actor
        apposed = re.match(r"[^,.;\n]{0,60}?,\s*", text[hit.end : hit.end + 70])
        target = _choose(persons, agent, own, hit.start, apposed.end() + hit.end if apposed else None, added)
        if target is None:
            continue
        span = Span.of(text, start, hit.end)
        if any(span.overlaps(m) for m in taken):
            taken_by_person = any(span.overlaps(m) for m in person_mentions)
            if taken_by_person:
                continue
        added[target.id].append(span)
        found.append(span)
    return found


def _choose(
    persons: list[Entity],
    agent: AgentEntry,
    own: ActorEntry | None,
    pos: int,
    apposed_at: int | None,
    added: dict[str, list[Span]],
) -> Entity | None:
    fitting = []
    for person in persons:
        actor = person.actor
        if actor is None or actor.role != agent.label:
            continue
        if own is not None and own.kind != "ethnic":
            if own.org is not None and actor.org != own.org:
                continue
            if own.org is None and own.country is not None and actor.country != own.country:
                continue
        fitting.append(person)
    if apposed_at is not None:
        for person in fitting:
            if any(m.start == apposed_at for m in person.mentions):
                return person
    before = [(p, _last_before(p, pos, added[p.id])) for p in fitting]
    before = [(p, s) for p, s in before if s >= 0]
    if not before:
        return None
    return max(before, key=lambda item: item[1])[0]


def _org_nominals(
    entities: tuple[Entity, ...], ctx: ActorText, text: str, added: dict[str, list[Span]], taken: list[Span]
) -> None:
    owners: dict[str, list[Entity]] = {}
    for entity in entities:
        entry = ctx.dictionary.kb.by_id.get(entity.kb_id or "")
        if isinstance(entry, ActorEntry):
            for nominal in entry.nominals:
                owners.setdefault(nominal.casefold(), []).append(entity)
    if not owners:
        return
    words = "|".join(re.escape(n) for n in sorted(owners, key=len, reverse=True))
    pattern = re.compile(rf"\b(?i:the)\s+((?i:{words}))\b(?!\s+(?i:of)\b)(?!\s+[A-Z])")
    for match in pattern.finditer(ctx.text):
        span = Span.of(text, match.start(1), match.end(1))
        if any(span.overlaps(m) for m in taken):
            continue
        candidates = [(e, _last_before(e, span.start, added[e.id])) for e in owners[match.group(1).casefold()]]
        owners_here = owners[match.group(1).casefold()]
        candidates = [(e, s) for e, s in candidates if s >= 0]
        if not candidates and len(owners_here) == 1:
            candidates = [(owners_here[0], 0)]  # the only organisation it can be, named later
        if not candidates:
            continue
        target = max(candidates, key=lambda item: item[1])[0]
        added[target.id].append(span)
        taken.append(span)
