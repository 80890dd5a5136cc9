"""Grouping NER mentions into entities."""

from __future__ import annotations

from eventwire.model import EntityMention, Span
from eventwire.stages.entities import group_mentions, join_peoples, trim
from eventwire.syntax import name_key


def mention(text: str, needle: str, label: str, nth: int = 0) -> EntityMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return EntityMention(span=Span.of(text, start, start + len(needle)), label=label)


def test_trim_and_key() -> None:
    text = "the NATO’s chief"
    span = trim(text, Span.of(text, 0, 10))
    assert span is not None and span.text == "NATO"
    assert name_key("Jens  Stoltenberg’s") == "jens stoltenberg's"


def test_surnames_join_full_names_and_untagged_repeats_are_found() -> None:
    text = "Jens Stoltenberg spoke. Stoltenberg left. Later Stoltenberg returned to NATO."
    mentions = (
        mention(text, "Jens Stoltenberg", "PERSON"),
        mention(text, "Stoltenberg", "ORG", 1),
        mention(text, "NATO", "ORG"),
    )
    groups = group_mentions(text, mentions)
    names = {name: (label, [m.text for m in spans]) for name, label, spans in groups}
    assert names["Jens Stoltenberg"] == ("PERSON", ["Jens Stoltenberg", "Stoltenberg", "Stoltenberg"])
    assert names["NATO"][0] == "ORG"


def test_adjacent_peoples_are_one_people() -> None:
    text = "Ukrainian Americans and Serbs, Russian, Americans."
    mentions = tuple(
        EntityMention(span=Span.of(text, s, e), label="NORP")
        for s, e in ((0, 9), (10, 19), (24, 29), (31, 38), (40, 49))
    )
    joined = [m.span.text for m in join_peoples(text, mentions)]
    assert joined == ["Ukrainian Americans", "Serbs", "Russian", "Americans"]


def test_a_sentence_opening_verb_or_common_noun_is_not_a_name() -> None:
    from eventwire.model import Parse, Token
    from eventwire.stages.entities import named

    text = "Conceding defeat, Ruiz left. Farmers cheered Ruiz."
    words = [
        ("Conceding", "VBG", 0), ("defeat", "NN", 0), (",", ",", 0), ("Ruiz", "NNP", 0), ("left", "VBD", 0),
        (".", ".", 0), ("Farmers", "NNS", 1), ("cheered", "VBD", 1), ("Ruiz", "NNP", 1), (".", ".", 1),
    ]  # fmt: skip
    tokens, at = [], 0
    for i, (word, tag, sent) in enumerate(words):
        start = text.index(word, at)
        at = start + len(word)
        tokens.append(
            Token(
                i=i,
                text=word,
                start=start,
                end=at,
                lemma=word.lower(),
                pos="X",
                tag=tag,
                dep="dep",
                head=i,
                ent_type="",
                ent_iob="O",
                sent=sent,
            )
        )
    mentions = tuple(
        mention(text, word, label, nth)
        for word, label, nth in (("Conceding", "PERSON", 0), ("Ruiz", "PERSON", 0), ("Farmers", "ORG", 0),
                                 ("Ruiz", "PERSON", 1))
    )  # fmt: skip
    parse = Parse(tokens=tuple(tokens), mentions=mentions, model="test")
    kept = [text[m.span.start : m.span.end] for m in named(parse)]
    assert kept == ["Ruiz", "Ruiz"]
