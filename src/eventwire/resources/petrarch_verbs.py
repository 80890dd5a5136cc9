"""Read PETRARCH / TABARI verb dictionaries into coding rules.

A verbs file is a list of synonym blocks::

    --- ATTACK  [223] ---          block name and its code ("---" = no event by itself)
    ATTACK                         the block's verbs; regular forms are generated,
    BAN {BANS BANNED}              irregular ones listed in {...}; a verb may carry its own [code]
    +CORDON_OFF {+CORDONED_OFF}    multi-word verbs: "_" joins the words, "+" marks the verb itself
    - SAID WOULD * ATTACK [173]    patterns: words before and after the verb ("*")
    - + * IN $  [075]              "$" source, "+" target, "%" compound actor, "^" skip a phrase

``&NAME`` blocks of ``+word`` lines define synonym sets (plurals are added unless the label or the
member ends with "_"); synsets may be used anywhere a word can. In patterns a space lets other words
come in between, "_" asks for adjacent words. Codes ``[a:b]`` code ``a`` from the source to the
target and ``b`` back. Codes that are not numeric (``[+++]``, ``[xyz]``) are skipped with their
pattern; a trailing letter (``[102b]``) is dropped. Comments start with ``#`` or sit in
``<!-- -->`` blocks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from eventwire.errors import ResourceError

_BLOCK_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADER = re.compile(r"^---\s*(\S+)(.*?)---\s*$")
_CODE = re.compile(r"\[([^\]]*)\]")
_NUMERIC = re.compile(r"^(\d{2,4})[A-Za-z]?$")
_MAX_EXPANSIONS = 64

ElementKind = Literal["words", "source", "target", "compound", "skip"]
#: TABARI's slot marks: "$" the source, "+" the target, "%" a compound actor, "^" a skipped phrase.
SLOTS: dict[str, ElementKind] = {"$": "source", "+": "target", "%": "compound", "^": "skip"}


@dataclass(frozen=True, slots=True)
class Element:
    """One pattern element: a word or phrase (with its synonyms) or an actor slot.

    ``tight`` means the element must stand right next to its neighbour on the verb's side.
    ``phrases`` holds the alternatives, each a sequence of upper-case words, in reading order.
    """

    kind: ElementKind
    phrases: tuple[tuple[str, ...], ...]
    tight: bool


@dataclass(frozen=True, slots=True)
class Code:
    """An event code, and the code of the reverse event for ``[a:b]`` codes; ``event`` None = no event."""

    event: str | None
    reverse: str | None = None


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """One ``- before * after [code]`` line; ``before`` is stored nearest-to-the-verb first."""

    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: Code
    line: int

    @property
    def weight(self) -> int:
        """How specific the pattern is: the number of words and slots it asks for."""
        return sum(max((len(p) for p in e.phrases), default=1) for e in (*self.before, *self.after))


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One verb of a block: its form, the words around it for multi-word verbs, and its bare code."""

    block: str
    form: str
    pre: tuple[str, ...]
    post: tuple[str, ...]
    code: Code
    line: int


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """A verbs file: verbs by lower-case surface form (multi-word first) and patterns by block."""

    path: str
    verbs: dict[str, tuple[VerbEntry, ...]]
    patterns: dict[str, tuple[VerbPattern, ...]]

    def entries(self, word: str) -> tuple[VerbEntry, ...]:
        """The entries for a lower-case word form, multi-word verbs before single words."""
        return self.verbs.get(word.lower(), ())


def looks_like_verbs(path: Path) -> bool:
    """True when a file reads as a PETRARCH/TABARI verbs dictionary (``--- NAME [CODE] ---`` blocks)."""
    try:
        with Path(path).open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(200_000)
    except OSError:
        return False
    text = _BLOCK_COMMENT.sub("", head)
    blocks = sum(1 for line in text.splitlines() if _HEADER.match(line.strip()))
    patterns = sum(1 for line in text.splitlines() if line.startswith("-") and "*" in line)
    return blocks >= 1 and (patterns >= 1 or blocks >= 3)


def load_verbs(path: Path) -> VerbDictionary:
    """Read one verbs dictionary (cached per path and modification time)."""
    path = Path(path)
    if not path.is_file():
        raise ResourceError(f"verbs dictionary {path} does not exist")
    return _load_cached(str(path.resolve()), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=16)
def _load_cached(path: str, mtime: int) -> VerbDictionary:
    try:
        raw = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ResourceError(f"cannot read verbs dictionary {path}: {exc}") from exc
    return parse_verbs(raw, path)


def parse_verbs(raw: str, path: str = "<verbs>") -> VerbDictionary:
    """Parse the text of a verbs dictionary."""
    # keep line numbers: blank out comment blocks instead of removing them
    text = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), raw)
    lines = [(n, line.split("#", 1)[0].rstrip()) for n, line in enumerate(text.splitlines(), 1)]
    synsets = _synsets(lines)
    verbs: dict[str, list[VerbEntry]] = {}
    patterns: dict[str, list[VerbPattern]] = {}
    block: str | None = None
    block_code = Code(None)
    in_synset = False
    for number, line in lines:
        stripped = line.strip()
        if not stripped:
            in_synset = False
            continue
        if header := _HEADER.match(stripped):
            block = header.group(1).strip("_").upper()
            codes = _CODE.findall(header.group(2))
            block_code = (_code(codes[0]) if codes else None) or Code(None)
            in_synset = False
            continue
        if stripped.startswith("&"):
            in_synset = True
            continue
        if in_synset and stripped.startswith("+"):
            continue
        in_synset = False
        if block is None:
            continue
        if line.startswith("-"):
            patterns.setdefault(block, []).extend(_pattern(stripped[1:], synsets, number))
            continue
        for entry in _verb_line(stripped, block, block_code, number):
            verbs.setdefault(entry.form, []).append(entry)
    ordered = {k: tuple(sorted(v, key=lambda e: (not (e.pre or e.post), e.line))) for k, v in verbs.items()}
    return VerbDictionary(path=path, verbs=ordered, patterns={k: tuple(v) for k, v in patterns.items()})


def _code(raw: str) -> Code | None:
    """A bracketed code; None when it is not usable (junk), Code(None) for the null code."""
    text = raw.strip()
    if not text or set(text) <= {"-"}:
        return Code(None)
    first, _, second = text.partition(":")
    event = _NUMERIC.match(first.strip())
    if event is None:
        return Code(None) if set(first.strip()) <= {"-"} else None
    back = _NUMERIC.match(second.strip()) if second else None
    return Code(event.group(1), back.group(1) if back else None)


def _synsets(lines: list[tuple[int, str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``&LABEL`` -> its phrases (upper-case word tuples), with plurals and nested synsets expanded."""
    raw: dict[str, list[tuple[str, bool]]] = {}
    label: str | None = None
    plurals = True
    for _, line in lines:
        stripped = line.strip()
        if stripped.startswith("&"):
            name = stripped.split()[0]
            plurals = not name.endswith("_")
            label = name.rstrip("_").upper()
            raw.setdefault(label, [])
            continue
        if label is not None and stripped.startswith("+"):
            member = stripped[1:].strip()
            raw[label].append((member, plurals and not member.endswith("_")))
            continue
        label = None

    resolved: dict[str, tuple[tuple[str, ...], ...]] = {}

    def expand(name: str, seen: frozenset[str]) -> tuple[tuple[str, ...], ...]:
        if name in resolved:
            return resolved[name]
        out: list[tuple[str, ...]] = []
        for member, plural in raw.get(name, []):
            if member.startswith("&"):
                inner = member.rstrip("_").upper()
                if inner not in seen:
                    out.extend(expand(inner, seen | {inner}))
                continue
            words = tuple(w for w in re.split(r"[ _]+", member.upper()) if w)
            if not words:
                continue
            out.append(words)
            if plural:
                out.append((*words[:-1], _plural(words[-1])))
        resolved[name] = tuple(dict.fromkeys(out))
        return resolved[name]

    for name in raw:
        expand(name, frozenset({name}))
    return resolved


def _plural(word: str) -> str:
    if word.endswith("Y"):
        return word[:-1] + "IES"
    if word.endswith("S"):
        return word + "ES"
    return word + "S"


def _pattern(body: str, synsets: dict[str, tuple[tuple[str, ...], ...]], number: int) -> list[VerbPattern]:
    codes = _CODE.findall(body)
    if not codes or "*" not in body or "{" in body:
        return []  # no code, no verb position, or a legacy TABARI disjunction
    code = _code(codes[-1])
    if code is None:
        return []
    text = _CODE.sub(" ", body).replace("_ ", " ").strip()
    upper, _, lower = text.partition("*")
    try:
        before = _elements(upper.strip(), synsets, verb_side="right", verb_tight=upper.endswith("_"))
        after = _elements(lower.strip(), synsets, verb_side="left", verb_tight=lower.startswith("_"))
    except KeyError:
        return []  # an undefined synset: the pattern is skipped, as PETRARCH does
    return [VerbPattern(before=tuple(reversed(before)), after=tuple(after), code=code, line=number)]


def _elements(
    text: str, synsets: dict[str, tuple[tuple[str, ...], ...]], *, verb_side: str, verb_tight: bool
) -> list[Element]:
    """Elements in reading order; ``tight`` is the connector on the verb's side of each element."""
    text = text.strip("_ ")
    if not text:
        return []
    parts = re.split(r"([ _]+)", text)
    words = parts[0::2]
    joins = [("_" in j) for j in parts[1::2]]
    out: list[Element] = []
    for k, word in enumerate(words):
        if verb_side == "right":
            tight = joins[k] if k < len(joins) else verb_tight
        else:
            tight = joins[k - 1] if k > 0 else verb_tight
        out.append(_element(word.upper(), synsets, tight))
    return out


def _element(word: str, synsets: dict[str, tuple[tuple[str, ...], ...]], tight: bool) -> Element:
    if word in SLOTS:
        return Element(SLOTS[word], (), tight)
    if word.startswith("&"):
        phrases = synsets[word.rstrip("_")]
        return Element("words", phrases[:_MAX_EXPANSIONS], tight)
    return Element("words", ((word,),), tight)


def _verb_line(line: str, block: str, block_code: Code, number: int) -> list[VerbEntry]:
    """The entries of one verb line: the base form and its inflected forms."""
    codes = _CODE.findall(line)
    own = _code(codes[-1]) if codes else None
    code = own if own is not None else block_code
    body = _CODE.sub(" ", line)
    irregular = re.search(r"\{([^}]*)\}", body)
    base = body[: irregular.start()] if irregular else body
    base_words = base.split()
    if not base_words:
        return []
    forms = [base_words[0].upper()]
    if irregular:
        forms += [f.upper() for f in irregular.group(1).split()]
    else:
        forms += _regular(forms[0])
    out: list[VerbEntry] = []
    for form in dict.fromkeys(forms):
        entry = _entry(form, block, code, number)
        if entry is not None:
            out.append(entry)
    return out


def _regular(form: str) -> list[str]:
    """Regular forms of a verb (for multi-word verbs, of the word marked with "+")."""
    words = form.split("_")
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), None)
    if len(words) > 1 and marked is None:
        return []
    at = marked if marked is not None else 0
    stem = words[at].lstrip("+")
    if not stem:
        return []
    made = [stem + ("ES" if stem[-1] in "SXZ" else "S")]
    if stem.endswith("E"):
        made += [stem + "D", stem[:-1] + "ING"]
    else:
        made += [stem + "ED", stem + "ING"]
    prefix = "+" if marked is not None else ""
    return ["_".join([*words[:at], prefix + m, *words[at + 1 :]]) for m in made]


def _entry(form: str, block: str, code: Code, number: int) -> VerbEntry | None:
    words = [w for w in form.split("_") if w]
    if not words:
        return None
    if len(words) == 1:
        return VerbEntry(block=block, form=words[0].lstrip("+").lower(), pre=(), post=(), code=code, line=number)
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), None)
    if marked is None:
        return None  # a multi-word verb must say which word is the verb
    return VerbEntry(
        block=block,
        form=words[marked].lstrip("+").lower(),
        pre=tuple(w.lower() for w in words[:marked]),
        post=tuple(w.lower() for w in words[marked + 1 :]),
        code=code,
        line=number,
    )
