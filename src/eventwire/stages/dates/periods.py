"""Normalisation of periods, durations, vague references and sets (rules season ... set_every)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from eventwire.stages.dates.calendar import fmt, quarter, shift
from eventwire.stages.dates.values import (
    QUANTITY_MODS,
    Normal,
    RuleBase,
    Tense,
    direction_of,
    duration_value,
    fraction_value,
    group,
    month_number,
    parse_fraction,
    position_mod,
    relative_step,
)
from eventwire.stages.dates.words import (
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_FORMS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    number_value,
)

#: "the year ended Sept. 30", "the year to date": a stretch of twelve months, not the calendar year.
_SPAN_OF_YEAR = re.compile(r"(?i)\s*(?:that\s+)?(?:ended|ending|ends|to\s+date|through|before|earlier|after|later)\b")
#: "the quarter ended Sept. 30": the day a reported period closed.
_ENDED_ON = re.compile(r"(?i)\s*(?:that\s+)?(?:ended|ending)\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b")


def _past_day(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The latest (month, day) not after the anchor; None if there is no such day."""
    if not month:
        return None
    for year in (anchor.year, anchor.year - 1):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return None
        if found <= anchor:
            return found
    return None


class PeriodRules(RuleBase):
    """Seasons, quarters, relative periods, durations, vague references and sets."""

    def _season(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        code = SEASONS[group(g, "season")]
        rel = group(g, "rel")
        mod = position_mod(rel.replace("the ", ""))
        if g.get("year"):
            return Normal("DATE", f"{int(g['year']):04d}-{code}", mod)
        anchor = self.anchor
        if anchor is None:
            return Normal("DATE", f"XXXX-{code}", mod)
        order = ["WI", "SP", "SU", "FA"]
        current = order[(anchor.month % 12) // 3]
        index, now = order.index(code), order.index(current)
        year = anchor.year
        if rel in ("last", "this past", "the past"):
            year = anchor.year - 1 if rel == "last" or index >= now else anchor.year
        elif rel in ("next", "this coming", "the coming"):
            year = anchor.year if index > now else anchor.year + 1
        elif rel != "this":
            direction = direction_of(tense, "past")
            if direction == "past" and index > now:
                year -= 1
            elif direction == "future" and index < now:
                year += 1
        if code == "WI" and anchor.month == 12 and rel not in ("last", "the past", "this past"):
            year = anchor.year
        return Normal("DATE", f"{year:04d}-{code}", mod)

    def _quarter_year(self, g: Mapping[str, str], number: int, unit: str, tense: Tense) -> int | None:
        for name in ("year", "year2"):
            if g.get(name):
                return int(g[name])
        det, rel2 = group(g, "det"), group(g, "rel2")
        anchor = self.anchor
        if anchor is None:
            return None
        if det.startswith("last year") or rel2 == "last":
            return anchor.year - 1
        if det.startswith("next year") or rel2 == "next":
            return anchor.year + 1
        if det.startswith("this year") or rel2 == "this":
            return anchor.year
        current = quarter(anchor) if unit == "Q" else (1 if anchor.month <= 6 else 2)
        # a quarter is reported after it ends: "the third quarter" in October is this year's, whatever the tense
        if direction_of(tense, "") == "past" and number > current:
            return anchor.year - 1
        return anchor.year

    def _quarter(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        number = ORDINALS.get(group(g, "ord"), 0)
        unit = "Q" if group(g, "unit") == "quarter" else "H"
        if unit == "H" and number > 2:
            return None
        if g.get("plural") and not g.get("year") and not g.get("year2"):
            return Normal("SET", f"XXXX-{unit}{number}")
        year = self._quarter_year(g, number, unit, tense)
        return Normal("DATE", f"{year:04d}-{unit}{number}" if year else f"XXXX-{unit}{number}")

    def _qcode(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        number = int(g.get("q") or g.get("q2") or 0)
        return self._quarter(
            {
                "ord": f"{number}{'st' if number == 1 else 'nd' if number == 2 else 'rd' if number == 3 else 'th'}",
                "unit": "quarter",
                "year": g.get("year") or g.get("year2") or "",
            },
            tense,
        )

    def _period_of_year(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        year = int(g["year"])
        quarter_said = self.context.period_quarter()
        if quarter_said:
            return Normal("DATE", f"{year:04d}-Q{quarter_said[1]}")
        return Normal("DATE", f"{year:04d}" if group(g, "unit") == "period" else f"{year:04d}-QX")

    def _yearago(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        anchor = self.anchor
        unit = group(g, "unit")
        if unit in ("nine months", "six months"):
            return Normal("DURATION", "P9M" if unit.startswith("nine") else "P6M")
        if anchor is None:
            return Normal("DATE", "")
        if g.get("ord"):
            return Normal("DATE", f"{anchor.year - 1:04d}-Q{ORDINALS[group(g, 'ord')]}")
        quarter_said = self.context.period_quarter()
        if unit in ("period", "") and quarter_said is None and self.context.quarter:
            return Normal("DATE", f"{(self.context.year or anchor.year) - 1:04d}")
        if unit in ("quarter", "period", "") and quarter_said:
            year, q = quarter_said
            return Normal("DATE", f"{year - 1:04d}-Q{q}")
        if unit == "quarter":
            return Normal("DATE", fmt(shift(anchor, -4, "Q"), "Q"))
        if unit == "month":
            return Normal("DATE", fmt(shift(anchor, -12, "M"), "M"))
        return Normal("DATE", f"{(self.context.year or anchor.year) - 1:04d}")

    def _relative(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        unit = group(g, "unit").replace("fiscal ", "")
        rel = group(g, "rel")
        mod = position_mod(group(g, "pmod"))
        code = {"week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
                "century": "CE", "half": "H", "period": "Q", "season": ""}.get(unit, "")  # fmt: skip
        if not code:
            return None
        if rel == "the" and unit == "year" and not mod and self.anchor and not self._twelve_months():
            return Normal("DATE", f"{self.anchor.year:04d}")  # "for the year", "a high for the year": this one
        if rel == "the" and unit in ("year", "month", "week", "decade", "century") and not mod:
            if unit in ("year", "month", "decade", "century"):
                return Normal("DURATION", {"year": "P1Y", "month": "P1M", "decade": "P10Y", "century": "P100Y"}[unit])
            return Normal("DATE", f"{self.anchor.year:04d}-WXX" if self.anchor else "XXXX-WXX")
        anchor = self.anchor
        if rel in ("the latest", "latest") and code == "Q" and anchor is not None:
            return Normal("DATE", fmt(shift(anchor, -1, "Q"), "Q"), mod)
        if rel in ("that", "the same") or (rel == "the" and code in ("Q", "H")) or rel in ("the latest", "latest"):
            return self._referenced(code, rel, mod)
        step = relative_step(rel)
        if step is None and code == "WE" and rel == "the":
            step = 1 if tense == "future" else -1 if tense == "past" else 0
        if step is None and rel == "the" and mod:
            step = 0  # "the end of the month": this one
        if step is None:
            return None
        if rel in ("the following", "following", "the previous", "the prior") and self.context.day is not None:
            anchor = self.context.day  # narrative: "the following year" follows the last date the text gave
        if anchor is None:
            return Normal("DATE", "", mod)
        if code == "WE":
            start = anchor - dt.timedelta(days=anchor.isoweekday() - 1)  # this week's Monday
            if step < 0 and (rel != "the" or anchor.isoweekday() < 6):
                return Normal("DATE", fmt(start - dt.timedelta(days=1), "WE"), mod)
            if step > 0 and anchor.isoweekday() >= 6:
                return Normal("DATE", fmt(start + dt.timedelta(days=7), "WE"), mod)
            return Normal("DATE", fmt(anchor, "WE"), mod)
        if code == "DE":
            return Normal("DATE", fmt(shift(anchor, step * 120, "M"), "DE"), mod)
        if code == "CE":
            return Normal("DATE", fmt(shift(anchor, step * 1200, "M"), "CE"), mod)
        return Normal("DATE", fmt(shift(anchor, step, code), code), mod)

    def _twelve_months(self) -> bool:
        """True when "the year" is a span ("the year ended Sept. 30", "throughout the year"), not this year."""
        spans = self.context.clause.lower().rstrip().endswith(("throughout", "over", "during"))
        return spans or _SPAN_OF_YEAR.match(self.context.after) is not None

    def _referenced(self, code: str, rel: str, mod: str | None) -> Normal:
        """ "that year", "the quarter", "the latest period": the period the document last spoke of."""
        anchor, context = self.anchor, self.context
        ended = _ENDED_ON.match(context.after) if code == "Q" and rel == "the" else None
        if ended and anchor is not None:
            end = _past_day(anchor, month_number(ended.group(1)), int(ended.group(2)))
            if end is not None:  # "the quarter ended July 31": the three months before, named by their middle
                return Normal("DATE", fmt(end - dt.timedelta(days=45), "Q"), mod)
        if code == "Q":
            if context.quarter:
                return Normal("DATE", f"{context.quarter[0]:04d}-Q{context.quarter[1]}", mod)
            if anchor is None:
                return Normal("DATE", "XXXX-QX", mod)
            return Normal("DATE", fmt(shift(anchor, -1, "Q"), "Q"), mod)
        if code == "Y":
            year = context.year or (anchor.year if anchor else None)
            return Normal("DATE", f"{year:04d}" if year else "", mod)
        base = context.day or anchor
        if base is None:
            return Normal("DATE", "", mod)
        return Normal("DATE", fmt(base, code if code in ("D", "W", "M", "H", "WE") else "Y"), mod)

    def _yearend(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        word = group(g, "word")
        if self.anchor is None:
            return Normal("DATE", "", "END")
        if "month" in word:
            return Normal("DATE", fmt(self.anchor, "M"), "END")
        return Normal("DATE", fmt(self.anchor, "Y"), "END")

    def _within(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        unit = group(g, "unit")
        code = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "day": "D", "decade": "DE"}[unit]
        rel, rel2 = group(g, "rel"), group(g, "rel2")
        mod = {"early": "START", "late": "END"}.get(rel)
        if rel2 == "in the" and code == "D" and self.anchor is not None:
            return Normal("DATE", fmt(self.context.recent_day() or self.anchor, "D"), mod)  # "later in the day"
        if rel2 in ("that", "in the"):
            return self._referenced(code, "that", mod)
        if self.anchor is None:
            return Normal("DATE", "", mod)
        step = {"this": 0, "last": -1, "next": 1}[rel2]
        return Normal("DATE", fmt(shift(self.anchor, step, code), code), mod)

    # --- durations and anchored durations ---------------------------------------------------------------
    def _ago(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        unit = UNIT_FORMS.get(group(g, "unit"), "")
        code = UNITS.get(unit, "")
        direction = group(g, "dir")
        sign = 1 if direction in ("later", "from now", "hence", "after") else -1
        number = number_value(group(g, "num"))
        qmod = QUANTITY_MODS.get(group(g, "qmod"))
        if number is None or group(g, "num") in VAGUE_NUMBERS:
            return Normal("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if code in ("S", "H") or (code == "M" and unit == "minute"):
            return Normal("DURATION", duration_value(number, unit), qmod)
        anchor = self.anchor
        base = anchor
        if direction in ("earlier", "later", "before", "after") and code not in ("Y",) and self.context.day:
            base = self.context.day
        if base is None:
            return Normal("DATE", "", qmod)
        quarter_said = self.context.period_quarter()
        if code == "Y" and number == 1 and direction in ("earlier", "ago") and quarter_said:
            year, q = quarter_said
            return Normal("DATE", f"{year - 1:04d}-Q{q}", qmod)
        if code == "Y" and direction in ("earlier", "later") and self.context.year:
            return Normal("DATE", f"{self.context.year + sign * number:04d}", qmod)
        if code == "DE":
            return Normal("DATE", fmt(shift(base, sign * number * 120, "M"), "DE"), qmod)
        if code == "CE":
            return Normal("DATE", fmt(shift(base, sign * number * 1200, "M"), "CE"), qmod)
        if code == "WE":
            code = "W"
        return Normal("DATE", fmt(shift(base, sign * number, code), code), qmod)

    def _duration(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        unit = UNIT_FORMS.get(group(g, "unit"), "")
        if not unit:
            return None
        num = group(g, "num")
        number = number_value(num) if num not in VAGUE_NUMBERS else None
        if g.get("half") and number is not None:
            return Normal("DURATION", fraction_value(number + 0.5, unit), QUANTITY_MODS.get(group(g, "qmod")))
        if number is None and re.fullmatch(r"[\d.,]+(?:\s+\d/\d)?|\d/\d", num):
            return Normal("DURATION", fraction_value(parse_fraction(num), unit), QUANTITY_MODS.get(group(g, "qmod")))
        value = duration_value(number, unit)
        return Normal("DURATION", value, QUANTITY_MODS.get(group(g, "qmod")))

    def _duration_range(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        unit = UNIT_FORMS.get(group(g, "unit"), "")
        return Normal("DURATION", duration_value(None, unit)) if unit else None

    def _vague(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        unit = UNIT_FORMS.get(group(g, "unit"), "")
        rel = group(g, "rel")
        if g.get("ago"):
            return Normal("DATE", "PAST_REF")
        if rel == "recent" and unit in ("year", "decade"):
            return Normal("DATE", "PAST_REF")
        if unit == "decade":
            return Normal("DURATION", "PXY")
        if rel in ("future",) or (rel == "coming" and unit == "quarter"):
            return Normal("DATE", "FUTURE_REF")
        return Normal("DURATION", duration_value(None, unit))

    def _ref(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        word = group(g, "word")
        if word in ("some time", "a while"):
            return Normal("DURATION", "PXX")
        if word in ("recently", "more recently", "most recently", "recent", "previously", "formerly", "earlier",
                    "lately", "in the past", "the past", "once"):  # fmt: skip
            return Normal("DATE", "PAST_REF")
        if "future" in word or word in ("soon", "shortly", "the near term", "the short term", "the long term",
                                          "the medium term", "as soon as possible", "a later date"):  # fmt: skip
            return Normal("DATE", "FUTURE_REF")
        return Normal("DATE", "PRESENT_REF")

    # --- sets -------------------------------------------------------------------------------------------
    def _set_adverb(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                 "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D", "biweekly": "P2W", "bimonthly": "P2M",
                 "semiannually": "P6M", "biannually": "P6M"}[group(g, "word")]  # fmt: skip
        return Normal("SET", value)

    def _set_every(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        if g.get("weekday"):
            return Normal("SET", f"XXXX-WXX-{WEEKDAYS[group(g, 'weekday').rstrip('.')]}")
        if g.get("month"):
            return Normal("SET", f"XXXX-{month_number(g['month']):02d}")
        unit_word = group(g, "unit")
        if unit_word in ("morning", "afternoon", "evening"):
            return Normal("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit_word]}")
        unit = UNIT_FORMS.get(unit_word, "")
        num = group(g, "num")
        number = 2 if num == "other" else (number_value(num) if num else 1)
        return Normal("SET", duration_value(number, unit)) if unit else None
