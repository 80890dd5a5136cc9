"""Train the event model on the labelled corpus and write the shipped weights (``make train``).

    python -m train.events.fit [--out src/eventwire/resources/data/event_model.npz] [--report FILE]

Reproducible: the documents are parsed with the pinned spaCy model, the held-out fifth is chosen by a hash of
the document id, and the solver is deterministic (fixed seed). The report gives trigger-level figures on the
held-out fifth (root of each labelled trigger word against the model's best label), then the model is refit
on all labelled sentences and written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from eventwire import config
from eventwire.ids import article_id
from eventwire.model import Article, Token
from eventwire.pipeline import Pipeline
from eventwire.stages.coding.learned import FEATURE_VERSION, NO_EVENT, features, is_candidate
from eventwire.syntax import ParseTree
from train.events.sources import texts

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LABELS = HERE / "labels"
OUT = ROOT / "src" / "eventwire" / "resources" / "data" / "event_model.npz"
SEED = 20261201
C = 0.5
MIN_COUNT = 2


def labelled() -> list[dict[str, Any]]:
    """Every labelled sentence: the shards (by reference) and the written sentences (whole)."""
    rows = []
    for path in sorted(LABELS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def _trigger_token(tokens: list[Token], start: int, end: int) -> Token | None:
    inside = [t for t in tokens if t.start < end and t.end > start]
    if not inside:
        return None
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head not in ids or t.head == t.i]
    content = [t for t in heads if is_candidate(t)] or [t for t in inside if is_candidate(t)]
    return content[0] if content else heads[0]


def examples() -> tuple[list[list[str]], list[str], list[str]]:
    """(features, label, group) for every candidate word of every labelled sentence."""
    settings = config.load({"stages": ("clean", "parse"), "raise_errors": True})
    pipeline = Pipeline(settings)
    docs = texts()
    by_doc: dict[tuple[str, str], list[dict[str, Any]]] = {}
    written: list[dict[str, Any]] = []
    for row in labelled():
        if row.get("written"):
            written.append(row)
        else:
            by_doc.setdefault((row["doc"][0], row["doc"][1]), []).append(row)
    feats: list[list[str]] = []
    labels: list[str] = []
    groups: list[str] = []
    jobs: list[tuple[str, str, list[tuple[int, int, list[dict[str, Any]]]]]] = []
    for key, rows in sorted(by_doc.items()):
        spans = [(r["sentence"][0], r["sentence"][1], r["events"]) for r in rows]
        jobs.append((f"{key[0]}|{key[1]}", docs[key], spans))
    for n, row in enumerate(written):
        events = []
        for e in row["events"]:
            at = _find(row["text"], e["trigger"], int(e.get("trigger_occurrence", 1)))
            events.append({"trigger": [at, at + len(e["trigger"])], "code": e["code"]})
        jobs.append((f"written|{n}", row["text"], [(0, len(row["text"]), events)]))
    for group, text, sentences in jobs:
        article = Article(id=article_id(text), text=text, published=dt.date(2000, 1, 1))
        parse = pipeline.run(article).parse
        if parse is None:
            continue
        tokens = list(parse.tokens)
        tree = ParseTree(parse.tokens)
        for start, end, events in sentences:
            gold: dict[int, str] = {}
            for e in events:
                tok = _trigger_token(tokens, e["trigger"][0], e["trigger"][1])
                if tok is not None:
                    gold[tok.i] = str(e["code"])[:2]
            for tok in tokens:
                if tok.start >= start and tok.end <= end and (is_candidate(tok) or tok.i in gold):
                    feats.append(features(tree, tok))
                    labels.append(gold.get(tok.i, NO_EVENT))
                    groups.append(group)
    return feats, labels, groups


def _find(text: str, needle: str, occurrence: int) -> int:
    at = -1
    for _ in range(max(1, occurrence)):
        at = text.find(needle, at + 1)
    return at


def _held_out(group: str) -> bool:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % 5 == 0


def _fit(feats: list[list[str]], labels: list[str]) -> tuple[DictVectorizer, LogisticRegression]:
    counts = Counter(f for fs in feats for f in fs)
    rows = [{f: 1.0 for f in fs if counts[f] >= MIN_COUNT} for fs in feats]
    vectorizer = DictVectorizer(sparse=True)
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
    model.fit(matrix, labels)
    return vectorizer, model


def evaluate(feats: list[list[str]], labels: list[str], groups: list[str]) -> dict[str, float]:
    """Trigger-level root P/R/F1 on the held-out fifth of the documents."""
    train = [i for i, g in enumerate(groups) if not _held_out(g)]
    test = [i for i, g in enumerate(groups) if _held_out(g)]
    vectorizer, model = _fit([feats[i] for i in train], [labels[i] for i in train])
    predicted = model.predict(vectorizer.transform([{f: 1.0 for f in feats[i]} for i in test]))
    gold = [labels[i] for i in test]
    tp = sum(p == g != NO_EVENT for p, g in zip(predicted, gold, strict=True))
    out = sum(p != NO_EVENT for p in predicted)
    req = sum(g != NO_EVENT for g in gold)
    detect = sum((p != NO_EVENT) and (g != NO_EVENT) for p, g in zip(predicted, gold, strict=True))
    precision, recall = tp / max(out, 1), tp / max(req, 1)
    return {
        "held_out_words": len(test),
        "held_out_triggers": req,
        "root_precision": precision,
        "root_recall": recall,
        "root_f1": 2 * precision * recall / max(precision + recall, 1e-9),
        "detection_precision": detect / max(out, 1),
        "detection_recall": detect / max(req, 1),
    }


def main(argv: list[str] | None = None) -> None:
    """Evaluate on the held-out fifth, refit on everything, write the weights."""
    parser = argparse.ArgumentParser(prog="python -m train.events.fit")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--report", type=Path, default=None)
    args = parser.parse_args(argv)
    feats, labels, groups = examples()
    counts = Counter(labels)
    print(f"{len(labels)} candidate words, {len(labels) - counts[NO_EVENT]} triggers, {len(set(groups))} documents")
    report = evaluate(feats, labels, groups)
    for k, v in report.items():
        print(f"{k:24s} {v:.3f}" if isinstance(v, float) else f"{k:24s} {v}")
    vectorizer, model = _fit(feats, labels)
    names = np.array(vectorizer.get_feature_names_out(), dtype=str)
    coef = model.coef_.astype(np.float32)
    keep = np.abs(coef).max(axis=0) >= 1e-3
    digest = hashlib.sha256(json.dumps(sorted(counts.items())).encode()).hexdigest()[:12]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        feature_version=np.int64(FEATURE_VERSION),
        version=np.str_(f"events-logreg-{digest}"),
        labels=np.array(model.classes_, dtype=str),
        features=names[keep],
        coef=np.round(coef[:, keep], 4),
        intercept=model.intercept_.astype(np.float32),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {int(keep.sum())} features)")
    if args.report is not None:
        args.report.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
