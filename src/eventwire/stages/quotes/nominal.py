"""Nominal cues: a noun that reports what someone said or thinks.

* with a clause: ``the claim that Obama founded ISIS``, ``his warning that the deal would fail``;
* with a prepositional object: ``criticism of the developer``, ``concern about the plan``, ``a call for a ban``.

The speaker is the noun's possessor (``his call for ...``), the agent after ``from`` or ``by``
(``criticism from rivals``), or the subject of the verb that takes the noun (``she voiced concern ...``) unless
that subject is rather its target (``he faced criticism ...``).
"""

from __future__ import annotations

from eventwire.syntax import ParseTree

#: Nouns whose ``that`` clause is reported content.
CLAUSE_NOUNS = frozenset(
    """
    claim charge allegation assertion argument belief view notion promise pledge vow suggestion warning fear hope
    concern assurance statement insistence accusation rumor rumour speculation conclusion finding theory message
    announcement admission acknowledgment acknowledgement contention prediction threat complaint insinuation
    """.split()
)

#: Nouns with the prepositions that introduce their content.
PREPOSITION_NOUNS: dict[str, frozenset[str]] = {
    "criticism": frozenset({"of"}),
    "concern": frozenset({"about", "over"}),
    "concerns": frozenset({"about", "over"}),
    "doubt": frozenset({"about"}),
    "opposition": frozenset({"to"}),
    "call": frozenset({"for"}),
    "request": frozenset({"for"}),
    "demand": frozenset({"for"}),
    "complaint": frozenset({"about"}),
    "warning": frozenset({"about", "of", "against"}),
    "praise": frozenset({"for", "of"}),
    "support": frozenset({"for"}),
    "attack": frozenset({"on"}),
    "question": frozenset({"about"}),
}

#: Verbs whose subject is the target of the cue noun they take, not its speaker: "he faced criticism ...".
RECEIVING_VERBS = frozenset(
    """face receive draw attract get earn win deserve weather endure invite spark provoke prompt trigger ignore
    dismiss reject deny answer address fuel escape shrug brush rebuff deflect""".split()
)

_AGENT = frozenset({"from", "by"})


def nominal_frame(tree: ParseTree, i: int) -> tuple[int, int, int | None, int] | None:
    """(first, last, speaker, last cue token) of the content reported by noun ``i``, or None."""
    tok = tree.tokens[i]
    if tok.pos != "NOUN":
        return None
    lemma = tok.lemma.lower()
    content: tuple[int, int] | None = None
    cue_last = i
    if lemma in CLAUSE_NOUNS:
        for c in tree.child_ids(i, "acl", "ccomp"):
            marks = tree.child_ids(c, "mark")
            if c > i and marks and tree.tokens[marks[0]].text.lower() == "that" and marks[0] == tree.left[c]:
                content = (tree.left[c], tree.right[c])
                break
    if content is None and lemma in PREPOSITION_NOUNS:
        for prep in tree.child_ids(i, "prep"):
            if prep > i and tree.tokens[prep].text.lower() in PREPOSITION_NOUNS[lemma]:
                objects = tree.child_ids(prep, "pobj", "pcomp")
                if objects:
                    content, cue_last = (tree.left[objects[0]], tree.right[objects[0]]), prep
                    break
    if content is None:
        return None
    return content[0], content[1], _speaker(tree, i), cue_last


def _speaker(tree: ParseTree, i: int) -> int | None:
    owners = tree.child_ids(i, "poss")
    if owners:
        return owners[0]
    for prep in tree.child_ids(i, "prep"):
        if tree.tokens[prep].text.lower() in _AGENT:
            agents = tree.child_ids(prep, "pobj")
            if agents:
                return agents[0]
    # the verb that takes the noun, directly or through a preposition ("with criticism of", "in support of")
    tok = tree.tokens[i]
    verb = tok.head
    if tok.dep == "pobj" and tree.tokens[verb].dep == "prep":
        verb = tree.tokens[verb].head
    elif tok.dep != "dobj":
        return None
    head = tree.tokens[verb]
    if head.pos != "VERB" or head.lemma.lower() in RECEIVING_VERBS:
        return None
    return tree.subject(verb)
