"""The reference article, end to end, scored by ``score_article.py`` with and without a publication date."""

from __future__ import annotations

from typing import Any

from eval.common import SEED_ANCHOR, score_reference


def score(published: bool) -> dict[str, Any]:
    """score_article.py's report for our record of the reference article, with or without its date."""
    return score_reference({"published": SEED_ANCHOR} if published else {})[0]


def run() -> dict[str, float]:
    """Figures of the reference article (anchored on its true date, and without any date)."""
    anchored = score(published=True)
    bare = score(published=False)
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
