"""Dependency-tree helpers over the plain Token records of the parse."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.model import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECTS = frozenset({"dobj", "obj", "attr", "oprd"})
_PASSIVE = frozenset({"nsubjpass", "auxpass", "csubjpass"})


@dataclass(frozen=True, slots=True)
class Tree:
    """Tokens of an article with child lists built once, so that walking the dependency tree is cheap."""

    tokens: tuple[Token, ...]
    #: the child tokens of every token, in text order
    kids: tuple[tuple[Token, ...], ...] = ()
    #: the tokens that are passive verbs (have a passive subject or auxiliary)
    passive: frozenset[int] = frozenset()

    @classmethod
    def of(cls, tokens: tuple[Token, ...]) -> Tree:
        """Index the children of every token."""
        size = len(tokens)
        kids: list[list[Token]] = [[] for _ in tokens]
        for tok in tokens:
            head = tok.head
            if head != tok.i and 0 <= head < size:
                kids[head].append(tok)
        return cls(
            tokens=tokens,
            kids=tuple(map(tuple, kids)),
            passive=frozenset(t.head for t in tokens if t.dep in _PASSIVE and t.head != t.i),
        )

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
