"""Coding with the user's PETRARCH/TABARI verb dictionaries.

A verb the user's dictionary knows is coded by it, not by our lexicon: the most specific of its
block's patterns that fits the clause wins, else the verb's own code; a null code means "no event".
Pattern words are matched against the tokens around the verb in order (words after the verb inside
its clause, words before it in its sentence), with gaps unless the dictionary joined them with "_".
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from eventwire.model import Token
from eventwire.resources.petrarch_verbs import Code, Element, VerbDictionary, VerbEntry, load_verbs, looks_like_verbs
from eventwire.stages.coding.sides import ActorIndex, Side
from eventwire.syntax import ParseTree

#: How far (in tokens) a pattern may reach from its verb.
WINDOW = 40


@dataclass(slots=True)
class UserMatch:
    """The user dictionary's verdict on one verb: a code (event None = no event) and the slots it filled."""

    code: Code
    rule: str
    sources: list[Side] = field(default_factory=list)
    targets: list[Side] = field(default_factory=list)
    compound: list[Side] = field(default_factory=list)
    #: the compound slot stands after the verb ("agrees with X and Y"): its members are targets
    compound_after: bool = False


def verb_dictionaries(paths: Iterable[Path]) -> tuple[VerbDictionary, ...]:
    """The verbs dictionaries among the user's dictionary files (recognised by their content)."""
    return _cached(tuple(str(Path(p)) for p in paths))


@functools.lru_cache(maxsize=16)
def _cached(paths: tuple[str, ...]) -> tuple[VerbDictionary, ...]:
    return tuple(load_verbs(Path(p)) for p in paths if Path(p).is_file() and looks_like_verbs(Path(p)))


class UserVerbs:
    """Matches the verbs of one article against the user's verb dictionaries (first file first)."""

    def __init__(self, dictionaries: tuple[VerbDictionary, ...], tree: ParseTree, actors: ActorIndex) -> None:
        self.dictionaries = dictionaries
        self.tree = tree
        self.actors = actors

    def match(self, tok: Token) -> UserMatch | None:
        """The code for a verb token, or None when no user dictionary lists the verb."""
        for dictionary in self.dictionaries:
            found = self._entry(dictionary, tok)
            if found is None:
                continue
            entry, first, last = found
            best: UserMatch | None = None
            best_weight = -1
            for pattern in dictionary.patterns.get(entry.block, ()):
                if pattern.weight <= best_weight:
                    continue
                slots: dict[str, list[Token]] = {}
                if self._walk(pattern.after, 0, last, +1, self._after(tok, last), slots) and self._walk(
                    pattern.before, 0, first, -1, self._before(tok, first), slots
                ):
                    best_weight = pattern.weight
                    best = UserMatch(code=pattern.code, rule=f"{Path(dictionary.path).name}:{pattern.line}")
                    best.sources = self._sides(slots.get("source", []))
                    best.targets = self._sides(slots.get("target", []))
                    best.compound = self._sides(slots.get("compound", []))
                    best.compound_after = any(t.i > tok.i for t in slots.get("compound", []))
            if best is not None:
                return best
            return UserMatch(code=entry.code, rule=f"{Path(dictionary.path).name}:{entry.line}")
        return None

    # ----------------------------------------------------------------- verbs
    def _entry(self, dictionary: VerbDictionary, tok: Token) -> tuple[VerbEntry, int, int] | None:
        """The verb entry for the token and the first and last token index of the (multi-word) verb."""
        entries = dictionary.entries(tok.text) or dictionary.entries(tok.lemma)
        for entry in entries:
            first = self._words_at(entry.pre, tok.i - len(entry.pre), tok.sent)
            last = self._particles(entry.post, tok)
            if first and last is not None:
                return entry, tok.i - len(entry.pre), last
        return None

    def _words_at(self, words: tuple[str, ...], start: int, sent: int) -> bool:
        if start < 0:
            return False
        toks = self.tree.tokens[start : start + len(words)]
        return len(toks) == len(words) and all(
            t.sent == sent and t.text.lower() == w for t, w in zip(toks, words, strict=True)
        )

    def _particles(self, words: tuple[str, ...], tok: Token) -> int | None:
        if not words:
            return tok.i
        if self._words_at(words, tok.i + 1, tok.sent):
            return tok.i + len(words)
        if len(words) == 1:
            for k in self.tree.children(tok, "prt"):
                if k.text.lower() == words[0]:
                    return tok.i
        return None

    # ----------------------------------------------------------------- patterns
    def _after(self, verb: Token, last: int) -> list[Token]:
        """The tokens after the verb inside its clause, in order."""
        inside = sorted(k.i for k in self.tree.subtree(verb) if last < k.i <= last + WINDOW)
        return [self.tree.tokens[i] for i in inside]

    def _before(self, verb: Token, first: int) -> list[Token]:
        """The tokens of the sentence before the verb, nearest first."""
        out: list[Token] = []
        for i in range(first - 1, max(-1, first - 1 - WINDOW), -1):
            tok = self.tree.tokens[i]
            if tok.sent != verb.sent:
                break
            out.append(tok)
        return out

    def _walk(
        self,
        elements: tuple[Element, ...],
        k: int,
        last: int,
        step: int,
        seq: list[Token],
        slots: dict[str, list[Token]],
    ) -> bool:
        """Match elements[k:] in ``seq`` after the token index ``last`` (``step`` = reading direction)."""
        if k == len(elements):
            return True
        element = elements[k]
        for q, tok in enumerate(seq):
            if (tok.i - last) * step <= 0:
                continue
            if element.tight and tok.i != last + step:
                break
            for end in self._consume(element, seq, q, step):
                filled = dict(slots)
                if element.kind in ("source", "target", "compound"):
                    filled[element.kind] = [tok]
                if self._walk(elements, k + 1, seq[end].i, step, seq, filled):
                    slots.update(filled)
                    return True
            if element.tight:
                break
        return False

    def _consume(self, element: Element, seq: list[Token], q: int, step: int) -> list[int]:
        """Positions in ``seq`` where the element can end when it starts at ``q``."""
        tok = seq[q]
        if element.kind == "skip":
            return [q]
        if element.kind in ("source", "target", "compound"):
            entity = self.actors.by_token.get(tok.i)
            if entity is None:
                return []
            end = q
            while end + 1 < len(seq) and self.actors.by_token.get(seq[end + 1].i) is entity:
                end += 1
            return [end]
        out: list[int] = []
        for phrase in element.phrases:
            words = phrase if step > 0 else tuple(reversed(phrase))
            if q + len(words) > len(seq):
                continue
            toks = seq[q : q + len(words)]
            if all(_word(t, w) for t, w in zip(toks, words, strict=True)) and all(
                b.i - a.i == step for a, b in pairwise(toks)
            ):
                out.append(q + len(words) - 1)
        return out

    def _sides(self, toks: list[Token]) -> list[Side]:
        out: list[Side] = []
        for tok in toks:
            entity = self.actors.by_token.get(tok.i)
            head = tok
            if entity is not None:
                head = next(
                    (
                        t
                        for t in self.tree.tokens
                        if self.actors.by_token.get(t.i) is entity
                        and self.actors.by_token.get(t.head) is not entity
                        and abs(t.i - tok.i) < 8
                    ),
                    tok,
                )
            while head.dep == "conj" and (up := self.tree.head(head)) is not None:
                head = up  # "Gondor and Osgiliath": all the conjuncts, from the first
            for part in self.tree.conjuncts(head):
                out.extend(s for s in self.actors.resolve(part, agent=True) if all(s.key != o.key for o in out))
        return out


def _word(tok: Token, word: str) -> bool:
    return tok.text.upper() == word or tok.lemma.upper() == word
