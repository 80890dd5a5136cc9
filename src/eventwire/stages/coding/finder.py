"""Sides of a trigger from the dependency parse: subjects, objects, agents and prepositional partners."""

from __future__ import annotations

from eventwire.model import Token
from eventwire.stages.coding.modality import CONSIDERING_VERBS, PLANNING_VERBS
from eventwire.stages.coding.patterns import Lexicon, kind_of, match
from eventwire.stages.coding.sides import ActorIndex, Side
from eventwire.stages.coding.vocab import (
    AGENT_VERBS,
    CLAUSE_TARGET_ROOTS,
    DENIAL_VERBS,
    DOCUMENT_NOUNS,
    ELLIPTIC_OBJECTS,
    INHERIT_PREPS,
    LIGHT_VERBS,
    LOCATIVE_ROOTS,
    NOUN_TARGET_PREPS,
    OBJECT_CONTROL_PREPS,
    OBJECT_CONTROL_VERBS,
    TARGET_PREPS,
    VIOLENT_ROOTS,
    WITHDRAWAL_VERBS,
)
from eventwire.syntax import RELATIVE_PRONOUNS, REPORTING_VERBS, ParseTree


class SideFinder:
    """Finds the source and target sides of verb and noun triggers."""

    def __init__(self, tree: ParseTree, actors: ActorIndex, lexicon: Lexicon) -> None:
        self.tree = tree
        self.actors = actors
        self.lexicon = lexicon

    def _reporter(self, tok: Token) -> list[Side] | None:
        """The subject of the reporting verb ("he said ...") whose complement holds the token."""
        current = tok
        for head in self.tree.ancestors(tok):
            if head.lemma.lower() in REPORTING_VERBS and current.dep in (
                "ccomp",
                "parataxis",
                "xcomp",
                "advcl",
                "conj",
            ):
                return self._subjects(head)
            current = head
        return None

    def _controller(self, verb: Token) -> list[Side]:
        """The doer of an object-control verb's gerund: its object ("accused Peru of ..."), its passive subject
        ("were charged with ..."), or the noun its participle modifies ("men suspected of ...")."""
        if self.tree.is_passive(verb) or verb.dep in ("acl", "relcl"):
            for k in self.tree.children(verb, "nsubjpass"):
                return self.actors.resolve(k, agent=True)
            head = self.tree.head(verb)
            if verb.dep in ("acl", "relcl") and head is not None:
                return self.actors.resolve(head, agent=True)
            return []
        for k in self.tree.children(verb, "dobj"):
            return self.actors.resolve(k, agent=True)
        return []

    def _alleger(self, tok: Token) -> list[Side] | None:
        """Who claims the act of an object-control gerund: the verb's subject ("Chile accused Peru of ...") or
        its by-agent ("were accused by Chile of ..."); None when the token is no such gerund."""
        head = self.tree.head(tok)
        if tok.dep != "pcomp" or head is None or head.dep != "prep":
            return None
        verb = self.tree.head(head)
        if verb is None or not _controls(verb, head):
            return None
        if self.tree.is_passive(verb) or verb.dep in ("acl", "relcl"):
            for agent in self.tree.children(verb, "agent"):
                for obj in self.tree.children(agent, "pobj"):
                    return self.actors.resolve(obj, agent=True)
            return None
        return self._subjects(verb) or None

    def _denier(self, tok: Token) -> list[Side]:
        """The subject of a denial whose complement holds the token ("X denied that Y attacked", "X denied
        attacking"), or of a passive denial's agent; empty when nobody denies it."""
        current = tok
        for head in self.tree.ancestors(tok):
            if head.lemma.lower() in DENIAL_VERBS and current.dep in ("ccomp", "xcomp", "pcomp", "dobj"):
                if current.i == tok.i and current.dep == "dobj" and tok.pos != "NOUN":
                    break
                return self._subjects(head)
            if current.dep not in ("ccomp", "xcomp", "pcomp", "dobj", "conj", "aux", "prep", "pobj"):
                break
            current = head
        return []

    def _subjects(self, verb: Token) -> list[Side]:
        for k in self.tree.children(verb, "nsubj", "nsubjpass", "csubj"):
            sides = self.actors.resolve(k, agent=True)
            if sides:
                return sides
        return []

    def _verb_sources(self, trigger: Token) -> list[Side]:
        passive = self.tree.is_passive(trigger)
        if passive:
            # "arrested and beaten by agents of X": coordinated passives share their by-agent
            partners = [trigger, *self.tree.children(trigger, "conj")]
            head = self.tree.head(trigger)
            if trigger.dep == "conj" and head is not None:
                partners.append(head)
            for verb in partners:
                for agent in self.tree.children(verb, "agent"):
                    for obj in self.tree.children(agent, "pobj"):
                        sides = self.actors.resolve(obj, agent=True)
                        if sides:
                            return sides
            return self._attack_doer(trigger)
        return self._active_sources(trigger)

    def _attack_doer(self, trigger: Token) -> list[Side]:
        """For a passive harm with no agent, the doer of the attack it happened in ("44 people were killed in a
        PKK attack", "wounded in an Israeli air strike"): the attack noun's possessor, by-phrase or modifier."""
        pattern = match(self.tree, trigger, self.lexicon)
        if pattern is None or pattern.code[:2] not in VIOLENT_ROOTS:
            return []
        for prep in self.tree.children(trigger, "prep"):
            if prep.lemma.lower() not in ("in", "during"):
                continue
            for noun in self.tree.children(prep, "pobj"):
                found = match(self.tree, noun, self.lexicon)
                if found is None or found.code[:2] not in VIOLENT_ROOTS:
                    continue
                sides = self._by_agent(noun)
                if sides:
                    return sides
                for k in self.tree.children(noun, "poss", "compound", "amod", "nmod"):
                    sides = self.actors.resolve(k, agent=True)
                    if sides:
                        return sides
        return []

    def _active_sources(self, trigger: Token) -> list[Side]:
        current = trigger
        controlled = False
        for _ in range(4):
            # a participle adjunct without a subject of its own takes its clause's subject, passive or not
            # ("soldiers were killed fighting X": the soldiers fight)
            subjects = self.tree.children(
                current, *(("nsubj", "csubj", "nsubjpass") if controlled else ("nsubj", "csubj"))
            )
            for k in subjects:
                head = self.tree.head(current)
                if (
                    k.tag == "PRP"
                    and k.text.lower() in ("he", "she", "it", "they")
                    and head is not None
                    and head.lemma.lower() in REPORTING_VERBS
                ):
                    reporter = self._reporter(current)
                    if reporter:
                        return reporter
                sides = self.actors.resolve(k, agent=True)
                if sides:
                    return sides
            if subjects:
                return []
            head = self.tree.head(current)
            if head is None:
                return []
            if current.dep in ("conj", "xcomp", "acomp", "advcl"):
                controlled = current.dep in ("xcomp", "advcl") and current.tag == "VBG"
                current = head
            elif current.dep == "pcomp" and head.dep == "prep":
                parent = self.tree.head(head)
                if parent is None:
                    return []
                if _controls(parent, head):
                    return self._controller(parent)
                current = parent
            elif current.dep in ("relcl", "acl"):
                if head.lemma.lower() in DOCUMENT_NOUNS:
                    owner = self._document_owner(head)
                    if owner:
                        return owner
                    parent = self.tree.head(head)
                    if parent is None or head.dep not in ("dobj", "nsubj", "pobj"):
                        return []
                    current = parent if head.dep != "pobj" else (self.tree.head(parent) or parent)
                    continue
                return self.actors.resolve(head, agent=True)
            else:
                return []
        return []

    def _document_owner(self, noun: Token) -> list[Side]:
        for k in self.tree.children(noun, "poss", "compound"):
            sides = self.actors.resolve(k)
            if sides:
                return sides
        if noun.dep == "nsubj":
            return []
        return []

    def _verb_targets(self, trigger: Token, root: str, *, depth: int = 0) -> list[Side]:
        if self.tree.is_passive(trigger):
            for k in self.tree.children(trigger, "nsubjpass"):
                return self.actors.resolve(k)
        if trigger.lemma.lower() in WITHDRAWAL_VERBS:
            # the object of a withdrawal is what moves, not the party acted on
            for prep in self.tree.children(trigger, "prep"):
                if prep.lemma.lower() in ("from", "out"):
                    for obj in self.tree.children(prep, "pobj"):
                        sides = [s for s in self.actors.resolve(obj) if any(s.codes)]
                        if sides:
                            return sides
        for k in self.tree.children(trigger, "dobj", "dative", "attr", "oprd"):
            sides = self.actors.resolve(k) or self._event_noun_targets(k, root) or self._elided(trigger, k)
            if sides:
                return sides
        preps = TARGET_PREPS + (("in",) if root in LOCATIVE_ROOTS else ())
        for prep in self.tree.children(trigger, "prep"):
            if prep.lemma.lower() not in preps:
                continue
            for obj in self.tree.children(prep, "pobj"):
                sides = self.actors.resolve(obj) or self._event_noun_targets(obj, root)
                if sides:
                    return sides
        for k in self.tree.children(trigger, "xcomp"):
            for obj in self.tree.children(k, "dobj"):
                sides = self.actors.resolve(obj)
                if sides:
                    return sides
            if depth == 0:
                # "threatened to impose sanctions on Iran", "threatening to push for Sinn Fein's expulsion": the
                # act announced, threatened or agreed is aimed where the verb of its clause is
                sides = self._verb_targets(k, root, depth=1)
                if sides:
                    return sides
        for k in self.tree.children(trigger, "dobj"):
            sides = self._phrase_partner(k, depth=3) or self._relative_doer(k, depth=3)
            if sides:
                return sides
        if root in CLAUSE_TARGET_ROOTS:
            # "alleged [that] Ritter was a spy", "warned Britain would go to the back of the queue", "asked that
            # the government return him": an accusation, appeal, demand or threat is aimed at the clause's subject
            return self._clause_subject(trigger, "ccomp")
        return []

    def _clause_subject(self, trigger: Token, *deps: str) -> list[Side]:
        """The actor that is the subject of one of the trigger's clauses (of the given dependency labels)."""
        for clause in self.tree.children(trigger, *deps):
            for subject in self.tree.children(clause, "nsubj", "nsubjpass"):
                sides = self.actors.resolve(subject)
                if sides:
                    return sides
        return []

    def _relative_doer(self, noun: Token, *, depth: int) -> list[Side]:
        """The doer of a relative clause on the object, or on its "of" chain ("criticized aspects of the strategy
        Obama announced", "rejected the plan that Moscow put forward"): acting on someone's act acts on him."""
        for clause in self.tree.children(noun, "relcl"):
            for subject in self.tree.children(clause, "nsubj"):
                if subject.lemma.lower() in RELATIVE_PRONOUNS:
                    continue
                sides = self.actors.resolve(subject, agent=True)
                if sides:
                    return sides
        if depth > 1:
            for prep in self.tree.children(noun, "prep"):
                if prep.lemma.lower() == "of":
                    for obj in self.tree.children(prep, "pobj"):
                        sides = self._relative_doer(obj, depth=depth - 1)
                        if sides:
                            return sides
        return []

    def _elided(self, trigger: Token, obj: Token) -> list[Side]:
        """The object a coordinated verb's "others"/"more" stands for ("killed three soldiers and wounded six
        others": the others are soldiers too)."""
        head = self.tree.head(trigger)
        if trigger.dep != "conj" or head is None or obj.lemma.lower() not in ELLIPTIC_OBJECTS:
            return []
        for k in self.tree.children(head, "dobj", "nsubjpass"):
            sides = self.actors.resolve(k)
            if sides:
                return sides
        return []

    def _clause_partner(self, trigger: Token) -> list[Side]:
        """The first actor named after the verb inside its own clause (PETRARCH's verb-phrase target):
        objects, prepositional phrases and their modifiers, not adverbial or reported clauses."""
        skip = frozenset(
            k.i
            for k in self.tree.subtree(trigger)
            if k.i != trigger.i and k.dep in ("advcl", "ccomp", "parataxis", "relcl", "nsubj", "nsubjpass", "conj")
        )
        for k in sorted(self.tree.subtree(trigger, skip=skip), key=lambda t: t.i):
            if k.i > trigger.i and k.i in self.actors.by_token:
                head = k
                while self.actors.by_token.get(head.head) is self.actors.by_token[k.i] and head.head != head.i:
                    head = self.tree.tokens[head.head]
                sides = self.actors.resolve(head)
                if sides:
                    return sides
        return []

    def _phrase_partner(self, noun: Token, *, depth: int) -> list[Side]:
        """An actor named in the object's own prepositional chain ("restore ties with X",
        "welcomed the resumption of ties between X and Y"), nearest first."""
        for prep in self.tree.children(noun, "prep"):
            lemma = prep.lemma.lower()
            if lemma not in NOUN_TARGET_PREPS and lemma not in TARGET_PREPS:
                continue
            for obj in self.tree.children(prep, "pobj"):
                sides = [] if lemma == "of" else self.actors.resolve(obj)
                if not sides and depth > 1:
                    sides = self._phrase_partner(obj, depth=depth - 1)
                if sides:
                    return sides
        if depth > 1:
            # a participle on the object restates its relation ("lift the sanctions imposed on Iraq", "condemned
            # the attacks carried out against civilians"): its complement names the same party
            for clause in self.tree.children(noun, "acl"):
                if clause.tag == "VBN":
                    sides = self._phrase_partner(clause, depth=1)
                    if sides:
                        return sides
        return []

    def _by_agent(self, noun: Token) -> list[Side]:
        """The doer a nominal names in its own "by"-phrase ("the assassination by a member of the forces")."""
        for prep in self.tree.children(noun, "prep", "agent"):
            if prep.lemma.lower() == "by":
                for obj in self.tree.children(prep, "pobj"):
                    sides = self.actors.resolve(obj, agent=True)
                    if sides:
                        return sides
        return []

    def _noun_sources(self, trigger: Token, root: str) -> list[Side]:
        by = self._by_agent(trigger)
        if by:
            return by  # with a "by"-doer the possessor is the one acted on ("Karlov's assassination by X")
        for k in self.tree.children(trigger, "poss"):
            sides = self.actors.resolve(k)
            if sides:
                return sides
        for k in self.tree.subtree(trigger):
            if k.dep == "agent" or (k.dep == "prep" and k.lemma.lower() == "by" and k.head == trigger.i):
                head = self.tree.head(k)
                if k.dep == "agent" and head is not None and head.lemma.lower() not in AGENT_VERBS:
                    continue
                for obj in self.tree.children(k, "pobj"):
                    sides = self.actors.resolve(obj)
                    if sides:
                        return sides
        for k in self.tree.children(trigger, "compound", "amod", "nmod"):
            entity = self.actors.by_token.get(k.i)
            if entity is not None and (root != "04" or entity.type not in ("GPE", "LOC", "FAC")):
                return [self.actors.side(entity)]
        return self._inherited(trigger)

    def _inherited(self, trigger: Token) -> list[Side]:
        """The subject of the verb the noun belongs to ("he would convey this at the planned meetings")."""
        head = self.tree.head(trigger)
        if head is None:
            return []
        verb: Token | None = None
        if trigger.dep == "dobj" and head.lemma.lower() in LIGHT_VERBS | CONSIDERING_VERBS | PLANNING_VERBS:
            verb = head
        elif trigger.dep == "pobj" and head.lemma.lower() in INHERIT_PREPS:
            parent = self.tree.head(head)
            if parent is not None and parent.pos in ("VERB", "AUX"):
                verb = parent
        elif trigger.dep == "nsubj" and head.pos in ("VERB", "AUX"):
            for k in self.tree.children(head, "nsubj"):
                if k.i != trigger.i:
                    return self.actors.resolve(k)
        if verb is None or verb.lemma.lower() in ("be", "come", "follow", "have"):
            return []
        return self._verb_sources(verb)

    def _event_noun_targets(self, noun: Token, root: str) -> list[Side]:
        """Targets of an event noun that is the object of a light verb ("take part in a meeting with X")."""
        if kind_of(noun) != "noun" or match(self.tree, noun, self.lexicon) is None:
            return []
        return self._noun_targets(noun, root)

    def _noun_targets(self, trigger: Token, root: str) -> list[Side]:
        if self._by_agent(trigger):
            for k in self.tree.children(trigger, "poss"):
                sides = self.actors.resolve(k)
                if sides:
                    return sides
        preps = NOUN_TARGET_PREPS + (("in",) if root in LOCATIVE_ROOTS else ())
        for prep in self.tree.children(trigger, "prep"):
            if prep.lemma.lower() not in preps:
                continue
            for obj in self.tree.children(prep, "pobj"):
                sides = self.actors.resolve(obj)
                if sides:
                    return sides
        if root in CLAUSE_TARGET_ROOTS:
            return self._clause_subject(trigger, "acl", "ccomp")  # "his warning that Britain would ...": as a verb
        return []


def _controls(verb: Token, prep: Token) -> bool:
    """True when ``verb`` + ``prep`` is an object-control frame ("accuse ... of", "charge ... with")."""
    return verb.lemma.lower() in OBJECT_CONTROL_VERBS and prep.lemma.lower() in OBJECT_CONTROL_PREPS
