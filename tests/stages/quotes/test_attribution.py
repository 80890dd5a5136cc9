"""Attributions standing beside a quotation: a clause after it, a colon before it, a dash byline."""

from __future__ import annotations

import pytest
from quoting_helpers import quote_with, run


def test_clause_after_an_exclamation_names_the_speaker() -> None:
    a = run("“There is a special place for people like that and I hope they enjoy it!” Smith said last week.")
    q = quote_with(a, "special place")
    assert q.speaker_name == "Smith"
    assert q.cue == "say" and q.cue_span is not None and q.cue_span.text == "said"


def test_colon_in_the_previous_paragraph_introduces_the_quote() -> None:
    a = run("The New York Times reports:\n\n“The company lost money in every quarter of the year.”")
    q = quote_with(a, "lost money")
    assert q.speaker_name is not None and "Times" in q.speaker_name
    assert q.cue == "report"


@pytest.mark.parametrize("dash", ["―", "—"])
def test_dash_byline_names_the_speaker(dash: str) -> None:
    a = run(f"“Maybe we can build a wall around the whole city of Springfield.” {dash} Steve Quinlan.")
    q = quote_with(a, "build a wall")
    assert q.speaker_name == "Steve Quinlan"
    assert q.speaker_span is not None and q.speaker_span.text == "Steve Quinlan"


def test_a_following_sentence_with_its_own_content_is_no_attribution() -> None:
    a = run(
        "“Nobody in this town will ever forget what happened that night.”\n\n"
        "Mayor Tom Hale said the council would meet on Friday."
    )
    q = quote_with(a, "Nobody in this town")
    assert q.speaker_name != "Tom Hale"


def test_headline_source_and_claim() -> None:
    a = run(
        "Graham: Trump’s hateful rhetoric is destroying the party’s chance to win.\n\n"
        "The Latest: Cruz to give away an engraved shotgun.\n\n"
        "Senator Lindsey Graham spoke to reporters on Monday."
    )
    q = quote_with(a, "hateful rhetoric is destroying")
    assert q.kind == "indirect" and q.speaker_name is not None and "Graham" in q.speaker_name
    assert q.speaker_span is not None and q.speaker_span.text == "Graham"
    assert not [x for x in a.quotes if "shotgun" in x.span.text]
