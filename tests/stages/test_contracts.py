"""Stage contracts: every stage reads only the Analysis fields it declares and changes only those it provides.

Each stage runs on real articles (the sample corpus and, when it is beside the project, the reference
article) behind a wrapper that records which fields of the Analysis it reads; the fields before and
after are compared. ``problems`` may only grow, and every stage may read the base fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from eventwire import config
from eventwire.model import Analysis, Article
from eventwire.pipeline import ANALYSIS_FIELDS, BASE_FIELDS, MODULES, REGISTRY, Pipeline, StageInfo, get_stage
from eventwire.sources.files import IngestSettings, read_inputs

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "news"
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
#: Properties of Analysis that read a field.
PROPERTIES = {"text": "article"}


class ReadRecorder:
    """Stands in for an Analysis and notes the name of every field read through it."""

    def __init__(self, analysis: Analysis) -> None:
        object.__setattr__(self, "wrapped", analysis)
        object.__setattr__(self, "reads", set())

    def __getattr__(self, name: str) -> Any:
        if name in ANALYSIS_FIELDS:
            self.reads.add(name)
        elif name in PROPERTIES:
            self.reads.add(PROPERTIES[name])
        return getattr(self.wrapped, name)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a stage set {name!r} on the Analysis it was given")


def _articles() -> list[Article]:
    found = [a for a in read_inputs([str(CORPUS)], IngestSettings()) if isinstance(a, Article)]
    if SEED.exists():
        found.append(Article(id="seed", text=SEED.read_text(encoding="utf-8"), published=dt.date(2023, 11, 21)))
    return found


def _registered() -> tuple[StageInfo, ...]:
    """Every built-in stage in the default order, then any other registered stage (test stages excluded)."""
    built_in = [get_stage(name) for name in config.DEFAULT_STAGES]
    built_in += [get_stage(name) for name in MODULES if name not in config.DEFAULT_STAGES]
    others = [info for name, info in REGISTRY.items() if not name.startswith("_") and info not in built_in]
    return (*built_in, *others)


def _run(info: StageInfo, analysis: Analysis, settings: config.Settings) -> tuple[Analysis, set[str]]:
    recorder = ReadRecorder(analysis)
    given: Any = recorder
    if info.batch is not None:
        [result] = list(info.batch([given], settings))
    else:
        assert info.function is not None
        result = info.function(given, settings)
    if isinstance(result, ReadRecorder):
        result = result.wrapped
    return result, recorder.reads


def contract_breaches(info: StageInfo, before: Analysis, after: Analysis, reads: set[str]) -> list[str]:
    """What a stage did outside its contract on one article."""
    allowed_reads = BASE_FIELDS | set(info.requires) | set(info.optional) | set(info.provides)
    breaches = [f"read {name!r}, which it does not require" for name in sorted(reads - allowed_reads)]
    for field in fields(Analysis):
        name = field.name
        if name == "problems":
            if after.problems[: len(before.problems)] != before.problems:
                breaches.append("changed earlier problems (they may only be appended to)")
        elif getattr(before, name) != getattr(after, name) and name not in info.provides:
            breaches.append(f"changed {name!r}, which it does not provide")
    return breaches


def test_every_stage_keeps_its_contract() -> None:
    stages = _registered()
    settings = config.load({"stages": tuple(info.name for info in stages), "raise_errors": True}, environ={})
    pipeline = Pipeline(settings)
    pipeline.warm()
    breaches: set[str] = set()
    for article in _articles():
        analysis = Analysis(article=article, problems=article.problems, provenance=pipeline.versions)
        for info in stages:
            after, reads = _run(info, analysis, settings)
            breaches.update(f"stage {info.name!r} {b}" for b in contract_breaches(info, analysis, after, reads))
            analysis = after
    assert not breaches, "stages broke their contracts:\n" + "\n".join(sorted(breaches))


def test_contracts_name_analysis_fields() -> None:
    for info in _registered():
        named = {*info.requires, *info.optional, *info.provides}
        assert named <= ANALYSIS_FIELDS, f"{info.name}: {sorted(named - ANALYSIS_FIELDS)} are not Analysis fields"
