"""Actors: person linking on the reference article (score_article.py), every gold entity's org/country,
and the share of entity mentions that get a CAMEO actor code on the PolNeAR dev texts."""

from __future__ import annotations

import json
import re
from typing import Any

from eval.common import DATA, SEED_ANCHOR, SEED_GOLD, prepare, run_pipeline, score_reference, workdir

POLNEAR_DEV = DATA / "quotes" / "polnear" / "dev"
STAGES = ("clean", "dedupe", "parse", "entities", "actors")


def _gold_entities(record: dict[str, Any]) -> float:
    """Share of gold entities whose first mention lies in an output entity carrying the gold org or country."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = record["text"]
    right = 0
    for g in gold["entities"]:
        want = {g.get("org"), g.get("country")} - {None}
        needle = g["mentions"][0]
        found = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text)
        span = found.span() if found else (-1, -1)
        for e in record.get("entities") or []:
            if any(s < span[1] and span[0] < t for s, t in e.get("mentions") or []):
                actor = e.get("actor") or {}
                if {actor.get("org"), actor.get("country")} & want:
                    right += 1
                    break
    return right / len(gold["entities"])


def article() -> dict[str, float]:
    """Persons accuracy (score_article.py) and gold-entity org/country accuracy on the reference article."""
    report, record = score_reference({"published": SEED_ANCHOR, "stages": STAGES})
    persons = report["entities"]["accuracy"]
    return {"article_persons": persons, "article_gold_entities": _gold_entities(record)}


def polnear() -> dict[str, float]:
    """Share of entity mentions (and of entities) in the PolNeAR dev texts with a CAMEO actor code."""
    with workdir() as tmp:
        inputs, out = tmp / "in.jsonl", tmp / "out.jsonl"
        prepare("quotes_polnear.py", POLNEAR_DEV, inputs)
        run_pipeline(inputs, out, {"stages": STAGES})
        mentions = coded = entities = coded_entities = 0
        for line in out.read_text(encoding="utf-8").splitlines():
            for e in json.loads(line).get("entities") or []:
                n = len(e.get("mentions") or [])
                has = bool((e.get("actor") or {}).get("cameo"))
                mentions += n
                entities += 1
                coded += n if has else 0
                coded_entities += has
    return {"polnear_dev_mentions_coded": coded / mentions, "polnear_dev_entities_coded": coded_entities / entities}


def run() -> dict[str, float]:
    """All actor figures."""
    return {**article(), **polnear()}


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
