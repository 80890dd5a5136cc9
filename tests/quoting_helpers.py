"""Shared helpers for the quotes tests: run the stages up to quotes on a small text, find a quote."""

from __future__ import annotations

from eventwire import config
from eventwire.model import Analysis, Article, Quote
from eventwire.pipeline import Pipeline

STAGES = ("clean", "dedupe", "parse", "entities", "actors", "quotes")


def run(text: str, stages: tuple[str, ...] = STAGES) -> Analysis:
    """The analysis of ``text`` through ``stages``, raising any stage error."""
    settings = config.load({"stages": stages, "raise_errors": True})
    return Pipeline(settings).run(Article(id="t", text=text))


def quote_with(analysis: Analysis, words: str) -> Quote:
    """The first quote whose text holds ``words`` (fails the test, listing the quotes, when none does)."""
    hits = [q for q in analysis.quotes if words in q.span.text]
    assert hits, f"no quote holds {words!r}: {[q.span.text for q in analysis.quotes]}"
    return hits[0]
