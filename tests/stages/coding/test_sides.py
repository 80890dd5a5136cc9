"""Event sides: the coder takes the members of a list entity from the actors stage's output."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Analysis, Entity
from eventwire.stages.actors.members import split_lists
from eventwire.stages.coding.sides import ActorIndex
from eventwire.syntax import ParseTree


def test_each_list_member_is_its_own_side(
    list_analysis: Analysis, actor_of: Callable[[Analysis, int, int], Entity | None]
) -> None:
    analysis = list_analysis.add(entities=split_lists(list_analysis, actor_of))
    assert analysis.parse is not None
    tree = ParseTree(analysis.parse.tokens)
    index = ActorIndex(analysis, tree)
    found = {t.text: (e.name if (e := index.by_token.get(t.i)) else None) for t in tree.tokens}
    assert [found[w] for w in ("Arnor", ",", "Rhun", "and", "Gondor")] == ["Arnor", None, "Rhun", None, "Gondor"]
    arnor = next(t for t in tree.tokens if t.text == "Arnor")  # the list's head: itself and its conjuncts
    assert [s.actor.country for s in index.resolve(arnor) if s.actor] == ["ARN", "RHU", "GON"]


def test_without_members_the_list_is_one_side(list_analysis: Analysis) -> None:
    assert list_analysis.parse is not None
    index = ActorIndex(list_analysis, ParseTree(list_analysis.parse.tokens))
    assert {e.id for e in index.by_token.values()} == {"e-list"}
