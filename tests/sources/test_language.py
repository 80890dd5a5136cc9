"""Issue 16: language identification on short news snippets (10 languages, 200 lines written by us)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from eventwire.sources.language import identify

SNIPPETS = Path(__file__).resolve().parent / "data" / "language_snippets.tsv"


def _rows() -> list[tuple[str, str]]:
    lines = SNIPPETS.read_text(encoding="utf-8").splitlines()
    return [(code, text) for code, text in (line.split("\t", 1) for line in lines if not line.startswith("#"))]


def test_the_snippet_set_is_200_lines_in_10_languages() -> None:
    counts = Counter(code for code, _ in _rows())
    assert len(counts) == 10 and set(counts.values()) == {20}


def test_issue_16_accuracy_on_short_snippets_is_at_least_095() -> None:
    rows = _rows()
    found = [identify(text) for _, text in rows]
    correct = sum(1 for (code, _), language in zip(rows, found, strict=True) if language and language.code == code)
    accuracy = correct / len(rows)
    print(f"language identification: {correct}/{len(rows)} = {accuracy:.3f}")
    assert accuracy >= 0.95


def test_codes_are_iso_639_1() -> None:
    for _, text in _rows():
        language = identify(text)
        assert language is None or len(language.code) == 2


def test_too_few_letters_gives_no_language() -> None:
    assert identify("12 / 34 -- 56") is None
    assert identify("") is None


def test_short_english_headline_full_of_names_stays_english() -> None:
    language = identify("Kosovo police arrested two Serbs in Mitrovica on Monday.")
    assert language is not None and language.code == "en"
