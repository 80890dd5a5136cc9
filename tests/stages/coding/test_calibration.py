"""Calibrated event confidence: the shipped weights, their inputs, and what they reward."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.model import Event, EventActor, Span
from eventwire.stages.coding.calibration import FEATURES, evidence, load_calibration


def event(**fields: object) -> Event:
    base = Event(
        id="e1",
        source=None,
        target=None,
        cameo="190",
        root="19",
        quad_class=4,
        goldstein=-10.0,
        plover="ASSAULT",
        date=None,
        place=None,
        modality="asserted",
        quote=None,
        sentence=Span(start=0, end=10, text="x" * 10),
        trigger=Span(start=0, end=1, text="x"),
        confidence=0.5,
        rule_confidence=0.6,
        model_probability=0.7,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_evidence_has_one_value_per_feature() -> None:
    assert len(evidence(event())) == len(FEATURES)


def test_shipped_calibration_rewards_coded_sides_and_stays_a_probability() -> None:
    calibration = load_calibration()
    if calibration is None:
        pytest.fail("the package carries no event calibration: run `make train`")
    bare = calibration.confidence(event())
    side = EventActor(entity=None, name="police", country="KEN", cameo="KENCOP")
    coded = calibration.confidence(event(source=side, target=side))
    assert 0.0 < bare < coded < 1.0


def test_pipeline_confidence_is_the_calibrated_value() -> None:
    import datetime as dt

    from eventwire import config
    from eventwire.ids import article_id
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    text = "Police in Nairobi detained four students on Monday."
    analysis = Pipeline(config.load({"raise_errors": True})).run(
        Article(id=article_id(text), text=text, published=dt.date(2024, 3, 8))
    )
    calibration = load_calibration()
    assert calibration is not None
    for e in analysis.events:
        assert e.model_probability is not None
        assert e.confidence == round(calibration.confidence(e), 3)


def test_the_floor_leaves_out_unlikely_events_and_zero_keeps_every_candidate() -> None:
    import datetime as dt

    from eventwire import config
    from eventwire.ids import article_id
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    text = (
        "Kenyan police arrested two Somali men in Nairobi on Monday.\n\n"
        "Some officials may possibly meet at some point, a local paper said."
    )
    article = Article(id=article_id(text), text=text, published=dt.date(2024, 3, 8))
    every = Pipeline(config.load({"raise_errors": True, "event_floor": 0.0})).run(article).events
    kept = Pipeline(config.load({"raise_errors": True})).run(article).events
    floor = config.load({}).event_floor
    assert 0.0 < floor < 1.0
    assert any(e.confidence < floor for e in every), [(e.trigger.text, e.confidence) for e in every]
    assert [e.id for e in kept] == [e.id for e in every if e.confidence >= floor]
    assert any(e.trigger.text == "arrested" for e in kept)
