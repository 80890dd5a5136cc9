import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.model import Analysis, Article, Duplicate, Event, EventActor, Quote, Span
from eventwire.query import EventFilter, actor_label, events, sql, undated, where
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
    assert [e["cameo"] for e in events(store, EventFilter(actor="SRB"))[0]] == ["112", "036"]
    assert [e["cameo"] for e in events(store, EventFilter(actor="NATO", modality="planned"))[0]] == ["036"]
    assert [e["cameo"] for e in events(store, EventFilter(root="04"))[0]] == ["042"]
    assert [e["cameo"] for e in events(store, EventFilter(since=dt.date(2023, 11, 1)))[0]] == ["042", "036"]
    assert [e["cameo"] for e in events(store, EventFilter(until=dt.date(2023, 9, 30)))[0]] == ["112"]
    assert len(events(store, EventFilter(limit=1))[0]) == 1


@pytest.mark.parametrize("hostile", ["x' OR '1'='1", "NATO'; DROP TABLE events; --", "\\' OR 1=1 --", "%", "*"])
def test_hostile_values_are_only_parameters(store: Store, hostile: str) -> None:
    assert events(store, EventFilter(actor=hostile))[0] == []
    assert events(store, EventFilter(article=hostile))[0] == []
    clause, params = where(EventFilter(actor=hostile))
    assert hostile not in clause and hostile.lower() in params
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
    assert [e["article_id"] for e in events(store, EventFilter(root="04"))[0]] == ["a1"]
    assert sorted(e["article_id"] for e in events(store, EventFilter(root="04", include_duplicates=True))[0]) == [
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


def test_actor_terms_match_names_codes_and_prefixes_case_insensitively(store: Store) -> None:
    assert [e["cameo"] for e in events(store, EventFilter(actor="serbia"))[0]] == ["112", "036"]
    assert [e["cameo"] for e in events(store, EventFilter(actor="nato"))[0]] == ["042", "036"]
    assert [e["cameo"] for e in events(store, EventFilter(source="NATO", target="srb"))[0]] == ["036"]
    assert events(store, EventFilter(source="SRB", target="NATO"))[0] == []


def test_codes_classes_and_ranges(store: Store) -> None:
    assert [e["cameo"] for e in events(store, EventFilter(cameo="11"))[0]] == ["112"]
    assert [e["cameo"] for e in events(store, EventFilter(cameo="03"))[0]] == ["036"]
    assert len(events(store, EventFilter(quad_class=1))[0]) == 3
    assert events(store, EventFilter(goldstein_min=2.0))[0] == []
    assert events(store, EventFilter(min_confidence=0.95))[0] == []
    assert events(store, EventFilter(disputed=True))[0] == []
    assert len(events(store, EventFilter(claimed=False))[0]) == 3


def test_month_precision_overlaps_and_undated_are_counted(store: Store) -> None:
    undated_event = _event(TEXT, 0, 4, cameo="010", source="NATO", target="SRB", date=None, modality="asserted",
                           article="a3")  # fmt: skip
    store.write([Analysis(article=Article(id="a3", text=TEXT), events=(undated_event,))])
    inside_month = EventFilter(since=dt.date(2023, 9, 10), until=dt.date(2023, 9, 12))
    assert [e["cameo"] for e in events(store, inside_month)[0]] == ["112"]
    assert undated(store, inside_month) == 1
    rows, total = events(store, EventFilter(since=dt.date(2023, 9, 10), until=dt.date(2023, 9, 12), undated=True))
    assert total == 2 and sorted(e["cameo"] for e in rows) == ["010", "112"]
    assert undated(store, EventFilter()) == 0


def test_rows_carry_names_text_and_the_total(store: Store) -> None:
    rows, total = events(store, EventFilter(limit=1))
    assert total == 3 and len(rows) == 1
    assert rows[0]["cameo_name"] and rows[0]["sentence"] == TEXT and rows[0]["trigger"] == "accused"
    assert events(store, EventFilter(text="ACCUSED serbia"))[1] == 3  # one sentence holds all three
    assert events(store, EventFilter(text="accused napalm"))[0] == []
    assert actor_label(cameo="SRBGOV", country="SRB", org=None, name="the government") == "SRBGOV Serbia government"


def test_sql_is_read_only(tmp_path: Path, store: Store) -> None:
    store.close()
    with Store(tmp_path / "q.duckdb", read_only=True) as readonly:
        assert sql(readonly, "SELECT count(*) AS n FROM events") == (["n"], [(3,)])
        for statement in (
            "DELETE FROM events",
            "SELECT 1; DELETE FROM events",
            "WITH x AS (SELECT 1) DELETE FROM events",
        ):
            with pytest.raises(ConfigError):
                sql(readonly, statement)
        assert readonly.count("events") == 3


def test_text_matches_across_sentence_and_quote_and_counts_an_empty_page(tmp_path: Path) -> None:
    text = 'Kosovo accused Serbia. "They used napalm," a spokesman said.'
    quote = Quote(id="q1", span=Span.of(text, 24, 40), kind="direct")
    quoted = replace(
        _event(text, 7, 14, cameo="112", source="XKX", target="SRB", date="2023-09-01", modality="asserted"),
        sentence=Span.of(text, 0, 22),
        quote="q1",
    )
    plain = _event(TEXT, 28, 35, cameo="112", source="XKX", target="SRB", date="2023-09-02", modality="asserted",
                   article="a2")  # fmt: skip
    with Store(tmp_path / "t.duckdb") as s:
        s.write([Analysis(article=Article(id="a1", text=text), events=(quoted,), quotes=(quote,))])
        s.write([Analysis(article=Article(id="a2", text=TEXT), events=(plain,))])
        rows, total = events(s, EventFilter(text="ACCUSED napalm"))  # one word in the sentence, one in the quote
        assert total == 1 and rows[0]["quote"] == "They used napalm" and rows[0]["sentence"] == text[:22]
        assert events(s, EventFilter(text="accused serbia"))[1] == 2
        assert events(s, EventFilter(text="napalm spokesman"))[1] == 0  # "spokesman" is in neither
        assert events(s, EventFilter(actor="serbia", offset=5)) == ([], 2)  # past the last page: still the total
        assert events(s, EventFilter(cameo="11", offset=5)) == ([], 2)
