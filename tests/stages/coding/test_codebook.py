"""The CAMEO codebook table and the pattern lexicon."""

import pytest

from eventwire.errors import ResourceError
from eventwire.stages.coding.codebook import PENTA_CLASS, load_codebook, parse_codebook
from eventwire.stages.coding.patterns import load_lexicon, parse_lexicon


def test_codebook_has_every_root_and_consistent_children() -> None:
    book = load_codebook()
    roots = {c for c in book.codes if len(c) == 2}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for code, entry in book.codes.items():
        assert code[:2] in roots
        if len(code) == 4:
            assert code[:3] in book.codes, f"{code} has no three-digit parent"
        assert -10 <= entry.goldstein <= 10
        expected = 1 if code[:2] <= "05" else 2 if code[:2] <= "08" else 3 if code[:2] <= "13" else 4
        assert entry.quad_class == expected, code


def test_codebook_values_and_plover() -> None:
    book = load_codebook()
    visit = book.get("042")
    assert (visit.name, visit.goldstein, visit.plover_type, visit.plover_mode) == (
        "Make a visit",
        1.9,
        "CONSULT",
        "visit",
    )
    assert book.get("190").plover_type == "ASSAULT"
    assert book.get("010").plover_type is None  # statements have no PLOVER type
    assert book.version == "1"
    assert set(PENTA_CLASS) == {c for c in book.codes if len(c) == 2}


def test_unknown_code_names_the_table() -> None:
    with pytest.raises(ResourceError, match="999"):
        load_codebook().get("999")


def test_bad_codebook_row_raises() -> None:
    with pytest.raises(ResourceError, match="line 3"):
        parse_codebook("# x version 2\ncode\tname\tgoldstein\tquad_class\n01\tX\tnot-a-number\t1\n")


def test_every_pattern_codes_a_known_code() -> None:
    book = load_codebook()
    lexicon = load_lexicon()
    assert lexicon.version == "1"
    unknown = [p.rule for rows in lexicon.patterns.values() for p in rows if p.code not in book]
    assert not unknown


def test_conditional_rows_come_before_catch_all_rows() -> None:
    text = "kind\tlemma\tcondition\tcode\tconfidence\nverb\tdeny\t\t016\t0.4\nverb\tdeny\tobj=request\t120\t0.5\n"
    rows = parse_lexicon(text).candidates("verb", "deny")
    assert [r.code for r in rows] == ["120", "016"]


def test_unknown_condition_is_rejected() -> None:
    with pytest.raises(ResourceError, match="unknown condition"):
        parse_lexicon("kind\tlemma\tcondition\tcode\tconfidence\nverb\tx\tcolour=red\t010\t0.3\n")
