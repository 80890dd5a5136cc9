"""eventwire explain: every event with its marked sentence and the evidence behind each field."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main

TEXT = (
    "The militants denied carrying out the raid on the checkpoint.\n\n"
    "Police in Nairobi will detain the organisers of the march, a police spokesman said."
)


def run(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(path), "--published", "2024-03-08", "--event-floor", "0", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_explains_each_event_with_its_evidence(tmp_path: Path) -> None:
    (line,) = run(tmp_path, "--json").splitlines()
    explained = json.loads(line)["events"]
    by_trigger = {e["trigger"]["text"]: e for e in explained}
    raid = by_trigger["carrying"] if "carrying" in by_trigger else by_trigger["raid"]
    assert raid["disputed"] and raid["claimed_by"] is None
    assert raid["source"]["why"]
    detain = by_trigger["detain"]
    # announced, the detention is coded as the expression of intent that happened (CAMEO 137, a threat of
    # repression): asserted, with the cue that says what is planned
    assert detain["modality"] == {"value": "asserted", "cue": "will", "span": detain["modality"]["span"]}
    assert detain["code"] == "137" and detain["rule"].endswith(">intent")
    assert detain["source"]["codes"]["cameo"] == "KENCOP"
    assert detain["sentence"]["text"].startswith("Police in Nairobi")
    assert TEXT[slice(*detain["trigger"]["span"])] == "detain"
    assert detain["date"]["source"] in (None, "clause", "sentence", "statement", "published")


def test_terminal_view_names_rule_sides_modality_and_sources(tmp_path: Path) -> None:
    out = run(tmp_path)
    assert "denied by" in out
    assert "cue 'will'" in out
    assert "KENCOP" in out and "rule verb:" in out


def test_issue_18_explain_shows_why_each_side_has_its_codes_and_the_quotes_events(tmp_path: Path) -> None:
    path = tmp_path / "quoted.txt"
    path.write_text(
        'Chile has accused Peru of sheltering smugglers.\n\n"We will close the border and we will ask Peru for'
        ' help," Chilean Interior Minister Rosa Quenta said.\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["explain", str(path), "--published", "2024-03-08", "--event-floor", "0", "--json"]
    )
    assert result.exit_code == 0, result.output
    by_trigger = {e["trigger"]["text"]: e for e in json.loads(result.output)["events"]}
    accused, ask = by_trigger["accused"], by_trigger["ask"]
    assert accused["source"]["codes_why"] == "kb:country" and accused["quote"] is not None
    assert ask["source"]["codes_why"] == "title:before"
    assert ask["quote"]["events"] == sorted([ask["event"], by_trigger["close"]["event"]])
    shown = CliRunner().invoke(main, ["explain", str(path), "--published", "2024-03-08", "--event-floor", "0"]).output
    assert "title:before" in shown and "coded into 1 more" in shown
