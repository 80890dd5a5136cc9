"""The quotes stage end to end on small texts: direct, indirect and mixed quotes with their speakers."""

from __future__ import annotations

import pytest
from quoting_helpers import quote_with, run

from eventwire.model import Analysis


@pytest.fixture(scope="module")
def story() -> Analysis:
    return run(
        "Prime Minister Anna Berg said on Monday that the government would raise pensions next year.\n\n"
        "“We will not leave anyone behind,” Berg told reporters in Oslo. “Nobody should be poor in old age.”\n\n"
        "“The budget is balanced,” she added.\n\n"
        "Opposition leader Tom Hale accused the government of hiding the true cost of the plan.\n\n"
        "The deficit will grow by two percent, according to the central bank.\n\n"
        "“We will not leave anyone behind,” Berg told reporters in Oslo.\n"
    )


def test_indirect_quote_is_the_reported_clause(story: Analysis) -> None:
    q = quote_with(story, "the government would raise pensions")
    assert q.kind == "indirect"
    assert q.cue == "say" and q.cue_span is not None and q.cue_span.text == "said"
    assert q.speaker_name == "Anna Berg"
    assert q.speaker is not None


def test_direct_quote_is_the_text_inside_the_marks(story: Analysis) -> None:
    q = quote_with(story, "We will not leave anyone behind")
    assert q.kind == "direct"
    assert q.span.text.startswith("We will") and not q.span.text.startswith("“")
    assert q.speaker_name == "Anna Berg"
    assert q.cue == "tell"


def test_quote_after_the_attribution_continues_it(story: Analysis) -> None:
    q = quote_with(story, "We will not leave anyone behind")
    assert "Nobody should be poor" in q.span.text


def test_pronoun_speaker_resolved_to_the_person(story: Analysis) -> None:
    q = quote_with(story, "The budget is balanced")
    assert q.speaker_name == "Anna Berg"
    assert q.speaker_span is not None and q.speaker_span.text == "she"


def test_object_frame_and_according_to(story: Analysis) -> None:
    accused = quote_with(story, "hiding the true cost")
    assert accused.cue == "accuse" and accused.speaker_name == "Tom Hale"
    bank = quote_with(story, "The deficit will grow")
    assert bank.cue == "according to"
    assert bank.speaker_name is not None and "central bank" in bank.speaker_name


def test_repeated_quote_points_to_the_first(story: Analysis) -> None:
    quotes = [q for q in story.quotes if "leave anyone behind" in q.span.text]
    assert len(quotes) == 2
    assert quotes[0].repeat_of is None
    assert quotes[1].repeat_of == quotes[0].id


def test_spans_index_the_original_text(story: Analysis) -> None:
    for q in story.quotes:
        assert story.text[q.span.start : q.span.end] == q.span.text
        assert q.speaker is None or q.speaker in {e.id for e in story.entities}


def test_inverted_attribution_and_mixed_quote() -> None:
    analysis = run(
        "“It is very important for us,” said Stoltenberg in Sarajevo.\n\n"
        "He added that the allies “strongly support the sovereignty of Bosnia”.\n"
    )
    direct = quote_with(analysis, "It is very important")
    assert direct.span.text == "It is very important for us"
    assert direct.kind == "direct" and direct.speaker_name is not None and "Stoltenberg" in direct.speaker_name
    mixed = quote_with(analysis, "strongly support")
    assert mixed.kind == "mixed" and mixed.span.text.startswith("that the allies")


def test_quote_without_any_speaker_says_so() -> None:
    analysis = run("“Nothing will ever be the same again in this town.”\n")
    assert len(analysis.quotes) == 1
    q = analysis.quotes[0]
    assert q.speaker is None and q.speaker_name is None
    assert "quotes.no_speaker" in {p.code for p in analysis.problems}


def test_scare_quotes_and_titles_are_not_statements() -> None:
    analysis = run("The minister watched “Orange Is the New Black” at home and called it “fine”.\n")
    assert not [q for q in analysis.quotes if q.cue is None]
