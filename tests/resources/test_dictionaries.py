"""User dictionaries (YAML, CSV) and their precedence over the knowledge base."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import ResourceError
from eventwire.resources.dictionaries import actor_dictionary, load_dictionary

YAML = """
actors:
  - name: Freedonia
    aliases: [Freedonian]
    cameo: FRD
  - name: Kosovo
    country: XKX
    cameo: KSV
  - name: Rufus Firefly
    cameo: FRD
    codes:
      - {cameo: FRDGOV, from: 1933-01-01, until: 1933-12-31}
agents:
  - words: [chancellor of the exchequer]
    role: Finance Minister
    sector: GOV
"""

CSV = """name,aliases,kind,cameo,from,until
Sylvania,Sylvanian,actor,SYL,,
Trentino,,actor,SYLGOV,1933-01-01,1933-12-31
ambassador-at-large,,agent,GOV,,
"""


def test_yaml(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(YAML, encoding="utf-8")
    loaded = load_dictionary(path)
    names = {surface: entry for surface, entry in loaded.actors}
    assert names["Freedonian"].country == "FRD"
    assert names["Rufus Firefly"].code_on(dt.date(1933, 5, 1)) == "FRDGOV"
    assert names["Rufus Firefly"].code_on(dt.date(1940, 5, 1)) == "FRD"
    assert loaded.agents[0][1].sector == "GOV"


def test_user_entries_override_the_kb(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(YAML, encoding="utf-8")
    dictionary = actor_dictionary((path,))
    kosovo = dictionary.actors.get("Kosovo")
    assert kosovo is not None and kosovo.cameo == "KSV"  # type: ignore[union-attr]
    assert actor_dictionary(()).actors.get("Kosovo").cameo == "XKX"  # type: ignore[union-attr]


def test_csv(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(CSV, encoding="utf-8")
    loaded = load_dictionary(path)
    names = {surface: entry for surface, entry in loaded.actors}
    assert names["Sylvanian"].cameo == "SYL"
    assert names["Trentino"].cameo is None and names["Trentino"].code_on(dt.date(1933, 3, 1)) == "SYLGOV"
    assert loaded.agents[0][0] == "ambassador-at-large"


def test_bad_dictionaries_raise(tmp_path: Path) -> None:
    with pytest.raises(ResourceError):
        load_dictionary(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - cameo: XXX\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        load_dictionary(bad)
