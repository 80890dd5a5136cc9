"""The one view of the parse every stage reads: a dependency tree over the plain Token records, and shared word lists.

``ParseTree`` indexes the heads and children of an article's tokens once; the coder walks it by
token (``children``, ``subtree``, ``ancestors``), the quotes stage by position (``child_ids``,
``left``/``right`` subtree extents, ``subject_of``). The word lists are the closed classes
several stages test words against; ``TokenIndex`` finds tokens by character offset.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType

from eventwire.model import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECTS = frozenset({"dobj", "obj", "attr", "oprd"})
_PASSIVE = frozenset({"nsubjpass", "auxpass", "csubjpass"})

# -- word lists (lower case) -------------------------------------------------------------------
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
#: he/she in every case: a pronoun that stands for one person.
PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
#: they in every case but the reflexive.
THEY_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
FIRST_PERSON_PRONOUNS = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
#: Personal pronouns in the subject case ("he", "they") and in the object case ("him", "them").
SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
OBJECT_PRONOUNS = frozenset({"me", "us", "you", "him", "her", "it", "them"})
#: The subject case of each third-person object pronoun ("him" -> "he").
SUBJECT_CASE: Mapping[str, str] = MappingProxyType({"him": "he", "her": "she", "them": "they"})


def name_key(surface: str) -> str:
    """Case- and quote-insensitive form of a name: what makes two mentions the same name."""
    return " ".join(surface.replace("’", "'").casefold().split())


#: Lemmas of verbs that report speech ("said", "told", "warned").
REPORTING_VERBS = frozenset(
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


class ParseTree:
    """Tokens of an article with child lists built once, so that walking the dependency tree is cheap.

    Token indices are positions in ``tokens``. Subtree extents (``left``, ``right``) are computed on first use.
    """

    __slots__ = ("_extents", "kids", "passive", "tokens")

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tuple(tokens)
        size = len(self.tokens)
        kids: list[list[Token]] = [[] for _ in self.tokens]
        for tok in self.tokens:
            head = tok.head
            if head != tok.i and 0 <= head < size:
                kids[head].append(tok)
        #: the child tokens of every token, in text order
        self.kids: tuple[tuple[Token, ...], ...] = tuple(map(tuple, kids))
        #: the tokens that are passive verbs (have a passive subject or auxiliary)
        self.passive = frozenset(t.head for t in self.tokens if t.dep in _PASSIVE and t.head != t.i)
        self._extents: tuple[list[int], list[int]] | None = None

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> ParseTree:
        """Index the children of every token."""
        return cls(tokens)

    def head(self, tok: Token) -> Token | None:
        """The syntactic head, or None at the root."""
        return None if tok.head == tok.i else self.tokens[tok.head]

    def children(self, tok: Token, *deps: str) -> list[Token]:
        """Children of ``tok``, optionally only those with one of the given dependency labels."""
        kids = self.kids[tok.i]
        if deps:
            return [k for k in kids if k.dep in deps]
        return list(kids)

    def subtree(self, tok: Token, *, skip: frozenset[int] = frozenset()) -> Iterator[Token]:
        """``tok`` and everything below it, in no particular order; ``skip`` prunes branches."""
        if tok.i in skip:
            return
        kids = self.kids
        stack = [tok]
        while stack:
            current = stack.pop()
            yield current
            for k in kids[current.i]:
                if k.i not in skip:
                    stack.append(k)

    def ancestors(self, tok: Token) -> Iterator[Token]:
        """The heads above ``tok``, nearest first."""
        tokens = self.tokens
        seen = {tok.i}
        current = tok
        while current.head != current.i:
            current = tokens[current.head]
            if current.i in seen:
                return
            yield current
            seen.add(current.i)

    def is_passive(self, tok: Token) -> bool:
        """True when the verb has a passive subject or auxiliary."""
        return tok.i in self.passive

    def objects(self, tok: Token) -> list[Token]:
        """The direct objects of a verb, or the complements of a noun ("of"-objects, compounds)."""
        if tok.pos in ("NOUN", "PROPN"):
            found = [k for k in self.children(tok, "compound", "amod", "nmod")]
            for prep in self.children(tok, "prep"):
                if prep.lemma == "of":
                    found.extend(self.children(prep, "pobj"))
            return found
        found = self.children(tok, *OBJECTS)
        if not found and self.is_passive(tok):
            found = self.children(tok, "nsubjpass")
        return found

    def conjuncts(self, tok: Token) -> list[Token]:
        """``tok`` and the tokens coordinated with it ("Albania, Croatia and Slovenia")."""
        out = [tok]
        stack = [tok]
        while stack:
            current = stack.pop()
            for k in self.kids[current.i]:
                if k.dep == "conj" or (k.dep == "appos" and k.pos == "PROPN"):
                    out.append(k)
                    stack.append(k)
        return out

    def span_of(self, tok: Token) -> tuple[int, int]:
        """Character start and end of the token's whole subtree."""
        toks = list(self.subtree(tok))
        return min(t.start for t in toks), max(t.end for t in toks)

    # -- by position: subtree extents and character ranges ---------------------------------------
    @property
    def left(self) -> list[int]:
        """The first token position of every token's subtree."""
        return self._subtree_extents()[0]

    @property
    def right(self) -> list[int]:
        """The last token position of every token's subtree."""
        return self._subtree_extents()[1]

    def _subtree_extents(self) -> tuple[list[int], list[int]]:
        if self._extents is None:
            tokens = self.tokens
            left = [t.i for t in tokens]
            right = [t.i for t in tokens]
            depths = _depths(tokens)
            for t in sorted(tokens, key=lambda t: depths[t.i], reverse=True):
                if t.head != t.i:
                    h = t.head
                    left[h] = min(left[h], left[t.i])
                    right[h] = max(right[h], right[t.i])
            self._extents = (left, right)
        return self._extents

    def depth(self, token: Token) -> int:
        """Distance from the token to its sentence root (cycles cut after 200 steps)."""
        d, i = 0, token.i
        while self.tokens[i].head != i and d < _DEPTH_CUT:
            i = self.tokens[i].head
            d += 1
        return d

    def child_ids(self, i: int, *deps: str) -> list[int]:
        """Positions of the children of token ``i`` with one of the dependency labels (all when none is given)."""
        return [c.i for c in self.kids[i] if not deps or c.dep in deps]

    def chars(self, first: int, last: int) -> tuple[int, int]:
        """Character range from the start of token ``first`` to the end of token ``last``."""
        return self.tokens[first].start, self.tokens[last].end

    def subtree_chars(self, i: int) -> tuple[int, int]:
        """Character range of the subtree of token ``i``."""
        return self.chars(self.left[i], self.right[i])

    def extent(self, roots: Iterable[int]) -> tuple[int, int]:
        """Token range covering the subtrees of ``roots``."""
        rs = list(roots)
        left, right = self._subtree_extents()
        return min(left[r] for r in rs), max(right[r] for r in rs)

    def subject(self, i: int) -> int | None:
        """The subject of verb ``i``, looking through conjunctions, participles and relative clauses."""
        return self.subject_of(i)[0]

    def subject_of(self, i: int) -> tuple[int | None, int | None]:
        """The subject of verb ``i`` and, when it was reached through one, the relative pronoun standing for it."""
        for _ in range(6):
            subjects = self.child_ids(i, "nsubj", "nsubjpass", "csubj")
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


class TokenIndex:
    """Look up the parser's tokens by character offset."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.starts = [t.start for t in tokens]

    def within(self, start: int, end: int) -> list[Token]:
        """Tokens that overlap [start, end)."""
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        out = []
        while i < len(self.tokens) and self.tokens[i].start < end:
            if self.tokens[i].end > start:
                out.append(self.tokens[i])
            i += 1
        return out

    def before(self, start: int) -> Token | None:
        """The last token that ends at or before ``start``."""
        i = bisect.bisect_left(self.starts, start) - 1
        return self.tokens[i] if i >= 0 else None


def _depths(tokens: Sequence[Token]) -> list[int]:
    """``ParseTree.depth`` of every token, each head's depth computed once (the same 200-step cut on cycles)."""
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
