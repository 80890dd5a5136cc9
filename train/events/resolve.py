"""Turn labels written with strings into labels by reference (offsets, no text), checking every one.

    python -m train.events.resolve SHARD.jsonl LABELS.jsonl OUT.jsonl

SHARD is a file written by ``train.events.pool`` (ids and sentence texts), LABELS has one line per labelled
sentence, ``{"id", "events": [{"trigger", "trigger_occurrence"?, "code", "source", "target", "source_code"?,
"target_code"?, "modality", "claimed", "disputed"}]}`` with strings copied from the sentence (see
GUIDELINE.md). OUT gets ``{"doc": [corpus, doc id], "sentence": [start, end], "events": [{"trigger": [s, e],
"code", "source": [s, e] | null, "target": ..., "source_code", "target_code", "modality", "claimed",
"disputed"}]}`` with offsets into the document text. Lines that cannot be resolved are reported on stderr
and left out; the exit status is 1 when any was.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

MODALITIES = {"asserted", "planned", "considered", "demanded", "hypothetical", "negated"}
CODE = re.compile(r"^(0[1-9]|1[0-9]|20)\d{0,2}$")


class LabelError(ValueError):
    """A label that does not fit its sentence."""


def _find(sentence: str, needle: str | None, occurrence: int, what: str) -> list[int] | None:
    if needle is None or needle == "":
        return None
    at = -1
    for _ in range(max(1, occurrence)):
        at = sentence.find(needle, at + 1)
        if at < 0:
            raise LabelError(f"{what} {needle!r} not found in the sentence")
    return [at, at + len(needle)]


def resolve_event(sentence: str, offset: int, event: dict[str, Any]) -> dict[str, Any]:
    """One event's strings as document offsets (raises LabelError when a field does not fit)."""
    code = str(event.get("code") or "")
    if not CODE.match(code):
        raise LabelError(f"code {code!r} is not a CAMEO event code")
    modality = event.get("modality", "asserted")
    if modality not in MODALITIES:
        raise LabelError(f"modality {modality!r} is not one of {sorted(MODALITIES)}")
    spans = {}
    for field in ("trigger", "source", "target"):
        occurrence = int(event.get(f"{field}_occurrence", 1))
        span = _find(sentence, event.get(field), occurrence, field)
        spans[field] = None if span is None else [span[0] + offset, span[1] + offset]
    if spans["trigger"] is None:
        raise LabelError("an event needs a trigger")
    return {
        "trigger": spans["trigger"],
        "code": code,
        "source": spans["source"],
        "target": spans["target"],
        "source_code": event.get("source_code") or None,
        "target_code": event.get("target_code") or None,
        "modality": modality,
        "claimed": bool(event.get("claimed", False)),
        "disputed": bool(event.get("disputed", False)),
    }


def resolve(pool_row: dict[str, Any], label: dict[str, Any]) -> dict[str, Any]:
    """A labelled sentence as a reference record."""
    corpus, doc, start, end = str(pool_row["id"]).split("|")
    sentence = str(pool_row["text"])
    events = [resolve_event(sentence, int(start), e) for e in label.get("events") or []]
    return {"doc": [corpus, doc], "sentence": [int(start), int(end)], "events": events}


def main(argv: list[str] | None = None) -> int:
    """Resolve a labels file against its shard."""
    shard_path, labels_path, out_path = (Path(a) for a in (argv or sys.argv[1:]))
    pool = {}
    for line in shard_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        pool[row["id"]] = row
    bad = 0
    done: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(labels_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            label = json.loads(line)
            row = pool[label["id"]]
            done[label["id"]] = resolve(row, label)
        except (LabelError, KeyError, json.JSONDecodeError, TypeError, ValueError) as error:
            bad += 1
            print(f"{labels_path}:{number}: {error}", file=sys.stderr)
    with out_path.open("w", encoding="utf-8") as handle:
        for key in sorted(done):
            handle.write(json.dumps(done[key], ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(done)} labelled sentences written to {out_path}, {bad} lines left out", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
