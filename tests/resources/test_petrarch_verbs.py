"""PETRARCH/TABARI verbs dictionaries: blocks, forms, multi-word verbs, synsets, patterns and codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ResourceError
from eventwire.resources.dictionaries import load_dictionary
from eventwire.resources.petrarch_verbs import Code, load_verbs, looks_like_verbs, parse_verbs

SHARED_VERBS = Path(__file__).resolve().parents[2].parent / "shared/eval/data/events/petrarch2-unittest"

SAMPLE = """<!-- a test dictionary -->
&TIES_
+MILITARY
+ECONOMIC

&MONEY
+DOLLAR
+GOLDEN_COIN

--- ATTACK  [190]  ---
ATTACK    # a comment
ASSAULT [180]
- SAID WOULD * [138]
- * &TIES_TIES [191]
- $ * + IN &MONEY [192]
- * JUNK [+++]
- * FOLLOWUP [102b]

--- BREAK [---] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}
WIRE_+TAP [1711]
- % HAVE * [030:031]
"""


def test_blocks_forms_and_codes() -> None:
    verbs = parse_verbs(SAMPLE)
    (attack,) = verbs.entries("attacked")
    assert attack.block == "ATTACK" and attack.code == Code("190")
    assert verbs.entries("assaulting")[0].code == Code("180")  # a verb's own code beats the block's
    assert [e.post for e in verbs.entries("broke")] == [("down",), ()]  # multi-word verbs first
    assert verbs.entries("broken")[-1].code == Code(None)  # "---": no event by itself
    assert verbs.entries("breaks") == ()  # irregular forms listed: no regular forms made
    (tap,) = verbs.entries("taps")  # regular forms of the word marked "+"
    assert tap.pre == ("wire",) and tap.code == Code("1711")


def test_patterns_slots_synsets_and_junk_codes() -> None:
    patterns = parse_verbs(SAMPLE).patterns["ATTACK"]
    codes = [p.code for p in patterns]
    assert Code("138") in codes and Code("102") in codes  # a trailing letter is dropped
    assert all(p.code.event != "+++" for p in patterns)  # a non-numeric code skips its pattern
    said = next(p for p in patterns if p.code == Code("138"))
    assert [e.phrases for e in said.before] == [(("WOULD",),), (("SAID",),)]  # nearest the verb first
    ties = next(p for p in patterns if p.code == Code("191"))
    assert ties.after[0].phrases == (("MILITARY",), ("ECONOMIC",)) and ties.after[1].tight  # "_": no plural
    money = next(p for p in patterns if p.code == Code("192"))
    assert [e.kind for e in money.before] == ["source"] and money.after[0].kind == "target"
    assert ("GOLDEN", "COINS") in money.after[2].phrases and ("DOLLARS",) in money.after[2].phrases
    (compound,) = parse_verbs(SAMPLE).patterns["BREAK"]
    assert compound.code == Code("030", "031") and compound.before[1].kind == "compound"


def test_detection_and_the_actor_loader_ignores_verbs_files(tmp_path: Path) -> None:
    path = tmp_path / "my.verbs.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    actors = tmp_path / "my.actors.txt"
    actors.write_text("GONDOR [GON]\nARNOR [ARN]\n", encoding="utf-8")
    assert looks_like_verbs(path) and not looks_like_verbs(actors)
    assert load_verbs(path).entries("attack")
    dictionary = load_dictionary(path)
    assert dictionary.actors == () and dictionary.agents == ()
    with pytest.raises(ResourceError):
        load_verbs(tmp_path / "missing.txt")


@pytest.mark.skipif(not SHARED_VERBS.is_dir(), reason="../shared is not beside the project")
def test_the_petrarch_validation_dictionary_reads() -> None:
    verbs = load_verbs(SHARED_VERBS / "PETR.Validate.verbs.txt")
    assert verbs.entries("restored")[0].block == "RESTORE"
    assert verbs.entries("left")[0].code == Code("032", "033")
    assert any(p.code == Code("064") for p in verbs.patterns["RESTORE"])
    assert not looks_like_verbs(SHARED_VERBS / "PETR.Validate.actors.txt")
