"""The recognition rules: one compiled regular expression per kind of time expression.

Each rule's named groups carry what the normaliser needs (month, day, year, unit, modifiers...).
Rules are tried on the normalised text (ASCII quotes, plain spaces) and the longest match wins.
"""

from __future__ import annotations

import re

from eventwire.stages.dates.words import (
    HOLIDAYS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TENS_WORDS,
    UNIT_FORMS,
    UNITS_WORDS,
    WEEKDAYS,
    alternation,
)

_B = r"(?<![\w$\u00a3\u20ac#@/])"  # start: not inside a word, a price or a path
_E = r"(?![\w/]|-(?:old|year-old)\b)"  # end: not inside a word or an age


def _month(name: str) -> str:
    full = r"(?i:january|february|april|june|july|august|september|october|november|december)"
    capital = r"(?-i:March|May|MARCH|MAY)"
    short = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?=\s+\d))"
    return rf"(?P<{name}>{full}|{capital}|{short})"


def _weekday(name: str) -> str:
    full = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    short = r"(?-i:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)"
    return rf"(?P<{name}>{full}|{short})"


_ORD_DAY_WORDS = alternation(
    w for w, n in ORDINALS.items() if n <= 31 and not w[0].isdigit() and w not in ("last", "final")
)
_UNIT_WORD = alternation(UNITS_WORDS)
_TENS = alternation(TENS_WORDS)
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d,])(?:\s+\d/\d)?|\d/\d"
    rf"|(?:{_TENS})(?:[\s-](?:{_UNIT_WORD}))?|(?:{_UNIT_WORD})"
    r"|(?:a|one)\s+hundred|(?:a|one|two|three|four|five)\s+thousand|a\s+dozen|dozens\s+of|hundreds\s+of"
    r"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|a\s+number\s+of|several|few|many|numerous|an?)"
)
UNIT_SINGULAR = r"second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century|millennium"
UNIT_PLURAL = r"seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries|millennia"
UNIT = rf"(?:{UNIT_PLURAL}|{UNIT_SINGULAR}|hrs|mins|yrs)"
MONTH = _month("month")
WEEKDAY = _weekday("weekday")
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)"
DAY_WORD = rf"(?P<dayword>{_ORD_DAY_WORDS})"
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d,.]\d)(?!\s*(?:%|percent))"
POSITION = (
    r"(?P<pmod>early|earlier|late|later|mid|middle|the\s+(?:start|beginning|end|middle|close|turn)\s+of"
    r"|(?:start|beginning|end|middle|close)\s+of|the\s+(?:first|second)\s+half\s+of|(?:first|second)\s+half\s+of"
    r"|the\s+(?:first|last)\s+half\s+of)"
)
QUANTITY_MOD = (
    r"(?P<qmod>around|approximately|roughly|nearly|some|at\s+least|at\s+most|more\s+than|less\s+than|under|up\s+to"
    r"|no\s+more\s+than|no\s+less\s+than|fewer\s+than|a\s+little\s+more\s+than|upwards\s+of)"
)
PART = r"(?P<part>morning|afternoon|evening|night)"
_WEEKDAY_LEAD = rf"(?:{_weekday('lead')},?\s+)?"
_ORD_QUARTER = r"first|second|third|fourth|1st|2nd|3rd|4th|final"
HOLIDAY = rf"(?P<holiday>{alternation(HOLIDAYS)})"

_SPOKEN_YEAR = (
    rf"(?P<spoken>(?:nineteen|eighteen)[\s-]+(?:(?:{_TENS})(?:[\s-](?:{_UNIT_WORD}))?|hundred|oh[\s-]+\w+|(?:{_UNIT_WORD}))"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_UNIT_WORD}))?)"
)

RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"(?P<year>\d{4})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?"),
    ("slash", r"(?P<mm>1[0-2]|0?[1-9])/(?P<dd>[12]\d|3[01]|0?[1-9])/(?P<yy>\d{4}|\d{2})"),
    ("mdy", rf"{_WEEKDAY_LEAD}(?:{POSITION}[\s-]+)?{MONTH}\s*(?:{DAY}|{DAY_WORD})(?:,\s*|\s+){YEAR}"),
    ("dmy", rf"{_WEEKDAY_LEAD}(?:the\s+)?(?:{DAY}|{DAY_WORD})(?:\s+of)?\s+{MONTH},?\s+{YEAR}"),
    ("week_of", rf"the\s+(?P<unit>week|weekend)\s+of\s+{MONTH}\s*{DAY}(?:,?\s+{YEAR})?"),
    ("md", rf"{_WEEKDAY_LEAD}(?:(?P<pmod>early|late|around|about)\s+)?{MONTH}\s*(?:{DAY}|{DAY_WORD})"),
    ("dm", rf"{_WEEKDAY_LEAD}(?:the\s+)?(?:{DAY}|{DAY_WORD})(?:\s+of)?\s+{MONTH}"),
    ("my", rf"(?:{POSITION}[\s-]+)?{MONTH},?\s+(?:of\s+)?(?:{YEAR}|(?P<rel>this|last|next)\s+year|'(?P<yy>\d\d))"),
    (
        "month",
        rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|previous)\s+|{POSITION}[\s-]+)?{MONTH}"
        r"(?![.\s]*\d{1,2}\b(?![\d,.:]\d))",  # "last Oct. 23" is a day: the md rule reads it
    ),
    (
        "year",
        rf"(?:(?P<fiscal>fiscal|calendar|fiscal\s+year|FY|model\s+year)\s*|{POSITION}[\s-]+|(?P<prepost>post|pre)-)?"
        rf"(?:the\s+year\s+)?{YEAR}(?P<beyond>\s+and\s+beyond|\s+or\s+later|\s+or\s+beyond)?",
    ),
    (
        "spoken_year",
        rf"(?:the\s+)?(?:(?P<season>winter|summer|spring|fall|autumn)\s+of\s+)?(?:{MONTH}\s+)?(?:the\s+year\s+)?{_SPOKEN_YEAR}",
    ),
    (
        "decade",
        rf"(?:(?P<the>the)\s+)?(?:{POSITION}[\s-]+(?:the\s+)?)?(?:(?P<dec>1[5-9]\d|20\d)0'?s|'(?P<dd>\d)0'?s"
        r"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
    ),
    ("century", rf"(?:the\s+)?(?:{POSITION}[\s-]+)?(?P<cent>\d{{1,2}}(?:st|nd|rd|th)|{_ORD_DAY_WORDS})[\s-]+century"),
    (
        "dayword",
        rf"(?:(?P<pmod>early|late|earlier|later|mid|the\s+day\s+before|the\s+day\s+after)[\s-]+)?"
        rf"(?P<word>yesterday|today|tomorrow|tonight)(?:\s+{PART})?",
    ),
    (
        "weekday",
        rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|previous|the\s+previous|the\s+following"
        rf"|the\s+next|the\s+same|the\s+day\s+before\s+last)\s+|(?P<pmod>early|late|earlier|later|mid)[\s-]+)?"
        rf"{WEEKDAY}(?P<plural>s)?(?:\s+{PART})?(?:\s+(?P<noon>noon|at\s+noon))?",
    ),
    (
        "clock",
        rf"(?:(?P<qmod>around|approximately|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?"
        r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?(?:\s*(?P<ampm>a\.m\b\.?|p\.m\b\.?|am\b|pm\b|o'clock)"
        r"(?:\s+(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|BST|CET))\b)?(?:\s+(?P<partword>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?"
        r"|\s+(?P<partonly>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))"
        rf"(?:,?\s+(?P<dayrel>yesterday|today|tomorrow|tonight|{_weekday('weekday')}|{_month('month')}\s*{DAY}))?",
    ),
    (
        "clock24",
        r"(?P<hour>[01]\d|2[0-3]):?(?P<minute>[0-5]\d)\s*(?P<tz>(?-i:GMT|UTC|BST|CET|EST|EDT|PST|PDT)|hours|hrs|local\s+time)"
        r"|(?<=\bat\s)(?P<hour2>[01]?\d|2[0-3]):(?P<minute2>[0-5]\d)(?!\s*(?:a\.?m|p\.?m))",
    ),
    ("noon", rf"(?P<word>noon|midnight|midday)(?:,?\s+(?P<dayrel>yesterday|today|tomorrow|{_weekday('weekday')}))?"),
    (
        "dayref",
        r"(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+prior|that\s+same|that\s+very|the\s+same|that)"
        r"\s+day(?!-|\s+(?:before|after)\b)",
    ),
    (
        "partofday",
        rf"(?P<rel>this|last|that|tomorrow|yesterday|early\s+this|late\s+last|late\s+this|later\s+this|earlier\s+this"
        rf"|the\s+next|the\s+following|the\s+same|in\s+the)\s+{PART}|(?P<word>overnight|mid-?afternoon|mid-?morning)"
        r"(?:,?\s+(?P<dayrel>yesterday|today|tomorrow))?",
    ),
    (
        "season",
        rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+past|the\s+coming|the|early|late|mid|the\s+early|the\s+late)\s+)?"
        rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?{YEAR})?",
    ),
    (
        "quarter",
        rf"(?:(?P<det>the(?![\w\s]+-quarter)|this\s+year's|last\s+year's|next\s+year's|the\s+year's)\s+)?"
        rf"(?:(?P<year>1[6-9]\d\d|20\d\d)\s+)?(?:(?:fiscal|flat|latest|current|calendar)[\s-]+)?"
        rf"(?P<ord>{_ORD_QUARTER})[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?P<plural>s)?"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year2>1[6-9]\d\d|20\d\d)|(?P<rel2>this|last|next)\s+year|the\s+year))?",
    ),
    ("period_of_year", r"(?P<det>the)\s+(?P<year>1[6-9]\d\d|20\d\d)\s+(?P<unit>quarter|period)"),
    ("qcode", r"(?P<q>[1-4])Q(?:\s*(?P<year>\d{4}))?|Q(?P<q2>[1-4])(?:\s*(?P<year2>\d{4}))?"),
    (
        "yearago",
        r"(?:the\s+)?(?:(?P<adj>comparable|corresponding|same)\s+)?year[\s-](?P<dir>earlier|ago)"
        rf"(?:\s+(?:(?P<ord>{_ORD_QUARTER})[\s-]+)?(?P<unit>quarter|period|nine\s+months|six\s+months|month|year|half))?",
    ),
    (
        "relative",
        rf"(?:{POSITION}[\s-]+)?(?P<rel>this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+following|the\s+current"
        r"|the\s+latest|the\s+same|that|the|this\s+past|this\s+coming|coming|past|previous|current|latest|following"
        r"|the\s+prior|prior|the\s+next|the\s+last|the\s+recent|its|the\s+full|the\s+whole|the\s+entire|the\s+fiscal"
        r"|this\s+fiscal|last\s+fiscal|next\s+fiscal|the\s+current\s+fiscal|the\s+latest\s+fiscal|the\s+new)"
        r"\s+(?P<unit>week|weekend|month|quarter|fiscal\s+year|year|decade|century|half|period|season)",
    ),
    (
        "yearend",
        r"(?:(?P<qmod>around|about|by|until)\s+)?(?P<word>year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year|the\s+end\s+of\s+the\s+month)",
    ),
    (
        "within",
        rf"(?:{POSITION}\s+)?(?P<rel>earlier|later|early|late)\s+(?P<rel2>this|that|last|next|in\s+the)\s+(?P<unit>week|month|year|quarter|day|decade)",
    ),
    (
        "set_every",
        rf"(?P<q>every|each|per|a|an|twice\s+a|once\s+a|(?:\d+|two|three|four)\s+times\s+a)\s+(?:(?P<num>other|{NUMBER})\s+)?"
        rf"(?P<unit>{UNIT_SINGULAR}|{UNIT_PLURAL}|morning|afternoon|evening|{_weekday('weekday')}|{_month('month')})",
    ),
    (
        "ago",
        rf"(?:{QUANTITY_MOD}\s+)?(?P<num>{NUMBER})(?:\s+(?:more|or\s+so|full|long))?[\s-]+(?:(?:trading|business|working|calendar)\s+)?"
        rf"(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back)(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)",
    ),
    (
        "duration",
        rf"(?:{QUANTITY_MOD}\s+)?(?:(?P<det>the|its|their|his|her|this|these|those|each\s+of\s+the)\s+)?"
        r"(?:(?P<rel>past|last|next|first|final|previous|coming|following|remaining|latest|initial|additional|further"
        r"|other|prior|ensuing|succeeding|recent|early|same)\s+)?"
        rf"(?P<num>{NUMBER})(?:\s+(?:more|additional|straight|consecutive|full|long|whole|extra|or\s+so))?[\s-]+"
        rf"(?:(?:trading|business|working|calendar|fiscal|school|sessions?)\s+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?"
        r"(?P<ahead>\s+ahead)?",
    ),
    (
        "duration_range",
        rf"(?:the\s+(?:past|last|next|coming)\s+)?(?P<num>\d+|{_UNIT_WORD}|{_TENS})\s*(?:to|-|or)\s*(?P<num2>\d+|{_UNIT_WORD}|{_TENS})[\s-]+(?P<unit>{UNIT})",
    ),
    (
        "vague",
        rf"(?:(?:(?P<det>the|these|those)\s+)?(?P<rel>past|last|next|coming|recent|previous|first|ensuing|early|future|few)\s+)?"
        rf"(?:(?P<num>few|several|many|a\s+few|a\s+couple\s+of|couple\s+of)\s+)?(?P<unit>{UNIT_PLURAL})(?P<ago>\s+ago)?(?P<ahead>\s+ahead)?(?P<long>-long)?",
    ),
    (
        "ref",
        r"(?P<word>now|right\s+now|just\s+now|currently|current|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment"
        r"|recently|more\s+recently|most\s+recently|recent|previously|formerly|earlier|lately|in\s+the\s+past|the\s+past"
        r"|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|future|soon|shortly|the\s+near\s+term|the\s+short\s+term"
        r"|the\s+long\s+term|the\s+medium\s+term|as\s+soon\s+as\s+possible|a\s+later\s+date|the\s+time\s+being|for\s+the\s+time\s+being"
        r"|some\s+time|a\s+while|once|the\s+moment)",
    ),
    (
        "set_adverb",
        r"(?P<word>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly|bimonthly|semiannually|biannually)",
    ),
    ("holiday", rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?{HOLIDAY}(?:\s+(?P<unit>week|weekend))?"),
)

COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(_B + "(?:" + pattern + ")" + _E, re.IGNORECASE)) for name, pattern in RULES
)
RULE_ORDER = {name: index for index, (name, _) in enumerate(RULES)}


#: Each rule's match contains one of its trigger words (or a number); rules run only in windows around them.
TRIGGER_WORDS: dict[str, frozenset[str]] = {
    "month": frozenset(MONTHS),
    "weekday": frozenset(WEEKDAYS) | frozenset(w + "s" for w in WEEKDAYS),
    "unit": frozenset(UNIT_FORMS) | {"hrs", "mins", "yrs", "period", "periods", "season"},
    "dayword": frozenset({"yesterday", "today", "tomorrow", "tonight"}),
    "part": frozenset(PARTS_OF_DAY) | {"afternoon", "morning", "night"},
    "noon": frozenset({"noon", "midnight", "midday"}),
    "season": frozenset(SEASONS),
    "quarter": frozenset({"quarter", "quarters", "half"}),
    "century": frozenset({"century"}),
    "spoken": frozenset({"eighteen", "nineteen", "thousand"}),
    "decade": frozenset({"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}),
    "holiday": frozenset({"christmas", "thanksgiving", "easter", "year", "independence", "valentine", "halloween",
                          "veterans", "armistice", "boxing", "may", "election", "friday", "labor", "memorial",
                          "martin"}),
    "set": frozenset({"daily", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly", "nightly", "biweekly",
                      "bimonthly", "semiannually", "biannually"}),
    "ref": frozenset({"now", "currently", "current", "present", "presently", "nowadays", "days", "moment", "recently",
                      "recent", "previously", "formerly", "earlier", "lately", "past", "future", "soon", "shortly",
                      "term", "possible", "date", "time", "while", "once"}),
}  # fmt: skip

#: Word -> the trigger kinds it belongs to.
TRIGGER_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _words in TRIGGER_WORDS.items():
    for _word in _words:
        TRIGGER_KINDS[_word] = (*TRIGGER_KINDS.get(_word, ()), _kind)
WORD = re.compile(r"[A-Za-z]+|\d+")

#: The trigger kinds each rule needs (one of them).
RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    **{name: ("digit",) for name in ("iso", "slash", "clock", "clock24", "qcode", "period_of_year", "year")},
    **{name: ("month",) for name in ("mdy", "dmy", "md", "dm", "my", "month", "week_of")},
    **{name: ("unit",) for name in ("yearago", "relative", "yearend", "within", "ago", "duration", "duration_range")},
    "vague": ("unit",),
    "spoken_year": ("spoken",),
    "decade": ("digit", "decade"),
    "century": ("century",),
    "dayword": ("dayword",),
    "weekday": ("weekday",),
    "noon": ("noon",),
    "partofday": ("part",),
    "dayref": ("unit",),
    "season": ("season",),
    "quarter": ("quarter",),
    "set_every": ("unit", "weekday", "month", "part"),
    "ref": ("ref",),
    "set_adverb": ("set",),
    "holiday": ("holiday",),
}
