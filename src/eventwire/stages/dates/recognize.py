"""Find time expressions in a text: every rule's matches, filtered by context, longest match first."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eventwire.stages.dates.patterns import COMPILED, RULE_ORDER, RULE_TRIGGERS, TRIGGER_KINDS, WORD
from eventwire.syntax import TokenIndex


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """One rule's match: character offsets, the rule's name and its named groups."""

    start: int
    end: int
    rule: str
    groups: Mapping[str, str]


_LEADING_IN = re.compile(r"(?i)in\s+")
_NUMBERISH = re.compile(
    r"(?i)(?:[\d%]|percent|cents?|dollars?|pounds?|euros?|yen|francs?|marks?|shares?|million|billion|thousand|hundred"
    r"|twice|once|thrice|times|one|two|three|four|five|six|seven|eight|nine|ten|dozen|barrels?|tons?|units?|copies"
    r"|miles?|meters?|kilometers?|points?)\W*$"
)
_YEAR_BEFORE = re.compile(
    r"(?i)(?:\$|\bno\.|#|\broom|\bflight|\broute|\bsection|\barticle|\bpage|\bp\.|\bnumber|\bcode|\bmodel|\bcalled|\bchapter|\bversion)\s*$"
)
_YEAR_AFTER = re.compile(
    r"(?i)^(?:\s*(?:%|percent|[-\s]?(?:points?|pounds?|dollars?|shares?|people|feet|meters|miles|kilometers|members|troops|votes|hours|acres|units|tons|cases|jobs|yen|marks|francs|employees|students|workers|homes|cars|deaths|soldiers|a\.m|p\.m|am\b|pm\b)))"
)
_DATE_PREPOSITION = re.compile(
    r"(?i)\b(?:in|since|until|till|by|before|after|during|through|from|to|last|next|this|early|late|mid|of)[\s-]*$"
)
_REJECT_ENTS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})
_RISKY_WORDS = frozenset(
    {"once", "earlier", "the moment", "some time", "shortly", "previously", "soon", "future", "recent", "formerly"}
)


def windows(text: str, *, margin: int = 80) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the stretches of text around its trigger words, cut at spaces and merged."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for match in WORD.finditer(text):
        word = match.group()
        for kind in ("digit",) if word[0].isdigit() else TRIGGER_KINDS.get(word.lower(), ()):
            hits.setdefault(kind, []).append(match.span())
    stretches: dict[str, list[tuple[int, int]]] = {}
    by_kinds: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # rules with the same triggers share stretches
    for rule, kinds in RULE_TRIGGERS.items():
        if kinds in by_kinds:
            stretches[rule] = list(by_kinds[kinds])
            continue
        points = sorted(span for kind in kinds for span in hits.get(kind, ()))
        merged: list[tuple[int, int]] = []
        for start, end in points:
            lo = text.rfind(" ", 0, max(0, start - margin) + 1)
            space = text.find(" ", min(len(text), end + margin))
            hi = len(text) if space < 0 else space
            lo = max(lo, 0)
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        stretches[rule] = by_kinds[kinds] = merged
    return stretches


def candidates(text: str) -> list[TimeMatch]:
    """Every match of every rule (overlapping), in text order."""
    found: list[TimeMatch] = []
    stretches = windows(text)
    for name, pattern in COMPILED:
        for lo, hi in stretches.get(name, ()):
            for match in pattern.finditer(text, lo, hi):
                start, end = match.span()
                if end <= start:
                    continue
                groups = {k: v for k, v in match.groupdict().items() if v}
                lead = _LEADING_IN.match(text, start)
                if lead is not None and name in ("ref", "vague"):
                    start = lead.end()
                found.append(TimeMatch(start=start, end=end, rule=name, groups=groups))
    found.sort(key=lambda c: (c.start, -c.end, RULE_ORDER[c.rule]))
    return found


def select(found: Sequence[TimeMatch]) -> list[TimeMatch]:
    """Keep non-overlapping candidates, preferring the longest, then the earlier rule; in text order."""
    ranked = sorted(found, key=lambda c: (-(c.end - c.start), RULE_ORDER[c.rule], c.start))
    taken: list[TimeMatch] = []
    starts: list[int] = []
    for cand in ranked:
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and taken[i - 1].end > cand.start:
            continue
        if i < len(taken) and taken[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        taken.insert(i, cand)
    return taken


def acceptable(cand: TimeMatch, text: str, index: TokenIndex | None) -> bool:
    """Context checks a regular expression cannot make: prices, modal "may", "a year" after an amount."""
    rule, g = cand.rule, cand.groups
    before = text[max(0, cand.start - 24) : cand.start]
    after = text[cand.end : cand.end + 24]
    tokens = index.within(cand.start, cand.end) if index is not None else []
    if rule == "year" and len(g) == 1:
        if (
            _YEAR_BEFORE.search(before)
            or _YEAR_AFTER.match(after)
            or re.match(r"/\d|-\d(?!\d{3}\b)|\.\d|,\d{3}", after)
        ):
            return False
        if re.search(r"\d[,.]?$", before):
            return False
        if tokens and all(t.ent_type in _REJECT_ENTS for t in tokens):
            return False
    if "month" in g and g["month"].lower() == "may" and rule == "month":
        if any(t.tag == "MD" for t in tokens) or re.match(r"\s+(?:be|have|not|also|well|still|never|soon)\b", after):
            return False
        if index is not None and not tokens:
            return False
    if "month" in g and g["month"] in ("March", "MARCH") and rule == "month":
        if any(t.pos == "VERB" for t in tokens) or re.match(r"\s+(?:on|to|through|into|against)\b", after):
            return False
        if re.match(r"\s+(?:for|of\s+(?:the|a|an))\b", after) and not _DATE_PREPOSITION.search(before):
            return False  # "the annual March for Life", "the March of the Mothers" but "in March for health reasons"
    if (
        rule == "clock"
        and g.get("partonly")
        and not re.search(r"(?i)\b(?:at|around|about|by|until|till|before|after)\s*$", before)
    ):
        return False  # "4 in the morning" is a time only after "at", "by"...: not "Day 2 in the morning"
    if rule == "set_adverb" and g.get("word", "").lower() in (
        "quarterly",
        "annually",
        "yearly",
        "biweekly",
        "bimonthly",
    ):
        return False
    if rule == "set_every" and g.get("q", "").lower() in ("a", "an") and not _NUMBERISH.search(before):
        return False  # "a year" is a set only after an amount: "$5 a year", "twice a year"
    if rule == "duration":
        num = g.get("num", "").lower()
        unit = g.get("unit", "").lower()
        if unit == "second" and num in ("a", "an", "one"):
            return False
        if re.match(r"\s*(?:-|\s)?old\b|-year-old", after):
            return False
        if num in ("a", "an") and unit in ("quarter", "half"):
            return False
        if unit == "quarters" and re.match(r"\s+of\b", after):
            return False
    if rule == "season" and not g.get("rel") and not g.get("year"):
        word = g.get("season", "").lower()
        if word in ("fall", "spring") or any(t.pos in ("VERB", "ADJ") for t in tokens):
            return False
    if (
        rule == "vague"
        and not g.get("rel")
        and not g.get("num")
        and not g.get("det")
        and not g.get("ago")
        and not g.get("long")
    ):
        unit = g.get("unit", "").lower()
        if unit in ("seconds", "minutes", "hours", "nights", "quarters", "weekends", "decades", "centuries"):
            return False
        if re.search(r"\d\s*$", before) or re.match(r"[\s-]+old\b", after):
            return False  # "37 years old": an age, which the duration rule has already turned down
    if rule == "ref":
        word = " ".join(g.get("word", "").lower().split())
        if word in _RISKY_WORDS:
            return False
        if word == "now" and re.match(r"\s*(?:that|defunct)\b", after):
            return False
    if (
        rule == "relative"
        and g.get("rel", "").lower() in ("its", "the")
        and g.get("unit", "").lower() in ("period", "season")
    ):
        return g.get("unit", "").lower() == "period" and not g.get("pmod")
    return True
