"""Issue 16: a watched folder is read every interval; new files are analysed once, restarts repeat nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire import config
from eventwire.cli import main
from eventwire.errors import ConfigError
from eventwire.store.duckdb import Store
from eventwire.watch import interval_seconds, watch

SETTINGS = config.load({"stages": ("clean", "dedupe")}, environ={})


def _count(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return int(store.connection.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]


def test_new_files_are_analysed_once_and_a_restart_repeats_nothing(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Serbia recalled its ambassador from Pristina on Friday.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    waits: list[float] = []

    def arrive(seconds: float) -> None:  # between the cycles a second article arrives
        waits.append(seconds)
        (inbox / "b.txt").write_text("Kosovo police detained two men near Mitrovica.", encoding="utf-8")

    first = watch([str(inbox)], replace(SETTINGS, db=db), every=60, cycles=2, sleep=arrive)
    assert [s.processed for s in first] == [1, 1] and waits == [60]
    assert _count(db) == 2
    again = watch([str(inbox)], replace(SETTINGS, db=db), every=60, cycles=2, sleep=lambda _: None)
    assert [s.processed for s in again] == [0, 0]
    assert _count(db) == 2


def test_intervals() -> None:
    assert interval_seconds("15m") == 900 and interval_seconds("90s") == 90 and interval_seconds("2") == 2
    assert interval_seconds("1h") == 3600
    with pytest.raises(ConfigError, match="positive number"):
        interval_seconds("soon")


def test_cli_watch_runs_a_bounded_number_of_cycles(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Albania and Greece signed an accord on Monday.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    args = ["watch", str(tmp_path / "in"), "--every", "0.1s", "--cycles", "2", "--db", str(db)]
    result = CliRunner(env={"EVENTWIRE_STAGES": "clean,dedupe"}).invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "cycle 1: 1 new articles" in result.stdout and "cycle 2: 0 new articles" in result.stdout
