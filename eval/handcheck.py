"""Draw events at random (fixed seed) for a hand-check, and print what a reader needs to judge each one.

Half the draw comes from the bundled sample corpus (``examples/news``, analysed now), half from the **tuning**
half of the twenty annotated articles (``eval/areas/articles.py`` TUNING; the check half is never read). Each
event is printed with its sentence, trigger, CAMEO code and name, source, target, date, place and modality, so
that a reader can judge every field against the text. The judgements are kept in ``docs/hand-check.md``.

    python -m eval.handcheck                 # 40 events, seed 18, as text
    python -m eval.handcheck --json          # the same, one JSON object per event
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eval.areas.articles import FOLDER, TUNING
from eval.common import run_pipeline, workdir
from eventwire import config
from eventwire.model import Rejection
from eventwire.runner import extract
from eventwire.stages.coding.codebook import load_codebook

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "news"
SEED = 18
COUNT = 40

Record = dict[str, Any]


def sample_records() -> list[Record]:
    """The sample corpus analysed with the default settings, origins relative to the corpus folder."""
    records = []
    for item in extract([str(SAMPLE)], config.load({}, environ={})):
        if isinstance(item, Rejection):
            continue
        record = dict(item)
        record["origin"] = Path(str(record["origin"])).relative_to(SAMPLE).as_posix()
        records.append(record)
    return records


def tuning_records() -> list[Record]:
    """The tuning half of the annotated articles analysed as the articles area feeds them (id, text, date)."""
    with workdir() as work:
        inputs, out = work / "in.jsonl", work / "out.jsonl"
        with inputs.open("w", encoding="utf-8") as handle:
            for name in TUNING:  # only these folders are opened: the check half stays unread
                gold = json.loads((FOLDER / name / "gold.json").read_text(encoding="utf-8"))
                text = (FOLDER / name / gold.get("article", "article.txt")).read_text(encoding="utf-8")
                row = {"id": name, "text": text, "published": gold["publication"]["date"]}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        run_pipeline(inputs, out, {})
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def _pool(corpus: str, records: Iterable[Record]) -> list[tuple[str, str, Record, Record]]:
    """(corpus, article, event, record) for every event, in a fixed order."""
    items = [
        (corpus, str(r.get("origin") if corpus == "sample" else r["id"]), e, r)
        for r in records
        for e in r.get("events") or []
    ]
    return sorted(items, key=lambda item: (item[1], item[2]["trigger"][0], item[2]["id"]))


def draw(sample: list[Record], tuning: list[Record], *, count: int = COUNT, seed: int = SEED) -> list[Record]:
    """``count`` events, half from each corpus, drawn with ``random.Random(seed)``; each as a printable row."""
    rng = random.Random(seed)
    half = count // 2
    chosen = rng.sample(_pool("sample", sample), half) + rng.sample(_pool("tuning", tuning), count - half)
    codebook = load_codebook()
    return [_row(number, *item, codebook=codebook) for number, item in enumerate(chosen, 1)]


def _side(side: Record | None) -> str:
    if side is None:
        return "-"
    code = side.get("cameo") or side.get("org") or side.get("country") or "uncoded"
    return f"{side.get('name')} [{code}] ({side.get('evidence') or 'no rule'})"


def _row(number: int, corpus: str, article: str, event: Record, record: Record, *, codebook: Any) -> Record:
    text: str = record["text"]
    places = {p["id"]: p for p in record.get("places") or []}
    place = places.get(event.get("place") or "")
    start, end = event["sentence"]
    cue = event.get("modality_cue")
    return {
        "n": number,
        "corpus": corpus,
        "article": article,
        "event": event["id"],
        "sentence_span": [start, end],
        "sentence": " ".join(text[start:end].split()),
        "trigger": text[slice(*event["trigger"])],
        "trigger_span": event["trigger"],
        "code": event["cameo"],
        "code_name": codebook.lookup(event["cameo"]).name,
        "source": _side(event.get("source")),
        "target": _side(event.get("target")),
        "date": f"{event.get('date') or '-'} ({event.get('time_precision') or '-'}, {event.get('date_source') or '-'})",
        "published": record.get("published"),
        "place": (
            f"{place.get('name') or place.get('text')} ({place.get('feature')}, precision {event.get('geo_precision')},"
            f" {event.get('place_source')})"
            if place
            else "-"
        ),
        "modality": event["modality"] + (f" (cue '{text[slice(*cue)]}')" if cue else ""),
        "quote": event.get("quote"),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the drawn events as text blocks (or JSON Lines with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--json", action="store_true", help="one JSON object per event")
    args = parser.parse_args(argv)
    rows = draw(sample_records(), tuning_records(), count=args.count, seed=args.seed)
    for row in rows:
        if args.json:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            continue
        sys.stdout.write(
            f"#{row['n']} {row['corpus']} {row['article']} {row['event']} sentence {row['sentence_span']}"
            f" published {row['published']}\n"
            f"  {row['sentence']}\n"
            f"  trigger  {row['trigger']!r} {row['trigger_span']}   code {row['code']} {row['code_name']}\n"
            f"  source   {row['source']}\n  target   {row['target']}\n"
            f"  date     {row['date']}\n  place    {row['place']}\n  modality {row['modality']}\n\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
