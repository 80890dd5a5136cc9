"""Reported content found through cue frames: parenthetical cues, clause order, and the frames added for
perception, belief and nominal cues."""

from __future__ import annotations

from quoting_helpers import quote_with, run


def test_cue_set_off_by_commas_inside_its_clause() -> None:
    a = run("By eliminating the receiving line, Ms. Tchen said, the White House is able to invite more guests.")
    q = quote_with(a, "the White House is able")
    assert q.span.text.startswith("By eliminating") and q.kind == "indirect"
    assert q.cue == "say" and q.speaker_name is not None and "Tchen" in q.speaker_name


def test_embedded_report_is_not_a_parenthetical() -> None:
    a = run("Trump later said he was joking about the email server.")
    spans = [q.span.text for q in a.quotes]
    assert spans == ["he was joking about the email server"]


def test_clause_after_the_cue_is_preferred_to_one_before_it() -> None:
    a = run(
        "Black Lives Matter seeks a meeting;\n\nOne protest organizer says the party platform ignores the movement."
    )
    q = quote_with(a, "platform ignores")
    assert q.span.text == "the party platform ignores the movement"
    assert q.speaker_name is not None and "organizer" in q.speaker_name


def test_appearance_is_reported_without_a_speaker() -> None:
    a = run("The mayor spoke on Monday.\n\nVoters seem to care more about turnout than about the candidates.")
    q = quote_with(a, "care more about turnout")
    assert q.span.text == "Voters seem to care more about turnout than about the candidates"
    assert q.cue == "seem" and q.speaker_name is None


def test_appearance_of_a_report_keeps_the_reporter() -> None:
    a = run("John Stumpf appeared to blame low-level workers for the scandal.")
    q = quote_with(a, "low-level workers")
    assert q.cue == "blame" and q.speaker_name is not None and "Stumpf" in q.speaker_name


def test_trailing_referring_participle_is_the_writer_clarifying() -> None:
    a = run("“I’m a unifier, unlike our president right now,” Trump said, referring to Barack Obama.")
    assert not [q for q in a.quotes if "Barack Obama" in q.span.text]
