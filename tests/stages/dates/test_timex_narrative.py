"""Narrative reference times: "that day", "the next morning", "the previous Friday" follow the story's last date;
reporting periods ("for the year", "the quarter ended July 31") and a clock time's weekday after an aside."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.stages.dates.times import find_times

ANCHOR = dt.date(2000, 2, 24)  # a Thursday


def values(text: str, anchor: dt.date | None = ANCHOR) -> dict[str, str]:
    return {text[f.start : f.end]: f.value for f in find_times(text, anchor=anchor) if f.readable}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The riot began on Feb. 10, 2000. The next day, troops arrived.", "The next day", "2000-02-11"),
        ("The riot began on Feb. 10, 2000. The following day, troops arrived.", "The following day", "2000-02-11"),
        ("The riot began on Feb. 10, 2000, and that same day troops arrived.", "that same day", "2000-02-10"),
        ("The riot began on Feb. 10, 2000. The previous day was calm.", "The previous day", "2000-02-09"),
        ("The riot began on Feb. 10, 2000. He left the next morning.", "the next morning", "2000-02-11TMO"),
        ("The riot began on Feb. 10, 2000. Earlier that day it rained.", "Earlier that day", "2000-02-10"),
        ("Prices fell on Feb. 10, 2000, from the previous Friday.", "the previous Friday", "2000-02-04"),
        ("The clinic was bombed last October and the site closed that day.", "that day", "1999-10-XX"),
        ("Nothing happened. Later that day he left.", "Later that day", "2000-02-24"),  # no story date: the anchor
    ],
)
def test_anaphoric_days_follow_the_story(text: str, expression: str, value: str) -> None:
    assert values(text)[expression] == value


def test_in_the_morning_takes_a_day_named_just_before_but_not_a_distant_one() -> None:
    assert values("Stocks were dashed Friday. Dealers bought in the morning.")["in the morning"] == "2000-02-18TMO"
    far = "Stocks were dashed on Jan. 3, 1999." + " Nothing else was said about it." * 12 + " He ate in the morning."
    assert values(far)["in the morning"] == "2000-02-24TMO"


def test_the_year_is_this_year_unless_it_is_a_span_of_twelve_months() -> None:
    assert values("For the year, volume was flat.")["the year"] == "2000"
    assert values("Sales for the year ended Sept. 30 rose.")["the year"] == "P1Y"
    assert values("Profit should rise throughout the fiscal year.")["the fiscal year"] == "P1Y"


def test_a_quarter_ended_on_a_day_is_named_by_its_middle_month() -> None:
    assert values("In the quarter ended July 31, Jayark earned $5.")["the quarter"] == "1999-Q2"
    assert values("For the quarter ended Dec. 31, it lost $2.")["the quarter"] == "1999-Q4"


def test_a_clock_time_takes_the_weekday_after_an_aside() -> None:
    assert values("The blast occurred at 10:35 a.m. (0735 GMT) Friday.")["10:35 a.m."] == "2000-02-18T10:35"


def test_day_words_without_a_date_in_the_story_or_an_anchor_stay_empty() -> None:
    assert values("The next day, troops arrived.", None).get("The next day", "") == ""
    assert values("Later in the day it rained.", None).get("Later in the day", "") == ""


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["that day", "the next day", "the following morning", "in the morning", "the previous Friday",
             "later in the day", "on Oct. 5", "in March", "the year", "the quarter ended July 31", "at 9 a.m.",
             "(0735 GMT) Friday", "it rained", "."]
        ),
        max_size=10,
    )
)  # fmt: skip
def test_issue_5_narrative_rules_never_invent_a_year_without_an_anchor(words: list[str]) -> None:
    text = " ".join(words)
    for found in find_times(text, anchor=None):
        if found.type in ("DATE", "TIME"):  # durations (P1Y) carry no year
            assert not found.value[:1].isdigit(), (text, found)


def test_a_month_before_a_day_number_is_left_to_the_day_rule() -> None:
    assert values("He was shot to death last Oct. 23 at his home.") == {"Oct. 23": "1999-10-23"}


def test_the_week_of_a_day_is_that_day_s_week() -> None:
    assert values("A court hearing the week of March 6 may settle it.") == {"the week of March 6": "2000-W10"}
    assert values("the weekend of March 4, 2000")["the weekend of March 4, 2000"] == "2000-W09-WE"


def test_an_hour_with_a_part_of_the_day_is_a_clock_time_only_after_at_or_by() -> None:
    found = values("He will leave at 4 in the morning (4 a.m. EDT Thursday).")
    assert found["4 in the morning"] == "2000-02-24T04:00"  # the Thursday of the aside (the anchor)
    assert values("at 9 at night")["9 at night"] == "2000-02-24T21:00"
    assert "4 in the morning" not in values("He scored 4 in the morning session.")


def test_march_as_a_procession_is_not_a_month() -> None:
    assert values("Protesters joined the annual March for Life and the March of the Mothers.") == {}
    assert values("He stepped down in March for health reasons.") == {"March": "2000-03"}
