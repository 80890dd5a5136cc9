"""Crash safety: `kill -9` in the middle of `eventwire run`, then run again: the database of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store.duckdb import TABLES, Store

pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.timeout(300)]

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "news"
EVENTWIRE = Path(sys.executable).with_name("eventwire")


def _corpus(folder: Path) -> int:
    """The sample corpus cut to short articles, each ending with a marker line, plus two bad inputs."""
    texts = [json.loads(line)["text"] for line in (SAMPLE / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SAMPLE / "text").glob("*.txt"))]
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"{number:02d}.txt").write_text(text[:700] + f"\n\n{_marker(number)}\n", encoding="utf-8")
    (folder / "05-empty.txt").write_text(" \n", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"text": "A good row about talks in Vienna."}\n{oops\n', encoding="utf-8")
    return len(texts) + 3


def _marker(number: int) -> str:
    return f"Dispatch number {number:02d} ends here."


def _start(inputs: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [str(EVENTWIRE), "run", str(inputs), "--db", str(db), "--json", "--batch", "3"]
    with Path(f"{db}.out").open("wb") as out, Path(f"{db}.err").open("wb") as err:
        return subprocess.Popen(command, stdout=out, stderr=err)


def _finish(inputs: Path, db: Path) -> dict[str, object]:
    """Run to completion; the JSON summary."""
    process = _start(inputs, db)
    process.wait(timeout=240)
    assert process.returncode == 0, Path(f"{db}.err").read_text()
    summary: dict[str, object] = json.loads(Path(f"{db}.out").read_text())
    return summary


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db, read_only=True) as store:
        return {
            table: sorted(
                (tuple(row) for row in store.connection.execute(f"SELECT * FROM {table}").fetchall()), key=repr
            )
            for table in (*TABLES, "meta")
        }


def _kill_once_stored(process: subprocess.Popen[bytes], db: Path, marker: str) -> None:
    """SIGKILL the run as soon as its write-ahead log holds ``marker`` (so that article's batch is committed)."""
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and marker.encode() in wal.read_bytes():
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return
        time.sleep(0.02)
    process.kill()
    pytest.fail(f"the run ended or stalled before {marker!r} was written")


def test_a_run_killed_half_way_and_run_again_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    total = _corpus(inputs)

    summary = _finish(inputs, tmp_path / "clean.duckdb")
    rejected = summary["rejected"]
    assert isinstance(rejected, dict)
    assert summary["inputs"] == total and summary["processed"] == total - sum(rejected.values())

    crashed_db = tmp_path / "crashed.duckdb"
    crashed = _start(inputs, crashed_db)
    _kill_once_stored(crashed, crashed_db, _marker(5))  # batches of 3: two of them committed
    assert crashed.returncode == -signal.SIGKILL
    partial = _dump(crashed_db)  # the database opens after the kill and holds whole batches only
    assert 6 <= len(partial["articles"]) < total - 3
    stored = {row[0] for row in partial["articles"]}
    assert {row[1] for row in partial["mentions"]} <= stored  # no rows of an article that was not committed

    assert _finish(inputs, crashed_db) == summary

    expected = _dump(tmp_path / "clean.duckdb")
    assert expected["articles"] and expected["mentions"] and expected["rejections"]
    assert _dump(crashed_db) == expected
