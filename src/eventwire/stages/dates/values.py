"""Shared pieces of TIMEX3 normalisation: the Normal record, the document context, the policy, helpers.

Everything here is pure and total: a value that cannot be worked out becomes a partial value
(``XXXX-11-20``) or an empty string, never an exception and never a year taken from today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from eventwire.stages.dates.words import MONTHS, ORDINALS, UNITS

Tense = str  # "past", "future", "present" or "" (unknown)


@dataclass(frozen=True, slots=True)
class Policy:
    """How a month, day or weekday without a year is placed when the tense does not settle it.

    Attributes:
        month_past: where a past-tense month or month-day goes ("past": the latest one not after the anchor).
        month_unknown: where it goes when the tense says nothing ("nearest", leaning to the past).
        weekday_unknown: a weekday with no tense ("past": news mostly reports what happened).
        weekday_present: a weekday in a present-tense clause ("meet Monday": "nearest").
        future_bias: a future reading wins only when it is this many times nearer than the past one.
        near_days: a month day this close to the anchor is read there whatever the tense says.
    """

    month_past: str = "past"
    month_unknown: str = "nearest"
    weekday_unknown: str = "past"
    weekday_present: str = "nearest"
    future_bias: float = 1.5
    near_days: int = 31


DEFAULT_POLICY = Policy()


@dataclass(frozen=True, slots=True)
class Normal:
    """A normalised value: TIMEX3 type, value ("" when unknown) and modifier."""

    type: str
    value: str
    mod: str | None = None


@dataclass(slots=True)
class Narrative:
    """What the document has said so far that later expressions lean on (its last quarter, year, day)."""

    anchor: dt.date | None
    quarter: tuple[int, int] | None = None
    year: int | None = None
    day: dt.date | None = None
    clause: str = ""  # the sentence up to the expression being read
    after: str = ""  # the text after it, up to the line break (at most 80 characters)
    last: str = ""  # the last value noted: the narrative's reference time
    at: int = 0  # where the expression being read starts
    day_at: int = -1  # where the day in ``day`` was stated

    def recent_day(self, reach: int = 300) -> dt.date | None:
        """The story's day when it was stated just before (within ``reach`` characters), else None."""
        return self.day if self.day is not None and 0 <= self.at - self.day_at <= reach else None

    def period_quarter(self) -> tuple[int, int] | None:
        """The quarter "a year earlier" compares with, unless the sentence compares months ("for the nine months")."""
        return None if _SPAN_OF_MONTHS.search(self.clause) else self.quarter

    def narrative_day(self) -> str:
        """The day the story last spoke of ("that day", "the next morning" lean on it): YYYY-MM-DD, a month
        with unknown day (YYYY-MM-XX) when a month was named last, or "" when the text gave none."""
        if re.fullmatch(r"\d{4}-\d{2}", self.last):
            return f"{self.last}-XX"
        return self.day.isoformat() if self.day else ""

    def note(self, normal: Normal) -> None:
        """Remember an absolute value for later "that quarter", "a year earlier" and the like."""
        value = normal.value
        self.last = value
        match = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if match:
            self.quarter = (int(match.group(1)), int(match.group(2)))
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value)
        if match:
            self.day = safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3))) or self.day
            self.day_at = self.at
        match = re.match(r"(\d{4})(?![\d])", value)
        if match:
            self.year = int(match.group(1))


#: A span of several months or a half year: what "a year earlier" compares then is a year, not the last quarter.
_SPAN_OF_MONTHS = re.compile(
    r"(?i)\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months|first\s+half|year[\s-]to[\s-]date)\b"
)

QUANTITY_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN",
    "upwards of": "MORE_THAN", "a little over": "MORE_THAN", "a little more than": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN", "just under": "LESS_THAN",
    "barely": "LESS_THAN",
}  # fmt: skip


def position_mod(pmod: str) -> str | None:
    """START, MID or END for "early", "mid", "late" and the like."""
    if not pmod:
        return None
    if pmod.startswith(("early", "start", "beginning", "the start", "the beginning", "the first half", "first half")):
        return "START"
    if pmod.startswith(
        ("late", "end", "close", "the end", "the close", "the second half", "second half", "the last half")
    ):
        return "END"
    if pmod.startswith(("mid", "middle", "the middle")):
        return "MID"
    return None


def group(groups: Mapping[str, str], name: str) -> str:
    return " ".join(groups.get(name, "").lower().split())


def direction_of(tense: Tense, default: str = "past") -> str:
    if tense in ("past", "future"):
        return tense
    return default


def year_for(
    anchor: dt.date, key: tuple[int, ...], anchor_key: tuple[int, ...], direction: str, *, bias: float = 1.5
) -> int:
    """The year that puts a (month, day) key in the given direction from the anchor."""
    if direction == "nearest":
        month, day = (key + (15,))[:2]
        past = safe_date(
            anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1, month, min(day, 28)
        )
        ahead = safe_date(
            anchor.year if (month, day) > (anchor.month, anchor.day) else anchor.year + 1, month, min(day, 28)
        )
        if past is None or ahead is None:
            return anchor.year
        # news looks back more often than ahead: a future reading must be clearly nearer
        if (ahead - anchor).days * bias < (anchor - past).days:
            return ahead.year
        return past.year
    if direction == "future":
        return anchor.year if key >= anchor_key else anchor.year + 1
    if direction == "past":
        return anchor.year if key <= anchor_key else anchor.year - 1
    return anchor.year


def month_number(word: str) -> int:
    return MONTHS.get(word.lower().rstrip(".").strip(), 0)


def day_number(groups: Mapping[str, str]) -> int:
    if groups.get("day"):
        return int(re.sub(r"\D", "", groups["day"]) or 0)
    return ORDINALS.get(group(groups, "dayword").replace(" ", "-"), 0)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def relative_step(rel: str) -> int | None:
    """-1 for last/past/previous, +1 for next/coming/following, 0 for this/current; None for other words."""
    rel = rel.replace("the ", "").strip()
    if rel in ("last", "past", "previous", "prior", "this past", "recent"):
        return -1
    if rel in ("next", "coming", "following", "this coming", "new"):
        return 1
    if rel in ("this", "current", "its", "full", "whole", "entire", "fiscal", "this fiscal", "current fiscal", "same"):
        return 0
    return None


class RuleBase:
    """What every family of normalisation rules shares: the document context and the policy."""

    def __init__(self, context: Narrative, *, policy: Policy = DEFAULT_POLICY) -> None:
        self.context = context
        self.policy = policy

    @property
    def anchor(self) -> dt.date | None:
        """The publication date values are computed from (None: no year is ever invented)."""
        return self.context.anchor


def parse_fraction(text: str) -> float:
    total = 0.0
    for part in text.replace(",", "").split():
        if "/" in part:
            top, bottom = part.split("/")
            total += int(top) / int(bottom) if int(bottom) else 0
        else:
            total += float(part)
    return total


def duration_value(number: int | None, unit: str) -> str:
    """P3D, PT2H, P20Y (decades in years), PXY when the number is vague."""
    code = UNITS.get(unit, "")
    amount = "X" if number is None else str(number)
    if code == "DE":
        return f"P{number * 10}Y" if number is not None else "PXDE"
    if code == "CE":
        return f"P{number * 100}Y" if number is not None else "PXCE"
    if code == "ML":
        return f"P{number * 1000}Y" if number is not None else "PXML"
    if code == "WE":
        return f"P{number * 2}D" if number is not None else "PXWE"
    if unit in ("second", "minute", "hour"):
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


def fraction_value(amount: float, unit: str) -> str:
    """A duration with a fraction, written in the next smaller unit when needed (1.5 years -> P18M)."""
    if amount == int(amount):
        return duration_value(int(amount), unit)
    smaller = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
               "hour": ("minute", 60), "minute": ("second", 60), "decade": ("year", 10)}  # fmt: skip
    if unit in smaller:
        name, factor = smaller[unit]
        whole, rest = int(amount), round((amount - int(amount)) * factor)
        small = duration_value(rest, name)
        if whole == 0:
            return small
        big = duration_value(whole, unit)
        if "T" in small:
            return big + small[2:] if "T" in big else big + small[1:]
        return big + small[1:]
    return duration_value(None, unit)
