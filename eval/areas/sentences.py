"""Events sentence by sentence on our labelled news corpus (``train/events/labels``), in two fixed halves.

The labels name news sentences of the shared corpora by reference (corpus, document, offsets) with every
CAMEO event they report: trigger, code, and the source and target spans (see ``train/events/GUIDELINE.md``).
The whole pipeline runs over each labelled document and the events it puts in labelled sentences are matched
to the labels:

- an output event **finds** a labelled event when their triggers overlap and their CAMEO roots agree;
- its **source** (**target**) is right when the label names none, or when the output side's entity has a
  mention overlapping the labelled span, or the side's name lies inside it (a side built from a phrase);
- ``events_*`` count an event as right only with root and both sides right; ``roots_*`` ask the root only;
  ``source_accuracy`` and ``target_accuracy`` are shares over the found events whose label names that side.

The documents are split in halves by a hash of their id, fixed here: the **tune** half may be read to learn
what kind of error happens; the **check** half never is, only its figures. Sentences we wrote ourselves are
not scored (they are the model's, and their errors are known by construction). The learned model trains on
the same labels (all but its own held-out fifth), so this area measures the rule coder's triggers and sides;
the articles area is the unseen measure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eval.common import ROOT, at_floor, run_pipeline, workdir
from eventwire import config

LABELS = ROOT / "train" / "events" / "labels"
#: documents whose hash falls in the check half (one in three)
CHECK_SHARE = 3


def half(corpus: str, doc: str) -> str:
    """``check`` for one document in three (by a hash of its id), else ``tune``."""
    digest = hashlib.sha256(f"{corpus}|{doc}".encode()).hexdigest()
    return "check" if int(digest, 16) % CHECK_SHARE == 0 else "tune"


def labelled() -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The labelled sentences stored by reference, by (corpus, document)."""
    by_doc: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for path in sorted(LABELS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if row and not row.get("written"):
                by_doc.setdefault((row["doc"][0], row["doc"][1]), []).append(row)
    return by_doc


def outputs(work: Path, docs: Iterable[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """Our records of the labelled documents, by ``corpus|doc``."""
    from train.events.sources import texts

    wanted = set(docs)
    inputs, out = work / "in.jsonl", work / "out.jsonl"
    with inputs.open("w", encoding="utf-8") as handle:
        for key, text in sorted(texts().items()):
            if key in wanted:
                row = {"id": f"{key[0]}|{key[1]}", "text": text, "published": dt.date(2000, 1, 1).isoformat()}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    run_pipeline(inputs, out, {"event_floor": 0.0})
    return {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def _overlap(a: list[int] | tuple[int, int], b: list[int] | tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def side_right(side: dict[str, Any] | None, gold: list[int] | None, record: dict[str, Any]) -> bool:
    """True when the labelled side is unnamed, or the output side names the same stretch of text."""
    if gold is None:
        return True
    if not side:
        return False
    text: str = record.get("text", "")
    entity = next((e for e in record.get("entities") or [] if e["id"] == side.get("entity")), None)
    if entity is not None and any(_overlap(m, gold) for m in entity["mentions"]):
        return True
    name = str(side.get("name") or "").strip().lower()
    return bool(name) and name in text[gold[0] : gold[1]].lower()


def _root(code: str) -> str:
    return str(code)[:2]


def score(by_doc: dict[tuple[str, str], list[dict[str, Any]]], records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Counts and figures of each half; ``pairs`` lists (half, label, output event or None, record) for analysis."""
    counts = {h: dict.fromkeys(("gold", "out", "root_found", "root_right", "found", "right"), 0) for h in HALVES}
    sides = {h: dict.fromkeys(("src_n", "src_ok", "tgt_n", "tgt_ok"), 0) for h in HALVES}
    for (corpus, doc), rows in by_doc.items():
        h = half(corpus, doc)
        record = records.get(f"{corpus}|{doc}") or {}
        events = record.get("events") or []
        for row in rows:
            s0, s1 = row["sentence"]
            mine = [e for e in events if s0 <= e["trigger"][0] < s1]
            counts[h]["gold"] += len(row["events"])
            counts[h]["out"] += len(mine)
            root_ok: set[int] = set()
            full_ok: set[int] = set()
            for g in row["events"]:
                hits = [
                    i
                    for i, e in enumerate(mine)
                    if _overlap(e["trigger"], g["trigger"]) and _root(e["cameo"]) == _root(g["code"])
                ]
                if not hits:
                    continue
                counts[h]["root_found"] += 1
                root_ok.update(hits)
                good = [
                    i
                    for i in hits
                    if side_right(mine[i].get("source"), g["source"], record)
                    and side_right(mine[i].get("target"), g["target"], record)
                ]
                counts[h]["found"] += bool(good)
                full_ok.update(good)
                best = mine[(good or hits)[0]]
                if g["source"] is not None:
                    sides[h]["src_n"] += 1
                    sides[h]["src_ok"] += side_right(best.get("source"), g["source"], record)
                if g["target"] is not None:
                    sides[h]["tgt_n"] += 1
                    sides[h]["tgt_ok"] += side_right(best.get("target"), g["target"], record)
            counts[h]["root_right"] += len(root_ok)
            counts[h]["right"] += len(full_ok)
    result: dict[str, Any] = {}
    for h in HALVES:
        c, s = counts[h], sides[h]
        for name, right, found in (("roots", "root_right", "root_found"), ("events", "right", "found")):
            p = c[right] / c["out"] if c["out"] else 0.0
            r = c[found] / c["gold"] if c["gold"] else 0.0
            result[f"{h}_{name}_precision"] = p
            result[f"{h}_{name}_recall"] = r
            result[f"{h}_{name}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
        result[f"{h}_source_accuracy"] = s["src_ok"] / s["src_n"] if s["src_n"] else 0.0
        result[f"{h}_target_accuracy"] = s["tgt_ok"] / s["tgt_n"] if s["tgt_n"] else 0.0
    return result


HALVES = ("tune", "check")


def run() -> dict[str, float]:
    """Figures of both halves of the labelled sentences."""
    by_doc = labelled()
    with workdir() as work:
        every = outputs(work, by_doc)
    floor = config.load({}).event_floor
    kept = {key: at_floor(record, floor) for key, record in every.items()}
    result = {k: float(v) for k, v in score(by_doc, kept).items()}
    result.update({f"candidates_{k}": float(v) for k, v in score(by_doc, every).items()})
    return result
