import csv
import dataclasses
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from test_query import TEXT, _event

from eventwire.errors import ConfigError
from eventwire.export import FORMATS, export
from eventwire.model import Analysis, Article, Place, Span
from eventwire.query import EventFilter
from eventwire.store.duckdb import Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    place = Place(
        id="pkos", span=Span.of(TEXT, 13, 19), geonameid=3277605, name="Bosnia", country="BA", lat=44.0, lon=18.0
    )
    first = _event(TEXT, 5, 12, cameo="042", source="NATO", target="BIH", date="2023-11-20", modality="asserted")
    evs = (
        dataclasses.replace(first, place="pkos"),
        _event(TEXT, 28, 35, cameo="112", source="XKX", target="SRB", date="2023-09", modality="asserted"),
    )
    s = Store(tmp_path / "x.duckdb")
    s.write([Analysis(article=Article(id="a1", text=TEXT, source="Wire One"), events=evs, places=(place,))])
    return s


def test_every_format_reads_back_with_the_values(store: Store, tmp_path: Path) -> None:
    flt = EventFilter()
    paths = {fmt: tmp_path / f"out.{fmt}" for fmt in FORMATS}
    counts = {fmt: export(store, flt, format=fmt, path=path) for fmt, path in paths.items()}
    assert counts == {"acled": 2, "csv": 2, "geojson": 1, "jsonl": 2, "parquet": 2, "plover": 2}
    frame = pd.read_parquet(paths["parquet"])
    assert list(frame["cameo"]) == ["112", "042"] and list(frame["outlet"]) == ["Wire One", "Wire One"]
    assert duckdb.sql(f"SELECT count(*) FROM '{paths['parquet']}' WHERE source_org = 'NATO'").fetchall() == [(1,)]
    table = pd.read_csv(paths["csv"], dtype=str)
    assert list(table["event_date"]) == ["2023-09", "2023-11-20"]
    acled = list(csv.DictReader(paths["acled"].read_text(encoding="utf-8").splitlines()))
    assert acled[1]["event_date"] == "2023-11-20" and acled[1]["location"] == "Bosnia"
    assert acled[1]["actor1"].startswith("NATO") and acled[0]["time_precision"] == ""
    geo = json.loads(paths["geojson"].read_text(encoding="utf-8"))
    [feature] = geo["features"]
    assert geo["type"] == "FeatureCollection" and feature["geometry"]["coordinates"] == [18.0, 44.0]
    assert feature["properties"]["cameo"] == "042"
    plover = [json.loads(line) for line in paths["plover"].read_text(encoding="utf-8").splitlines()]
    assert plover[1]["location"]["name"] == "Bosnia" and plover[1]["date"] == "2023-11-20"
    lines = [json.loads(line) for line in paths["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert [r["trigger"] for r in lines] == ["accused", "visited"]


def test_exports_are_deterministic_and_follow_the_filters(store: Store, tmp_path: Path) -> None:
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert export(store, EventFilter(actor="xkx"), format="jsonl", path=one) == 1
    export(store, EventFilter(actor="xkx"), format="jsonl", path=two)
    assert one.read_bytes() == two.read_bytes()
    with pytest.raises(ConfigError, match="formats: acled"):
        export(store, EventFilter(), format="gdelt1", path=one)
