"""Scaling and memory of `eventwire run`: plain against --workers N, peak RSS of caller and workers.

    python benchmarks/scaling.py IN.jsonl --repeat 25 --workers 2            # scaling on 25 copies of IN
    python benchmarks/scaling.py IN.jsonl --repeat 25 --workers 2 --skip-plain

Each copy of an article gets a distinct id line, so every one is analysed (not a repeat). Prints one JSON
line per run: articles, seconds, articles/s, peak RSS of the calling process and of its children (the
workers; `resource.getrusage(RUSAGE_CHILDREN)` gives the largest child). Results depend on what else runs on
the machine: rerun on a quiet one to reproduce BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def corpus(source: Path, repeat: int, folder: Path) -> tuple[Path, int]:
    """``repeat`` copies of the source JSON Lines, each text made distinct by a numbered closing line."""
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = folder / "corpus.jsonl"
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(repeat):
            for number, row in enumerate(rows):
                text = f"{row['text']}\n\nFile {copy}-{number}."
                handle.write(json.dumps({"text": text}) + "\n")
                count += 1
    return out, count


def measure(corpus_path: Path, articles: int, db: Path, extra: list[str]) -> dict[str, object]:
    """One `eventwire run` in a child process that reports its own and its children's peak RSS."""
    probe = (
        "import resource, sys, runpy; sys.argv = ['eventwire', *sys.argv[1:]];\n"
        "from eventwire.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print('RSS', me, kids, file=sys.stderr)"
    )
    command = [sys.executable, "-c", probe, "run", str(corpus_path), "--db", str(db), "--json", "--quiet", *extra]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    rss = next(line for line in done.stderr.splitlines() if line.startswith("RSS")).split()
    return {
        "mode": " ".join(extra) or "plain",
        "articles": articles,
        "seconds": round(seconds, 1),
        "articles_per_s": round(articles / seconds, 2),
        "caller_peak_mb": round(int(rss[1]) / 1024),
        "largest_child_peak_mb": round(int(rss[2]) / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="JSON Lines of real-length articles (one 'text' each)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", help="also run on this Dask scheduler address")
    parser.add_argument("--chunk-size", type=int, default=250)
    parser.add_argument("--skip-plain", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path, count = corpus(args.source, args.repeat, Path(folder))
        if not args.skip_plain:
            print(json.dumps(measure(path, count, Path(folder) / "plain.duckdb", [])), flush=True)
        runs = [["--workers", str(args.workers)]] + ([["--scheduler", args.scheduler]] if args.scheduler else [])
        for n, extra in enumerate(runs):
            extra += ["--chunk-size", str(args.chunk_size)]
            print(json.dumps(measure(path, count, Path(folder) / f"cluster{n}.duckdb", extra)), flush=True)


if __name__ == "__main__":
    main()
