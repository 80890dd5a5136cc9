"""The pattern lexicon: verb and noun lemmas, with conditions on their dependents, mapped to CAMEO codes."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from eventwire.errors import ResourceError
from eventwire.model import Token
from eventwire.resources import read_table
from eventwire.syntax import RELATIVE_PRONOUNS, ParseTree

TABLE = "event_patterns.tsv"
KINDS = ("verb", "noun")
CONDITIONS = ("obj", "prep", "prt", "sub", "subj", "pass", "act", "xcomp", "place")
#: Entity types of a place named as a preposition's object ("withdraw from southern Lebanon").
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: word forms whose lexicon rows are remembered (the memory is emptied when full)
ROWS_CACHE = 50_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Pattern:
    """One row of the lexicon."""

    kind: str
    lemma: str
    conditions: tuple[tuple[str, frozenset[str]], ...]
    code: str
    confidence: float
    line: int

    @property
    def rule(self) -> str:
        """A readable name of the row, recorded on the events it codes."""
        cond = ";".join(f"{k}={'|'.join(sorted(v))}" if v else k for k, v in self.conditions)
        return f"{self.kind}:{self.lemma}" + (f"[{cond}]" if cond else "") + f"@{self.line}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """All patterns, indexed by (kind, lemma), with the table's version."""

    version: str
    patterns: dict[tuple[str, str], tuple[Pattern, ...]]
    _rows: dict[tuple[str, str, str], list[tuple[Pattern, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def candidates(self, kind: str, lemma: str) -> tuple[Pattern, ...]:
        """The rows for one lemma, in table order."""
        return self.patterns.get((kind, lemma), ())

    def rows_for(self, tok: Token, kind: str) -> list[tuple[Pattern, ...]]:
        """The rows of each lemma the token may stand for (parser lemma first), skipping lemmas with none."""
        key = (tok.lemma, tok.text, kind)
        found = self._rows.get(key)
        if found is None:
            found = [rows for lemma in _lemmas(tok, kind) if (rows := self.patterns.get((kind, lemma)))]
            if len(self._rows) >= ROWS_CACHE:
                self._rows.clear()
            self._rows[key] = found
        return found


def parse_lexicon(text: str) -> Lexicon:
    """Read the pattern TSV: ``kind lemma condition code confidence`` per line after the header."""
    version = "0"
    rows: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
    seen_header = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if "version" in line and version == "0":
                version = line.split("version", 1)[1].split()[0].strip(" ,;()")
            continue
        cells = line.split("\t")
        if not seen_header:
            seen_header = True
            continue
        if len(cells) != 5 or cells[0] not in KINDS:
            raise ResourceError(f"{TABLE} line {number}: expected kind, lemma, condition, code, confidence: {line!r}")
        kind, lemma, condition, code, confidence = cells
        try:
            conditions = _conditions(condition)
            value = float(confidence)
        except ValueError as exc:
            raise ResourceError(f"{TABLE} line {number}: {exc}") from exc
        rows[(kind, lemma)].append(
            Pattern(kind=kind, lemma=lemma, conditions=conditions, code=code, confidence=value, line=number)
        )
    # rows with conditions are tried before a lemma's catch-all rows, wherever they stand in the table
    ordered = {k: tuple(sorted(v, key=lambda p: (not p.conditions, p.line))) for k, v in rows.items()}
    return Lexicon(version=version, patterns=ordered)


def _conditions(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    out: list[tuple[str, frozenset[str]]] = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, _, values = part.partition("=")
        if name not in CONDITIONS:
            raise ValueError(f"unknown condition {name!r}; valid conditions: {', '.join(CONDITIONS)}")
        out.append((name, frozenset(v for v in values.split("|") if v)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged pattern lexicon, read once per process."""
    return parse_lexicon(read_table(TABLE, what="event pattern table"))


def kind_of(tok: Token) -> str | None:
    """ "verb" or "noun" for tokens that can trigger an event, else None."""
    if tok.pos in ("VERB",) or (tok.pos == "ADJ" and (tok.tag == "VBN" or tok.dep == "acomp")):
        return "verb"
    if tok.pos == "AUX" and tok.dep not in ("aux", "auxpass"):
        return "verb"
    if tok.pos in ("NOUN", "PROPN"):
        return "noun"
    return None


def holds(tree: ParseTree, tok: Token, name: str, values: frozenset[str]) -> bool:
    """Whether one condition of a pattern holds for the trigger ``tok``."""
    if name == "pass":
        return tree.is_passive(tok)
    if name == "act":
        return not tree.is_passive(tok)
    if name == "obj":
        return any(not values or _lemma(o) in values for obj in tree.objects(tok) for o in tree.conjuncts(obj))
    if name == "prep":
        return any(not values or k.lemma.lower() in values for k in tree.children(tok, "prep", "agent", "dative"))
    if name == "prt":
        return any(not values or k.lemma.lower() in values for k in tree.children(tok, "prt", "advmod"))
    if name == "xcomp":
        return any(not values or _lemma(k) in values for k in tree.children(tok, "xcomp", "ccomp"))
    if name == "place":
        return any(
            (not values or k.lemma.lower() in values) and any(o.ent_type in PLACE_TYPES for o in _pobj_words(tree, k))
            for k in tree.children(tok, "prep")
        )
    if name == "subj":
        subjects = tree.children(tok, "nsubj", "csubj") if not tree.is_passive(tok) else []
        head = tree.head(tok)
        if not subjects and tok.dep == "conj" and head is not None and not tree.is_passive(head):
            subjects = tree.children(head, "nsubj", "csubj")  # "a bomb killed 13 and wounded 56": one subject
        if tok.dep == "relcl" and head is not None:
            # "the bombings, which killed 250 people": the relative pronoun stands for the noun it modifies
            subjects = [head if k.lemma.lower() in RELATIVE_PRONOUNS else k for k in subjects]
        return any(not values or _lemma(c) in values for k in subjects for c in tree.conjuncts(k))
    if name == "sub":
        skip = frozenset(k.i for k in tree.children(tok, "nsubj", "nsubjpass", "csubj"))
        near = [k for k in tree.subtree(tok, skip=skip) if k.i != tok.i and abs(k.i - tok.i) <= 12]
        head = tree.head(tok)
        if head is not None:
            near.append(head)
        return any(_lemma(k) in values or k.text.lower() in values for k in near)
    return False


def _pobj_words(tree: ParseTree, prep: Token) -> list[Token]:
    """The object of a preposition with its compounds and conjuncts ("from southern Lebanon and Syria")."""
    out = []
    for obj in tree.children(prep, "pobj"):
        for conj in tree.conjuncts(obj):
            out.append(conj)
            out.extend(tree.children(conj, "compound"))
    return out


def _lemma(tok: Token) -> str:
    return tok.lemma.lower()


def match(tree: ParseTree, tok: Token, lexicon: Lexicon) -> Pattern | None:
    """The first pattern of the lexicon whose lemma and conditions fit ``tok``."""
    kind = kind_of(tok)
    if kind is None:
        return None
    for rows in lexicon.rows_for(tok, kind):
        for pattern in rows:
            if all(holds(tree, tok, name, values) for name, values in pattern.conditions):
                return pattern
    return None


def _lemmas(tok: Token, kind: str) -> tuple[str, ...]:
    """The parser's lemma, then stems of the word itself (the lemmatizer gives "din" for "dined")."""
    return _stems(tok.lemma, tok.text, kind)


def _stems(lemma_text: str, text: str, kind: str) -> tuple[str, ...]:
    lemma = lemma_text.lower()
    word = text.lower()
    out = [lemma]
    if kind == "verb":
        if word.endswith("ed"):
            out += [word[:-1], word[:-2]]
        elif word.endswith("ing"):
            out += [word[:-3], word[:-3] + "e"]
        elif word.endswith("s"):
            out += [word[:-1]]
    elif word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return tuple(w for i, w in enumerate(out) if w and w not in out[:i])
