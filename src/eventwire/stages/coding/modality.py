"""Modality of an event: asserted, planned, considered, demanded, hypothetical or negated."""

from __future__ import annotations

from eventwire.model import Modality, Token
from eventwire.syntax import ParseTree

PLANNED_MODIFIERS = frozenset({"planned", "upcoming", "scheduled", "forthcoming", "proposed", "expected", "future"})
PLANNING_VERBS = frozenset(
    {
        "plan",
        "schedule",
        "intend",
        "expect",
        "prepare",
        "set",
        "aim",
        "due",
        "want",
        "wish",
        "hope",
        "seek",
        "try",
        "willing",
        "ready",
        "prepared",
        "determined",
        "agree",
        "promise",
        "pledge",
        "vow",
        "offer",
        "decide",
        "threaten",
    }
)
CONSIDERING_VERBS = frozenset({"consider", "contemplate", "mull", "weigh", "explore", "study", "debate"})
DEMANDING_VERBS = frozenset({"demand", "urge", "call", "ask", "request", "insist", "order", "press", "appeal"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
_CLAUSE_STOP = frozenset({"ROOT", "ccomp", "parataxis"})


def modality(tree: ParseTree, trigger: Token) -> Modality:
    """The modality of the event triggered by ``trigger``, from its own modifiers and the clause around it."""
    return modality_cue(tree, trigger)[0]


def modality_cue(tree: ParseTree, trigger: Token) -> tuple[Modality, Token | None]:
    """The modality and the word that signals it (None for a plain assertion)."""
    for k in tree.children(trigger):
        if k.dep == "neg" or (k.dep == "det" and k.text.lower() == "no"):
            return "negated", k
    own = _local(tree, trigger)
    if own is not None:
        return own
    # climb from a noun or an embedded verb to the verb that governs it, within the clause
    current = trigger
    for _ in range(4):
        head = tree.head(current)
        if head is None:
            break
        lemma = head.lemma.lower()
        if lemma in ("fail", "refuse", "decline") and current.dep == "xcomp":
            return "negated", head
        if current.dep in ("dobj", "xcomp", "pobj", "prep", "ccomp", "advcl", "acomp") or trigger.pos == "NOUN":
            if lemma in CONSIDERING_VERBS:
                return "considered", head
            if lemma in PLANNING_VERBS and (current.dep == "xcomp" or head.tag == "VBN" or lemma != "hope"):
                return "planned", head
            if lemma in DEMANDING_VERBS and current.dep in ("xcomp", "ccomp", "dobj"):
                return "demanded", head
        negation = next((k for k in tree.children(head) if k.dep == "neg"), None)
        if negation is not None and current.dep not in ("ccomp", "advcl", "relcl"):
            return "negated", negation
        found = _local(tree, head) if head.pos in ("VERB", "AUX") and current.dep != "ccomp" else None
        if found is not None:
            return found
        if head.dep in _CLAUSE_STOP or current.dep in ("ccomp", "relcl", "advcl"):
            break
        current = head
    return "asserted", None


def _local(tree: ParseTree, tok: Token) -> tuple[Modality, Token] | None:
    """Markers attached to the token itself: auxiliaries, planning adjectives, conditional clauses."""
    for k in tree.children(tok):
        text = k.text.lower()
        if k.dep in ("amod", "compound") and text in PLANNED_MODIFIERS:
            return "planned", k
        if k.dep == "aux" and text in FUTURE_AUX:
            return "planned", k
        if k.dep == "aux" and text in HYPOTHETICAL_AUX:
            return "hypothetical", k
        if k.dep == "aux" and text in ("must", "should"):
            return "demanded", k
        if k.dep == "mark" and text in ("if", "unless", "whether"):
            return "hypothetical", k
        if (
            k.dep == "aux"
            and k.lemma.lower() == "be"
            and any(c.dep == "xcomp" and c.i == tok.i for c in tree.children(k))
        ):
            return "planned", k
    if tok.dep == "xcomp":
        head = tree.head(tok)
        if (
            head is not None
            and head.lemma.lower() == "go"
            and any(k.dep == "aux" and k.lemma.lower() == "be" for k in tree.children(head))
        ):
            return "planned", head
    return None
