"""Twenty real news articles annotated end to end (``../shared/eval/data/articles``), in two fixed halves.

The **tuning** half may be read for error analysis while changing rules or the model; the **check** half
never is: its errors are not looked at, only its figures. The split is fixed here, drawn once by source
corpus (TimeBank/AQUAINT, TR-News, PolNeAR) so that each half has articles of every source, and it must not
change: a change that helps the tuning half and not the check half is fitting, not learning. Every figure is
reported for both halves.

Besides the shared scorer's figures, the record's own completeness is measured on each half: the share of
output events with a coded source actor, with a place, with a date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.common import DATA, prepare, run_pipeline, scorer, shared_module, workdir

FOLDER = DATA / "articles"
SCORER = "score_articles.py"

TUNING = (
    "baghdad-inspections",
    "belfast-car-bomb",
    "castro-trump",
    "clinton-brexit",
    "clinton-condemns-embassy-bombings",
    "dnc-chair-sanders",
    "evangelicals-brunson",
    "gop-reaction-terror-speech",
    "israel-lebanon-signals",
    "turkey-bus-bomb",
)
CHECK = (
    "albright-nairobi",
    "cairo-church-bomb",
    "clinton-iraq-strike",
    "clinton-russians-hacked-dnc",
    "havana-elian",
    "jordan-karak-attack",
    "obama-putin-hacking",
    "obama-radical-islam",
    "tanzania-expels-iraqis",
    "trump-putin-praise",
)
HALVES = {"tune": TUNING, "check": CHECK}


def _completeness(records: list[dict[str, Any]]) -> dict[str, float]:
    events = [e for r in records for e in r.get("events") or []]
    n = len(events) or 1

    def coded(actor: Any) -> bool:
        return isinstance(actor, dict) and bool(actor.get("cameo") or actor.get("country") or actor.get("org"))

    return {
        "events_with_source_code": sum(coded(e.get("source")) for e in events) / n,
        "events_with_place": sum(bool(e.get("place")) for e in events) / n,
        "events_with_date": sum(bool(e.get("date")) for e in events) / n,
    }


def _event_places(names: tuple[str, ...], records: dict[str, dict[str, Any]]) -> float:
    """Share of the found gold events that name a place whose output event (one of those matching it, by root
    and sides as the scorer matches) has that GeoNames place: the event place, which the scorer leaves out."""
    keys = shared_module("score_article.py").actor_keys

    def fits(event: dict[str, Any], gold: dict[str, Any]) -> bool:
        root = str(event.get("root") or str(event.get("cameo") or "")[:2])
        source, target = keys(event.get("source")), keys(event.get("target"))
        return (
            root in gold["roots"]
            and (not gold["source"] or bool(source & set(gold["source"])))
            and (not gold["target"] or bool(target & set(gold["target"])))
        )

    found = right = 0
    for name in names:
        gold = json.loads((FOLDER / name / "gold.json").read_text(encoding="utf-8"))
        record = records.get(name) or {}
        places = {p["id"]: p.get("geonameid") for p in record.get("places") or []}
        for event in gold["events"]:
            hits = [e for e in record.get("events") or [] if fits(e, event)]
            if event.get("optional") or not event.get("place") or not hits:
                continue
            found += 1
            right += any(places.get(e.get("place")) == event["place"] for e in hits)
    return right / found if found else 0.0


def outputs(work: Path) -> Path:
    """Our records of all twenty articles, as JSON Lines in ``work``."""
    inputs, out = work / "in.jsonl", work / "out.jsonl"
    prepare(SCORER, FOLDER, inputs)
    run_pipeline(inputs, out, {})
    return out


def figures(out: Path) -> dict[str, float]:
    """Pooled figures of each half for a file of our records."""
    report = scorer(SCORER, "score", FOLDER, out)
    per_article: dict[str, Any] = report["articles"]
    missing = set(TUNING + CHECK) ^ set(per_article)
    if missing:
        raise RuntimeError(f"the article split does not match the gold folder: {sorted(missing)}")
    pool = shared_module(SCORER).pool
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    result: dict[str, float] = {}
    for half, names in HALVES.items():
        pooled = pool({n: per_article[n] for n in names})
        ev = pooled["events"]
        values = {
            "events_precision": ev["precision"],
            "events_recall": ev["recall"],
            "events_f1": ev["f1"],
            "events_date": ev["date_accuracy"],
            "events_modality": ev["modality_accuracy"],
            "quotes_f1": pooled["quotes"]["f1"],
            "quotes_speaker": pooled["quotes"]["speaker_accuracy"],
            "times": pooled["times"]["accuracy"],
            "places": pooled["places"]["accuracy"],
            "persons": pooled["persons"]["accuracy"],
            "events_place": _event_places(names, records),
            **_completeness([records[n] for n in names if n in records]),
        }
        result.update({f"{half}_{k}": v for k, v in values.items()})
    return result


def run() -> dict[str, float]:
    """Figures of both halves of the article set."""
    with workdir() as work:
        return figures(outputs(work))
