"""Finding time expressions in running text: spans, filters, longest match, and totality."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.dates.patterns import COMPILED
from eventwire.stages.dates.recognize import candidates
from eventwire.stages.dates.times import find_times

ANCHOR = dt.date(2023, 11, 21)


def spans(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_times(text, anchor=ANCHOR) if f.readable]


def test_longest_expression_wins() -> None:
    text = "He arrived late on Sunday, three decades ago, and on November 22./The Geopost"
    assert spans(text) == ["Sunday", "three decades ago", "November 22"]


def test_trailing_punctuation_and_possessives_are_left_out() -> None:
    assert spans("Friday's vote was delayed until Jan. 14.") == ["Friday", "Jan. 14"]


def test_year_ranges_give_both_years() -> None:
    found = find_times("the 1992-1995 Bosnian war", anchor=ANCHOR)
    assert [(f.value, f.type) for f in found] == [("1992", "DATE"), ("1995", "DATE")]


def test_prices_counts_and_modal_may_are_not_times() -> None:
    text = "It cost $1990 and 2,000 people came. They may return; 1998% growth."
    assert spans(text) == []


def test_months_need_a_capital_when_they_are_also_words() -> None:
    assert spans("They march in May.") == ["May"]
    assert spans("Prices may fall.") == []


def test_spans_follow_timebank_conventions() -> None:
    assert spans("about five hours later") == ["five hours later"]
    assert spans("profit rose in the third quarter") == ["the third quarter"]
    assert spans("a third-quarter loss") == ["third-quarter"]
    assert spans("over the past two months") == ["the past two months"]
    assert spans("Shares fell 5% a year ago.") == ["a year ago"]


def test_sets_need_an_amount_before_a_year() -> None:
    found = find_times("He earns $5 a year and meets twice a week, every Monday.", anchor=ANCHOR)
    assert [(f.type, f.value) for f in found] == [("SET", "P1Y"), ("SET", "P1W"), ("SET", "XXXX-WXX-1")]


def test_context_quarter_for_a_year_earlier() -> None:
    text = "Profit rose in the third quarter from a year earlier."
    assert [f.value for f in find_times(text, anchor=dt.date(1989, 10, 26))] == ["1989-Q3", "1988-Q3"]


def test_nine_month_comparisons_are_with_the_year() -> None:
    text = "Profit rose in the third quarter. For the nine months, net rose from a year earlier."
    assert [f.value for f in find_times(text, anchor=dt.date(1989, 10, 26))] == ["1989-Q3", "P9M", "1988"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=200),
    st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
)
def test_find_times_never_raises_and_stays_inside_the_text(text: str, anchor: dt.date | None) -> None:
    found = find_times(text, anchor=anchor)
    last = 0
    for f in found:
        assert last <= f.start < f.end <= len(text)
        last = f.end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Monday", "last week", "in May", "Nov. 3", "a year ago", "now", "the 1990s", "x"]), max_size=8
    )
)
def test_issue_5_without_anchor_no_year_is_invented(words: list[str]) -> None:
    text = " and ".join(words)
    for f in find_times(text, anchor=None):
        assert not f.value[:4].isdigit() or f.value[:3] == "199", (text, f)


_PHRASES = ["Monday", "last week", "in May", "Nov. 3, 1999", "a year ago", "now", "the 1990s", "at 9 a.m.",
            "the third quarter", "Christmas", "the past two months", "daily", "nineteen ninety-six", "the weekend",
            "the latest period", "twice a year", "Tuesday nights", "late last year", "the 20th century"]  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_PHRASES), st.text(alphabet="abcdefghij ,.", min_size=0, max_size=120)),
        max_size=10,
    )
)
def test_windows_find_what_a_full_scan_finds(parts: list[str]) -> None:
    text = " ".join(parts)
    windowed = candidates(text)
    full = []
    for name, pattern in COMPILED:
        for match in pattern.finditer(text):
            if match.end() > match.start():
                full.append((name, match.end()))
    assert sorted((c.rule, c.end) for c in windowed) == sorted(full)


def test_ages_are_not_durations_and_parts_of_day_take_their_day() -> None:
    anchor = dt.date(1989, 11, 2)
    assert find_times("Smith, 52 years old, will retire.", anchor=anchor) == []
    [found] = find_times("Shares rose at mid-afternoon yesterday.", anchor=anchor)
    assert (found.type, found.value) == ("TIME", "1989-11-01TAF")
