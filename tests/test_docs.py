"""The README documents every Problem code and the public API stays sorted."""

from pathlib import Path

import eventwire
from eventwire.errors import PROBLEMS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_problem_code_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [code for code in PROBLEMS if f"`{code}`" not in text]
    assert not missing, f"add these problem codes to the README table: {missing}"


def test_public_api_is_sorted_and_importable() -> None:
    assert eventwire.__all__ == sorted(eventwire.__all__)
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None


def test_readme_opens_with_the_two_commands() -> None:
    head = README.read_text(encoding="utf-8")[:600]
    assert "make run" in head and "make test" in head
