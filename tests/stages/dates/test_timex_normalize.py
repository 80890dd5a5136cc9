"""TIMEX3 values of single expressions, anchored or not, and the past/future choice."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.dates.calendar import easter, shift, weekday_date
from eventwire.stages.dates.times import normalize
from eventwire.stages.dates.values import fraction_value

ANCHOR = dt.date(2023, 11, 21)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "tense", "kind", "value"),
    [
        ("Monday", "past", "DATE", "2023-11-20"),
        ("Sunday", "past", "DATE", "2023-11-19"),
        ("Tuesday", "past", "DATE", "2023-11-21"),
        ("Friday", "future", "DATE", "2023-11-24"),
        ("last Friday", "", "DATE", "2023-11-17"),
        ("next Monday", "", "DATE", "2023-11-27"),
        ("yesterday", "", "DATE", "2023-11-20"),
        ("today", "", "DATE", "2023-11-21"),
        ("tomorrow", "", "DATE", "2023-11-22"),
        ("this morning", "", "TIME", "2023-11-21TMO"),
        ("last night", "", "TIME", "2023-11-20TNI"),
        ("Sunday night", "past", "TIME", "2023-11-19TNI"),
        ("last week", "", "DATE", "2023-W46"),
        ("next week", "", "DATE", "2023-W48"),
        ("this week", "", "DATE", "2023-W47"),
        ("last month", "", "DATE", "2023-10"),
        ("last year", "", "DATE", "2022"),
        ("next year", "", "DATE", "2024"),
        ("earlier this year", "", "DATE", "2023"),
        ("earlier this month", "", "DATE", "2023-11"),
        ("September", "past", "DATE", "2023-09"),
        ("May", "past", "DATE", "2023-05"),
        ("January", "future", "DATE", "2024-01"),
        ("last October", "", "DATE", "2023-10"),
        ("last December", "", "DATE", "2022-12"),
        ("November 22", "future", "DATE", "2023-11-22"),
        ("November 20", "past", "DATE", "2023-11-20"),
        ("September 24", "", "DATE", "2023-09-24"),
        ("Dec. 15", "", "DATE", "2023-12-15"),
        ("Nov. 30", "past", "DATE", "2023-11-30"),  # near ahead: not a year back
        ("Nov. 12", "future", "DATE", "2023-11-12"),  # just past: not a year ahead
        ("Dec. 30", "past", "DATE", "2022-12-30"),
        ("21 November 2023", "", "DATE", "2023-11-21"),
        ("March 3, 1999", "", "DATE", "1999-03-03"),
        ("July 1988", "", "DATE", "1988-07"),
        ("1992", "", "DATE", "1992"),
        ("the 1990s", "", "DATE", "199"),
        ("the nineties", "", "DATE", "199"),
        ("the 20th century", "", "DATE", "19"),
        ("the third quarter", "", "DATE", "2023-Q3"),
        ("third-quarter", "", "DATE", "2023-Q3"),
        ("the first half of 1990", "", "DATE", "1990-H1"),
        ("last fall", "", "DATE", "2022-FA"),
        ("this summer", "", "DATE", "2023-SU"),
        ("the weekend", "past", "DATE", "2023-W46-WE"),
        ("three decades ago", "", "DATE", "199"),
        ("two years ago", "", "DATE", "2021"),
        ("three days ago", "", "DATE", "2023-11-18"),
        ("a year earlier", "", "DATE", "2022"),
        ("three decades", "", "DURATION", "P30Y"),
        ("two weeks", "", "DURATION", "P2W"),
        ("five-year", "", "DURATION", "P5Y"),
        ("the past two months", "", "DURATION", "P2M"),
        ("24 hours", "", "DURATION", "PT24H"),
        ("2 1/2 years", "", "DURATION", "P2Y6M"),
        ("a few days", "", "DURATION", "PXD"),
        ("several years", "", "DURATION", "PXY"),
        ("9 a.m.", "", "TIME", "2023-11-21T09:00"),
        ("10:30 p.m. Monday", "past", "TIME", "2023-11-20T22:30"),
        ("noon", "", "TIME", "2023-11-21T12:00"),
        ("every Monday", "", "SET", "XXXX-WXX-1"),
        ("Mondays", "", "SET", "XXXX-WXX-1"),
        ("daily", "", "SET", "P1D"),
        ("every year", "", "SET", "P1Y"),
        ("now", "", "DATE", "PRESENT_REF"),
        ("recently", "", "DATE", "PAST_REF"),
        ("the future", "", "DATE", "FUTURE_REF"),
        ("Christmas", "future", "DATE", "2023-12-25"),
        ("Thanksgiving", "future", "DATE", "2023-11-23"),
    ],
)
def test_values_anchored_on_the_publication_date(text: str, tense: str, kind: str, value: str) -> None:
    normal = normalize(text, anchor=ANCHOR, tense=tense)
    assert normal is not None, text
    assert (normal.type, normal.value) == (kind, value), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Monday", ""),
        ("yesterday", ""),
        ("last year", ""),
        ("three decades ago", ""),
        ("September", "XXXX-09"),
        ("November 20", "XXXX-11-20"),
        ("the third quarter", "XXXX-Q3"),
        ("three decades", "P30Y"),
        ("1992", "1992"),
        ("March 3, 1999", "1999-03-03"),
        ("now", "PRESENT_REF"),
    ],
)
def test_issue_5_no_anchor_never_invents_a_year(text: str, value: str) -> None:
    normal = normalize(text, anchor=None)
    assert normal is not None
    assert normal.value == value


def test_modifiers() -> None:
    early = normalize("early September", anchor=ANCHOR, tense="past")
    assert early is not None and (early.value, early.mod) == ("2023-09", "START")
    about = normalize("nearly two years", anchor=ANCHOR)
    assert about is not None and (about.value, about.mod) == ("P2Y", "APPROX")


def test_not_an_expression() -> None:
    assert normalize("the cat sat", anchor=ANCHOR) is None
    assert normalize("", anchor=ANCHOR) is None


def test_calendar_helpers() -> None:
    assert easter(2024) == dt.date(2024, 3, 31)
    assert shift(dt.date(2024, 1, 31), 1, "M") == dt.date(2024, 2, 29)
    assert weekday_date(ANCHOR, 2, "past") == ANCHOR
    assert weekday_date(ANCHOR, 1, "future") == dt.date(2023, 11, 27)
    assert fraction_value(1.5, "minute") == "PT1M30S"


_YEAR = re.compile(r"\d{4}")


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("abcdefghiklmnoprstuwy0123456789 -,./'")), max_size=40),
    st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
    st.sampled_from(["", "past", "future", "present"]),
)
def test_normalize_never_raises(text: str, anchor: dt.date | None, tense: str) -> None:
    normal = normalize(text, anchor=anchor, tense=tense)
    if normal is not None:
        assert normal.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(
        [
            "Monday",
            "last year",
            "next week",
            "September",
            "three weeks ago",
            "the third quarter",
            "tonight",
            "last fall",
            "a year earlier",
            "the weekend",
            "Christmas",
            "yesterday morning",
            "two decades ago",
        ]
    ),
    st.sampled_from(["", "past", "future", "present"]),
)
def test_issue_5_no_year_from_nowhere(text: str, tense: str) -> None:
    normal = normalize(text, anchor=None, tense=tense)
    assert normal is not None
    assert not _YEAR.search(normal.value), (text, normal.value)
