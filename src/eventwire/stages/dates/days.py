"""Normalisation of calendar dates, days and clock times (rules iso ... partofday)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from eventwire.stages.dates.calendar import fmt, holiday, weekday_date
from eventwire.stages.dates.values import (
    Normal,
    RuleBase,
    Tense,
    day_number,
    direction_of,
    group,
    month_number,
    position_mod,
    relative_step,
    safe_date,
    year_for,
)
from eventwire.stages.dates.words import HOLIDAYS, ORDINALS, PARTS_OF_DAY, SEASONS, TENS_WORDS, WEEKDAYS, number_value

#: A weekday after a clock time, past an aside or inside it: "10:35 a.m. (0735 GMT) Friday", "4 (4 a.m. EDT Thursday)".
_ASIDE_WEEKDAY = re.compile(
    r"\s*\((?:[^()]{1,30}\)\s*(?:on\s+)?|[^()]{0,30}?\b)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


class CalendarRules(RuleBase):
    """Dates, days of the week, parts of the day and clock times."""

    def _iso(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        day = safe_date(int(g["year"]), int(g["mm"]), int(g["dd"]))
        if day is None:
            return None
        if g.get("hour"):
            return Normal("TIME", f"{fmt(day, 'D')}T{g['hour']}:{g['minute']}")
        return Normal("DATE", fmt(day, "D"))

    def _slash(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        yy = g["yy"]
        year = int(yy) if len(yy) == 4 else (1900 + int(yy) if int(yy) > 30 else 2000 + int(yy))
        day = safe_date(year, int(g["mm"]), int(g["dd"]))
        return Normal("DATE", fmt(day, "D")) if day else None

    def _mdy(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        day = safe_date(int(g["year"]), month_number(g["month"]), day_number(g))
        return Normal("DATE", fmt(day, "D"), position_mod(group(g, "pmod"))) if day else None

    _dmy = _mdy

    def _md(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        month, day = month_number(g["month"]), day_number(g)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        mod = position_mod(group(g, "pmod")) or ("APPROX" if group(g, "pmod") in ("around", "about") else None)
        anchor = self.anchor
        if anchor is None:
            return Normal("DATE", f"XXXX-{month:02d}-{day:02d}", mod)
        direction = self._dir_for_month(month, tense)
        year = year_for(anchor, (month, day), (anchor.month, anchor.day), direction, bias=self.policy.future_bias)
        year = self._close_year(anchor, year, month, day)
        found = safe_date(year, month, day)
        if found is None:
            return Normal("DATE", f"{year:04d}-{month:02d}-{day:02d}", mod)
        return Normal("DATE", fmt(found, "D"), mod)

    _dm = _md

    def _week_of(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        """ "the week of March 6": the week (or weekend) holding that day."""
        day = self._mdy(g, tense) if g.get("year") else self._md({"month": g["month"], "day": g["day"]}, tense)
        found = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", day.value if day else "")
        if found is None:
            return Normal("DATE", "")
        start = safe_date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        return Normal("DATE", fmt(start, "WE" if group(g, "unit") == "weekend" else "W")) if start else None

    def _close_year(self, anchor: dt.date, year: int, month: int, day: int) -> int:
        """A day the tense sent almost a year away comes back when the other reading is within the policy's window.

        A writer adds the year to a date that is not near: "Nov. 10" in a past-tense sentence of Nov. 2 is the
        coming deadline, and "the Feb. 23 accord" in a future-tense sentence of March 6 is the past one.
        """
        chosen = safe_date(year, month, min(day, 28))
        if chosen is None:
            return year
        for other in (year - 1, year + 1):
            near = safe_date(other, month, min(day, 28))
            if near is not None and abs((near - anchor).days) <= self.policy.near_days < abs((chosen - anchor).days):
                return other
        return year

    def _dir_for_month(self, month: int, tense: Tense) -> str:
        """Past or future tense decides; otherwise the nearest such month to the anchor."""
        direction = direction_of(tense, "")
        if direction == "past" and self.policy.month_past != "past":
            return self.policy.month_past
        return direction or self.policy.month_unknown

    def _my(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        month = month_number(g["month"])
        mod = position_mod(group(g, "pmod"))
        if g.get("year"):
            return Normal("DATE", f"{int(g['year']):04d}-{month:02d}", mod)
        if g.get("yy"):
            yy = int(g["yy"])
            year = (1900 + yy) if self.anchor is None or yy > self.anchor.year % 100 + 10 else 2000 + yy
            if self.anchor is not None:
                year = (self.anchor.year // 100) * 100 + yy
                if year > self.anchor.year + 10:
                    year -= 100
            return Normal("DATE", f"{year:04d}-{month:02d}", mod)
        step = relative_step(group(g, "rel"))
        if self.anchor is None or step is None:
            return Normal("DATE", f"XXXX-{month:02d}", mod)
        return Normal("DATE", f"{self.anchor.year + step:04d}-{month:02d}", mod)

    def _month(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        month = month_number(g["month"])
        if not month:
            return None
        mod = position_mod(group(g, "pmod"))
        anchor = self.anchor
        if anchor is None:
            return Normal("DATE", f"XXXX-{month:02d}", mod)
        rel = group(g, "rel")
        if rel in ("last", "past", "previous", "this past"):
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif rel in ("next", "coming", "this coming"):
            year = anchor.year if month > anchor.month else anchor.year + 1
        elif rel == "this":
            year = anchor.year
        else:
            year = year_for(
                anchor, (month,), (anchor.month,), self._dir_for_month(month, tense), bias=self.policy.future_bias
            )
        return Normal("DATE", f"{year:04d}-{month:02d}", mod)

    def _year(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        mod = position_mod(group(g, "pmod"))
        if group(g, "prepost") == "post":
            mod = "AFTER"
        elif group(g, "prepost") == "pre":
            mod = "BEFORE"
        elif g.get("beyond"):
            mod = "EQUAL_OR_MORE"
        pmod = group(g, "pmod")
        if "half" in pmod:
            return Normal("DATE", f"{int(g['year']):04d}-H{1 if 'first' in pmod else 2}")
        return Normal("DATE", f"{int(g['year']):04d}", mod)

    def _spoken_year(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        words = group(g, "spoken").replace("-", " ").split()
        if words[:2] == ["two", "thousand"]:
            rest = [w for w in words[2:] if w != "and"]
            year = 2000 + (number_value(" ".join(rest)) or 0 if rest else 0)
        else:
            century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[words[0]]
            rest = words[1:]
            if rest == ["hundred"]:
                year = century * 100
            else:
                if rest and rest[0] == "oh":
                    rest = rest[1:]
                tail = number_value(" ".join(rest))
                if tail is None or tail > 99:
                    return None
                year = century * 100 + tail
        if g.get("month"):
            return Normal("DATE", f"{year:04d}-{month_number(g['month']):02d}")
        if g.get("season"):
            return Normal("DATE", f"{year:04d}-{SEASONS[group(g, 'season')]}")
        return Normal("DATE", f"{year:04d}")

    def _decade(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        mod = position_mod(group(g, "pmod"))
        if g.get("dec"):
            # TimeBank writes "the 1990s" as 199 and a bare "1990s" as 199X
            return Normal("DATE", g["dec"] + ("" if g.get("the") else "X"), mod)
        digit = int(g["dd"]) if g.get("dd") else 2 + list(TENS_WORDS).index(group(g, "dw").replace("ies", "y"))
        anchor = self.anchor
        if anchor is None:
            return Normal("DATE", "", mod)  # "the nineties": which century is the anchor's to say
        century = anchor.year // 100 - (1 if digit * 10 > anchor.year % 100 else 0)
        return Normal("DATE", f"{century:02d}{digit}", mod)

    def _century(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        word = group(g, "cent")
        number = int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINALS.get(word.replace(" ", "-"), 0)
        if not 1 <= number <= 99:
            return None
        return Normal("DATE", f"{number - 1:02d}", position_mod(group(g, "pmod")))

    def _holiday(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        rule = HOLIDAYS[group(g, "holiday").replace("\u2019", "'")]
        anchor = self.anchor
        if anchor is None:
            fixed = rule if len(rule) == 5 and rule[2] == "-" else None
            return Normal("DATE", f"XXXX-{fixed}" if fixed else "")
        rel = group(g, "rel")
        this_year = holiday(rule, anchor.year)
        if this_year is None:
            return None
        direction = (
            "past"
            if rel in ("last", "this past")
            else "future"
            if rel in ("next", "this coming")
            else direction_of(tense, self.policy.weekday_unknown)
        )
        year = anchor.year
        if direction == "past" and this_year > anchor:
            year -= 1
        elif direction == "future" and this_year < anchor:
            year += 1
        day = holiday(rule, year)
        if day is None:
            return None
        if group(g, "unit") == "week":
            return Normal("DATE", fmt(day, "W"))
        if group(g, "unit") == "weekend":
            return Normal("DATE", fmt(day, "WE"))
        return Normal("DATE", fmt(day, "D"))

    # --- relative days and times ------------------------------------------------------------------------
    def _dayword(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        word, pmod = group(g, "word"), group(g, "pmod")
        if self.anchor is None:
            return Normal("DATE", "")
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
        if pmod == "the day before":
            offset -= 1
        elif pmod == "the day after":
            offset += 1
        day = self.anchor + dt.timedelta(days=offset)
        part = group(g, "part")
        if part:
            return Normal("TIME", f"{fmt(day, 'D')}T{PARTS_OF_DAY[part]}")
        if word == "tonight":
            return Normal("TIME", f"{fmt(day, 'D')}TNI")
        return Normal("DATE", fmt(day, "D"), position_mod(pmod))

    def _weekday(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        weekday = WEEKDAYS.get(group(g, "weekday").rstrip("."), 0)
        if not weekday:
            return None
        part = group(g, "part")
        if g.get("plural"):
            return Normal("SET", f"XXXX-WXX-{weekday}" + (f"T{PARTS_OF_DAY[part]}" if part else ""))
        anchor = self.anchor
        if anchor is None:
            return Normal("TIME" if part else "DATE", "")
        rel = group(g, "rel")
        if rel in ("the previous", "the following") and self.context.day:
            anchor = self.context.day  # "the previous Friday": the week before the day the story is telling
        if rel in ("last", "past", "previous", "this past", "the previous"):
            day = weekday_date(anchor - dt.timedelta(days=1), weekday, "past")
        elif rel in ("next", "coming", "this coming", "the following", "the next"):
            day = weekday_date(anchor + dt.timedelta(days=1), weekday, "future")
        elif rel == "the day before last":
            day = weekday_date(anchor - dt.timedelta(days=1), weekday, "past") - dt.timedelta(days=1)
        elif rel == "this":
            day = weekday_date(anchor, weekday, direction_of(tense, "nearest"))
        else:
            unknown = self.policy.weekday_present if tense == "present" else self.policy.weekday_unknown
            day = weekday_date(anchor, weekday, direction_of(tense, unknown))
        mod = position_mod(group(g, "pmod"))
        if g.get("noon"):
            return Normal("TIME", f"{fmt(day, 'D')}T12:00")
        if part:
            return Normal("TIME", f"{fmt(day, 'D')}T{PARTS_OF_DAY[part]}", mod)
        return Normal("DATE", fmt(day, "D"), mod)

    def _day_of(self, g: Mapping[str, str], tense: Tense) -> str:
        """The date part for a clock time: its weekday, day word or month day, else the anchor; "" unknown."""
        rel = group(g, "dayrel")
        if g.get("weekday"):
            normal = self._weekday({"weekday": g["weekday"]}, tense)
            return normal.value if normal else ""
        if g.get("month") and g.get("day"):
            normal = self._md({"month": g["month"], "day": g["day"]}, tense)
            return normal.value if normal else ""
        if rel:
            normal = self._dayword({"word": rel}, tense)
            return normal.value[:10] if normal else ""
        later = _ASIDE_WEEKDAY.match(self.context.after)  # "10:35 a.m. (0735 GMT) Friday"
        if later:
            normal = self._weekday({"weekday": later.group(1)}, tense)
            return normal.value if normal else ""
        return fmt(self.anchor, "D") if self.anchor else ""

    def _clock(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        ampm = group(g, "ampm").replace(".", "") or ("o'clock" if g.get("partonly") else "")
        if g.get("partonly"):  # "at 4 in the morning"
            g = {**g, "partword": g["partonly"]}
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        elif (
            (ampm == "o'clock" and "evening" in group(g, "partword"))
            or "night" in group(g, "partword")
            or (ampm == "o'clock" and "afternoon" in group(g, "partword"))
        ):
            hour = hour + 12 if hour < 12 else hour
        if hour > 23 or minute > 59:
            return None
        day = self._day_of(g, tense)
        mod = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX"}.get(group(g, "qmod"))
        if not day:
            return Normal("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", mod)
        return Normal("TIME", f"{day[:10]}T{hour:02d}:{minute:02d}", mod)

    def _clock24(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        hour, minute = g.get("hour") or g.get("hour2", "0"), g.get("minute") or g.get("minute2", "0")
        return self._clock({**g, "hour": hour, "minute": minute, "ampm": ""}, tense)

    def _noon(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        day = self._day_of(g, tense) or "XXXX-XX-XX"
        time = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[group(g, "word")]
        return Normal("TIME", f"{day[:10]}T{time}")

    def _partofday(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        word = group(g, "word")
        if word:
            part = PARTS_OF_DAY.get(word, "NI")
            if self.anchor is None:
                return Normal("TIME", "")
            day = self._day_of(g, tense)  # "mid-afternoon yesterday"; the anchor without a day word
            return Normal("TIME", f"{day[:10]}T{part}")
        part, rel = PARTS_OF_DAY[group(g, "part")], group(g, "rel")
        if self.anchor is None:
            return Normal("TIME", "")
        offset = 0
        if rel == "yesterday" or (rel in ("last", "late last") and part in ("NI", "EV")):
            offset = -1
        elif rel in ("tomorrow", "the next", "the following"):
            offset = 1
        elif rel in ("last", "late last"):
            offset = -1
        base = self.anchor
        if rel in ("that", "the same", "the next", "the following") and self.context.day:
            base = self.context.day  # "that morning", "the next morning": the day the story is telling
        elif rel == "in the":
            base = self.context.recent_day() or base  # "in the morning" just after "Friday": Friday's
        return Normal("TIME", f"{fmt(base + dt.timedelta(days=offset), 'D')}T{part}")

    def _dayref(self, g: Mapping[str, str], tense: Tense) -> Normal | None:
        """ "that day", "the next day", "the previous day": the story's last day, else the anchor, moved."""
        offset = {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1}.get(group(g, "rel"), 0)
        told = self.context.narrative_day()
        if told.endswith("XX"):
            return Normal("DATE", told)
        base = dt.date.fromisoformat(told) if told else self.anchor
        if base is None:
            return Normal("DATE", "")
        return Normal("DATE", fmt(base + dt.timedelta(days=offset), "D"))
