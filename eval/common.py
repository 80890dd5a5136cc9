"""What every evaluation driver needs: where the shared scorers live, and running our pipeline on a file."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from eventwire import config
from eventwire.model import Rejection
from eventwire.runner import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORERS = SHARED / "eval"
DATA = SCORERS / "data"
SEED_ARTICLE = SHARED / "seed" / "article.txt"
SEED_GOLD = SHARED / "seed" / "gold.json"
#: The reference article's true publication date, as its gold file gives it for tests.
SEED_ANCHOR = dt.date(2023, 11, 21)


def shared_available() -> bool:
    """True when the shared evaluation folder sits beside the project."""
    return SCORERS.is_dir()


def shared_module(name: str) -> ModuleType:
    """A shared scorer loaded as a module (``score_articles.py`` -> its functions), to pool or match with its own
    rules."""
    path = SCORERS / name
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scorer(name: str, *args: str | os.PathLike[str]) -> dict[str, Any]:
    """Run a shared scorer with ``--json`` and return what it printed."""
    command = [sys.executable, str(SCORERS / name), *(str(a) for a in args), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=SCORERS)
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def prepare(name: str, gold: str | os.PathLike[str], out: Path, *extra: str) -> None:
    """Run a shared scorer's ``prepare`` step (gold -> eventwire input JSON Lines)."""
    command = [sys.executable, str(SCORERS / name), "prepare", str(gold), str(out), *extra]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=SCORERS)
    if done.returncode != 0:
        raise RuntimeError(f"{name} prepare failed: {done.stderr.strip()[-2000:]}")


def run_pipeline(inputs: Path | str, output: Path, overrides: Mapping[str, object] | None = None) -> int:
    """Our pipeline over an input file, writing JSON Lines records; returns the number of records."""
    settings = config.load(dict(overrides or {}))
    count = 0
    with output.open("w", encoding="utf-8") as handle:
        for item in extract([str(inputs)], settings):
            if isinstance(item, Rejection):
                continue
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    return count


def score_corpus(name: str, gold: str | os.PathLike[str], overrides: Mapping[str, object]) -> dict[str, Any]:
    """A shared scorer's report for our run over a gold set: ``prepare``, our pipeline, ``score``."""
    with workdir() as tmp:
        inputs, out = tmp / "in.jsonl", tmp / "out.jsonl"
        prepare(name, gold, inputs)
        run_pipeline(inputs, out, overrides)
        return scorer(name, "score", gold, out)


def at_floor(record: dict[str, Any], floor: float) -> dict[str, Any]:
    """A record as a run with ``event_floor = floor`` writes it, from one made with ``event_floor = 0``: the
    floor is the coding stage's last step, so leaving out the events below it afterwards gives the same
    events."""
    return {**record, "events": [e for e in record.get("events") or [] if e["confidence"] >= floor]}


def score_corpus_floors(
    name: str, gold: str | os.PathLike[str], overrides: Mapping[str, object]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A shared scorer's reports for one run at the default event floor and for every candidate (floor 0)."""
    floor = config.load(dict(overrides)).event_floor
    with workdir() as tmp:
        inputs, every, kept = tmp / "in.jsonl", tmp / "every.jsonl", tmp / "kept.jsonl"
        prepare(name, gold, inputs)
        run_pipeline(inputs, every, {**overrides, "event_floor": 0.0})
        lines = [json.dumps(at_floor(json.loads(line), floor), ensure_ascii=False) for line in every.open()]
        kept.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return scorer(name, "score", gold, kept), scorer(name, "score", gold, every)


def score_reference(overrides: Mapping[str, object]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``score_article.py``'s report and our record for the reference article.

    Without a ``published`` override the run has no publication date and is scored with ``--no-anchor``.
    """
    with workdir() as tmp:
        out = tmp / "out.jsonl"
        run_pipeline(SEED_ARTICLE, out, overrides)
        record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        single = tmp / "article.json"
        single.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        flags = [] if overrides.get("published") else ["--no-anchor"]
        return scorer("score_article.py", SEED_GOLD, single, *flags), record


@contextmanager
def workdir() -> Iterator[Path]:
    """A temporary folder for one evaluation."""
    with tempfile.TemporaryDirectory(prefix="eventwire-eval-") as name:
        yield Path(name)
