"""Calendar arithmetic and TIMEX3 value formatting; pure functions over ``datetime.date``."""

from __future__ import annotations

import datetime as dt

MIN_YEAR, MAX_YEAR = 1, 9998


def quarter(day: dt.date) -> int:
    """The quarter (1-4) a day falls in."""
    return (day.month - 1) // 3 + 1


def add_months(day: dt.date, months: int) -> dt.date:
    """Move by whole months, keeping the day where the month allows (Jan 31 + 1 month = Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    last = _last_day(year, month + 1)
    return dt.date(year, month + 1, min(day.day, last))


def _last_day(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """Move a day by ``amount`` units (D, W, WE, M, Q, H, Y, DE, CE); out-of-range years are clamped."""
    try:
        if unit == "D":
            return day + dt.timedelta(days=amount)
        if unit in ("W", "WE"):
            return day + dt.timedelta(weeks=amount)
        months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}.get(unit, 0)
        return add_months(day, amount * months)
    except OverflowError:
        return day


def iso_week(day: dt.date) -> str:
    """The ISO week of a day as a TIMEX3 value, e.g. ``1998-W12``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def fmt(day: dt.date, granularity: str) -> str:
    """A TIMEX3 value for the period of the given granularity that contains ``day``."""
    y = f"{day.year:04d}"
    if granularity == "D":
        return f"{y}-{day.month:02d}-{day.day:02d}"
    if granularity == "M":
        return f"{y}-{day.month:02d}"
    if granularity == "W":
        return iso_week(day)
    if granularity == "WE":
        return iso_week(day) + "-WE"
    if granularity == "Q":
        return f"{y}-Q{quarter(day)}"
    if granularity == "H":
        return f"{y}-H{1 if day.month <= 6 else 2}"
    if granularity == "DE":
        return y[:3]
    if granularity == "CE":
        return y[:2]
    return y


def weekday_date(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The date of ISO ``weekday`` (1 = Monday) nearest the anchor in a direction: past, future or nearest.

    The anchor's own weekday is the anchor itself in every direction ("Friday" in a Friday story).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=back)
    if direction == "future":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(days=ahead)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    la = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * la) // 451
    month, day = divmod(h + la - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ISO weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, _last_day(year, month))
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday(name: str, year: int) -> dt.date | None:
    """The date of a named holiday ("MM-DD" or a rule name from the lexicon) in a year."""
    if len(name) == 5 and name[2] == "-":
        return dt.date(year, int(name[:2]), int(name[3:]))
    if name == "thanksgiving":
        return nth_weekday(year, 11, 4, 4)
    if name == "election":
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if name == "easter":
        return easter(year)
    if name == "good_friday":
        return easter(year) - dt.timedelta(days=2)
    if name == "labor":
        return nth_weekday(year, 9, 1, 1)
    if name == "memorial":
        return nth_weekday(year, 5, 1, -1)
    if name == "mlk":
        return nth_weekday(year, 1, 1, 3)
    return None
