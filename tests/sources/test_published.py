"""Issue 16: publication dates as people write them, read unambiguously or refused with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.sources.published import read_date

JUNE_26 = dt.date(2024, 6, 26)


@pytest.mark.parametrize(
    "value",
    [
        "2024-06-26",
        "2024-06-26T09:30:00+02:00",
        "2024/06/26",
        "26/06/2024",
        "06/26/2024",
        "26.06.2024",
        "June 26, 2024",
        "Jun. 26 2024",
        "Wednesday, June 26, 2024",
        "26 June 2024",
        "26th June 2024",
        "Wed, 26 Jun 2024 09:30:00 +0200",
        "Wed, 26 Jun 2024 23:59:00 GMT",
    ],
)
def test_common_forms_are_read(value: str) -> None:
    assert read_date(value) == JUNE_26


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("03/04/2024", "ambiguous: 3 April or 4 March 2024"),
        ("31/02/2024", "not a real date"),
        ("2024-13-01", "not a real date"),
        ("Juin 26, 2024", "not an English month name"),
        ("yesterday", "not a date eventwire reads"),
        ("", "empty"),
    ],
)
def test_unreadable_dates_give_a_reason(value: str, reason: str) -> None:
    result = read_date(value)
    assert isinstance(result, str) and reason in result


@given(st.text(max_size=40))
def test_read_date_never_raises(value: str) -> None:
    assert isinstance(read_date(value), dt.date | str)
