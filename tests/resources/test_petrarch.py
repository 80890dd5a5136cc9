"""PETRARCH/TABARI dictionary reading, date-restricted codes included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eventwire.resources import petrarch
from eventwire.resources.entries import DatedCode, PhraseIndex, words_of

ACTORS = """<!-- a test dictionary -->
FREEDONIA [FRD]  # comment
+FREEDONIAN
SYLVANIA_ [SYL]
RUFUS_FIREFLY
\t[FRDGOV 19330101 - 19331231]
\t[FRDOPP >340101]
\t[FRD]
TRENTINO
\t[SYL <330101]
"""

AGENTS = """!PERSON! = MAN, WOMAN
PRESIDENT [~GOV]
AID_AGENCY {} [NGO~]
ARMY!PERSON! [~MIL]
"""


def test_parse_code_and_dates() -> None:
    assert petrarch.parse_date("950601") == dt.date(1995, 6, 1)
    assert petrarch.parse_date("20121109") == dt.date(2012, 11, 9)
    assert petrarch.parse_code("HOB < 950601") == DatedCode("HOB", None, dt.date(1995, 5, 31))
    assert petrarch.parse_code("HOBREB >990816") == DatedCode("HOBREB", dt.date(1999, 8, 17), None)
    assert petrarch.parse_code("pse") == DatedCode("PSE")
    assert petrarch.parse_code("") is None


def test_load_actors(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    entries = dict(petrarch.load_actors(path))
    assert entries["FREEDONIAN*"] is entries["FREEDONIA*"]  # TABARI stems
    assert entries["SYLVANIA"].cameo == "SYL"  # a trailing underscore: the whole word only
    firefly = entries["RUFUS FIREFLY*"]
    assert firefly.code_on(dt.date(1933, 6, 1)) == "FRDGOV"
    assert firefly.code_on(dt.date(1935, 1, 1)) == "FRDOPP"
    assert firefly.code_on(dt.date(1920, 1, 1)) == "FRD"
    assert entries["TRENTINO*"].code_on(dt.date(1932, 1, 1)) == "SYL"
    assert entries["TRENTINO*"].code_on(dt.date(1934, 1, 1)) is None


def test_load_agents(tmp_path: Path) -> None:
    path = tmp_path / "agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    assert petrarch.looks_like_agents(path)
    agents = dict(petrarch.load_agents(path))
    assert agents["PRESIDENTS"].sector == "GOV" and not agents["PRESIDENT"].prefix
    assert agents["AID AGENCY"].prefix and "AID AGENCIES" not in agents
    assert agents["ARMYWOMAN"].sector == "MIL" and "ARMYMEN" in agents


def test_stems_match_longer_words_unless_the_name_ends_in_an_underscore(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text("ARGENTIN [ARG]\nIRAN_ [IRN]\nNEW_ZEALAND [NZL]\n", encoding="utf-8")
    index = PhraseIndex()
    for surface, entry in petrarch.load_actors(path):
        index.add(surface, entry)
    text = "Argentine and Iranian officials met New Zealanders in Iran and Argentina."
    found = {text[h.start : h.end]: h.value.cameo for h in index.find(words_of(text), text)}
    assert found == {"Argentine": "ARG", "New Zealanders": "NZL", "Iran": "IRN", "Argentina": "ARG"}
    entry = index.get("Argentinian")
    assert entry is not None and entry.cameo == "ARG"
    assert index.get("Iranian") is None and index.get("Arg") is None
