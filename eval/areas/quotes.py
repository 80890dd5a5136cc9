"""Quotes: PolNeAR dev through ``quotes_polnear.py``, and the reference article through ``score_article.py``."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from eval.common import DATA, SHARED, prepare, run_pipeline, scorer, workdir

SCORER = "quotes_polnear.py"
GOLD = DATA / "quotes" / "polnear" / "dev"
ARTICLE = SHARED / "seed" / "article.txt"
ARTICLE_GOLD = SHARED / "seed" / "gold.json"
#: What the quotes need: the parse, the entities and their coreferent mentions.
STAGES = ("clean", "dedupe", "parse", "entities", "actors", "quotes")


def report(gold: str | os.PathLike[str] = GOLD) -> dict[str, Any]:
    """The PolNeAR scorer's full JSON report for our pipeline's output on ``gold``."""
    with workdir() as tmp:
        inputs, out = tmp / "in.jsonl", tmp / "out.jsonl"
        prepare(SCORER, gold, inputs)
        run_pipeline(inputs, out, {"stages": STAGES})
        return scorer(SCORER, "score", gold, out)


def article_report() -> dict[str, Any]:
    """score_article.py's quote figures for our record of the reference article."""
    with workdir() as tmp:
        out = tmp / "out.jsonl"
        run_pipeline(ARTICLE, out, {"stages": STAGES})
        single = tmp / "article.json"
        single.write_text(out.read_text(encoding="utf-8").splitlines()[0], encoding="utf-8")
        return scorer("score_article.py", ARTICLE_GOLD, single, "--no-anchor")["quotes"]  # type: ignore[no-any-return]


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
