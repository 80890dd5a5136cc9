"""TIMEX3 normalisation of recognised expressions: type, value and modifier from the anchor and the tense.

A ``Normaliser`` holds one document's context; ``run`` dispatches a rule's match groups to the method
of the same name (``_md``, ``_weekday``, ``_duration``...). It never raises: an expression whose value
cannot be read gives None, which the caller reports as ``dates.unreadable``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from eventwire.stages.dates.days import CalendarRules
from eventwire.stages.dates.periods import PeriodRules
from eventwire.stages.dates.values import DEFAULT_POLICY, Narrative, Normal, Policy, Tense

__all__ = ["DEFAULT_POLICY", "Narrative", "Normal", "Normaliser", "Policy"]


class Normaliser(CalendarRules, PeriodRules):
    """Turns one rule's match groups into a Normal, given the anchor, the tense and the document context."""

    def run(self, rule: str, groups: Mapping[str, str], tense: Tense = "") -> Normal | None:
        """The normalised value of one match, or None when the rule yields nothing usable."""
        method: Callable[[Mapping[str, str], Tense], Normal | None] | None = getattr(self, f"_{rule}", None)
        if method is None:
            return None
        try:
            return method(groups, tense)
        except (ValueError, OverflowError, KeyError, IndexError, ZeroDivisionError):
            return None
