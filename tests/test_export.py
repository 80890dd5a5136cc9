import csv
import dataclasses
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from test_query import TEXT, _event

from eventwire.errors import ConfigError, StoreError
from eventwire.export import FORMATS, GDELT_COLUMNS, export, fips_of
from eventwire.merge import merge_store
from eventwire.model import Analysis, Article, EventActor, Place, Span
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
    merge_store(s)
    return s


def test_every_format_reads_back_with_the_values(store: Store, tmp_path: Path) -> None:
    flt = EventFilter()
    paths = {fmt: tmp_path / f"out.{fmt}" for fmt in FORMATS}
    counts = {fmt: export(store, flt, format=fmt, path=path) for fmt, path in paths.items()}
    assert counts == {"acled": 2, "csv": 2, "gdelt": 2, "geojson": 1, "jsonl": 2, "parquet": 2, "plover": 2}
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


def test_gdelt_rows_read_back_with_pandas_in_gdelt_order(tmp_path: Path) -> None:
    text = "Serbian police arrested protesters in Belgrade. Serbian police arrested them again."
    place = Place(
        id="pbeo", span=Span.of(text, 38, 46), geonameid=792680, name="Belgrade", country="RS", lat=44.8, lon=20.47,
        feature="city",
    )  # fmt: skip
    event = dataclasses.replace(
        _event(text, 15, 23, cameo="1731", source="SRBCOP", target="SRBCVL", date="2024-03-05", modality="asserted"),
        place="pbeo", quad_class=4, goldstein=-9.0,
        source=EventActor(entity=None, name="Serbian police", country="SRB", cameo="SRBCOP"),
        target=EventActor(entity=None, name="protesters", country="SRB", cameo="SRBCVL"),
    )  # fmt: skip
    later = dataclasses.replace(event, id="b1-e15")
    wire = Article(id="a1", text=text, source="Wire One", url="https://one.example/a")
    other = Article(id="b1", text=text + " ", source="Wire Two", url="https://two.example/b")
    with Store(tmp_path / "g.duckdb") as store:
        store.write([Analysis(article=wire, events=(event,), places=(place,), paragraphs=(Span.of(text, 0, 47),))])
        store.write([Analysis(article=other, events=(later,), places=(place,))])
        merge_store(store)
        path = tmp_path / "events.tsv"
        assert export(store, EventFilter(), format="gdelt", path=path) == 1
    frame = pd.read_csv(path, sep="\t", header=None, dtype=str, keep_default_na=False)
    assert frame.shape == (1, 61)
    frame.columns = list(GDELT_COLUMNS)
    row = frame.iloc[0]
    dates = (row["SQLDATE"], row["MonthYear"], row["Year"], row["FractionDate"])
    assert dates == ("20240305", "202403", "2024", "2024.2603")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("SRBCOP", "SRB", "COP")
    assert (row["Actor1Name"], row["Actor2Code"], row["Actor2Type1Code"]) == ("SERBIAN POLICE", "SRBCVL", "CVL")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("1731", "173", "17")
    assert (row["QuadClass"], row["GoldsteinScale"], row["AvgTone"]) == ("4", "-9.0", "")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_FeatureID"]) == ("4", "RI", "792680")
    assert row["ActionGeo_FullName"] == "Belgrade" and row["Actor1Geo_CountryCode"] == ""
    assert row["IsRootEvent"] == "1" and row["SOURCEURL"] == "https://one.example/a"
    assert row["GLOBALEVENTID"].isdigit()


def test_gdelt_needs_a_merge_and_leaves_dates_to_their_precision(tmp_path: Path) -> None:
    with Store(tmp_path / "m.duckdb") as store:
        evs = (_event(TEXT, 28, 35, cameo="112", source="XKX", target="SRB", date="2023-09", modality="asserted"),)
        store.write([Analysis(article=Article(id="a1", text=TEXT), events=evs)])
        with pytest.raises(StoreError, match="eventwire merge"):
            export(store, EventFilter(), format="gdelt", path=tmp_path / "x.tsv")
        merge_store(store)
        export(store, EventFilter(), format="gdelt", path=tmp_path / "x.tsv")
    [line] = (tmp_path / "x.tsv").read_text(encoding="utf-8").splitlines()
    cells = dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
    assert (cells["SQLDATE"], cells["MonthYear"], cells["Year"]) == ("", "202309", "2023")
    assert cells["Actor1CountryCode"] == "XKX" and cells["SOURCEURL"] == "a1" and cells["ActionGeo_Type"] == ""


def test_fips_codes_differ_from_iso_where_gdelt_users_trip() -> None:
    assert [fips_of(c) for c in ("DEU", "GB", "SRB", "XKX", "RS", "AUS", "AT", "PSE", None)] == [
        "GM", "UK", "RI", "KV", "RI", "AS", "AU", "", "",
    ]  # fmt: skip
