"""Event confidence that means something: a logistic calibration of the coder's evidence, fitted on the
tuning half of the annotated articles (``make train``), so that events at 0.8 are right about 80% of the time
there. The evidence: the rules' score, the learned model's event probability, whether each side is coded,
whether the event is a statement, inherited its date or is claimed by a party. The fitted weights ship as a
small JSON table; without it the rules' score is the confidence.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from eventwire.errors import ResourceError
from eventwire.model import Event
from eventwire.resources import DATA
from eventwire.stages.coding.vocab import VERBAL_ROOTS

CALIBRATION_FILE = "event_calibration.json"
FEATURES = (
    "rule_confidence",
    "model_probability",
    "source_coded",
    "target_coded",
    "target_named",
    "statement",
    "date_published",
    "claimed",
)


def _coded(side: object) -> float:
    return float(bool(side is not None and (getattr(side, "country", None) or getattr(side, "org", None))))


def evidence(event: Event) -> list[float]:
    """The calibration's inputs for one event, in ``FEATURES`` order."""
    return [
        event.rule_confidence,
        event.model_probability if event.model_probability is not None else 0.5,
        _coded(event.source),
        _coded(event.target),
        float(event.target is not None),
        float(event.root in VERBAL_ROOTS),
        float(event.date_source == "published"),
        float(event.claimed_by is not None),
    ]


@dataclass(frozen=True, slots=True)
class Calibration:
    """Logistic weights over ``FEATURES``."""

    version: str
    coef: tuple[float, ...]
    intercept: float

    def confidence(self, event: Event) -> float:
        """The calibrated chance that the event is right."""
        score = self.intercept + sum(w * x for w, x in zip(self.coef, evidence(event), strict=True))
        return 1.0 / (1.0 + math.exp(-score))


@functools.cache
def load_calibration() -> Calibration | None:
    """The shipped calibration, or None when the package carries none."""
    path = resources.files(DATA).joinpath(CALIBRATION_FILE)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ResourceError(f"{CALIBRATION_FILE} was fitted on other features: run `make train` to refit it")
    return Calibration(version=str(data["version"]), coef=tuple(data["coef"]), intercept=float(data["intercept"]))
