"""Throughput of the whole eventwire pipeline against spaCy alone, on the same corpus, in the same run.

    python benchmarks/throughput.py [INPUT ...] [--repeat N] [--rounds N] [--store]

Prints documents/s and tokens/s for spaCy alone (``nlp.pipe`` over the same texts, same batch size)
and for eventwire (every default stage, optionally writing to a temporary DuckDB), their ratio, and
the process's peak memory. The corpus defaults to the bundled sample, repeated to get stable timings.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from eventwire import config
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.runner import run
from eventwire.sources.files import IngestSettings, read_inputs
from eventwire.stages.parse import load_model

ROOT = Path(__file__).resolve().parents[1]


def corpus(paths: list[str], repeat: int) -> list[Article]:
    """The articles, repeated with distinct ids so that nothing is skipped as a repeat."""
    articles = [a for a in read_inputs(paths, IngestSettings()) if isinstance(a, Article)]
    return [replace(a, id=f"{a.id}-{n}") for n in range(repeat) for a in articles]


def time_spacy(articles: list[Article], settings: config.Settings) -> tuple[float, int]:
    """Seconds and tokens for spaCy alone."""
    nlp = load_model(settings.model)
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))
    return time.perf_counter() - started, tokens


def time_pipeline(articles: list[Article], settings: config.Settings) -> float:
    """Seconds for every configured stage over the articles."""
    started = time.perf_counter()
    for _ in Pipeline(settings).pipe(articles):
        pass
    return time.perf_counter() - started


def time_store(paths: list[str], settings: config.Settings) -> float:
    """Seconds for a full ``run`` (ingest, pipeline, duplicate check, DuckDB write)."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        run(paths, replace(settings, db=Path(tmp) / "bench.duckdb"))
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(ROOT / "examples" / "news")])
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--store", action="store_true", help="also time a full run into DuckDB (one pass)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    settings = config.load({})
    articles = corpus(args.inputs, args.repeat)
    load_model(settings.model)
    time_pipeline(articles[:4], settings)  # warm up: resources load once per process
    spacy_seconds, pipeline_seconds, tokens = float("inf"), float("inf"), 0
    for _ in range(args.rounds):  # alternate and keep the best of each, so order and warm-up even out
        seconds, tokens = time_spacy(articles, settings)
        spacy_seconds = min(spacy_seconds, seconds)
        pipeline_seconds = min(pipeline_seconds, time_pipeline(articles, settings))
    figures: dict[str, object] = {
        "articles": len(articles),
        "tokens": tokens,
        "stages": list(settings.stages),
        "spacy_docs_per_s": round(len(articles) / spacy_seconds, 2),
        "spacy_tokens_per_s": round(tokens / spacy_seconds),
        "pipeline_docs_per_s": round(len(articles) / pipeline_seconds, 2),
        "pipeline_tokens_per_s": round(tokens / pipeline_seconds),
        "ratio": round(spacy_seconds / pipeline_seconds, 3),
    }
    if args.store:
        store_seconds = time_store(args.inputs, settings)
        single = len(articles) // args.repeat
        figures["run_with_store_docs_per_s"] = round(single / store_seconds, 2)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for name, value in figures.items():
            print(f"{name:26s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
