"""The entity a speaker pronoun stands for, when the actors stage left the pronoun unlinked.

A "he"/"she" goes to a person, an "it" to an organisation or a place, a "they" to an organisation,
a group or a place. Preference, within the last few sentences: a compatible entity that is the
subject of an earlier clause of the same sentence, then the previous quote's speaker, then the
nearest compatible subject of a preceding sentence, then the nearest compatible mention. A person
whose mentions or title show the other gender is never taken for a he or a she.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from eventwire.model import Entity
from eventwire.syntax import FEMALE_PRONOUNS, MALE_PRONOUNS, SUBJECT_CASE, ParseTree

#: The entity types a speaker pronoun can stand for.
COMPATIBLE: dict[str, tuple[frozenset[str], ...]] = {
    "he": (frozenset({"PERSON"}),),
    "she": (frozenset({"PERSON"}),),
    "it": (frozenset({"ORG", "GPE"}),),
    "they": (frozenset({"ORG", "NORP"}), frozenset({"GPE"})),
}
#: Prepositions that make a place the setting of a clause rather than an actor in it.
_SETTING = frozenset({"in", "at", "near", "from", "across", "throughout", "inside", "outside"})
#: How many sentences back an antecedent may stand.
WINDOW = 3
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_MALE_TITLE = re.compile(r"^(?:Mr|Sir|Lord|King|Prince)\b\.?")
_FEMALE_TITLE = re.compile(r"^(?:Mrs|Ms|Miss|Madam|Lady|Dame|Queen|Princess)\b\.?")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    sent: int
    subject: bool
    setting: bool
    entity: Entity


def gender(entity: Entity) -> str | None:
    """ "m", "f" or None (unknown or mixed) from the entity's pronoun mentions and titles."""
    male = female = 0
    for m in entity.mentions:
        word = m.text.lower()
        male += word in MALE_PRONOUNS or bool(_MALE_TITLE.match(m.text))
        female += word in FEMALE_PRONOUNS or bool(_FEMALE_TITLE.match(m.text))
    if male > female:
        return "m"
    if female > male:
        return "f"
    return None


class Antecedents:
    """Entity mentions of one article indexed by position, for pronoun look-ups."""

    def __init__(self, tree: ParseTree, entities: tuple[Entity, ...]) -> None:
        self.tree = tree
        toks = tree.tokens
        self._starts = [t.start for t in toks]
        self._gender = {e.id: gender(e) for e in entities}
        found: list[_Mention] = []
        for e in entities:
            for m in e.mentions:
                first, last = self._token_at(m.start), self._token_at(max(m.start, m.end - 1))
                if first is None or last is None:
                    continue
                span = range(first, last + 1)
                subject = any(toks[i].dep in _SUBJECT for i in span)
                setting = any(
                    toks[i].dep == "pobj" and toks[toks[i].head].text.lower() in _SETTING and toks[i].head not in span
                    for i in span
                )
                found.append(_Mention(m.start, toks[first].sent, subject, setting, e))
        found.sort(key=lambda m: m.start)
        self.mentions = found
        self._mention_starts = [m.start for m in found]

    def _token_at(self, char: int) -> int | None:
        i = bisect.bisect_right(self._starts, char) - 1
        return i if i >= 0 else None

    def _fits(self, entity: Entity, word: str, types: frozenset[str]) -> bool:
        if entity.type not in types:
            return False
        g = self._gender.get(entity.id)
        return g is None or word not in ("he", "she") or (word == "he") == (g == "m")

    def find(self, head: int, last_speaker: tuple[int, Entity] | None = None) -> Entity | None:
        """The entity the pronoun at token ``head`` stands for, None when no candidate fits."""
        tok = self.tree.tokens[head]
        word = SUBJECT_CASE.get(tok.text.lower(), tok.text.lower())
        stop = bisect.bisect_left(self._mention_starts, tok.start)
        window = [m for m in self.mentions[:stop] if m.sent >= tok.sent - WINDOW]
        for types in COMPATIBLE.get(word, ()):
            found = self._best(tok.sent, word, types, window, last_speaker)
            if found is not None:
                return found
        return None

    def _best(
        self,
        sent: int,
        word: str,
        types: frozenset[str],
        window: list[_Mention],
        last_speaker: tuple[int, Entity] | None,
    ) -> Entity | None:
        before = [m for m in window if self._fits(m.entity, word, types) and not (m.setting and word in ("it", "they"))]
        if not before:
            return None
        same = [m for m in before if m.sent == sent and m.subject]
        if same:
            return same[-1].entity
        if last_speaker is not None:
            at, entity = last_speaker
            said = self.tree.tokens[self._token_at(at) or 0].sent
            if said >= sent - WINDOW and self._fits(entity, word, types):
                return entity
        subjects = [m for m in before if m.subject and m.sent < sent]
        if subjects:
            return subjects[-1].entity
        return before[-1].entity
