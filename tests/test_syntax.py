"""The shared view of the parse (syntax.ParseTree), walked by token as the coder does."""

from __future__ import annotations

from eventwire.model import Token
from eventwire.stages.coding.patterns import holds, parse_lexicon
from eventwire.syntax import ParseTree


def tok(i: int, text: str, dep: str, head: int, pos: str = "NOUN", lemma: str | None = None) -> Token:
    return Token(
        i=i,
        start=i * 10,
        end=i * 10 + len(text),
        text=text,
        lemma=lemma or text.lower(),
        pos=pos,
        tag="",
        dep=dep,
        head=head,
        sent=0,
    )


# "Kosovo was attacked by Serbia and Albania"
TOKENS = (
    tok(0, "Kosovo", "nsubjpass", 2, "PROPN"),
    tok(1, "was", "auxpass", 2, "AUX", "be"),
    tok(2, "attacked", "ROOT", 2, "VERB", "attack"),
    tok(3, "by", "agent", 2, "ADP"),
    tok(4, "Serbia", "pobj", 3, "PROPN"),
    tok(5, "and", "cc", 4, "CCONJ"),
    tok(6, "Albania", "conj", 4, "PROPN"),
)


def test_children_subtree_ancestors_and_passive() -> None:
    tree = ParseTree(TOKENS)
    root = TOKENS[2]
    assert [k.text for k in tree.children(root)] == ["Kosovo", "was", "by"]
    assert [k.text for k in tree.children(root, "agent")] == ["by"]
    assert sorted(k.i for k in tree.subtree(root)) == list(range(7))
    assert sorted(k.i for k in tree.subtree(root, skip=frozenset({3}))) == [0, 1, 2]
    assert [h.i for h in tree.ancestors(TOKENS[6])] == [4, 3, 2]
    assert tree.is_passive(root) and not tree.is_passive(TOKENS[4])
    assert [k.text for k in tree.conjuncts(TOKENS[4])] == ["Serbia", "Albania"]
    assert tree.objects(root) == [TOKENS[0]]  # a passive verb's object is its subject


def test_a_condition_without_values_asks_for_any_such_dependent() -> None:
    tree = ParseTree(TOKENS)
    lexicon = parse_lexicon("kind\tlemma\tcondition\tcode\tconfidence\nverb\tattack\tobj;prep\t190\t0.5\n")
    ((name, values), (name2, values2)) = lexicon.candidates("verb", "attack")[0].conditions
    assert holds(tree, TOKENS[2], name, values) and holds(tree, TOKENS[2], name2, values2)
    assert not holds(tree, TOKENS[4], name, values)  # "Serbia" has no object
    assert not holds(tree, TOKENS[2], "prt", frozenset())
