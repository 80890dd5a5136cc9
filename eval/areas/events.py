"""Events: the reference article (score_article.py), ConfliBERT CAMEO classes and the PETRARCH2 unit tests
(events_cameo.py). The sentence sets are scored as the record gives them (at the default ``event_floor``) and,
under ``candidates_``, with every candidate the coder finds (``event_floor = 0``): one sentence out of its article
carries little of the evidence the confidence weighs, so the floor costs these sets recall."""

from __future__ import annotations

import json

from eval.common import DATA, SEED_ANCHOR, score_corpus_floors, score_reference

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
    result: dict[str, float] = {}
    reports = score_corpus_floors(SCORER, CONFLIBERT, {"stages": STAGES})
    for prefix, report in zip(("", "candidates_"), reports, strict=True):
        result[f"{prefix}conflibert_class_f1"] = report["class_f1"]
        result[f"{prefix}conflibert_class_precision"] = report["class_precision"]
        result[f"{prefix}conflibert_class_recall"] = report["class_recall"]
        result[f"{prefix}conflibert_top1"] = report["top1_accuracy"]
    return result


def petrarch() -> dict[str, float]:
    """Root and root+actors F1 on the PETRARCH2 unit tests, with their own actor, agent and verb dictionaries."""
    records = PETRARCH / "PETR.UnitTest.records.xml"
    dictionaries = tuple(PETRARCH / f"PETR.Validate.{kind}.txt" for kind in ("actors", "agents", "verbs"))
    result: dict[str, float] = {}
    reports = score_corpus_floors(SCORER, records, {"stages": STAGES, "dictionaries": dictionaries})
    for prefix, report in zip(("", "candidates_"), reports, strict=True):
        result[f"{prefix}petrarch_root_f1"] = report["root_f1"]
        result[f"{prefix}petrarch_root_actor_f1"] = report["root_actor_f1"]
        result[f"{prefix}petrarch_full_code_accuracy"] = report["full_code_accuracy"]
    return result


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
