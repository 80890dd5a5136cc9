"""Fit the event confidence calibration on the tuning half of the annotated articles (``make train``).

    python -m train.events.calibrate [--out src/eventwire/resources/data/event_calibration.json]

Each output event of a tuning-half article is labelled right when it fits a gold event of the article (root,
source and target keys, as ``score_articles.py`` matches them); a logistic regression over the coder's
evidence (``eventwire.stages.coding.calibration.FEATURES``) is fitted to those labels. The reliability table
(predicted against observed, by confidence bin) is reported for the tuning half and, as figures only, for the
check half, and written to ``docs/event-confidence.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sklearn.linear_model import LogisticRegression

from eval.areas.articles import CHECK, FOLDER, TUNING
from eval.common import prepare, run_pipeline, shared_module
from eventwire.record import from_record
from eventwire.stages.coding.calibration import FEATURES, evidence

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "eventwire" / "resources" / "data" / "event_calibration.json"
DOC = ROOT / "docs" / "event-confidence.md"
SEED = 20261201
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)
FLOORS = (0.0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def labelled(names: tuple[str, ...], records: dict[str, dict[str, Any]]) -> tuple[list[list[float]], list[int]]:
    """(evidence, right) for every output event of the named articles."""
    scorer = shared_module("score_articles.py")
    xs: list[list[float]] = []
    ys: list[int] = []
    for name in names:
        gold = json.loads((FOLDER / name / "gold.json").read_text(encoding="utf-8"))
        record = records[name]
        events = from_record(record).events
        for raw, event in zip(record["events"], events, strict=True):
            xs.append(evidence(event))
            ys.append(int(any(scorer._fits(raw, g) for g in gold["events"])))
    return xs, ys


def _at_floor(
    names: tuple[str, ...],
    records: dict[str, dict[str, Any]],
    confidences: dict[str, list[float]],
    floor: float,
    score_events: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]],
) -> tuple[float, float]:
    """Pooled event precision and recall over the named articles, keeping events at or above ``floor``."""
    right = output = found = required = 0
    for name in names:
        gold = json.loads((FOLDER / name / "gold.json").read_text(encoding="utf-8"))
        kept = [e for e, c in zip(records[name]["events"], confidences[name], strict=True) if c >= floor]
        report = score_events(gold, {"events": kept})
        output += report["output"]
        right += round(report["precision"] * report["output"])
        found += report["found"]
        required += report["required"]
    return right / max(output, 1), found / max(required, 1)


def reliability(probabilities: list[float], right: list[int]) -> list[tuple[str, int, float, float]]:
    """(bin, events, mean confidence, share right) per confidence bin."""
    rows = []
    for lo, hi in itertools.pairwise(BINS):
        inside = [(p, r) for p, r in zip(probabilities, right, strict=True) if lo <= p < hi]
        if inside:
            mean = sum(p for p, _ in inside) / len(inside)
            share = sum(r for _, r in inside) / len(inside)
            rows.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(inside), mean, share))
    return rows


def _ece(rows: list[tuple[str, int, float, float]]) -> float:
    total = sum(n for _, n, _, _ in rows) or 1
    return sum(n * abs(mean - share) for _, n, mean, share in rows) / total


def main(argv: list[str] | None = None) -> None:
    """Fit, report, write."""
    parser = argparse.ArgumentParser(prog="python -m train.events.calibrate")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.out.is_file() and json.loads(args.out.read_text(encoding="utf-8")).get("features") != list(FEATURES):
        args.out.unlink()  # fitted on other features: the coder cannot load it, and it is about to be replaced
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        prepare("score_articles.py", FOLDER, inputs)
        run_pipeline(inputs, out, {"event_floor": 0.0})
        records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    x_tune, y_tune = labelled(TUNING, records)
    x_check, y_check = labelled(CHECK, records)
    model = LogisticRegression(C=1.0, max_iter=1000, random_state=SEED)
    model.fit(x_tune, y_tune)
    table = {
        "version": "calibration-"
        + hashlib.sha256(repr((model.coef_.round(6).tolist(), y_tune)).encode()).hexdigest()[:12],
        "features": list(FEATURES),
        "coef": [round(float(c), 6) for c in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "fitted_on": {"articles": list(TUNING), "events": len(y_tune), "right": sum(y_tune)},
    }
    args.out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    lines = [
        "# Event confidence",
        "",
        "`confidence` on every event is calibrated. `make train` fits a logistic regression"
        " (`train/events/calibrate.py`) of whether an event is right on the coder's evidence. An event is right"
        " when it fits a gold event of its article: its root and both sides. The fit uses the tuning half of"
        " `../shared/eval/data/articles`. The evidence is the rules' score, the learned model's event probability,"
        " whether each side is coded, whether a target is named, whether the event is a statement, whether it"
        " inherited the publication date, and whether it is claimed. The check half is never fitted on; its"
        " figures are shown only to see whether the calibration holds on unseen articles.",
        "",
        "| half | bin | events | mean confidence | share right |",
        "|---|---|---|---|---|",
    ]
    confidences: dict[str, list[float]] = {}
    for half, names, xs, ys in (("tune", TUNING, x_tune, y_tune), ("check", CHECK, x_check, y_check)):
        probabilities = [float(p) for p in model.predict_proba(xs)[:, 1]] if xs else []
        start = 0
        for name in names:  # ``labelled`` lists the events article by article, in record order
            count = len(records[name]["events"])
            confidences[name] = probabilities[start : start + count]
            start += count
        rows = reliability(probabilities, ys)
        for label, n, mean, share in rows:
            lines.append(f"| {half} | {label} | {n} | {mean:.2f} | {share:.2f} |")
        summary = f"{half}: {len(ys)} events, {sum(ys)} right, expected calibration error {_ece(rows):.3f}"
        print(summary)
        lines.append(f"| {half} | all | {len(ys)} | ECE {_ece(rows):.3f} | {sum(ys) / max(len(ys), 1):.2f} |")
    lines += [
        "",
        "## The floor",
        "",
        "Events below the `event_floor` setting (default 0.25) are left out of the record; `event_floor = 0` keeps"
        " every candidate. A threshold on calibrated probabilities maximises F1 near half the F1 it reaches"
        " (Lipton, Elkan and Naryanaswamy 2014, 'Thresholding classifiers to maximize F1'); the articles' event F1"
        " is about 0.5, hence 0.25. What each floor gives on the articles (figures; the check half is never used"
        " to choose):",
        "",
        "| floor | tune P | tune R | tune F1 | check P | check R | check F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    score_events = shared_module("score_article.py").score_events
    for floor in FLOORS:
        cells = [f"{floor:.2f}"]
        for names in (TUNING, CHECK):
            p, r = _at_floor(names, records, confidences, floor, score_events)
            cells += [f"{p:.3f}", f"{r:.3f}", f"{2 * p * r / (p + r) if p + r else 0.0:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Weights (`src/eventwire/resources/data/event_calibration.json`):", ""]
    lines += [f"- {name}: {coef:+.3f}" for name, coef in zip(FEATURES, table["coef"], strict=True)]
    lines += [f"- intercept: {table['intercept']:+.3f}", ""]
    DOC.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out} and {DOC}")


if __name__ == "__main__":
    main()
