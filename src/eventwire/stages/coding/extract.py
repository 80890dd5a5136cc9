"""Find event triggers in the dependency parse and give each its sides, modality, date and place."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.model import Modality, Quote, Token
from eventwire.stages.coding.dating import Locator
from eventwire.stages.coding.finder import SideFinder
from eventwire.stages.coding.modality import modality_cue
from eventwire.stages.coding.patterns import Lexicon, Pattern, kind_of, match
from eventwire.stages.coding.sides import ActorIndex, Side, same_actor
from eventwire.stages.coding.user_verbs import UserMatch, UserVerbs
from eventwire.stages.coding.vocab import (
    ABSORBING_ROOTS,
    INTENT,
    INTENT_BY_CODE,
    PLACE_TARGET_ROOTS,
    REFUSAL,
    REFUSAL_BY_CODE,
    STATE_ACT_ROOTS,
    TEMPORAL_MARKS,
    TEMPORAL_PREPS,
    VERBAL_ROOTS,
    counterpart,
)
from eventwire.syntax import REPORTING_VERBS, ParseTree

__all__ = ["VERBAL_ROOTS", "Candidate", "Extractor"]

#: Participles English uses as conjunctions or prepositions (a grammar fact: "provided (that)", "given").
PARTICIPLE_CONJUNCTIONS = frozenset({"provided", "providing", "given", "granted"})
MODAL_DEMAND = Pattern(kind="verb", lemma="*", conditions=(), code="100", confidence=0.45, line=0)
#: Base confidence of an event coded by a user verbs dictionary (a lexicon row carries its own).
USER_CONFIDENCE = 0.5


@dataclass(slots=True)
class Candidate:
    """One trigger with everything found for it, before merging into events."""

    pattern: Pattern
    trigger: Token
    sentence: int
    nominal: bool
    sources: list[Side] = field(default_factory=list)
    targets: list[Side] = field(default_factory=list)
    modality: Modality = "asserted"
    date: str | None = None
    place: str | None = None
    quote: Quote | None = None
    reported_by: list[Side] = field(default_factory=list)
    #: who denies the event ("the rebels deny they are negotiating")
    denied_by: list[Side] = field(default_factory=list)
    #: the word that signals the modality
    modality_cue: Token | None = None
    rule: str = ""
    user: UserMatch | None = None
    reciprocal: bool = False
    #: the trigger sits in a background time clause ("after rebels seized power")
    background: bool = False

    @property
    def root(self) -> str:
        """The two-digit CAMEO root of the pattern's code."""
        return self.pattern.code[:2]


class Extractor(SideFinder):
    """Codes one article: triggers from the lexicon, then sides, modality, date and place for each."""

    def __init__(
        self, tree: ParseTree, actors: ActorIndex, locator: Locator, lexicon: Lexicon, user: UserVerbs | None = None
    ) -> None:
        super().__init__(tree, actors, lexicon)
        self.locator = locator
        self.user = user
        #: verbs with a "must" or "should" auxiliary (the only ones that can be modal demands)
        self._obliged = frozenset(
            t.head for t in tree.tokens if t.dep == "aux" and t.text.lower() in ("must", "should")
        )

    def candidates(self) -> list[Candidate]:
        """All coded triggers of the article, with sides resolved; absorbed triggers left out.

        Verbs the user's verb dictionaries list are coded by them; our lexicon codes the rest.
        """
        found: dict[int, Candidate] = {}
        for tok in self.tree.tokens:
            if self._conjunction(tok):
                continue
            if self.user is not None and kind_of(tok) == "verb":
                verdict = self.user.match(tok)
                if verdict is not None:
                    if verdict.code.event is not None:
                        found[tok.i] = _user_candidate(tok, verdict, verdict.code.event)
                    continue
            pattern = match(self.tree, tok, self.lexicon)
            if pattern is not None:
                found[tok.i] = Candidate(
                    pattern=pattern, trigger=tok, sentence=tok.sent, nominal=kind_of(tok) == "noun", rule=pattern.rule
                )
            elif self._modal_demand(tok):
                found[tok.i] = Candidate(
                    pattern=MODAL_DEMAND, trigger=tok, sentence=tok.sent, nominal=False, rule="modal-demand"
                )
        kept = [c for c in found.values() if not self._absorbed(c, found)]
        kept = [c for c in kept if not (_carrier(c) and self._reports_event(c, kept))]
        for cand in kept:
            self._fill(cand)
            cand.background = self._background(cand.trigger)
        return kept + [r for c in kept if (r := _reverse(c)) is not None]

    # ----------------------------------------------------------------- triggers
    def _conjunction(self, tok: Token) -> bool:
        """True for a participle used as a conjunction or preposition ("withdraw provided its border is
        secured", "given the risks", "granted that"): with no subject, auxiliary or object of its own it names
        a condition, not an act."""
        if tok.text.lower() not in PARTICIPLE_CONJUNCTIONS or tok.dep in ("acl", "relcl", "amod"):
            return False
        own = {"nsubj", "nsubjpass", "aux", "auxpass", "agent", "dobj", "dative", "obj"}
        return not any(k.dep in own for k in self.tree.children(tok))

    def _background(self, tok: Token) -> bool:
        """True when the token belongs to a subordinate time clause or phrase of its sentence."""
        current = tok
        for head in self.tree.ancestors(tok):
            if current.dep == "advcl" and any(
                k.dep == "mark" and k.lemma.lower() in TEMPORAL_MARKS for k in self.tree.children(current)
            ):
                return True
            if current.dep in ("pobj", "pcomp") and head.dep == "prep" and head.lemma.lower() in TEMPORAL_PREPS:
                return True
            if current.dep in ("ccomp", "parataxis") and head.lemma.lower() in REPORTING_VERBS:
                return False  # the reported clause is the main clause of its report
            current = head
        return False

    def _reports_event(self, cand: Candidate, kept: list[Candidate]) -> bool:
        """True when a coded trigger sits in the complement of the reporting verb ``cand``."""
        for other in kept:
            if other is cand or other.sentence != cand.sentence:
                continue
            current = other.trigger
            for head in self.tree.ancestors(other.trigger):
                if head.i == cand.trigger.i:
                    if current.dep in ("ccomp", "parataxis", "conj", "xcomp", "advcl"):
                        return True
                    break
                current = head
        return False

    def _modal_demand(self, tok: Token) -> bool:
        """ "X must be brought to justice" inside someone's statement: a demand by the speaker."""
        if tok.pos != "VERB" or tok.i not in self._obliged:
            return False
        return self.actors.quote_at(tok) is not None or self._reporter(tok) is not None

    def _absorbed(self, cand: Candidate, found: dict[int, Candidate]) -> bool:
        tok = cand.trigger
        object_path = True
        current = tok
        for steps, head in enumerate(self.tree.ancestors(tok), 1):
            object_path = object_path and current.dep in ("dobj", "pobj", "prep", "attr", "conj", "compound")
            current = head
            other = found.get(head.i)
            if other is not None and _carrier(other):
                other = None  # a user-coded "said" reports the event below it; it does not absorb it
            if other is not None and other.root != "01" and other.pattern is not MODAL_DEMAND:
                if cand.nominal and not other.nominal and steps <= 3 and object_path:
                    return True  # "launched an attack", "held talks", "condemned the attack"
                if other.root in ABSORBING_ROOTS and not other.nominal and not (steps == 1 and tok.dep == "conj"):
                    return True  # "urged X to withdraw" (but "condemned X and promised aid" are two events)
                if (
                    steps == 1
                    and not cand.nominal
                    and tok.dep in ("advcl", "xcomp")
                    and any(k.dep == "aux" and k.text.lower() == "to" for k in self.tree.children(tok))
                ):
                    return True  # "provided 6 million euros to support projects"
            if (
                other is not None
                and not cand.nominal
                and tok.dep in ("relcl", "acl")
                and other.root != "01"
                and steps <= 4
            ):
                return True  # "suspended aid over the use of vehicles donated by Washington"
            if other is not None and other.root == "01" and other.pattern.code != "010" and cand.nominal:
                return True  # "claimed responsibility for the attack"
            if head.pos in ("VERB", "AUX") and head.dep in ("ROOT", "ccomp", "parataxis") and steps > 3:
                break
        return False

    # ----------------------------------------------------------------- sides
    def _fill(self, cand: Candidate) -> None:
        tok = cand.trigger
        cand.quote = self.actors.quote_at(tok)
        cand.reported_by = self._reporter(tok) or self._alleger(tok) or []
        cand.denied_by = self._denier(tok)
        if cand.pattern is MODAL_DEMAND:
            cand.sources = self._speaker(cand)
            cand.targets = [s for s in self._subjects(tok) if s.actor is not None]
        elif cand.user is not None and cand.user.compound and not cand.user.compound_after:
            cand.sources = list(cand.user.compound)  # "X and Y have met": events between them
            cand.targets = list(cand.user.compound)
            cand.reciprocal = True
        elif cand.nominal:
            cand.sources = self._noun_sources(tok, cand.root)
            cand.targets = self._noun_targets(tok, cand.root)
        else:
            cand.sources = self._verb_sources(tok)
            cand.targets = self._verb_targets(tok, cand.root)
        if cand.user is not None and not cand.reciprocal:
            cand.sources = cand.user.sources or cand.sources
            after = cand.user.compound if cand.user.compound_after else []
            cand.targets = cand.user.targets or after or cand.targets or self._clause_partner(tok)
        if not cand.sources and not cand.nominal and (cand.quote is not None or cand.root == "01"):
            cand.sources = self._speaker(cand) if _first_person_or_none(self.tree, tok) else []
        if not cand.reciprocal:
            cand.targets = [
                t for t in cand.targets if not any(same_actor(t, s, people_apart=True) for s in cand.sources)
            ]
        if cand.pattern is MODAL_DEMAND:
            cand.modality, cand.modality_cue = "asserted", None
        else:
            cand.modality, cand.modality_cue = modality_cue(self.tree, tok)
        recode = None
        if cand.user is not None:
            pass  # the user's dictionary has its own numbering and says itself what planned acts are
        elif cand.modality == "planned" and cand.root in INTENT and not cand.nominal:
            recode = counterpart(cand.pattern.code, INTENT_BY_CODE, INTENT), "intent"
        elif cand.modality == "negated" and cand.root in REFUSAL and not cand.nominal:
            recode = counterpart(cand.pattern.code, REFUSAL_BY_CODE, REFUSAL), "refusal"
        if recode is not None:
            code, why = recode
            cand.pattern = Pattern(
                kind=cand.pattern.kind,
                lemma=cand.pattern.lemma,
                conditions=cand.pattern.conditions,
                code=code,
                confidence=cand.pattern.confidence,
                line=cand.pattern.line,
            )
            cand.rule = f"{cand.rule}>{why}"
        past = cand.modality in ("asserted", "negated") and not _future(self.tree, tok)
        cand.date = self.locator.date(tok, nominal=cand.nominal, past=past)
        if recode is not None and recode[1] == "intent":
            cand.modality = "asserted"  # the expression of intent is what happened; its cue says what is planned
        place = self.locator.place(tok)
        cand.place = place.id if place is not None else None
        if place is not None and place.country and not cand.reciprocal:
            if not cand.targets and cand.root in PLACE_TARGET_ROOTS and (cand.sources or cand.root == "04"):
                # "visited Kenya", "rebels attacked a bus in Kayseri": the country of the place is the one acted
                # on (with nobody named doing it, "violence in Kosovo" stays without sides)
                cand.targets = [
                    s
                    for s in self._place_side(place.country, "place:country")
                    if not any(same_actor(s, x) for x in cand.sources)
                ]
            if not cand.sources and cand.root in STATE_ACT_ROOTS and not cand.nominal and self.tree.is_passive(tok):
                # "was detained in Turkey": an arrest with no agent is the act of the state where it happens
                cand.sources = [
                    s
                    for s in self._place_side(place.country, "place:authorities")
                    if not any(same_actor(s, x) for x in cand.targets)
                ]

    def _place_side(self, alpha2: str, rule: str) -> list[Side]:
        from eventwire.model import Actor
        from eventwire.stages.coding.agents import alpha3

        code = alpha3(alpha2)
        return [Side(entity=None, name=code, actor=Actor(country=code, cameo=code), rule=rule)] if code else []

    def _speaker(self, cand: Candidate) -> list[Side]:
        if cand.quote is not None:
            speaker = self.actors.speaker(cand.quote)
            if speaker is not None:
                return [speaker]
        return list(cand.reported_by)


def _first_person_or_none(tree: ParseTree, tok: Token) -> bool:
    """True when the clause has no subject or a first-person one (then the speaker is the source)."""
    subjects = [k for k in tree.children(tok, "nsubj", "nsubjpass")]
    return not subjects or any(k.text.lower() in ("i", "we") for k in subjects)


def _future(tree: ParseTree, tok: Token) -> bool:
    """True when the trigger is in a present or future tense verb form (not "attacked", "has accused")."""
    if tok.tag in ("VBD", "VBN"):
        return False
    return (
        tok.pos == "VERB"
        and tok.tag in ("VB", "VBP", "VBZ", "VBG")
        and not any(
            k.dep == "aux" and k.tag in ("VBD", "VBZ", "VBP") and k.lemma.lower() in ("have", "be")
            for k in tree.children(tok)
        )
    )


def _user_candidate(tok: Token, verdict: UserMatch, code: str) -> Candidate:
    pattern = Pattern(
        kind="verb", lemma=tok.lemma.lower(), conditions=(), code=code, confidence=USER_CONFIDENCE, line=0
    )
    return Candidate(
        pattern=pattern, trigger=tok, sentence=tok.sent, nominal=False, rule=f"user:{verdict.rule}", user=verdict
    )


def _reverse(cand: Candidate) -> Candidate | None:
    """The reverse event of an ``[a:b]`` user code (target to source), when both sides are known."""
    if cand.user is None or cand.user.code.reverse is None or cand.reciprocal:
        return None
    if not cand.sources or not cand.targets:
        return None
    back = _user_candidate(cand.trigger, cand.user, cand.user.code.reverse)
    back.sources, back.targets = list(cand.targets), list(cand.sources)
    back.modality, back.date, back.place, back.quote = cand.modality, cand.date, cand.place, cand.quote
    back.reported_by, back.denied_by = list(cand.reported_by), list(cand.denied_by)
    back.modality_cue = cand.modality_cue
    back.rule = f"{cand.rule}>reverse"
    return back


def _carrier(cand: Candidate) -> bool:
    """A reporting verb coded by a user dictionary ("said" [023]): it carries the events it reports."""
    return cand.user is not None and cand.trigger.lemma.lower() in REPORTING_VERBS
