"""Read PETRARCH / TABARI actor and agent dictionaries.

Actor files hold ``NAME [CODE]`` entries; ``+SYNONYM`` lines name the same actor; code
lines may stand on their own below the name and may carry date restrictions
(``[HOB <950601]``, ``[HOBREB >990816]``, ``[HOBGOV 19950601-19990815]``; 6-digit dates are
YYMMDD). Agent files hold ``WORD {PLURAL} [~SECTOR]`` (``~GOV`` composes after the country code,
``NGO~`` before it) and ``!MACRO! = A, B`` substitutions. Underscores join words; comments start
with ``#`` or sit in ``<!-- -->`` blocks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import ResourceError
from eventwire.resources.entries import ActorEntry, AgentEntry, DatedCode

_BLOCK_COMMENT = re.compile(r"<!.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_RANGE = re.compile(r"^(\S+)\s+(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$")
_BEFORE = re.compile(r"^(\S+)\s*<\s*(\d{6}|\d{8})$")
_AFTER = re.compile(r"^(\S+)\s*>\s*(\d{6}|\d{8})$")
_NON_STATE = ("IGO", "NGO", "IMG", "MNC")


def parse_date(raw: str) -> dt.date:
    """A TABARI date: YYYYMMDD, or YYMMDD with years 00-29 read as 20xx and 30-99 as 19xx."""
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year < 30 else 1900 + year}{raw[2:]}"
    return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))


def parse_code(raw: str) -> DatedCode | None:
    """One bracketed code, with its date restriction if any; None for an empty bracket."""
    text = " ".join(raw.split())
    if not text:
        return None
    try:
        if m := _RANGE.match(text):
            return DatedCode(m.group(1).upper(), parse_date(m.group(2)), parse_date(m.group(3)))
        if m := _BEFORE.match(text):
            return DatedCode(m.group(1).upper(), None, parse_date(m.group(2)) - dt.timedelta(days=1))
        if m := _AFTER.match(text):
            return DatedCode(m.group(1).upper(), parse_date(m.group(2)) + dt.timedelta(days=1), None)
    except ValueError:
        return None
    if " " in text or not re.fullmatch(r"[A-Za-z0-9~/+\-]+", text):
        return None
    return DatedCode(text.upper())


def _lines(path: Path) -> Iterator[str]:
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ResourceError(f"cannot read dictionary {path}: {exc}") from exc
    raw = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), raw)
    for line in raw.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            yield line


def _display(name: str) -> str:
    words = name.replace("_", " ").split()
    return " ".join(w if any(c.isdigit() for c in w) else w.title() for w in words)


@dataclass(slots=True)
class _Pending:
    names: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)


def actor_entry(names: list[str], codes: list[DatedCode], source: str) -> ActorEntry | None:
    """The entry a block of names and codes makes (None when it has no usable code)."""
    default = next((c.code for c in codes if c.start is None and c.end is None), None)
    first = codes[0].code if codes else None
    base = default or first
    if base is None or not names:
        return None
    base = base.split("/")[0]
    kind = "null" if base.startswith(("---", "+++")) else "actor"
    non_state = base[:3] in _NON_STATE
    country = None if kind == "null" or non_state else base[:3]
    name = _display(names[0])
    return ActorEntry(
        id=f"dict:{source}:{names[0].strip('_').upper()}",
        name=name,
        kind=kind,
        country=country,
        org=name if non_state else None,
        cameo=None if kind == "null" else default.split("/")[0] if default else None,
        codes=tuple(DatedCode(c.code.split("/")[0], c.start, c.end) for c in codes),
    )


def _surface(name: str) -> str:
    """The indexed form of a dictionary name: TABARI stems ("ARGENTIN") get a trailing ``*``.

    In TABARI dictionaries a name's last word is a stem that matches any word it begins, unless
    the name ends with an underscore ("IRAN_" matches only "Iran"). Words under four letters and
    words with digits are matched whole.
    """
    exact = name.endswith("_")
    clean = name.strip("_").replace("_", " ").strip()
    last = clean.split()[-1] if clean.split() else ""
    if exact or len(last) < 4 or not last.isalpha():
        return clean
    return clean + "*"


def load_actors(path: Path) -> list[tuple[str, ActorEntry]]:
    """(name, entry) pairs of a PETRARCH/TABARI actor dictionary; synonyms share their entry.

    Names whose last word is a TABARI stem end in ``*`` (see ``PhraseIndex.add``).
    """
    source = path.stem
    result: list[tuple[str, ActorEntry]] = []
    pending = _Pending()

    def flush() -> None:
        entry = actor_entry(pending.names, pending.codes, source)
        if entry is not None:
            result.extend((_surface(n), entry) for n in pending.names)
        pending.names.clear()
        pending.codes.clear()

    for line in _lines(path):
        stripped = line.strip()
        codes = [c for c in (parse_code(m) for m in _CODE.findall(stripped)) if c]
        head = _CODE.sub("", stripped).strip()
        if head.startswith("+"):
            pending.names.append(head[1:].strip())
            pending.codes.extend(codes)
        elif head:
            if pending.names and (pending.codes or not line[:1].isspace()):
                flush()
            pending.names.append(head)
            pending.codes.extend(codes)
        else:
            pending.codes.extend(codes)
    flush()
    return result


def _plurals(word: str) -> list[str]:
    if word.endswith("Y") and not word.endswith(("AY", "EY", "OY")):
        return [word[:-1] + "IES"]
    if word.endswith(("S", "X", "CH", "SH")):
        return [word + "ES"]
    if word.endswith("MAN"):
        return [word[:-3] + "MEN"]
    return [word + "S"]


def load_agents(path: Path) -> list[tuple[str, AgentEntry]]:
    """(phrase, agent) pairs of a PETRARCH/TABARI agent dictionary, plurals and macros expanded."""
    source = path.stem
    macros: dict[str, list[str]] = {}
    result: list[tuple[str, AgentEntry]] = []
    for line in _lines(path):
        stripped = line.strip()
        macro = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", stripped)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        found = _CODE.search(stripped)
        if not found:
            continue
        raw_code = "".join(found.group(1).split()).upper()
        head = stripped[: found.start()].strip()
        plural_part = re.search(r"\{([^}]*)\}", head)
        phrase = re.sub(r"\{[^}]*\}", "", head).strip()
        if not phrase or "~" not in raw_code:
            continue
        prefix = raw_code.endswith("~")
        sector = raw_code.strip("~")
        variants = [phrase]
        for name, values in macros.items():
            if name in phrase:
                variants = [v.replace(name, value) for v in variants for value in values]
        for variant in variants:
            forms = [variant]
            if plural_part is None:
                forms.extend(_plurals(variant))
            elif plural_part.group(1).strip():
                forms.extend(p.strip() for p in plural_part.group(1).split(","))
            agent = AgentEntry(
                id=f"agent:{source}:{variant.upper()}", label=_display(variant), sector=sector, prefix=prefix
            )
            result.extend((form.replace("_", " ").strip(), agent) for form in dict.fromkeys(forms) if form)
    return result


def is_petrarch(path: Path) -> bool:
    """True when a file looks like a PETRARCH/TABARI dictionary (``NAME [CODE]`` lines)."""
    if path.suffix.lower() in (".yaml", ".yml", ".csv", ".tsv"):
        return False
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:20000]
    except OSError:
        return False
    return bool(re.search(r"^\s*[^#\s][^\[\n]*\[[^\]\n]*\]", head, re.MULTILINE))


def looks_like_agents(path: Path) -> bool:
    """True when a PETRARCH file is an agent dictionary (its codes carry ``~``)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    codes = _CODE.findall(_BLOCK_COMMENT.sub("", text))
    return bool(codes) and sum("~" in c for c in codes) > len(codes) / 2
