"""Merged events, trends and alerts over the HTTP API: the same figures as the query layer and trends.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi.testclient import TestClient
from test_trends import MONDAY, _store

from eventwire.api import Snapshot, create_app
from eventwire.merge import merge_store
from eventwire.query import EventFilter, events
from eventwire.store.duckdb import Store


def test_merged_events_carry_their_counts(client: TestClient, store_path: Path) -> None:
    mentions = client.get("/api/events").json()
    merged = client.get("/api/events", params={"merged": "true"}).json()
    with Store(store_path, read_only=True) as store:
        rows, total = events(store, EventFilter(merged=True, limit=500))
    assert merged["total"] == total and 0 < total <= mentions["total"]
    assert [e["merged_id"] for e in merged["items"]] == [r["merged_id"] for r in rows]
    assert sum(e["num_mentions"] for e in merged["items"]) == mentions["total"]
    assert all(e["num_articles"] >= 1 and e["num_sources"] >= 1 for e in merged["items"])
    assert all(e["num_mentions"] is None for e in mentions["items"])
    serbia = client.get("/api/events", params={"merged": "true", "actor": "SRB"}).json()
    assert 0 < serbia["total"] < merged["total"]


def test_trends_and_alerts_of_a_spike(tmp_path: Path) -> None:
    db = _store(tmp_path / "t.duckdb")
    with Store(db) as store:
        merge_store(store, window_days=3)
    with TestClient(create_app(db, watch_every=None)) as client:
        found = client.get("/api/trends").json()
        [alert] = client.get("/api/alerts").json()
        weekly = client.get("/api/alerts", params={"country": "RS", "min_count": 6}).json()
        elsewhere = client.get("/api/alerts", params={"country": "FR"}).json()
        dyad = client.get("/api/trends", params={"source": "SRB", "target": "XKX", "by": "all", "daily": "true"}).json()
        bad = client.get("/api/alerts", params={"classes": "12"})
    [serbia] = found["series"]
    assert found["period"] == "week" and serbia["label"] == "RS Serbia" and serbia["total"] == 15
    assert [p["counts"] for p in serbia["points"][9:]] == [[1, 0, 0, 0], [0, 0, 0, 5]]
    assert found["left_out"] == {"not dated to the day": 11, "no place": 0}
    spike = (MONDAY + dt.timedelta(weeks=10)).isoformat()
    assert (alert["key"], alert["period"], alert["count"], alert["quad_classes"]) == ("RS", spike, 5, [4])
    assert weekly == [] and elsewhere == []
    assert [s["key"] for s in dyad["series"]] == ["all"] and dyad["period"] == "day"
    assert bad.status_code == 422 and bad.json()["ok"] is False


def test_repeated_queries_are_answered_from_memory_until_the_store_changes(tmp_path: Path) -> None:
    db = _store(tmp_path / "t.duckdb")
    snapshot = Snapshot(db)
    calls: list[int] = []

    def count(reader: Store) -> int:
        calls.append(1)
        found = reader.connection.execute("SELECT count(*) FROM events").fetchone()
        return int(found[0]) if found else 0

    assert snapshot.cached(("n",), count) == snapshot.cached(("n",), count) == 26 and len(calls) == 1
    assert snapshot.cached(("other",), count) == 26 and len(calls) == 2
    with Store(db) as store:
        store.connection.execute("DELETE FROM events WHERE id = 'a0-e0'")
    assert snapshot.refresh()
    assert snapshot.cached(("n",), count) == 25 and len(calls) == 3
