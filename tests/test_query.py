import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.model import Analysis, Article, Duplicate, Event, EventActor, Span
from eventwire.query import EventFilter, events, where
from eventwire.store.duckdb import Store

TEXT = "NATO visited Bosnia. Kosovo accused Serbia. NATO will meet Serbia."


def _event(
    text: str,
    start: int,
    end: int,
    *,
    cameo: str,
    source: str,
    target: str,
    date: str | None,
    modality: str,
    article: str = "a1",
) -> Event:
    sentence = Span.of(text, 0, len(text))
    return Event(
        id=f"{article}-e{start}",
        source=EventActor(
            entity=None,
            name=source,
            country=None if source == "NATO" else source,
            org="NATO" if source == "NATO" else None,
        ),
        target=EventActor(entity=None, name=target, country=target),
        cameo=cameo,
        root=cameo[:2],
        quad_class=1,
        goldstein=1.0,
        plover=None,
        date=date,
        place=None,
        modality=modality,  # type: ignore[arg-type]
        quote=None,
        sentence=sentence,
        trigger=Span.of(text, start, end),
        confidence=0.9,
    )


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    evs = (
        _event(TEXT, 5, 12, cameo="042", source="NATO", target="BIH", date="2023-11-20", modality="asserted"),
        _event(TEXT, 28, 35, cameo="112", source="XKX", target="SRB", date="2023-09", modality="asserted"),
        _event(TEXT, 54, 58, cameo="036", source="NATO", target="SRB", date="2023-11-21", modality="planned"),
    )
    analysis = Analysis(article=Article(id="a1", text=TEXT), events=evs)
    s = Store(tmp_path / "q.duckdb")
    s.write([analysis])
    return s


def test_filters_combine(store: Store) -> None:
    assert [e["cameo"] for e in events(store, EventFilter(actor="SRB"))] == ["112", "036"]
    assert [e["cameo"] for e in events(store, EventFilter(actor="NATO", modality="planned"))] == ["036"]
    assert [e["cameo"] for e in events(store, EventFilter(root="04"))] == ["042"]
    assert [e["cameo"] for e in events(store, EventFilter(since=dt.date(2023, 11, 1)))] == ["042", "036"]
    assert [e["cameo"] for e in events(store, EventFilter(until=dt.date(2023, 9, 30)))] == ["112"]
    assert len(events(store, EventFilter(limit=1))) == 1


@pytest.mark.parametrize("hostile", ["x' OR '1'='1", "NATO'; DROP TABLE events; --", "\\' OR 1=1 --", "%", "*"])
def test_hostile_values_are_only_parameters(store: Store, hostile: str) -> None:
    assert events(store, EventFilter(actor=hostile)) == []
    assert events(store, EventFilter(article=hostile)) == []
    clause, params = where(EventFilter(actor=hostile))
    assert hostile not in clause and hostile in params
    assert store.count("events") == 3


def test_events_of_duplicate_articles_are_left_out_unless_asked(store: Store) -> None:
    repeat = Analysis(
        article=Article(id="a2", text=TEXT),
        events=(
            _event(
                TEXT,
                5,
                12,
                cameo="042",
                source="NATO",
                target="BIH",
                date="2023-11-20",
                modality="asserted",
                article="a2",
            ),
        ),
        duplicates=(
            Duplicate(
                span=Span.of(TEXT, 0, len(TEXT)),
                of=None,
                kind="exact",
                similarity=1.0,
                scope="article",
                of_article="a1",
            ),
        ),
    )
    store.write([repeat])
    assert [e["article_id"] for e in events(store, EventFilter(root="04"))] == ["a1"]
    assert sorted(e["article_id"] for e in events(store, EventFilter(root="04", include_duplicates=True))) == [
        "a1",
        "a2",
    ]


def test_invalid_filters_are_refused_with_the_valid_options() -> None:
    with pytest.raises(ConfigError, match="asserted, planned"):
        EventFilter(modality="maybe")
    with pytest.raises(ConfigError, match="two-digit"):
        EventFilter(root="4; DROP")
    with pytest.raises(ConfigError, match="between"):
        EventFilter(limit=0)
