"""Hypothesis: ingest, normalisation, quote-mark and time finding never raise, and every offset indexes the text."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import Article, Rejection
from eventwire.sources.files import IngestSettings, dateline_date, decode, parse_date, read_bytes
from eventwire.stages.clean import english_share, latin_share, normalize, paragraphs
from eventwire.stages.dates.times import find_times
from eventwire.stages.dates.times import normalize as normalize_time
from eventwire.stages.quotes.marks import find_marked

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Characters that stress the text handling: quote marks of every kind, odd spaces and line breaks, digits.
HOSTILE = st.sampled_from(
    list("\"'`\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb\u2032\u2033\n\r\t \u00a0\u2028\u2029\u200b\ufeff\u3000")
    + list("0123456789-/.,:;()")
    + ["\x85", "\ufffd", "\U0001f600", "\u0301", "e\u0301"]
)
WORDS = st.sampled_from(
    [
        "said",
        "the",
        "minister",
        "on",
        "Monday",
        "March",
        "3",
        "2023",
        "last",
        "week",
        "ago",
        "two",
        "years",
        "in",
        "Vienna",
        "Q3",
        "1990s",
        "\u201cWe",
        "will",
        "not\u201d",
        "next",
        "Friday",
        "noon",
        "since",
        "May",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=20), HOSTILE, WORDS), max_size=60).map(" ".join) | st.text(max_size=300)
DATES = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@FAST
@given(st.binary(max_size=400))
def test_decode_never_raises_and_returns_text_or_a_rejection(data: bytes) -> None:
    result = decode(data)
    assert isinstance(result, Rejection) or isinstance(result[0], str)


@FAST
@given(st.binary(max_size=300) | TEXT.map(lambda t: t.encode("utf-8")), st.sampled_from([".txt", ".jsonl"]))
def test_read_bytes_turns_any_bytes_into_articles_or_rejections(data: bytes, suffix: str) -> None:
    items = list(read_bytes(data, origin="x", suffix=suffix, settings=IngestSettings()))
    assert items and all(isinstance(i, Article | Rejection) for i in items)
    for item in items:
        if isinstance(item, Article):
            assert item.text.strip()


@FAST
@given(st.lists(TEXT | st.just("{bad"), min_size=1, max_size=8))
def test_jsonl_rows_are_numbered_by_line(bodies: list[str]) -> None:
    lines = [b if b == "{bad" else json.dumps({"text": b}, ensure_ascii=False) for b in bodies]
    items = list(read_bytes("\n".join(lines).encode(), origin="x", suffix=".jsonl", settings=IngestSettings()))
    assert len(items) == len(lines)
    for number, (line, item) in enumerate(zip(lines, items, strict=True), start=1):
        assert item.line == number
        if isinstance(item, Article):
            assert item.text == json.loads(line)["text"]


@FAST
@given(TEXT)
def test_dates_in_metadata_and_datelines_never_raise(text: str) -> None:
    assert parse_date(text) is None or isinstance(parse_date(text), dt.date)
    assert dateline_date(text) is None or isinstance(dateline_date(text), dt.date)


@FAST
@given(TEXT)
def test_normalize_keeps_length_and_paragraphs_index_the_text(text: str) -> None:
    norm = normalize(text)
    assert len(norm) == len(text)
    spans = paragraphs(text)
    previous = 0
    for span in spans:
        assert previous <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text and span.text.strip() == span.text
        previous = span.end
    assert 0.0 <= english_share(text)[0] <= 1.0 and 0.0 <= latin_share(text)[0] <= 1.0


@FAST
@given(TEXT)
def test_quote_marks_give_spans_inside_the_text(text: str) -> None:
    norm = normalize(text)
    paras = [(s.start, s.end) for s in paragraphs(text)]
    found, repairs = find_marked(text, norm, paras)
    assert repairs >= 0
    for marked in found:
        assert 0 <= marked.start <= marked.end <= len(text)


@FAST
@given(TEXT, DATES)
def test_time_expressions_never_raise_and_index_the_text(text: str, anchor: dt.date | None) -> None:
    for found in find_times(text, anchor=anchor):
        assert 0 <= found.start < found.end <= len(text)
        assert found.type in ("DATE", "TIME", "DURATION", "SET")
        if anchor is None:
            assert "2" not in found.value[:1] or found.rule not in ("weekday",)
    normalize_time(text, anchor=anchor)
