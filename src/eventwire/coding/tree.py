"""Dependency-tree helpers over the plain Token records of the parse."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.model import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECTS = frozenset({"dobj", "obj", "attr", "oprd"})


@dataclass(frozen=True, slots=True)
class Tree:
    """Tokens of an article with a child index, so that walking the dependency tree is cheap."""

    tokens: tuple[Token, ...]
    children_of: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, tokens: tuple[Token, ...]) -> Tree:
        """Index the children of every token."""
        kids: list[list[int]] = [[] for _ in tokens]
        for tok in tokens:
            if tok.head != tok.i and 0 <= tok.head < len(tokens):
                kids[tok.head].append(tok.i)
        return cls(tokens=tokens, children_of=tuple(tuple(k) for k in kids))

    def head(self, tok: Token) -> Token | None:
        """The syntactic head, or None at the root."""
        return None if tok.head == tok.i else self.tokens[tok.head]

    def children(self, tok: Token, *deps: str) -> list[Token]:
        """Children of ``tok``, optionally only those with one of the given dependency labels."""
        kids = [self.tokens[i] for i in self.children_of[tok.i]]
        return [k for k in kids if k.dep in deps] if deps else kids

    def subtree(self, tok: Token, *, skip: frozenset[int] = frozenset()) -> Iterator[Token]:
        """``tok`` and everything below it, in no particular order; ``skip`` prunes branches."""
        stack = [tok.i]
        while stack:
            i = stack.pop()
            if i in skip:
                continue
            yield self.tokens[i]
            stack.extend(self.children_of[i])

    def ancestors(self, tok: Token) -> Iterator[Token]:
        """The heads above ``tok``, nearest first."""
        seen = {tok.i}
        current = self.head(tok)
        while current is not None and current.i not in seen:
            yield current
            seen.add(current.i)
            current = self.head(current)

    def is_passive(self, tok: Token) -> bool:
        """True when the verb has a passive subject or auxiliary."""
        return any(k.dep in ("nsubjpass", "auxpass", "csubjpass") for k in self.children(tok))

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
            for k in self.children(current, "conj", "appos"):
                if k.dep == "conj" or k.pos == "PROPN":
                    out.append(k)
                    stack.append(k)
        return out

    def span_of(self, tok: Token) -> tuple[int, int]:
        """Character start and end of the token's whole subtree."""
        toks = list(self.subtree(tok))
        return min(t.start for t in toks), max(t.end for t in toks)
