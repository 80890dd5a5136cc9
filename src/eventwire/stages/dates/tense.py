"""The tense around a time expression, read from the parse: past, future, present or unknown ("").

Only the verb the expression hangs on counts (walking up the dependency heads), with its auxiliaries;
a few words just before the expression ("by", "until", "payable", "effective", "since") override it.
Reported speech makes the sentence's first verb a poor guide, so it is not used.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.model import Token

_FUTURE_AUX = frozenset(
    {"will", "would", "shall", "'ll", "wo", "gon", "should", "must", "could", "might", "can", "may"}
)
_STRONG_FUTURE_CUES = frozenset({"effective", "payable", "due", "expire", "expires", "scheduled", "slated", "planned",
                                 "upcoming", "deadline", "next", "record", "starting", "beginning"})  # fmt: skip
_WEAK_FUTURE_CUES = frozenset({"by", "until", "till", "through"})
_PAST_CUES = frozenset({"since", "ended", "last", "earlier", "ago"})
#: Verbs whose object happens at the time named: a past "planned ... Saturday" is still about the coming one.
_PLANNING = frozenset({"plan", "schedule", "slate"})
#: "as previously planned Saturday": the plan, not the day, is what lies ahead.
_EARLIER = frozenset({"previously", "originally", "initially", "had"})
#: Verbs that move a deadline: "extended the offer until Nov. 9", "postponed until Tuesday" point ahead in any tense.
_DEADLINE_VERBS = frozenset({"extend", "postpone", "delay", "defer", "adjourn", "give", "push", "move", "suspend"})
_INTENT = frozenset(
    {"plan", "expect", "schedule", "intend", "aim", "hope", "want", "agree", "decide", "prepare", "go", "set", "vow",
     "promise", "seek", "threaten", "propose", "need", "try", "slate", "due", "likely", "ready", "able", "continue",
     "wish", "pledge", "order", "ask", "urge"}
)  # fmt: skip


def tense_of(tokens: Sequence[Token], inside: Sequence[Token]) -> str:
    """The tense governing the expression whose tokens are ``inside``; ``tokens`` is the whole parse."""
    if not inside or not tokens:
        return ""
    first = inside[0]
    verb = _governing_verb(tokens, first)
    clause = _verb_tense(tokens, verb) if verb is not None else ""
    if (
        clause == "past"
        and verb is not None
        and verb.lemma in _PLANNING
        and first.i > verb.i
        and not _had(tokens, verb)
    ):
        clause = "present"  # "planned a rally on Saturday", "has scheduled a news conference Thursday": the nearest
    tense = "" if _on_noun(tokens, inside) else clause
    for back in range(1, 3):
        i = first.i - back
        if i < 0 or tokens[i].sent != first.sent:
            break
        word = tokens[i].text.lower()
        if word in _STRONG_FUTURE_CUES:
            earlier = tokens[i - 1].text.lower() if i > 0 else ""
            return "past" if earlier in _EARLIER or (verb is not None and _plan_over(tokens, verb)) else "future"
        if word in _WEAK_FUTURE_CUES and (clause != "past" or (verb is not None and verb.lemma in _DEADLINE_VERBS)):
            return "future"
        if word in _PAST_CUES:
            return "past"
        if tokens[i].pos not in ("ADP", "DET", "PUNCT", "ADV", "NUM", "PROPN"):
            break
    return tense


def _had(tokens: Sequence[Token], verb: Token) -> bool:
    """True for a pluperfect verb ("had planned"): its plan was made before the story's past."""
    return any(c.lemma == "have" and c.tag == "VBD" for c in _children(tokens, verb))


def _on_noun(tokens: Sequence[Token], inside: Sequence[Token]) -> bool:
    """True when the expression qualifies a noun ("the September 24 attack", "the violence in May")."""
    ids = {t.i for t in inside}
    root = next((t for t in inside if t.head not in ids), inside[0])
    head = tokens[root.head] if 0 <= root.head < len(tokens) else root
    if head.pos == "ADP" and 0 <= head.head < len(tokens):
        head = tokens[head.head]
    return head.i not in ids and head.pos in ("NOUN", "PROPN")


def _governing_verb(tokens: Sequence[Token], token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head == current.i or not 0 <= current.head < len(tokens):
            return current if current.pos in ("VERB", "AUX") else None
        current = tokens[current.head]
    return None


def _children(tokens: Sequence[Token], head: Token) -> list[Token]:
    lo = max(0, head.i - 10)
    hi = min(len(tokens), head.i + 10)
    return [t for t in tokens[lo:hi] if t.head == head.i and t.i != head.i]


def _plan_over(tokens: Sequence[Token], verb: Token) -> bool:
    """True for a pluperfect plan: "had been scheduled to expire Friday", "had planned to vote Monday"."""
    chain = [verb]
    for _ in range(2):  # "expire" <- "due" <- "been": the plan's own verb is at most two heads up
        head = chain[-1].head
        chain.append(tokens[head] if 0 <= head < len(tokens) else chain[-1])
    return any(c.lemma == "have" and c.tag == "VBD" for t in chain for c in _children(tokens, t))


def _verb_tense(tokens: Sequence[Token], verb: Token) -> str:
    auxes = [c for c in _children(tokens, verb) if c.dep in ("aux", "auxpass")]
    words = {a.text.lower() for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if "to" in words and verb.tag == "VB":
        head = tokens[verb.head] if 0 <= verb.head < len(tokens) else verb
        if _plan_over(tokens, verb):
            return "past"
        if head.lemma in _INTENT or head.i == verb.i or (head.lemma in ("be", "about") and 0 < verb.i - head.i <= 2):
            return "future"  # "plans to meet Monday", "is to resume trading Tuesday"
        return ""
    if any(a.tag == "VBD" for a in auxes) or verb.tag == "VBD":
        return "past"
    if verb.tag == "VBN" and any(a.lemma == "have" for a in auxes):
        return "past"
    if verb.tag == "VBG" and "been" in words:
        return "past"
    if verb.tag == "VBG" and any(a.tag in ("VBZ", "VBP") for a in auxes):
        return "future"
    if verb.tag in ("VBZ", "VBP") and verb.lemma in _INTENT:
        return "future"
    if verb.tag in ("VBZ", "VBP") or any(a.tag in ("VBZ", "VBP") for a in auxes):
        return "present"
    return ""
