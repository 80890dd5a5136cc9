"""The Dask path gives exactly the records of a local run, in input order."""

from __future__ import annotations

import pytest

from eventwire import config
from eventwire.errors import ConfigError
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.record import to_record

pytest.importorskip("distributed")
pytestmark = [pytest.mark.model, pytest.mark.timeout(300)]

from eventwire.distributed import chunks, cluster_pipe, connect  # noqa: E402

TEXTS = [
    "Foreign ministers met in Vienna on Tuesday, officials said.",
    "Rebels attacked a convoy near Goma on Sunday, the army said.",
    "The president will visit Berlin next week.",
    "Protesters gathered outside parliament in Tbilisi on Monday.",
    "The European Union imposed new sanctions on Iran.",
]


def test_chunks_keep_order_and_size() -> None:
    articles = [Article(id=str(i), text=t) for i, t in enumerate(TEXTS)]
    assert [[a.id for a in c] for c in chunks(articles, 2)] == [["0", "1"], ["2", "3"], ["4"]]
    with pytest.raises(ConfigError, match="chunk_size"):
        cluster_pipe(None, config.load({}), chunk_size=0)  # type: ignore[arg-type]


def test_cluster_run_equals_local_run() -> None:
    settings = config.load({"raise_errors": True}, environ={})
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS)]
    local = [to_record(a) for a in Pipeline(settings).pipe(articles)]
    with connect(workers=1, processes=False) as client:
        remote = [to_record(a) for a in cluster_pipe(client, settings, chunk_size=2, in_flight=2)(articles)]
    assert [r["id"] for r in remote] == [a.id for a in articles]
    assert remote == local


# Sharded runs (issue 14): real worker processes write Parquet shards; the store equals a plain run's.

import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

from eventwire.runner import run  # noqa: E402
from eventwire.store.duckdb import TABLES, Store  # noqa: E402

BIN = Path(sys.executable).parent
STORY = (
    "Negotiators from the two governments met in Geneva on Friday and agreed to exchange prisoners next month, "
    "according to officials who spoke after the meeting ended late in the evening without any joint statement."
)


def _inputs(folder: Path) -> Path:
    """Eight articles in one JSON Lines file: a near repeat and an exact repeat in later chunks, one bad row."""
    rows = [{"text": t} for t in TEXTS] + [
        {"text": STORY},
        {"text": STORY.replace("late in the evening", "late in the night")},
        {"text": TEXTS[1] + " "},
    ]
    path = folder / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    return path


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db, read_only=True) as store:
        return {
            table: sorted(map(tuple, store.connection.execute(f"SELECT * FROM {table}").fetchall()), key=repr)
            for table in (*TABLES, "article_index")
        }


def _plain(tmp_path: Path, inputs: Path) -> tuple[dict[str, object], dict[str, list[tuple[object, ...]]]]:
    db = tmp_path / "plain.duckdb"
    summary = run([str(inputs)], config.load({"db": db}, environ={}))
    return summary.as_dict(), _dump(db)


def test_issue_14_local_cluster_of_two_processes_equals_a_plain_run(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    expected = _plain(tmp_path, inputs)
    db = tmp_path / "cluster.duckdb"
    summary = run([str(inputs)], config.load({"db": db, "workers": 2, "chunk_size": 2}, environ={}))
    assert summary.duplicate_articles == 1 and summary.rejected["ingest.duplicate_article"] == 1
    assert (summary.as_dict(), _dump(db)) == expected
    assert not any(Path(f"{db}.shards").iterdir())  # every shard loaded and removed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    """A `dask scheduler` and two `dask worker` processes on loopback."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    log = (tmp_path / "dask.log").open("wb")
    command = [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1]]
    processes = [subprocess.Popen([*command, "--no-dashboard"], stdout=log, stderr=log)]
    worker = [str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard", "--name"]
    processes += [subprocess.Popen([*worker, f"w{n}"], stdout=log, stderr=log) for n in (1, 2)]
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:  # type: ignore[no-untyped-call]
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        log.close()


def test_issue_14_scheduler_and_two_workers_equal_a_plain_run(tmp_path: Path, scheduler: str) -> None:
    inputs = _inputs(tmp_path)
    expected = _plain(tmp_path, inputs)
    db = tmp_path / "remote.duckdb"
    summary = run([str(inputs)], config.load({"db": db, "scheduler": scheduler, "chunk_size": 3}, environ={}))
    assert (summary.as_dict(), _dump(db)) == expected


def test_issue_14_a_sharded_run_killed_and_run_again_equals_a_plain_run(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    expected = _plain(tmp_path, inputs)
    db = tmp_path / "killed.duckdb"
    command = [str(BIN / "eventwire"), "run", str(inputs), "--db", str(db), "--json", "--workers", "2"]
    command += ["--chunk-size", "2"]
    with (tmp_path / "first.err").open("wb") as err:
        first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    deadline = time.monotonic() + 240
    wal = Path(f"{db}.wal")
    while time.monotonic() < deadline and first.poll() is None:
        if wal.exists() and b"Protesters gathered" in wal.read_bytes():  # chunk 2 committed, the last not
            os.killpg(first.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    first.wait(timeout=60)
    assert first.returncode == -signal.SIGKILL, (tmp_path / "first.err").read_text()
    with Store(db, read_only=True) as store:
        loaded = store.connection.execute("SELECT count(*) FROM loaded_shards").fetchone()
    assert loaded is not None and 1 <= loaded[0] < 4
    again = subprocess.run(command, capture_output=True, timeout=240, check=True)
    summary = json.loads(again.stdout)
    assert (summary, _dump(db)) == expected
