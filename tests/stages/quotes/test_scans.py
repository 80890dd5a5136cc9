"""The quote finder's fast scans give what a plain character-by-character or token-by-token walk gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import Token
from eventwire.stages.quotes.marks import mark_positions
from eventwire.syntax import ParseTree, _depths


def _marks_by_walk(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    marks: list[tuple[int, int]] = []
    i = start
    while i < end:
        if norm[i : i + 2] in ("''", "``") and i + 1 < end:
            marks.append((i, 2))
            i += 2
            continue
        if norm[i] == '"':
            marks.append((i, 1))
        i += 1
    return marks


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab '`\"\n", max_size=40), st.data())
def test_mark_positions_match_a_walk(norm: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(norm)))
    end = data.draw(st.integers(start, len(norm)))
    assert mark_positions(norm, start, end) == _marks_by_walk(norm, start, end)


def _tokens(heads: list[int]) -> tuple[Token, ...]:
    return tuple(
        Token(i=i, start=i, end=i + 1, text="x", lemma="x", pos="X", tag="X", dep="d", head=h, sent=0)
        for i, h in enumerate(heads)
    )


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 25).flatmap(lambda n: st.lists(st.integers(0, n - 1), min_size=n, max_size=n)))
def test_depths_match_tree_depth_even_on_cycles(heads: list[int]) -> None:
    tokens = _tokens(heads)
    tree = ParseTree(tokens)
    assert _depths(tokens) == [tree.depth(t) for t in tokens]


def test_depths_are_cut_at_200_on_long_chains() -> None:
    tokens = _tokens([max(i - 1, 0) for i in range(450)])
    depths = _depths(tokens)
    assert depths[:3] == [0, 1, 2] and depths[-1] == 200
    assert depths == [ParseTree(tokens).depth(t) for t in tokens]
