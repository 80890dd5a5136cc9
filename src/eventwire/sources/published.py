"""Publication dates as people and feeds write them: ISO, 26/06/2024, "June 26, 2024", RFC 2822.

``read_date`` gives a date or the reason it will not guess one: a day-month order that both
readings allow (03/04/2024) is refused rather than read the American or the European way.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_YMD = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\s*$")
_NUMERIC = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s*$")
_MONTH_FIRST = re.compile(r"^\s*(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\s*$")
_DAY_FIRST = re.compile(r"^\s*(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$")
#: Month names and abbreviations -> month number (shared with the dateline reader in files.py).
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
FORMS = "YYYY-MM-DD, 26/06/2024 (day > 12), June 26, 2024, 26 June 2024, or an RFC 2822 date"


def read_date(value: str) -> dt.date | str:
    """The date ``value`` names, or a sentence saying why it is not read (ambiguous, not a date, unknown form)."""
    text = value.strip()
    if not text:
        return "the date is empty"
    if match := _ISO.match(text) or _YMD.match(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
    if match := _NUMERIC.match(text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if first > 12 >= second:
            return _make(year, second, first, text)
        if second > 12 >= first:
            return _make(year, first, second, text)
        if first == second:
            return _make(year, first, second, text)
        if second == 0 or first == 0:
            return f"{text!r} is not a real date"
        return (
            f"{text!r} is ambiguous: {first} {_name(second)} or {second} {_name(first)} {year}? Write it as YYYY-MM-DD"
        )
    for pattern, month_group, day_group in ((_MONTH_FIRST, 1, 2), (_DAY_FIRST, 2, 1)):
        if match := pattern.match(text):
            month = MONTHS.get(match.group(month_group).lower())
            if month is None:
                return f"{match.group(month_group)!r} in {text!r} is not an English month name"
            return _make(int(match.group(3)), month, int(match.group(day_group)), text)
    if "," in text or re.search(r"[+-]\d{4}$|GMT|UT", text):
        try:
            return email.utils.parsedate_to_datetime(text).date()  # the date where it was written
        except (TypeError, ValueError, IndexError):
            pass
    return f"{text!r} is not a date eventwire reads ({FORMS})"


def _make(year: int, month: int, day: int, text: str) -> dt.date | str:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return f"{text!r} is not a real date"


def _name(month: int) -> str:
    return dt.date(2000, month, 1).strftime("%B")
