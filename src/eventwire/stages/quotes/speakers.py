"""Who said it: the speaker span of a cue, and the entity behind it.

The entity comes from the mentions of ``analysis.entities`` (which the actors stage extends with
pronouns and role nominals such as "the Secretary General"). When no mention covers a pronoun speaker
(he, she, it, they), it is resolved to a compatible entity named shortly before (``quoting.antecedents``)
and becomes a mention of that entity; a speaker reached through a relative "who" lends the "who" to its
entity the same way. Any other unlinked speaker keeps its surface text as the name.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from eventwire.model import Entity, Span
from eventwire.stages.quotes.antecedents import Antecedents
from eventwire.syntax import OBJECT_PRONOUNS, PERSON_PRONOUNS, SUBJECT_PRONOUNS, ParseTree

#: Speaker words that stand for an antecedent ("he said", "told them", "who said").
PRONOUNS = SUBJECT_PRONOUNS | OBJECT_PRONOUNS | {"who"}
#: He or she as subject or object: a person's speaker when no antecedent is found.
PERSONAL = PRONOUNS & PERSON_PRONOUNS
_SPAN_LEFT = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct", "prep", "pobj", "appos"})
_SPAN_RIGHT = frozenset({"prep", "appos", "compound", "pobj", "case"})
_SUBJECT_LIKE = frozenset({"nsubj", "nsubjpass", "compound", "appos", "ROOT", "conj"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """A resolved speaker: the entity (when known), its name, and the span that names it."""

    entity: str | None
    name: str | None
    span: Span | None


class Speakers:
    """Speaker resolution over one article's parse and entities.

    Pronoun speakers that no entity mention covers are resolved here (``quoting.antecedents``) and
    recorded in ``added`` as new mentions of their entity, so that the record stays consistent: the
    entity a quote is attributed to holds the words that name its speaker.
    """

    def __init__(self, text: str, tree: ParseTree, entities: tuple[Entity, ...]) -> None:
        self.text = text
        self.tree = tree
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self.mentions = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0])
        self.antecedents = Antecedents(tree, entities)
        self.last_person: tuple[int, Entity] | None = None
        self.last_speaker: tuple[int, Entity] | None = None
        self.added: dict[str, list[Span]] = {}

    def span_of(self, head: int) -> Span:
        """The words that name the speaker: the head with its modifiers, apposition and of-phrase."""
        tree = self.tree
        first, last = head, head
        for c in tree.child_ids(head):
            dep = tree.tokens[c].dep
            if c < head and dep in _SPAN_LEFT:
                first = min(first, tree.left[c])
            elif c > head and dep in _SPAN_RIGHT:
                last = max(last, tree.right[c])
        while last > first and tree.tokens[last].pos == "PUNCT":
            last -= 1
        while first < last and tree.tokens[first].pos == "PUNCT":
            first += 1
        start, end = tree.chars(first, last)
        return Span.of(self.text, start, end)

    def entity_in(self, span: Span, head: int) -> Entity | None:
        """The entity a speaker span names: the one at its head, else a person in apposition."""
        tok = self.tree.tokens[head]
        hits = [e for s, end, e in self.mentions if s < span.end and span.start < end]
        at_head = sorted((e for s, end, e in self.mentions if s <= tok.start < end), key=lambda e: e.type != "PERSON")
        if at_head and at_head[0].type == "PERSON":
            return at_head[0]
        for a in self.tree.child_ids(head, "appos"):
            a_tok = self.tree.tokens[a]
            for s, end, e in self.mentions:
                if s <= a_tok.start < end and e.type == "PERSON":
                    return e
        if at_head:
            return at_head[0]
        if tok.pos == "PROPN":
            persons = [e for e in hits if e.type == "PERSON"]
            if persons:
                return persons[0]
        return None

    def resolve(self, head: int | None, relative: int | None = None) -> Speaker:
        """The speaker whose head token is ``head`` (None: unknown speaker); ``relative`` is a "who" standing
        for it, linked to the speaker's entity as one more mention."""
        if head is None:
            return Speaker(entity=None, name=None, span=None)
        tok = self.tree.tokens[head]
        span = self.span_of(head)
        entity = self.entity_in(span, head)
        word = tok.text.lower()
        if entity is None and word in PRONOUNS:
            entity = self.antecedents.find(head, self.last_speaker)
            if entity is not None:
                self._link(entity, Span.of(self.text, tok.start, tok.end))
        if entity is not None:
            if relative is not None:
                rel = self.tree.tokens[relative]
                self._link(entity, Span.of(self.text, rel.start, rel.end))
            if entity.type == "PERSON":
                self.last_person = (tok.start, entity)
            self.last_speaker = (tok.start, entity)
            return Speaker(entity=entity.id, name=entity.name, span=span)
        if word in PERSONAL:
            return Speaker(entity=None, name=None, span=span)
        return Speaker(entity=None, name=span.text, span=span)

    def named(self, start: int, end: int) -> Speaker:
        """The speaker named by the words in ``[start, end)`` (a byline): the entity mentioned there, if any."""
        span = Span.of(self.text, start, end)
        hits = sorted(
            (e for s, e_end, e in self.mentions if s < end and start < e_end), key=lambda e: e.type != "PERSON"
        )
        if hits:
            self.last_speaker = (start, hits[0])
            return Speaker(entity=hits[0].id, name=hits[0].name, span=span)
        return Speaker(entity=None, name=span.text, span=span)

    def _link(self, entity: Entity, span: Span) -> None:
        """Record ``span`` as a new mention of ``entity`` unless some entity already has a mention there."""
        if any(s < span.end and span.start < e for s, e, _ in self.mentions):
            return
        self.added.setdefault(entity.id, []).append(span)
        bisect.insort(self.mentions, (span.start, span.end, entity), key=lambda x: x[0])

    def entities_with_links(self) -> tuple[Entity, ...]:
        """The article's entities, in their order, with the mentions resolved here added."""
        out = []
        for e in self.entities:
            extra = self.added.get(e.id)
            if extra:
                e = replace(e, mentions=tuple(sorted(e.mentions + tuple(extra), key=lambda m: (m.start, m.end))))
            out.append(e)
        return tuple(out)

    def continuing(self) -> Entity | None:
        """The person who spoke last (for quotes that carry no attribution of their own)."""
        return self.last_person[1] if self.last_person else None
