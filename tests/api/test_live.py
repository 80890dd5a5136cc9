"""serve keeps answering while a second `eventwire run` writes into the same store, then shows the new data."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_helpers import ARTICLES, HOSTILE, build_store, write_inputs

from eventwire.api import create_app


@pytest.mark.slow
def test_run_writes_while_serve_answers(tmp_path: Path) -> None:
    db = build_store(tmp_path, ARTICLES[:1])
    with TestClient(create_app(db, watch_every=0.2)) as client:
        assert client.get("/api/articles").json()["total"] == 1
        more = write_inputs(tmp_path / "more", [ARTICLES[1], HOSTILE])
        writer = subprocess.Popen(
            [sys.executable, "-m", "eventwire.cli", "run", str(more), "--db", str(db), "--quiet"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        answered = 0
        while writer.poll() is None:
            assert client.get("/api/events").status_code == 200
            answered += 1
            time.sleep(0.1)
        _, err = writer.communicate()
        assert writer.returncode == 0, err
        assert answered > 0
        deadline = time.monotonic() + 10
        while client.get("/api/articles").json()["total"] != 3:
            assert time.monotonic() < deadline, "the new articles never appeared"
            time.sleep(0.2)
