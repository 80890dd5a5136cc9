"""The learned event model: features from our token records, the shipped weights, the veto setting."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire import config
from eventwire.ids import article_id
from eventwire.model import Article, Token
from eventwire.pipeline import Pipeline
from eventwire.stages.coding.learned import NO_EVENT, features, is_candidate, load_event_model
from eventwire.syntax import ParseTree


def parse(text: str) -> tuple[ParseTree, list[Token]]:
    settings = config.load({"stages": ("clean", "parse"), "raise_errors": True})
    analysis = Pipeline(settings).run(Article(id=article_id(text), text=text, published=dt.date(2024, 5, 6)))
    assert analysis.parse is not None
    return ParseTree(analysis.parse.tokens), list(analysis.parse.tokens)


def word(tokens: list[Token], text: str) -> Token:
    return next(t for t in tokens if t.text == text)


def test_features_see_object_preposition_negation_and_voice() -> None:
    tree, tokens = parse("The rebels did not attack the convoy, and two aid workers were detained by militia fighters.")
    attack = features(tree, word(tokens, "attack"))
    assert {"l=attack", "lo=attack|convoy", "neg"} <= set(attack)
    detained = features(tree, word(tokens, "detained"))
    assert {"passive", "by"} <= set(detained)


def test_only_verbs_and_common_nouns_are_candidates() -> None:
    _, tokens = parse("Ministers from Chile met in Lima on Tuesday.")
    assert is_candidate(word(tokens, "met"))
    assert not is_candidate(word(tokens, "Chile"))
    assert not is_candidate(word(tokens, "on"))


def test_shipped_model_gives_a_distribution_and_tells_events_from_filler() -> None:
    model = load_event_model()
    if model is None:
        pytest.fail("the package carries no event model: run `make train`")
    assert NO_EVENT in model.labels and "19" in model.labels
    tree, tokens = parse("Government troops shelled the rebel-held town overnight, residents said on Sunday.")
    probs = model.probabilities(features(tree, word(tokens, "shelled")))
    assert abs(sum(probs.values()) - 1.0) < 1e-6
    filler = model.event_probability(features(tree, word(tokens, "town")))
    assert model.event_probability(features(tree, word(tokens, "shelled"))) > filler


def test_veto_floor_is_a_setting_and_off_by_default() -> None:
    assert config.load({}).event_model_floor == 0.0
    assert config.load({}, environ={"EVENTWIRE_EVENT_MODEL_FLOOR": "0.2"}).event_model_floor == 0.2
