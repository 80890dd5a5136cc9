"""A light view of the dependency parse: children, subtree extents and character ranges."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from eventwire.model import Token


class Tree:
    """Children and subtree extents of the tokens of one article (token indices are positions)."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.children: list[list[int]] = [[] for _ in tokens]
        for t in tokens:
            if t.head != t.i:
                self.children[t.head].append(t.i)
        self.left = [t.i for t in tokens]
        self.right = [t.i for t in tokens]
        depths = _depths(tokens)
        for t in sorted(tokens, key=lambda t: depths[t.i], reverse=True):
            if t.head != t.i:
                h = t.head
                self.left[h] = min(self.left[h], self.left[t.i])
                self.right[h] = max(self.right[h], self.right[t.i])

    def depth(self, token: Token) -> int:
        """Distance from the token to its sentence root (cycles cut after 200 steps)."""
        d, i = 0, token.i
        while self.tokens[i].head != i and d < 200:
            i = self.tokens[i].head
            d += 1
        return d

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of token ``i`` with one of the dependency labels (all children when none is given)."""
        return [c for c in self.children[i] if not deps or self.tokens[c].dep in deps]

    def chars(self, first: int, last: int) -> tuple[int, int]:
        """Character range from the start of token ``first`` to the end of token ``last``."""
        return self.tokens[first].start, self.tokens[last].end

    def subtree_chars(self, i: int) -> tuple[int, int]:
        """Character range of the subtree of token ``i``."""
        return self.chars(self.left[i], self.right[i])

    def extent(self, roots: Iterable[int]) -> tuple[int, int]:
        """Token range covering the subtrees of ``roots``."""
        rs = list(roots)
        return min(self.left[r] for r in rs), max(self.right[r] for r in rs)

    def subject(self, i: int) -> int | None:
        """The subject of verb ``i``, looking through conjunctions, participles and relative clauses."""
        return self.subject_of(i)[0]

    def subject_of(self, i: int) -> tuple[int | None, int | None]:
        """The subject of verb ``i`` and, when it was reached through one, the relative pronoun standing for it."""
        for _ in range(6):
            subjects = self.kids(i, "nsubj", "nsubjpass", "csubj")
            if subjects:
                # the subject nearest the verb, preferring one before it
                before = [s for s in subjects if s < i]
                s = before[-1] if before else subjects[0]
                if self.tokens[s].lemma.lower() in ("who", "that", "which") and self.tokens[i].dep == "relcl":
                    return self.tokens[i].head, s
                return s, None
            tok = self.tokens[i]
            if tok.head == i:
                return None, None
            if tok.dep == "relcl" or (tok.dep == "acl" and self.tokens[tok.head].pos in ("NOUN", "PROPN", "PRON")):
                # "officials warning that ...": an active participle's subject is the noun it modifies
                return (tok.head, None) if tok.dep == "relcl" or tok.tag == "VBG" else (None, None)
            if tok.dep in ("conj", "advcl", "xcomp", "pcomp", "prep"):
                i = tok.head
                continue
            return None, None
        return None, None


def _depths(tokens: Sequence[Token]) -> list[int]:
    """``Tree.depth`` of every token, each head's depth computed once (the same 200-step cut on cycles)."""
    size = len(tokens)
    depths = [-1] * size
    for start in range(size):
        if depths[start] >= 0:
            continue
        path: list[int] = []
        i = start
        while depths[i] < 0 and tokens[i].head != i and len(path) <= size:
            path.append(i)
            i = tokens[i].head
        if depths[i] >= 0:
            base = depths[i]
        elif tokens[i].head == i:
            base = depths[i] = 0
        else:
            base = _DEPTH_CUT - 1  # a longer walk than there are tokens: a cycle, walked until the cut
        for node in reversed(path):
            base = min(base + 1, _DEPTH_CUT)
            depths[node] = base
    return depths


_DEPTH_CUT = 200
