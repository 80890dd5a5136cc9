"""The HTTP API over a store analysed from our own articles."""

from __future__ import annotations

from fastapi.testclient import TestClient

from eventwire.api import MAX_PAGE


def test_article_is_the_full_record_with_code_names(client: TestClient) -> None:
    record = client.get("/api/articles/harbour-talks").json()
    assert record["title"] == "Ministers meet over harbour dispute"
    assert {"entities", "quotes", "times", "places", "events"} <= set(record)
    consult = [e for e in record["events"] if e["root"] == "04"]
    assert consult and consult[0]["cameo_name"] and consult[0]["date_source"]
    assert record["text"][slice(*consult[0]["trigger"])] == "met"


def test_events_filter_and_page_with_total(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    assert everything["total"] == len(everything["items"]) >= 4
    serbia = client.get("/api/events", params={"actor": "SRB"}).json()
    assert 0 < serbia["total"] < everything["total"]
    assert all("SRB" in (e["source_country"], e["target_country"]) for e in serbia["items"])
    page = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in page["items"]] == [e["id"] for e in everything["items"][2:4]]
    assert page["total"] == everything["total"]


def test_quotes_by_speaker_and_aggregates(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"speaker": "kyriakos mitsotakis"}).json()
    assert any("fishing rights" in q["text"] for q in quotes["items"])
    assert all(q["speaker_name"] == "Kyriakos Mitsotakis" for q in quotes["items"])
    places = {p["name"]: p for p in client.get("/api/places").json()}
    assert places["Belgrade"]["country"] == "RS" and places["Belgrade"]["geo_precision"] == 1
    dyads = {(d["source"], d["target"]) for d in client.get("/api/dyads").json()}
    assert ("GRC", "TUR") in dyads
    assert {a["actor"] for a in client.get("/api/actors").json()} >= {"GRC", "TUR", "SRB", "EU"}
    months = {t["period"] for t in client.get("/api/timeline").json()}
    assert {"2024-03", "2024-04"} <= months


def test_errors_have_one_shape(client: TestClient) -> None:
    for path, params, status in [
        ("/api/articles/nope", {}, 404),
        ("/api/events", {"limit": MAX_PAGE + 1}, 422),
        ("/api/events", {"modality": "sure"}, 422),
        ("/api/timeline", {"by": "week"}, 422),
        ("/api/events", {"since": "yesterday"}, 422),
        ("/api/nothing", {}, 404),
    ]:
        response = client.get(path, params=params)
        body = response.json()
        assert response.status_code == status, path
        assert body["ok"] is False and body["status"] == status and body["error"] and isinstance(body["errors"], list)


def test_nothing_writes_and_sql_values_are_bound(client: TestClient) -> None:
    assert client.post("/api/events").status_code == 405
    hostile = client.get("/api/events", params={"actor": "x' OR '1'='1"}).json()
    assert hostile["total"] == 0


def test_pages_have_json_twins_and_a_strict_policy(client: TestClient) -> None:
    for path in ("/", "/events", "/timeline", "/map", "/network", "/quotes", "/articles/harbour-talks", "/docs"):
        response = client.get(path)
        assert response.status_code == 200 and "script-src 'self'" in response.headers["content-security-policy"]
    page = client.get("/articles/%3Cscript%3E").text
    assert "<script>" not in page.split("<body", 1)[1].split("<script src")[0]
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    assert client.get("/static/vendor/countries-110m.json").status_code == 200
