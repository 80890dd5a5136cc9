"""Words of time: month, weekday, number, unit, season and part-of-day names with their values.

Every table maps a lower-cased surface form to its value; ``alternation`` turns a table into a
regular-expression alternative that tries longer forms first.
"""

from __future__ import annotations

from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}  # fmt: skip

#: Short forms that are also ordinary words; they count only when written with a capital and a dot.
AMBIGUOUS_SHORT = frozenset({"mar", "may", "jun", "jul", "sat", "sun", "wed", "dec", "mon", "sep"})

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "millennium": "ML",
}  # fmt: skip

UNIT_FORMS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "mins": "minute", "hours": "hour", "hrs": "hour",
    "days": "day", "nights": "night", "weeks": "week", "weekends": "weekend", "months": "month",
    "quarters": "quarter", "years": "year", "yrs": "year", "decades": "decade", "centuries": "century",
    "millennia": "millennium", "millenniums": "millennium",
    **{u: u for u in ("second", "minute", "hour", "day", "night", "week", "weekend", "month", "quarter",
                      "year", "decade", "century", "millennium")},
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "mid-afternoon": "AF", "midafternoon": "AF", "mid-morning": "MO", "midmorning": "MO",
    "daytime": "DT",
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
    "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4, "final": 4,
}  # fmt: skip

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

#: Quantities that name no exact number: the value gets an X ("PXY").
VAGUE_NUMBERS = frozenset(
    {"a few", "few", "several", "some", "many", "a number of", "numerous", "the", "a fairly lengthy"}
)

HOLIDAYS: dict[str, str] = {
    "christmas day": "12-25", "christmas eve": "12-24", "christmas": "12-25", "new year's day": "01-01",
    "new year's eve": "12-31", "independence day": "07-04", "valentine's day": "02-14", "halloween": "10-31",
    "veterans day": "11-11", "armistice day": "11-11", "boxing day": "12-26", "may day": "05-01",
    "thanksgiving day": "thanksgiving", "thanksgiving": "thanksgiving", "election day": "election",
    "easter sunday": "easter", "easter": "easter", "good friday": "good_friday", "labor day": "labor",
    "memorial day": "memorial", "martin luther king day": "mlk",
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of the words, longest first, with spaces allowing any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+").replace("'", "['\u2019]") for w in ordered)


def number_value(words: str) -> int | None:
    """The value of a number written in digits or English words ("twenty-four", "a", "1,000"); None if vague."""
    text = " ".join(words.lower().replace("-", " ").split())
    if not text:
        return None
    digits = text.replace(",", "")
    if digits.isdigit():
        return int(digits)
    if text in ("a", "an", "one"):
        return 1
    if text in ("a couple of", "couple of", "a couple", "a pair of"):
        return 2
    if text in ("a dozen", "dozen"):
        return 12
    if text in ("a hundred", "one hundred", "hundred"):
        return 100
    if text in ("a thousand", "one thousand", "thousand"):
        return 1000
    total = 0
    for word in text.split():
        if word in UNITS_WORDS:
            total += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            total += TENS_WORDS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word == "thousand":
            total = max(total, 1) * 1000
        elif word == "and":
            continue
        else:
            return None
    return total
