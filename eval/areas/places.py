"""Places: TR-News and GeoVirus through ``geo_gritta.py``, in a tuned part and held parts.

TR-News is split once, by a hash of each document id, into a **tuned** part (70 of 118 documents, 781 of
1,319 toponyms), whose errors may be read while changing rules or training a ranker, and a **held** part (48
documents, 538 toponyms), whose errors are never looked at, only its figures. GeoVirus is held as a whole: it
is never used for tuning. The split is fixed here (:func:`held`) and must not change. A change that helps the
tuned part and not the held parts is fitting, not learning.

For each part the gate reports exact GeoNames-id accuracy and Acc@161 km over all gold toponyms, detection
precision / recall / F1, and resolution given detection (exact id and Acc@161 over the detected toponyms), so a
change shows which half of geoparsing it helps. The whole of TR-News is reported as before (``trnews_*``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from eval.common import DATA, prepare, run_pipeline, shared_module, workdir
from eventwire.config import DEFAULT_STAGES

SCORER = "geo_gritta.py"
CORPORA = {"trnews": DATA / "geo" / "TR-News.xml", "geovirus": DATA / "geo" / "GeoVirus.xml"}
#: One TR-News document in HELD_MODULUS (by the hash of its id) is held out.
HELD_MODULUS = 3

FIGURES = {
    "exact_id": "exact_id_accuracy",
    "acc161": "acc_161km",
    "detection_precision": "detection_precision",
    "detection_recall": "detection_recall",
    "detection_f1": "detection_f1",
    "detected_exact_id": "detected_exact_id_accuracy",
    "detected_acc161": "detected_acc_161km",
}


def held(document_id: str) -> bool:
    """True for a TR-News document of the held part: the first byte of sha256(id) is 0 modulo HELD_MODULUS."""
    return hashlib.sha256(document_id.encode("utf-8")).digest()[0] % HELD_MODULUS == 0


def stages() -> tuple[str, ...]:
    """The default stages, up to and including geo (coding is not needed to score places)."""
    names = [s for s in DEFAULT_STAGES if s != "coding"]
    if "geo" not in names:
        names.append("geo")
    return tuple(names)


def outputs(gold: Path, work: Path) -> Path:
    """Our records over one gold corpus, as JSON Lines in ``work``."""
    inputs, out = work / f"{gold.stem}.in.jsonl", work / f"{gold.stem}.out.jsonl"
    prepare(SCORER, gold, inputs)
    run_pipeline(inputs, out, {"stages": stages()})
    return out


def parts(out: Path, gold: Path) -> dict[str, dict[str, Any]]:
    """The scorer's report for each part of a corpus (TR-News: all, tune, held; others: all)."""
    module = shared_module(SCORER)
    docs, _ = module.load_gold(gold)
    records = module.read_outputs(out)
    reports = {"all": module.score(docs, records)}
    if gold == CORPORA["trnews"]:
        reports["tune"] = module.score([d for d in docs if not held(d["id"])], records)
        reports["held"] = module.score([d for d in docs if held(d["id"])], records)
    return reports


def figures(reports: dict[str, dict[str, dict[str, Any]]]) -> dict[str, float]:
    """Flat gate figures from the per-corpus, per-part reports."""
    result: dict[str, float] = {}
    tr, gv = reports["trnews"], reports["geovirus"]
    result["trnews_exact_id"] = tr["all"]["exact_id_accuracy"]
    result["trnews_acc161"] = tr["all"]["acc_161km"]
    result["trnews_detection_f1"] = tr["all"]["detection_f1"]
    for prefix, report in (("trnews_tune", tr["tune"]), ("trnews_held", tr["held"]), ("geovirus", gv["all"])):
        for name, key in FIGURES.items():
            if prefix == "geovirus" and "exact_id" in name:
                continue  # GeoVirus has coordinates but no GeoNames ids
            result[f"{prefix}_{name}"] = report[key]
    return result


def run() -> dict[str, float]:
    """Every part's figures (see the module docstring)."""
    with workdir() as work:
        return figures({name: parts(outputs(gold, work), gold) for name, gold in CORPORA.items()})


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
