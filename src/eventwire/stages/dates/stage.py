"""Normalise time expressions to TIMEX3 values anchored on the publication date.

Without a publication date no year is ever invented: relative expressions get partial values
(``XXXX-11-20``) or empty ones, and the record says the anchor was missing (``dates.no_anchor``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.ids import record_id
from eventwire.model import Analysis, Problem, Span, TimeRef
from eventwire.pipeline import stage
from eventwire.stages.dates.times import find_times

if TYPE_CHECKING:
    from eventwire.config import Settings


@stage("dates", version=1, requires=("normalized", "parse"), provides=("times",))
def normalize_dates(analysis: Analysis, settings: Settings) -> Analysis:
    """Attach a TimeRef to every time expression; note once when there was no publication date."""
    article = analysis.article
    text = analysis.normalized or article.text
    anchor = article.published
    tokens = analysis.parse.tokens if analysis.parse is not None else ()
    times: list[TimeRef] = []
    problems: list[Problem] = []
    for found in find_times(text, anchor=anchor, tokens=tokens):
        span = Span.of(article.text, found.start, found.end)
        if not found.readable:
            problems.append(
                Problem(
                    code="dates.unreadable",
                    stage="dates",
                    message=f"{span.text!r} looks like a time expression ({found.rule}) but has no TIMEX3 reading",
                    span=span,
                )
            )
            continue
        times.append(
            TimeRef(
                id=record_id("time", article.id, found.start, found.end),
                span=span,
                type=found.type,  # type: ignore[arg-type]  # find_times yields only TIMEX3 types
                value=found.value,
                anchor=anchor.isoformat() if anchor is not None else None,
                mod=found.mod,
            )
        )
    if anchor is None:
        problems.append(
            Problem(
                code="dates.no_anchor",
                stage="dates",
                message="no publication date (input, metadata, HTML or dateline): relative dates are left partial "
                "or empty; pass --published YYYY-MM-DD to anchor them",
            )
        )
    return analysis.add(times=tuple(times), problems=problems)
