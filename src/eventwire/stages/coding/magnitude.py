"""Magnitudes, as ACLED's fatalities and PLOVER's ``dead``, ``injured``, ``arrested`` and ``size`` fields: the
counts a sentence gives for the event they belong to ("killed 13 soldiers and wounded 56", "about 2,000
protesters", "at least 17 dead", "dozens were detained"), each a range or a lower bound with its span.

A count belongs to the word it quantifies: the object or passive subject of a killing, wounding or arrest
verb, the subject of "died", the number before "dead" or "injured", the group noun of a protest. Counts go to
the nearest event of the sentence whose CAMEO root fits the kind (dead and injured: 18, 19, 20 and 14, 17 when
they name them; arrested: 17; size: 14). They are never summed across events or reports.
"""

from __future__ import annotations

import re

from eventwire.model import Event, Magnitude, Span, Token
from eventwire.syntax import ParseTree

#: Lemmas that say what a count counts.
DEATH = frozenset({"kill", "die", "dead", "death", "fatality", "slay", "massacre", "execute", "behead"})
INJURY = frozenset({"wound", "injure", "hurt", "injury", "injured", "wounded"})
ARREST = frozenset({"arrest", "detain", "detention", "arrested", "detained", "jail", "imprison", "round"})
CROWD = frozenset({"protester", "protestor", "demonstrator", "marcher", "people", "supporter", "student", "worker"})
KIND_ROOTS = {
    "dead": frozenset({"14", "17", "18", "19", "20"}),
    "injured": frozenset({"14", "17", "18", "19", "20"}),
    "arrested": frozenset({"17"}),
    "size": frozenset({"14"}),
}
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
#: Vague plural quantities read as lower bounds ("dozens" is at least 24).
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens": 20}
_LOWER = ("at least", "more than", "over", "upwards of", "no fewer than", "in excess of")
_ABOUT = ("about", "around", "nearly", "almost", "some", "roughly", "approximately", "up to", "as many as")
_SCALE = {"thousand": 1000, "million": 1_000_000, "hundred": 100}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def number(tok: Token, tree: ParseTree) -> tuple[int, int | None, str] | None:
    """(low, high, how) of a count token: exact, a lower bound (high None) or approximate; None if not a count."""
    text = tok.text.lower()
    value: int | None = None
    if _DIGITS.match(text):
        value = int(text.replace(",", ""))
    elif text in _WORDS:
        value = _WORDS[text]
    elif text in _VAGUE:
        return _VAGUE[text], None, "lower bound"
    if value is None or (tok.tag != "CD" and text not in _WORDS):
        return None
    for kid in tree.children(tok):
        scale = _SCALE.get(kid.text.lower())
        if scale is not None and kid.i > tok.i:
            value *= scale
    head = tree.head(tok)
    if head is not None and head.tag == "CD" and head.text.lower() in _SCALE:
        value *= _SCALE[head.text.lower()]
    before = " ".join(t.text.lower() for t in tree.tokens[max(0, tok.i - 3) : tok.i])
    if any(before.endswith(q) for q in _LOWER):
        return value, None, "lower bound"
    if any(before.endswith(q) for q in _ABOUT):
        return value, value, "approximate"
    return value, value, "exact"


def _count_of(noun: Token, tree: ParseTree) -> Token | None:
    """The number quantifying a noun ("13 soldiers", "dozens of people", "2,000 protesters")."""
    for kid in tree.children(noun):
        if kid.dep in ("nummod", "quantmod") or kid.tag == "CD":
            return kid
    if noun.text.lower() in _VAGUE or noun.tag == "CD":
        return noun
    head = tree.head(noun)
    if noun.dep == "pobj" and head is not None and head.lemma.lower() == "of":
        above = tree.head(head)
        if above is not None and above.text.lower() in _VAGUE:
            return above
    return None


def _kind(lemma: str) -> str | None:
    if lemma in DEATH:
        return "dead"
    if lemma in INJURY:
        return "injured"
    if lemma in ARREST:
        return "arrested"
    return None


def counts(tree: ParseTree, sentence: list[Token]) -> list[tuple[str, Token, Magnitude]]:
    """Every (kind, anchor word, magnitude) a sentence states."""
    out: list[tuple[str, Token, Magnitude]] = []
    seen: set[int] = set()
    # casualties and arrests first: "17 people were killed" counts the dead, not a crowd
    ordered = sorted(sentence, key=lambda t: (t.lemma.lower() in CROWD, t.i))
    for tok in ordered:
        lemma = tok.lemma.lower()
        kind = _kind(lemma) or _kind(tok.text.lower())
        targets: list[Token] = []
        if kind is not None and tok.pos == "VERB":
            deps = ("nsubj",) if lemma == "die" else ("dobj", "nsubjpass", "obj")
            targets = [k for k in tree.children(tok) if k.dep in deps]
        elif kind is not None and tok.pos in ("ADJ", "NOUN"):
            targets = [tok]  # "17 dead", "56 injured"
            head = tree.head(tok)
            if head is not None and head.pos == "NOUN" and tok.dep == "amod":
                targets.append(head)  # "13 dead soldiers"
        elif tok.lemma.lower() in CROWD and tok.pos == "NOUN":
            kind, targets = "size", [tok]
        if kind is None:
            continue
        for target in targets:
            count = _count_of(target, tree)
            if count is None or count.i in seen:
                continue
            read = number(count, tree)
            if read is None:
                continue
            seen.add(count.i)
            low, high, how = read
            span = Span(start=min(count.start, target.start), end=max(count.end, target.end), text="")
            out.append((kind, tok, Magnitude(kind=kind, low=low, high=high, how=how, span=span)))
    return out


def attach(events: list[Event], tree: ParseTree, text: str) -> list[tuple[Event, tuple[Magnitude, ...]]]:
    """Each event with the magnitudes its sentence states for it (the nearest fitting event takes a count)."""
    found: dict[str, list[Magnitude]] = {e.id: [] for e in events}
    by_sentence: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        by_sentence.setdefault((event.sentence.start, event.sentence.end), []).append(event)
    for (start, end), group in by_sentence.items():
        tokens = [t for t in tree.tokens if t.start >= start and t.end <= end]
        for kind, anchor, magnitude in counts(tree, tokens):
            fitting = [e for e in group if e.root in KIND_ROOTS[kind]]
            if not fitting:
                continue
            nearest = min(fitting, key=lambda e: abs(e.trigger.start - anchor.start))
            span = Span.of(text, magnitude.span.start, magnitude.span.end)
            if all(m.span != span for m in found[nearest.id]):
                found[nearest.id].append(
                    Magnitude(kind=magnitude.kind, low=magnitude.low, high=magnitude.high, how=magnitude.how, span=span)
                )
    return [(e, tuple(found[e.id])) for e in events]
