"""Event coding: who did what to whom, when and where, in CAMEO (with PLOVER type and mode).

Reads the parse and the entities (with the actors stage's codes when it ran), and, when present,
quotes, times and places; each missing layer only makes the events fewer or less precise.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.config import Settings
from eventwire.model import Analysis, Place, Problem
from eventwire.pipeline import stage
from eventwire.stages.coding.build import drafts, fold_headline, keep, merge, statement_dates, to_events
from eventwire.stages.coding.calibration import load_calibration
from eventwire.stages.coding.codebook import load_codebook
from eventwire.stages.coding.dating import Locator
from eventwire.stages.coding.extract import Extractor
from eventwire.stages.coding.learned import features, load_event_model
from eventwire.stages.coding.magnitude import attach
from eventwire.stages.coding.patterns import load_lexicon
from eventwire.stages.coding.sides import ActorIndex
from eventwire.stages.coding.user_verbs import UserVerbs, verb_dictionaries
from eventwire.syntax import ParseTree

SKIP_CODES = frozenset({"clean.language"})


def warm(settings: Settings) -> None:
    """Load the codebook, the pattern lexicon and any user verb dictionaries before any article is timed."""
    load_codebook()
    load_lexicon()
    load_event_model()
    load_calibration()
    verb_dictionaries(settings.dictionaries)


@stage(
    "coding",
    version=3,
    requires=("parse", "entities"),
    optional=("paragraphs", "quotes", "times", "places"),
    provides=("events",),
    warm=warm,
)
def code_events(analysis: Analysis, settings: Settings) -> Analysis:
    """Add the article's events; a non-English article is left uncoded and says so."""
    if any(p.code in SKIP_CODES for p in analysis.problems):
        return analysis.add(
            events=(),
            problems=[Problem(code="coding.skipped", stage="coding", message="the article is not English; not coded")],
        )
    parse = analysis.parse
    if parse is None or not parse.tokens:
        return analysis.add(events=())
    tree = ParseTree(parse.tokens)
    published = analysis.article.published.isoformat() if analysis.article.published else None
    placing = analysis.add(places=event_places(analysis))
    locator = Locator(tree, analysis.times, placing.places, published=published)
    actors = ActorIndex(analysis, tree, settings)
    verbs = verb_dictionaries(settings.dictionaries)
    user = UserVerbs(verbs, tree, actors) if verbs else None
    extractor = Extractor(tree, actors, locator, load_lexicon(), user)
    kept, orphans = keep(extractor.candidates(), analysis)
    model = load_event_model()
    scores = {c.trigger.i: model.event_probability(features(tree, c.trigger)) for c in kept} if model else {}
    if scores and user is None and settings.event_model_floor > 0:
        kept = [c for c in kept if scores[c.trigger.i] >= settings.event_model_floor]
    items = merge(drafts(kept, statement_dates(extractor), published), orphans)
    items = fold_headline(items, analysis.article.title_span)
    events = to_events(placing, items, load_codebook(), scores=scores)
    events = [replace(e, magnitudes=found) for e, found in attach(events, tree, analysis.article.text)]
    calibration = load_calibration()
    if calibration is not None:
        events = [replace(e, confidence=round(calibration.confidence(e), 3)) for e in events]
        events = [e for e in events if e.confidence >= settings.event_floor]
    return analysis.add(events=tuple(events))


def event_places(analysis: Analysis) -> tuple[Place, ...]:
    """The places an event can happen at: not a place name inside an organisation's or a person's name ("the
    African Union", "the Orange Order", "Texas A&M"), which names the body, not where anything happened."""
    names = [m for e in analysis.entities if e.type in ("ORG", "PERSON") for m in e.mentions]
    return tuple(
        p
        for p in analysis.places
        if not any(
            m.start <= p.span.start and p.span.end <= m.end and m.end - m.start > p.span.end - p.span.start
            for m in names
        )
    )
