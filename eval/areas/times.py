"""Time expressions on TempEval-3 TimeBank + AQUAINT, scored by ``timex_tempeval.py`` (Task A style)."""

from __future__ import annotations

import os
import sys
from typing import Any

from eval.common import DATA, score_corpus

SCORER = "timex_tempeval.py"
GOLD = DATA / "time" / "tbaq"
#: Only what the times need: the parse for tense and the dates stage.
STAGES = ("clean", "parse", "dates")


def report(gold: str | os.PathLike[str] = GOLD) -> dict[str, Any]:
    """The scorer's full JSON report for our pipeline's output on ``gold``."""
    return score_corpus(SCORER, gold, {"stages": STAGES})


def run() -> dict[str, float]:
    """Strict and relaxed span F1, value and type figures on TBAQ."""
    rep = report()
    return {
        "strict_f1": rep["strict_f1"],
        "relaxed_f1": rep["relaxed_f1"],
        "relaxed_precision": rep["relaxed_precision"],
        "relaxed_recall": rep["relaxed_recall"],
        "type_accuracy": rep["type_accuracy"],
        "value_accuracy": rep["value_accuracy"],
        "value_f1": rep["value_f1"],
    }


if __name__ == "__main__":
    # the scorer runs in its own folder: a relative GOLD (e.g. one half, ../shared/.../tbaq/AQUAINT) is made absolute
    figures = report(os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else GOLD)
    for name, value in figures.items():
        if name != "misses":
            print(f"{name:28s} {value}")
