"""Events: the reference article (score_article.py), ConfliBERT CAMEO classes and the PETRARCH2 unit tests
(events_cameo.py)."""

from __future__ import annotations

import json

from eval.common import DATA, SEED_ANCHOR, score_corpus, score_reference

SCORER = "events_cameo.py"
CONFLIBERT = DATA / "events" / "conflibert-cameo" / "cameo_class_train.tsv"
PETRARCH = DATA / "events" / "petrarch2-unittest"
STAGES = ("clean", "dedupe", "parse", "entities", "actors", "quotes", "dates", "geo", "coding")


def article() -> dict[str, float]:
    """Events precision, recall, date and modality accuracy on the reference article."""
    report = score_reference({"published": SEED_ANCHOR, "stages": STAGES})[0]["events"]
    return {
        "article_precision": report["precision"],
        "article_recall": report["recall"],
        "article_date": report["date_accuracy"],
        "article_modality": report["modality_accuracy"],
    }


def conflibert() -> dict[str, float]:
    """PentaClass P/R/F1 and top-1 accuracy on the ConfliBERT CAMEO training sentences."""
    report = score_corpus(SCORER, CONFLIBERT, {"stages": STAGES})
    return {
        "conflibert_class_f1": report["class_f1"],
        "conflibert_class_precision": report["class_precision"],
        "conflibert_class_recall": report["class_recall"],
        "conflibert_top1": report["top1_accuracy"],
    }


def petrarch() -> dict[str, float]:
    """Root and root+actors F1 on the PETRARCH2 unit tests, with their own actor, agent and verb dictionaries."""
    records = PETRARCH / "PETR.UnitTest.records.xml"
    dictionaries = tuple(PETRARCH / f"PETR.Validate.{kind}.txt" for kind in ("actors", "agents", "verbs"))
    report = score_corpus(SCORER, records, {"stages": STAGES, "dictionaries": dictionaries})
    return {
        "petrarch_root_f1": report["root_f1"],
        "petrarch_root_actor_f1": report["root_actor_f1"],
        "petrarch_full_code_accuracy": report["full_code_accuracy"],
    }


def run() -> dict[str, float]:
    """All event figures."""
    return {**article(), **conflibert(), **petrarch()}


if __name__ == "__main__":
    import sys

    parts = {"article": article, "conflibert": conflibert, "petrarch": petrarch}
    chosen = sys.argv[1:] or list(parts)
    result: dict[str, float] = {}
    for name in chosen:
        result.update(parts[name]())
    print(json.dumps(result, indent=1))
