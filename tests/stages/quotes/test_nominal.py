"""Nominal cues: a noun with a ``that`` clause or a prepositional object reports content."""

from __future__ import annotations

from quoting_helpers import quote_with, run


def test_possessor_of_a_claim_is_its_speaker() -> None:
    a = run("Mr. Trump's suggestion that he did not heed intelligence warnings angered many veterans.")
    q = quote_with(a, "did not heed")
    assert q.span.text == "that he did not heed intelligence warnings"
    assert q.cue == "suggestion" and q.speaker_name is not None and "Trump" in q.speaker_name


def test_subject_of_the_verb_taking_the_noun_is_its_speaker() -> None:
    a = run("Ms. Warren roused the crowd with criticism of the developer.")
    q = quote_with(a, "the developer")
    assert q.span.text == "the developer" and q.cue == "criticism"
    assert q.speaker_name is not None and "Warren" in q.speaker_name


def test_target_of_criticism_is_not_its_speaker() -> None:
    a = run("Senator Rubio faced criticism of his immigration bill.")
    q = quote_with(a, "immigration bill")
    assert q.cue == "criticism" and q.speaker_name is None


def test_noun_without_a_cue_sense_reports_nothing() -> None:
    a = run("The fact that the bridge was closed delayed the convoy.")
    assert not a.quotes
