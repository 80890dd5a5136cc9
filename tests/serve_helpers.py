"""A small store for the API and web tests: three articles of our own, analysed by the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire import config
from eventwire.merge import merge_store
from eventwire.runner import run
from eventwire.store.duckdb import Store

ARTICLES = [
    {
        "id": "harbour-talks",
        "title": "Ministers meet over harbour dispute",
        "source": "Test Wire",
        "published": "2024-03-14",
        "text": (
            "ATHENS, March 14 -- Greek Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip Erdogan"
            " in Athens on Tuesday to discuss the harbour dispute.\n\n"
            '"We will sign an agreement on fishing rights next month," Mitsotakis told reporters.\n\n'
            "Turkey accused Greece of violating its airspace on Monday."
        ),
    },
    {
        "id": "border-clash",
        "title": "Police clash with protesters in Belgrade",
        "source": "Test Wire",
        "published": "2024-04-02",
        "text": (
            "BELGRADE, April 2 -- Serbian police arrested dozens of protesters in Belgrade on Monday.\n\n"
            "The European Union condemned the arrests and urged Serbia to release the protesters."
        ),
    },
]
HOSTILE = {
    "id": "hostile",
    "title": "<script>window.__pwned = 1</script>",
    "source": '<img src=x onerror="window.__pwned = 2">',
    "published": "2024-05-01",
    "text": (
        "<script>window.__pwned = 3</script> Germany criticised France on Monday."
        ' <img src=x onerror="window.__pwned = 4"> <b onmouseover="window.__pwned = 5">bold</b>\n\n'
        '"<script>window.__pwned = 6</script>" said Olaf Scholz in Berlin.'
    ),
}


def write_inputs(folder: Path, articles: list[dict[str, str]]) -> Path:
    """The articles as one JSON Lines input file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def build_store(folder: Path, articles: list[dict[str, str]] | None = None) -> Path:
    """Analyse the articles into folder/store.duckdb, merge their events (as `eventwire run` does); its path."""
    db = folder / "store.duckdb"
    inputs = write_inputs(folder / "in", ARTICLES + [HOSTILE] if articles is None else articles)
    settings = config.load({"db": db})
    run([str(inputs)], settings)
    with Store(db) as store:
        merge_store(store, window_days=settings.merge_days)
    return db
