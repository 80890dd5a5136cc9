"""Quotes: PolNeAR dev through ``quotes_polnear.py``, and the reference article through ``score_article.py``."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from eval.common import DATA, score_corpus, score_reference

SCORER = "quotes_polnear.py"
GOLD = DATA / "quotes" / "polnear" / "dev"
#: What the quotes need: the parse, the entities and their coreferent mentions.
STAGES = ("clean", "dedupe", "parse", "entities", "actors", "quotes")


def report(gold: str | os.PathLike[str] = GOLD) -> dict[str, Any]:
    """The PolNeAR scorer's full JSON report for our pipeline's output on ``gold``."""
    return score_corpus(SCORER, gold, {"stages": STAGES})


def article_report() -> dict[str, Any]:
    """score_article.py's quote figures for our record of the reference article (run without a date)."""
    return score_reference({"stages": STAGES})[0]["quotes"]  # type: ignore[no-any-return]


def run() -> dict[str, float]:
    """Attribution P/R/F1 and speaker accuracy on PolNeAR dev; quote F1 and speakers on the reference article."""
    rep = report()
    art = article_report()
    return {
        "polnear_f1": rep["f1"],
        "polnear_precision": rep["precision"],
        "polnear_recall": rep["recall"],
        "polnear_speaker": rep["speaker_accuracy"],
        "polnear_content_token_f1": rep["content_token_f1"],
        "article_f1": art["f1"],
        "article_speaker": art["speaker_accuracy"],
    }


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(report(sys.argv[1]), indent=1))
    else:
        print(json.dumps(run(), indent=1))
