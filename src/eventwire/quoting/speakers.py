"""Who said it: the speaker span of a cue, and the entity behind it.

The entity comes from the mentions of ``analysis.entities`` (which the actors stage extends with
pronouns and role nominals such as "the Secretary General"). When no mention covers the speaker, a
he or she is resolved to the last person who spoke or acted as a subject before it and given by name,
with no entity id; any other speaker keeps its surface text as the name.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.model import Entity, Span
from eventwire.quoting.tree import Tree

PERSONAL = frozenset({"he", "she", "him", "her"})
PRONOUNS = PERSONAL | frozenset({"they", "we", "i", "it", "you", "them", "us", "me", "who"})
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
    """Speaker resolution over one article's parse and entities."""

    def __init__(self, text: str, tree: Tree, entities: tuple[Entity, ...]) -> None:
        self.text = text
        self.tree = tree
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self.mentions = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0])
        self.last_person: tuple[int, Entity] | None = None

    def span_of(self, head: int) -> Span:
        """The words that name the speaker: the head with its modifiers, apposition and of-phrase."""
        tree = self.tree
        first, last = head, head
        for c in tree.children[head]:
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
        for a in self.tree.kids(head, "appos"):
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

    def resolve(self, head: int | None) -> Speaker:
        """The speaker whose head token is ``head`` (None: unknown speaker)."""
        if head is None:
            return Speaker(entity=None, name=None, span=None)
        tok = self.tree.tokens[head]
        span = self.span_of(head)
        entity = self.entity_in(span, head)
        if entity is not None:
            if entity.type == "PERSON":
                self.last_person = (tok.start, entity)
            return Speaker(entity=entity.id, name=entity.name, span=span)
        word = tok.text.lower()
        # not linked to an entity: the best name we can resolve, but no entity id
        guess = None
        if word in PERSONAL:
            guess = self._antecedent(tok.start)
        if guess is not None:
            self.last_person = (tok.start, guess)
            return Speaker(entity=None, name=guess.name, span=span)
        if word in PERSONAL:
            return Speaker(entity=None, name=None, span=span)
        return Speaker(entity=None, name=span.text, span=span)

    def _antecedent(self, at: int) -> Entity | None:
        """The person a he/she most likely points to: the last speaker, else the last person mentioned."""
        toks = self.tree.tokens
        starts = {t.start: t for t in toks}
        best: tuple[int, Entity] | None = None
        for start, _end, entity in self.mentions:
            if start >= at:
                break
            if entity.type != "PERSON":
                continue
            t = starts.get(start)
            # a possessor or an object is less likely the antecedent than a subject
            subject = t is not None and t.dep in _SUBJECT_LIKE
            if subject or best is None or at - best[0] > 400:
                best = (start, entity)
        if self.last_person is not None and (best is None or best[0] - self.last_person[0] < 300):
            return self.last_person[1]
        return best[1] if best else None

    def continuing(self) -> Entity | None:
        """The person who spoke last (for quotes that carry no attribution of their own)."""
        return self.last_person[1] if self.last_person else None
