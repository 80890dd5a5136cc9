"""Find event triggers in the dependency parse and give each its sides, modality, date and place."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.coding.dating import Locator
from eventwire.coding.modality import CONSIDERING_VERBS, PLANNING_VERBS, modality
from eventwire.coding.patterns import Lexicon, Pattern, kind_of, match
from eventwire.coding.sides import ActorIndex, Side, same_actor
from eventwire.coding.tree import Tree
from eventwire.model import Modality, Quote, Token

REPORTING = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "announce",
        "declare",
        "note",
        "stress",
        "emphasize",
        "emphasise",
        "insist",
        "explain",
        "warn",
        "reiterate",
        "claim",
        "write",
        "report",
        "confirm",
        "comment",
        "remark",
        "underline",
    }
)
#: Roots coded from words (statements); they need a known source.
VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "09", "10", "11", "12", "13", "16"})
#: Roots whose trigger absorbs events in its complement ("urged X to withdraw" is one appeal).
ABSORBING_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "into", "over", "about", "for", "at", "from")
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "between", "for", "into", "of")
#: Roots whose "in X" names the other side (a visit in X, a deployment in X, an attack in X).
LOCATIVE_ROOTS = frozenset({"04", "15"})
#: Verbs whose object noun names the event their subject does ("held talks", "paid a visit").
LIGHT_VERBS = frozenset(
    {
        "hold",
        "launch",
        "conduct",
        "carry",
        "stage",
        "mount",
        "wage",
        "make",
        "pay",
        "begin",
        "start",
        "continue",
        "resume",
        "host",
        "attend",
        "organize",
        "organise",
        "plan",
        "convene",
        "join",
        "open",
        "file",
        "bring",
        "lodge",
        "issue",
        "put",
        "give",
        "set",
        "send",
        "announce",
        "order",
    }
)
#: Nouns for documents whose clauses speak for their author ("issued a statement calling on ...").
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "report",
        "letter",
        "resolution",
        "message",
        "communique",
        "declaration",
        "motion",
        "complaint",
        "lawsuit",
        "note",
        "decree",
        "order",
        "ruling",
        "bill",
    }
)
#: What a planned or promised act becomes: an expression of intent (03) or a threat (13), CAMEO-style.
INTENT = {
    "06": "031",
    "07": "033",
    "08": "035",
    "05": "032",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
    "16": "131",
}
#: What a cooperative act that is refused or fails becomes: a rejection (12).
REFUSAL = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
INHERIT_PREPS = frozenset({"at", "during", "in", "on", "for"})
AGENT_VERBS = frozenset(
    {
        "organize",
        "organise",
        "carry",
        "launch",
        "claim",
        "perpetrate",
        "stage",
        "conduct",
        "commit",
        "mount",
        "plan",
        "order",
    }
)
MODAL_DEMAND = Pattern(kind="verb", lemma="*", conditions=(), code="100", confidence=0.45, line=0)


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
    rule: str = ""

    @property
    def root(self) -> str:
        """The two-digit CAMEO root of the pattern's code."""
        return self.pattern.code[:2]


class Extractor:
    """Codes one article: triggers from the lexicon, then sides, modality, date and place for each."""

    def __init__(self, tree: Tree, actors: ActorIndex, locator: Locator, lexicon: Lexicon) -> None:
        self.tree = tree
        self.actors = actors
        self.locator = locator
        self.lexicon = lexicon

    def candidates(self) -> list[Candidate]:
        """All coded triggers of the article, with sides resolved; absorbed triggers left out."""
        found: dict[int, Candidate] = {}
        for tok in self.tree.tokens:
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
        for cand in kept:
            self._fill(cand)
        return kept

    # ----------------------------------------------------------------- triggers
    def _modal_demand(self, tok: Token) -> bool:
        """ "X must be brought to justice" inside someone's statement: a demand by the speaker."""
        if tok.pos != "VERB" or not any(
            k.dep == "aux" and k.text.lower() in ("must", "should") for k in self.tree.children(tok)
        ):
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
            if other is not None and other.root != "01" and other.pattern is not MODAL_DEMAND:
                if cand.nominal and not other.nominal and steps <= 3 and object_path:
                    return True  # "launched an attack", "held talks", "condemned the attack"
                if other.root in ABSORBING_ROOTS and not other.nominal:
                    return True  # "urged X to withdraw"
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
        cand.reported_by = self._reporter(tok) or []
        if cand.pattern is MODAL_DEMAND:
            cand.sources = self._speaker(cand)
            cand.targets = [s for s in self._subjects(tok) if s.actor is not None]
        elif cand.nominal:
            cand.sources = self._noun_sources(tok, cand.root)
            cand.targets = self._noun_targets(tok, cand.root)
        else:
            cand.sources = self._verb_sources(tok)
            cand.targets = self._verb_targets(tok, cand.root)
        if not cand.sources and not cand.nominal and (cand.quote is not None or cand.root == "01"):
            cand.sources = self._speaker(cand) if _first_person_or_none(self.tree, tok) else []
        cand.targets = [t for t in cand.targets if not any(same_actor(t, s) for s in cand.sources)]
        cand.modality = "asserted" if cand.pattern is MODAL_DEMAND else modality(self.tree, tok)
        recode = None
        if cand.modality == "planned" and cand.root in INTENT and not cand.nominal:
            recode = INTENT[cand.root], "intent"
        elif cand.modality == "negated" and cand.root in REFUSAL and not cand.nominal:
            recode = REFUSAL[cand.root], "refusal"
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
        place = self.locator.place(tok)
        cand.place = place.id if place is not None else None
        if not cand.targets and cand.root == "04" and place is not None and place.country:
            cand.targets = [
                s for s in self._place_side(place.country) if not any(same_actor(s, x) for x in cand.sources)
            ]

    def _place_side(self, alpha2: str) -> list[Side]:
        from eventwire.coding.sides import alpha3
        from eventwire.model import Actor

        code = alpha3(alpha2)
        return [Side(entity=None, name=code, actor=Actor(country=code))] if code else []

    def _speaker(self, cand: Candidate) -> list[Side]:
        if cand.quote is not None:
            speaker = self.actors.speaker(cand.quote)
            if speaker is not None:
                return [speaker]
        return list(cand.reported_by)

    def _reporter(self, tok: Token) -> list[Side] | None:
        """The subject of the reporting verb ("he said ...") whose complement holds the token."""
        current = tok
        for head in self.tree.ancestors(tok):
            if head.lemma.lower() in REPORTING and current.dep in ("ccomp", "parataxis", "xcomp", "advcl", "conj"):
                return self._subjects(head)
            current = head
        return None

    def _subjects(self, verb: Token) -> list[Side]:
        for k in self.tree.children(verb, "nsubj", "nsubjpass", "csubj"):
            sides = self.actors.resolve(k, agent=True)
            if sides:
                return sides
        return []

    def _verb_sources(self, trigger: Token) -> list[Side]:
        passive = self.tree.is_passive(trigger)
        if passive:
            for agent in self.tree.children(trigger, "agent"):
                for obj in self.tree.children(agent, "pobj"):
                    sides = self.actors.resolve(obj, agent=True)
                    if sides:
                        return sides
            return []
        current = trigger
        for _ in range(4):
            subjects = self.tree.children(current, "nsubj", "csubj")
            for k in subjects:
                if k.tag == "PRP" and k.text.lower() in ("he", "she", "it", "they"):
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
                current = head
            elif current.dep == "pcomp" and head.dep == "prep":
                parent = self.tree.head(head)
                if parent is None:
                    return []
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

    def _verb_targets(self, trigger: Token, root: str) -> list[Side]:
        if self.tree.is_passive(trigger):
            for k in self.tree.children(trigger, "nsubjpass"):
                return self.actors.resolve(k)
        for k in self.tree.children(trigger, "dobj", "dative", "attr", "oprd"):
            sides = self.actors.resolve(k) or self._event_noun_targets(k, root)
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
        return []

    def _noun_sources(self, trigger: Token, root: str) -> list[Side]:
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
        preps = NOUN_TARGET_PREPS + (("in",) if root in LOCATIVE_ROOTS else ())
        for prep in self.tree.children(trigger, "prep"):
            if prep.lemma.lower() not in preps:
                continue
            for obj in self.tree.children(prep, "pobj"):
                sides = self.actors.resolve(obj)
                if sides:
                    return sides
        return []


def _first_person_or_none(tree: Tree, tok: Token) -> bool:
    """True when the clause has no subject or a first-person one (then the speaker is the source)."""
    subjects = [k for k in tree.children(tok, "nsubj", "nsubjpass")]
    return not subjects or any(k.text.lower() in ("i", "we") for k in subjects)


def _future(tree: Tree, tok: Token) -> bool:
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
