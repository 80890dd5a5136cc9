"""Lists the entity recogniser took as one name ("Arnor, Osgiliath and Gondor"): one actor per member.

The parse coordinates the members (a ``conj`` inside the mention) and each names an actor of its
own; the entity keeps its mentions and records the members (``Entity.members``), which the event
coder reads as separate sides. A list whose members do not each name a different coded actor is
one name ("Bosnia and Herzegovina", "Trinidad and Tobago") and gets no members.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from eventwire.model import Analysis, Entity, Member, Span, Token
from eventwire.syntax import TokenIndex

#: The actor of text[start:end] among the entities of an analysis (``stage.actor_for_span`` over one text view).
ActorOf = Callable[[Analysis, int, int], Entity | None]


def split_lists(analysis: Analysis, actor_of: ActorOf) -> tuple[Entity, ...]:
    """The entities of ``analysis`` (linked to their actors), each list-shaped one with its members."""
    if analysis.parse is None:
        return analysis.entities
    tokens = TokenIndex(analysis.parse.tokens)
    made: dict[str, Entity | None] = {}  # the actor of each member text, looked up once per article
    out: list[Entity] = []
    for entity in analysis.entities:
        members: list[Member] = []
        if entity.kb_id is None:  # linked as a whole: one name ("Bosnia and Herzegovina")
            others = analysis.add(entities=tuple(e for e in analysis.entities if e.id != entity.id))
            for mention in entity.mentions:
                members.extend(_members(others, tokens.within(mention.start, mention.end), actor_of, made))
        out.append(replace(entity, members=tuple(members)) if members else entity)
    return tuple(out)


def _members(others: Analysis, inside: list[Token], actor_of: ActorOf, made: dict[str, Entity | None]) -> list[Member]:
    """The members of one mention (its tokens ``inside``), or none when it is not a list of actors."""
    ids = {t.i for t in inside}
    if not any(t.dep == "conj" and t.head in ids for t in inside):
        return []
    pieces: list[list[Token]] = [[]]
    for tok in inside:
        if tok.dep in ("cc", "punct"):
            pieces.append([])
        else:
            pieces[-1].append(tok)
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return []
    text = others.article.text
    built: list[Entity | None] = []
    for piece in pieces:
        start, end = piece[0].start, piece[-1].end
        if text[start:end] not in made:
            made[text[start:end]] = actor_of(others, start, end)
        built.append(made[text[start:end]])
    codes = [(b.actor.org, b.actor.country) if b is not None and b.actor is not None else None for b in built]
    if any(c is None or c == (None, None) for c in codes) or len(set(codes)) < len(codes):
        return []  # "Bosnia and Herzegovina", "Trinidad and Tobago": one name
    return [
        Member(span=Span.of(text, piece[0].start, piece[-1].end), entity=member)
        for piece, member in zip(pieces, built, strict=True)
        if member is not None
    ]
