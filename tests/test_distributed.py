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
