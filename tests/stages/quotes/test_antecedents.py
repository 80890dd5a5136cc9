"""Speaker pronouns the quotes stage resolves itself (run without the actors stage, which would link them first)."""

from __future__ import annotations

from quoting_helpers import quote_with
from quoting_helpers import run as run_stages

from eventwire import config
from eventwire.model import Analysis, Article, Entity, Quote
from eventwire.pipeline import Pipeline

STAGES = ("clean", "dedupe", "parse", "entities", "quotes")  # without actors: the stage's own fallback


def speaker_of(analysis: Analysis, quote: Quote) -> Entity:
    found = [e for e in analysis.entities if e.id == quote.speaker]
    assert found, f"quote {quote.span.text!r} has no speaker entity ({quote.speaker_name!r})"
    return found[0]


def run(text: str) -> Analysis:
    return run_stages(text, STAGES)


def test_she_becomes_a_mention_of_the_person_she_stands_for() -> None:
    a = run(
        "Senator Maria Lopez visited the flooded town of Ashford on Tuesday.\n\n"
        "She said that the state would pay for the repairs."
    )
    q = quote_with(a, "the state would pay")
    person = speaker_of(a, q)
    assert "Lopez" in person.name
    assert q.speaker_span is not None and q.speaker_span.text == "She"
    assert any(m.start == q.speaker_span.start and m.text == "She" for m in person.mentions)


def test_they_goes_to_an_organisation_not_to_a_person() -> None:
    a = run(
        "John Carter met officials of the World Health Organization in Geneva.\n\n"
        "They said that the outbreak was under control."
    )
    q = quote_with(a, "the outbreak was under control")
    group = speaker_of(a, q)
    assert group.type in ("ORG", "NORP", "GPE") and "Health" in group.name
    assert any(m.text == "They" for m in group.mentions)


def test_a_relative_who_is_linked_to_the_speaker() -> None:
    a = run("The plan was criticised by Governor Paul Reed, who said that it would cost too much.")
    q = quote_with(a, "it would cost too much")
    person = speaker_of(a, q)
    assert "Reed" in person.name
    assert any(m.text == "who" for m in person.mentions)


def test_no_antecedent_of_the_right_kind_leaves_the_pronoun_unlinked() -> None:
    a = run("The storm hit the coast at night.\n\nHe said that the damage was severe.")
    q = quote_with(a, "the damage was severe")
    assert q.speaker is None and q.speaker_name is None


def test_existing_mentions_are_kept_and_ids_unchanged() -> None:
    text = "Senator Maria Lopez visited Ashford on Tuesday.\n\nShe said that the state would pay for the repairs."
    before = Pipeline(config.load({"stages": STAGES[:-1], "raise_errors": True})).run(Article(id="t", text=text))
    after = run(text)
    assert [e.id for e in before.entities] == [e.id for e in after.entities]
    for b, c in zip(before.entities, after.entities, strict=True):
        assert set(b.mentions) <= set(c.mentions)
