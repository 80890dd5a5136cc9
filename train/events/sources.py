"""The news texts the labelled event corpus refers to, read through the shared scorers' own ``prepare`` steps.

A label names a document as ``corpus`` + ``doc`` (the id the scorer's ``prepare`` gives it) and a sentence by
character offsets into that document's text, so no third-party text is stored in this repository: the texts
are read from ``../shared/eval/data`` when the corpus is built or the model trained.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCORERS = ROOT.parent / "shared" / "eval"

#: corpus name -> (scorer script, gold path relative to the scorers' folder)
CORPORA: dict[str, tuple[str, str]] = {
    "tbaq": ("timex_tempeval.py", "data/time/tbaq"),
    "polnear-train": ("quotes_polnear.py", "data/quotes/polnear/train"),
    "trnews": ("geo_gritta.py", "data/geo/TR-News.xml"),
    "geovirus": ("geo_gritta.py", "data/geo/GeoVirus.xml"),
}

#: The documents behind ``../shared/eval/data/articles`` (its FORMAT.md names the source of each): none of
#: them is ever drawn, so the article evaluation (both halves) stays unseen by the model.
ARTICLE_SOURCES = frozenset(
    {
        "APW19980818.0515",
        "APW19980306.1001",
        "APW19980322.0749",
        "TR-News-1030016",
        "TR-News-1020003",
        "breitbart_2016-04-23_clinton-wades-in-urges-britain-t",
        "XIE19980814.0294",
        "CNN19980213.2130.0155",
        "huff-post_2016-07-31_clinton-says-russians-hacked-dnc",
        "politico_2016-04-20_dnc-chair-dismisses-sanders-accu",
        "TR-News-1160001",
        "usa-today_2015-12-07_republicans-reaction-is-that-all",
        "APW20000115.0209",
        "APW19980301.0720",
        "TR-News-1010010",
        "TR-News-1020006",
        "usa-today_2016-06-15_obama-rips-rhetoric-over-radical",
        "APW19980911.0475",
        "nyt_2015-12-22_trump-says-praise-from-putin-hel",
        "TR-News-1020010",
    }
)


def documents(corpus: str) -> Iterator[tuple[str, str]]:
    """(doc id, text) of every document of a corpus, as the shared scorer's ``prepare`` writes them."""
    script, gold = CORPORA[corpus]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "in.jsonl"
        done = subprocess.run(
            [sys.executable, str(SCORERS / script), "prepare", gold, str(out)],
            cwd=SCORERS,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{script} prepare failed: {done.stderr.strip()[-500:]}")
        for line in out.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            yield str(row["id"]), str(row["text"])


def texts() -> dict[tuple[str, str], str]:
    """Every document of every corpus, keyed by (corpus, doc id)."""
    return {(corpus, doc): text for corpus in CORPORA for doc, text in documents(corpus)}
