"""Event dates from TIMEX3 values."""

from hypothesis import given
from hypothesis import strategies as st

from eventwire.stages.coding.dating import calendar_date, event_date


def test_event_date_cuts_values() -> None:
    assert event_date("2023-11-20") == "2023-11-20"
    assert event_date("2023-11-20T14:00") == "2023-11-20"
    assert event_date("2023-09") == "2023-09"
    assert event_date("2023") == "2023"
    assert event_date("2023-W08") == "2023-W08"
    assert event_date("2023-W60") is None
    assert calendar_date("2023-W08") == "2023-02-23"
    assert event_date("2023-SU") is None
    assert event_date("199X") is None
    assert event_date("P3D") is None
    assert event_date("XXXX-11-20") is None
    assert event_date("PRESENT_REF") is None


@given(st.text(max_size=30))
def test_event_date_never_raises(value: str) -> None:
    out = event_date(value)
    assert out is None or len(out) in (4, 7, 8, 10)
    assert calendar_date(out) is None or len(str(calendar_date(out))) in (4, 7, 10)


def test_a_week_is_dated_to_its_thursday_and_a_year_stays_a_year() -> None:
    import datetime as dt

    from eventwire import config
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    text = "Last week, rebels killed three soldiers near Goma. In 1961 the United States cut ties with Cuba."
    analysis = Pipeline(config.load({"event_floor": 0.0})).run(
        Article(id="w", text=text, published=dt.date(2024, 3, 6))
    )
    killed = next(e for e in analysis.events if e.trigger.text == "killed")
    assert (killed.date, killed.time_precision, killed.date_source) == ("2024-02-29", "week", "clause")
    cut = next(e for e in analysis.events if e.trigger.text == "cut")
    assert (cut.date, cut.time_precision) == ("1961", "year")


def test_a_year_dates_its_own_verb_only() -> None:
    import datetime as dt

    from eventwire import config
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    text = "Students marched in the capital in 1989, and they are marching in the capital again, the organisers said."
    analysis = Pipeline(config.load({"event_floor": 0.0})).run(
        Article(id="y", text=text, published=dt.date(2024, 3, 6))
    )
    dates = {e.trigger.text: (e.date, e.time_precision) for e in analysis.events}
    assert dates.get("marched") == ("1989", "year")
    assert dates.get("marching", ("2024-03-06", "day")) == ("2024-03-06", "day")


def test_a_relative_clause_in_the_subject_does_not_date_the_statement() -> None:
    import datetime as dt

    from eventwire import config
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    text = "The minister, who will retire in June, said he hoped Russia would free the prisoners."
    analysis = Pipeline(config.load({"event_floor": 0.0})).run(
        Article(id="r", text=text, published=dt.date(2024, 3, 8))
    )
    hoped = next(e for e in analysis.events if e.trigger.text == "hoped")
    # June dates the retirement, not the statement, which has no date of its own and inherits the report's
    assert (hoped.date, hoped.date_source) == ("2024-03-08", "published")
