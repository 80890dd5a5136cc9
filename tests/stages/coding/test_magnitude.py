"""Magnitudes read onto the events they belong to: dead, injured, arrested, crowd size."""

from __future__ import annotations

import datetime as dt

from eventwire import config
from eventwire.ids import article_id
from eventwire.model import Analysis, Article, Event
from eventwire.pipeline import Pipeline


def analyse(text: str) -> Analysis:
    settings = config.load({"raise_errors": True, "event_floor": 0.0})
    return Pipeline(settings).run(Article(id=article_id(text), text=text, published=dt.date(2024, 3, 8)))


def counted(event: Event) -> set[tuple[str, int, int | None, str]]:
    return {(m.kind, m.low, m.high, m.how) for m in event.magnitudes}


def test_dead_and_injured_of_one_attack() -> None:
    analysis = analyse("A roadside bomb killed 13 soldiers and wounded 56 others near Kandahar on Friday.")
    (attack,) = [e for e in analysis.events if e.root in ("18", "19")]
    assert counted(attack) == {("dead", 13, 13, "exact"), ("injured", 56, 56, "exact")}
    text = analysis.article.text
    assert all(text[m.span.start : m.span.end] in ("13 soldiers", "56 others") for m in attack.magnitudes)


def test_lower_bounds_and_vague_counts() -> None:
    analysis = analyse("At least 17 people were killed when gunmen attacked a bus station in Jos.")
    (attack,) = [e for e in analysis.events if e.root in ("18", "19")]
    assert counted(attack) == {("dead", 17, None, "lower bound")}
    arrests = analyse("Police in Lagos detained dozens of students after the march.")
    (arrest,) = [e for e in arrests.events if e.root == "17"]
    assert counted(arrest) == {("arrested", 24, None, "lower bound")}


def test_crowd_size_goes_to_the_protest_and_counts_are_never_summed() -> None:
    analysis = analyse("About 3,000 protesters marched through Tbilisi on Sunday; police arrested 40 people.")
    protest = [e for e in analysis.events if e.root == "14"]
    arrest = [e for e in analysis.events if e.root == "17"]
    assert protest and arrest
    assert counted(protest[0]) == {("size", 3000, 3000, "approximate")}
    assert counted(arrest[0]) == {("arrested", 40, 40, "exact")}


def test_an_event_with_no_count_has_none() -> None:
    analysis = analyse("Rebels attacked an army convoy near Goma.")
    assert all(not e.magnitudes for e in analysis.events)
