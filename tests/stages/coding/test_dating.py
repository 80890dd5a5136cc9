"""Event dates from TIMEX3 values."""

from hypothesis import given
from hypothesis import strategies as st

from eventwire.stages.coding.dating import event_date


def test_event_date_cuts_values() -> None:
    assert event_date("2023-11-20") == "2023-11-20"
    assert event_date("2023-11-20T14:00") == "2023-11-20"
    assert event_date("2023-09") == "2023-09"
    assert event_date("2023") is None
    assert event_date("P3D") is None
    assert event_date("XXXX-11-20") is None
    assert event_date("PRESENT_REF") is None


@given(st.text(max_size=30))
def test_event_date_never_raises(value: str) -> None:
    out = event_date(value)
    assert out is None or len(out) in (7, 10)
