"""Hypothesis and corpus checks on whole records: spans index the text, ids ignore processing order, and
``to_record``/``from_record`` round-trip (through JSON too)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire import config
from eventwire.model import (
    Actor,
    Analysis,
    Article,
    Duplicate,
    Entity,
    Event,
    EventActor,
    Parse,
    Place,
    Problem,
    Quote,
    Rejection,
    Span,
    TimeRef,
)
from eventwire.record import from_record, to_record
from eventwire.runner import analyse

ROOT = Path(__file__).resolve().parents[2]
ALL_STAGES = ("clean", "dedupe", "parse", "entities", "actors", "quotes", "dates", "geo", "coding")
NAME = st.none() | st.text(max_size=8)
NUMBER = st.floats(allow_nan=False, allow_infinity=False, width=32)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    """An Analysis with every layer filled from arbitrary text and spans inside it."""
    text = draw(st.text(min_size=1, max_size=80))

    def span() -> Span:
        start = draw(st.integers(0, len(text)))
        return Span.of(text, start, draw(st.integers(start, len(text))))

    def maybe_span() -> Span | None:
        return span() if draw(st.booleans()) else None

    def side() -> EventActor | None:
        if draw(st.booleans()):
            return None
        return EventActor(
            entity=draw(NAME), name=draw(NAME), country=draw(NAME), org=draw(NAME), role=draw(NAME), cameo=draw(NAME)
        )

    n = st.integers(0, 3)
    article = Article(
        id=draw(st.text(min_size=1, max_size=10)),
        text=text,
        published=draw(st.none() | st.dates()),
        source=draw(NAME),
        title=draw(NAME),
        url=draw(NAME),
        origin=draw(st.text(max_size=10)),
        line=draw(st.none() | st.integers(1, 10**6)),
        published_from=draw(st.none() | st.sampled_from(["input", "option", "html", "dateline"])),
    )
    kinds = st.sampled_from(["exact", "near"])
    return Analysis(
        article=article,
        paragraphs=tuple(span() for _ in range(draw(n))),
        duplicates=tuple(
            Duplicate(
                span=span(),
                of=maybe_span(),
                kind=draw(kinds),
                similarity=draw(NUMBER),
                scope=draw(st.sampled_from(["paragraph", "article"])),
                of_article=draw(NAME),
            )
            for _ in range(draw(n))
        ),
        parse=Parse(model=draw(st.text(max_size=10))) if draw(st.booleans()) else None,
        entities=tuple(
            Entity(
                id=draw(st.text(max_size=6)),
                name=draw(st.text(max_size=8)),
                type=draw(st.sampled_from(["PERSON", "ORG", "GPE"])),
                actor=Actor(country=draw(NAME), org=draw(NAME), role=draw(NAME), cameo=draw(NAME)),
                mentions=tuple(span() for _ in range(draw(n))),
                kb_id=draw(NAME),
            )
            for _ in range(draw(n))
        ),
        quotes=tuple(
            Quote(
                id=draw(st.text(max_size=6)),
                span=span(),
                kind=draw(st.sampled_from(["direct", "indirect", "mixed"])),
                speaker=draw(NAME),
                speaker_name=draw(NAME),
                speaker_span=maybe_span(),
                cue=draw(NAME),
                cue_span=maybe_span(),
                repeat_of=draw(NAME),
            )
            for _ in range(draw(n))
        ),
        times=tuple(
            TimeRef(
                id=draw(st.text(max_size=6)),
                span=span(),
                type=draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])),
                value=draw(st.text(max_size=10)),
                anchor=draw(NAME),
                mod=draw(NAME),
            )
            for _ in range(draw(n))
        ),
        places=tuple(
            Place(
                id=draw(st.text(max_size=6)),
                span=span(),
                geonameid=draw(st.none() | st.integers(0, 10**8)),
                name=draw(NAME),
                country=draw(NAME),
                lat=draw(st.none() | NUMBER),
                lon=draw(st.none() | NUMBER),
                feature=draw(NAME),
                reason=draw(NAME),
                is_metonym=draw(st.booleans()),
            )
            for _ in range(draw(n))
        ),
        events=tuple(
            Event(
                id=draw(st.text(max_size=6)),
                source=side(),
                target=side(),
                cameo=draw(st.text(max_size=4)),
                root=draw(st.text(max_size=2)),
                quad_class=draw(st.integers(1, 4)),
                goldstein=draw(NUMBER),
                plover=draw(NAME),
                date=draw(NAME),
                place=draw(NAME),
                modality=draw(st.sampled_from(["asserted", "planned", "negated"])),
                quote=draw(NAME),
                sentence=span(),
                trigger=span(),
                confidence=draw(NUMBER),
                rule=draw(st.text(max_size=6)),
                mentions=tuple(span() for _ in range(draw(n))),
            )
            for _ in range(draw(n))
        ),
        problems=tuple(
            Problem(code=draw(st.text(max_size=8)), stage=draw(st.text(max_size=6)), message="m", span=maybe_span())
            for _ in range(draw(n))
        ),
        provenance=tuple(draw(st.dictionaries(st.text(max_size=6), st.integers(0, 9), max_size=3)).items()),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(analyses())
def test_records_round_trip_through_from_record_and_json(analysis: Analysis) -> None:
    record = to_record(analysis)
    assert to_record(from_record(record)) == record
    assert to_record(from_record(json.loads(json.dumps(record)))) == record
    _check_spans(record)


def test_from_record_refuses_another_schema_and_bad_spans() -> None:
    record = to_record(
        Analysis(article=Article(id="a", text="Short text."), paragraphs=(Span.of("Short text.", 0, 5),))
    )
    with pytest.raises(ValueError, match="schema_version"):
        from_record({**record, "schema_version": 99})
    with pytest.raises(ValueError, match="outside"):
        from_record({**record, "paragraphs": [[0, 99]]})


def _spans(value: Any, key: str = "") -> list[tuple[str, list[int]]]:
    """Every [start, end] pair in a record, with the key it sits under."""
    found: list[tuple[str, list[int]]] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("span", "of", "cue_span", "speaker_span", "sentence", "trigger") and v is not None:
                found.append((k, v))
            elif k in ("mentions", "paragraphs"):
                found += [(k, pair) for pair in v]
            else:
                found += _spans(v, k)
    elif isinstance(value, list):
        for item in value:
            found += _spans(item, key)
    return found


def _check_spans(record: dict[str, Any]) -> None:
    text = record["text"]
    for key, (start, end) in _spans({k: v for k, v in record.items() if k != "text"}):
        assert 0 <= start <= end <= len(text), (key, start, end)
    for layer in ("quotes", "times", "places"):
        for item in record[layer]:
            assert text[item["span"][0] : item["span"][1]] == item["text"]


HOSTILE = st.sampled_from(
    [
        "\u201cWe will not leave,\u201d",
        '"',
        "'",
        "\u00ab",
        "said",
        "the",
        "minister",
        "of",
        "Serbia",
        "Kosovo",
        "NATO",
        "on",
        "Monday",
        "March",
        "3,",
        "2023",
        "last",
        "week",
        "in",
        "Pristina.",
        "\n",
        "\n\n",
        "\u2028",
        "\u00a0",
        "accused",
        "attacked",
        "met",
        "he",
        "told",
        "Reuters.",
        "\ufffd",
        "\U0001f600",
    ]
)


@pytest.mark.model
@pytest.mark.timeout(300)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HOSTILE, min_size=1, max_size=60).map(" ".join))
def test_every_stage_on_generated_text_gives_spans_that_index_it(text: str) -> None:
    stages = config.load({"stages": ALL_STAGES, "raise_errors": True})
    [analysis] = list(analyse([Article(id="g", text=text)], stages))
    assert not isinstance(analysis, Rejection)
    record = to_record(analysis)
    assert record["text"] == text
    _check_spans(record)
    assert to_record(from_record(record)) == record


def _sample(count: int) -> list[Article]:
    rows = (ROOT / "examples" / "news" / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    return [Article(id=f"s{n}", text=json.loads(row)["text"][:1200]) for n, row in enumerate(rows[:count])]


@pytest.mark.model
@pytest.mark.timeout(300)
def test_ids_do_not_depend_on_processing_order() -> None:
    stages = config.load({"stages": ALL_STAGES, "raise_errors": True})
    articles = _sample(6)
    forward = [to_record(a) for a in analyse(articles, stages) if not isinstance(a, Rejection)]
    backward = [to_record(a) for a in analyse(articles[::-1], stages) if not isinstance(a, Rejection)]

    def ids(record: dict[str, Any]) -> dict[str, list[str]]:
        return {
            layer: sorted(x["id"] for x in record[layer])
            for layer in ("entities", "quotes", "times", "places", "events")
        }

    assert {r["id"]: ids(r) for r in forward} == {r["id"]: ids(r) for r in backward}
    assert sum(len(r["events"]) for r in forward) > 0 and sum(len(r["entities"]) for r in forward) > 0
    for record in forward:
        _check_spans(record)
        assert to_record(from_record(record)) == record
