"""The reference article, end to end, scored by ``score_article.py`` with and without a publication date."""

from __future__ import annotations

import json

from eval.common import SHARED, run_pipeline, scorer, workdir

GOLD = SHARED / "seed" / "gold.json"
ARTICLE = SHARED / "seed" / "article.txt"
ANCHOR = "2023-11-21"


def score(published: str | None) -> dict[str, dict[str, float]]:
    """score_article.py's report for our record of the reference article."""
    import datetime as dt

    with workdir() as tmp:
        out = tmp / "out.jsonl"
        overrides = {"published": dt.date.fromisoformat(published)} if published else {}
        run_pipeline(ARTICLE, out, overrides)
        record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        single = tmp / "article.json"
        single.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        args = [GOLD, single] + ([] if published else ["--no-anchor"])
        return scorer("score_article.py", *args)


def run() -> dict[str, float]:
    """Figures of the reference article (anchored on its true date, and without any date)."""
    anchored = score(ANCHOR)
    bare = score(None)
    q, t, p, e, ev, d = (anchored[k] for k in ("quotes", "times", "places", "entities", "events", "duplicates"))
    return {
        "duplicates": d["recall"],
        "persons": e["accuracy"],
        "quotes_f1": q["f1"],
        "quotes_speaker": q["speaker_accuracy"],
        "times": t["accuracy"],
        "times_no_anchor_right_year": 1.0 if bare["times"]["wrong_year_values"] == 0 else 0.0,
        "places": p["accuracy"],
        "events_precision": ev["precision"],
        "events_recall": ev["recall"],
        "events_date": ev["date_accuracy"],
        "events_modality": ev["modality_accuracy"],
    }
