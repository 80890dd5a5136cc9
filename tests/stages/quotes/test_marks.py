"""Pairing quote marks, with repairs of broken ones."""

from __future__ import annotations

from eventwire.stages.clean import normalize, paragraphs
from eventwire.stages.quotes.marks import direction, find_marked, find_single_marked


def marked(text: str) -> tuple[list[str], int]:
    norm = normalize(text)
    paras = [(p.start, p.end) for p in paragraphs(text)]
    found, repairs = find_marked(text, norm, paras)
    return [text[m.start : m.end] for m in found], repairs


def test_every_common_mark_style() -> None:
    for text in (
        'He said "yes we can" today.',
        "He said “yes we can” today.",
        "He said «yes we can» today.",
        "He said „yes we can“ today.",
        "He said ''yes we can'' today.",
    ):
        assert marked(text)[0] == ["yes we can"], text


def test_single_curly_marks_outside_double_quotes() -> None:
    text = "The paper called it ‘a historic day for the party’. “It is ‘great’,” she said."
    norm = normalize(text)
    paras = [(p.start, p.end) for p in paragraphs(text)]
    doubles, _ = find_marked(text, norm, paras)
    singles = find_single_marked(text, norm, paras, doubles)
    assert [text[m.start : m.end] for m in singles] == ["a historic day for the party"]


def test_stray_opening_mark_is_dropped() -> None:
    text = "He is concerned about the “divisive rhetoric and signs of “malign foreign intervention”, by Russia."
    quotes, repairs = marked(text)
    assert quotes == ["malign foreign intervention"]
    assert repairs == 1


def test_quote_left_open_is_closed_at_its_paragraph_end() -> None:
    text = "“We will never give up, he said.\n\nThe talks resume on Monday."
    quotes, repairs = marked(text)
    assert quotes == ["We will never give up, he said."]
    assert repairs == 1


def test_quote_running_over_paragraphs_is_one_quote() -> None:
    text = "“The first part goes on.\n\n“And the second part ends here,” she said.\n\nNext story."
    quotes, repairs = marked(text)
    assert quotes == ["The first part goes on.\n\n“And the second part ends here"]
    assert repairs == 0


def test_direction_from_context_then_glyph() -> None:
    text = 'a "b" c'
    assert direction(text, text, 2) == "open"
    assert direction(text, text, 4) == "close"
