"""Event completeness: dates and places with precision and source, claims and disputes, quote links."""

from __future__ import annotations

import datetime as dt

from eventwire import config
from eventwire.ids import article_id
from eventwire.model import Analysis, Article, Event, Place
from eventwire.pipeline import Pipeline
from eventwire.stages.coding.complete import feature_precision, time_precision


def analyse(text: str, published: dt.date | None = dt.date(2024, 3, 8)) -> Analysis:
    settings = config.load({"raise_errors": True, "event_floor": 0.0})
    return Pipeline(settings).run(Article(id=article_id(text), text=text, published=published))


def events(analysis: Analysis, trigger: str) -> list[Event]:
    return [e for e in analysis.events if e.trigger.text == trigger]


def test_precision_names() -> None:
    assert [time_precision(v) for v in ("2024-03-08", "2024-03", "2024", None)] == ["day", "month", "year", None]
    city = Place(id="p1", span=analyse("Kyiv").paragraphs[0], feature="city")
    country = Place(id="p2", span=city.span, feature="country")
    assert (feature_precision(city), feature_precision(country)) == (1, 3)


def test_a_denied_attack_is_disputed_and_the_denial_is_an_event() -> None:
    analysis = analyse("The militants denied carrying out the raid on the checkpoint.")
    denial = [e for e in analysis.events if e.root == "01"]
    assert denial and denial[0].trigger.text == "denied"
    raid = [e for e in analysis.events if e.root in ("18", "19")]
    assert raid, [e.trigger.text for e in analysis.events]
    assert raid[0].disputed and raid[0].disputed_by is not None
    assert raid[0].disputed_by.name == "militants"


def test_an_event_only_a_party_reports_is_claimed_by_it() -> None:
    analysis = analyse("Police detained nine students in Dhaka on Monday, a police spokesman said.")
    (arrest,) = events(analysis, "detained")
    assert arrest.claimed_by is not None and arrest.claimed_by.name is not None
    assert "spokesman" in arrest.claimed_by.name
    assert not arrest.disputed


def test_a_narrated_event_is_neither_claimed_nor_disputed() -> None:
    analysis = analyse("Police detained nine students in Dhaka on Monday.")
    (arrest,) = events(analysis, "detained")
    assert arrest.claimed_by is None and not arrest.disputed
    assert (arrest.date, arrest.time_precision, arrest.date_source) == ("2024-03-04", "day", "clause")
    assert arrest.place_source in ("clause", "sentence") and arrest.geo_precision == 1
    assert arrest.place is not None


def test_an_undated_asserted_event_inherits_the_publication_date_marked_as_such() -> None:
    analysis = analyse("Soldiers in Mali arrested the mayor of the town.")
    (arrest,) = events(analysis, "arrested")
    assert (arrest.date, arrest.date_source) == ("2024-03-08", "published")


def test_without_a_publication_date_nothing_is_inherited() -> None:
    analysis = analyse("Soldiers in Mali arrested the mayor of the town.", published=None)
    (arrest,) = events(analysis, "arrested")
    assert arrest.date is None and arrest.date_source is None and arrest.time_precision is None


def test_issue_18_an_accusation_coded_from_its_quote_cue_carries_the_quote() -> None:
    analysis = analyse("Chile has accused Peru of sheltering the smugglers who crossed the border in May.")
    (accusation,) = [e for e in analysis.events if e.root == "11"]
    cued = [q for q in analysis.quotes if q.cue_span is not None and q.cue_span.start == accusation.trigger.start]
    assert cued, [(q.cue, q.span.text) for q in analysis.quotes]
    assert accusation.quote == cued[0].id


def test_issue_18_every_coded_quote_lists_its_events_in_the_record() -> None:
    from eventwire.record import from_record, to_record

    text = (
        'Chile has accused Peru of sheltering the smugglers. "We will close the border," the interior minister said. '
        "Peru rejected the claim on Tuesday."
    )
    record = to_record(analyse(text))
    by_quote: dict[str, set[str]] = {}
    for event in record["events"]:
        if event["quote"]:
            by_quote.setdefault(event["quote"], set()).add(event["id"])
    assert by_quote, record["quotes"]
    for quote in record["quotes"]:
        assert quote["events"] == sorted(by_quote.get(quote["id"], set()))
    assert to_record(from_record(record)) == record
