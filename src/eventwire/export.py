"""Write the events a query selects to files: GDELT, CSV, JSON Lines, Parquet, GeoJSON, PLOVER and ACLED layouts.

Every writer reads through ``query.events``, so an export holds exactly what ``eventwire events``
with the same filters lists (all pages). Rows are in the query's order (date, then id): the same
store and filters give byte-identical files.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError, StoreError
from eventwire.ids import digest
from eventwire.merge import start_day
from eventwire.query import ROLES, EventFilter, events
from eventwire.resources import read_table
from eventwire.store.duckdb import Store

PAGE = 10_000
QUAD_NAMES = {1: "Verbal Cooperation", 2: "Material Cooperation", 3: "Verbal Conflict", 4: "Material Conflict"}


def rows(store: Store, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """All rows the filter selects, page by page (``flt.limit`` is the page size, ``offset`` ignored)."""
    offset = 0
    while True:
        page, total = events(store, replace(flt, limit=PAGE, offset=offset))
        yield from page
        offset += len(page)
        if not page or offset >= total:
            return


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if k == "published" and v is not None else v) for k, v in row.items()}


def write_jsonl(records: Iterator[dict[str, Any]], path: Path) -> int:
    """One JSON object per event and line."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for row in records:
            out.write(json.dumps(_plain(row), ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


def _write_csv(
    records: Iterator[dict[str, Any]], path: Path, convert: Callable[[dict[str, Any]], dict[str, Any]]
) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer: csv.DictWriter[str] | None = None
        for row in records:
            values = convert(_plain(row))
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(values))
                writer.writeheader()
            writer.writerow(values)
            n += 1
    return n


def write_csv(records: Iterator[dict[str, Any]], path: Path) -> int:
    """Every column of the query rows, one event per line."""
    return _write_csv(records, path, lambda r: r)


def acled_row(row: dict[str, Any]) -> dict[str, Any]:
    """An ACLED-style snake_case row."""
    return {
        "event_id_cnty": row["id"],
        "event_date": row["event_date"] or "",
        "time_precision": row["time_precision"] or "",
        "disorder_type": QUAD_NAMES.get(row["quad_class"], ""),
        "event_type": row["plover"] or "",
        "sub_event_type": f"{row['cameo']} {row['cameo_name']}",
        "actor1": row["source_label"] or "",
        "assoc_actor_1": row["source_name"] or "",
        "actor2": row["target_label"] or "",
        "assoc_actor_2": row["target_name"] or "",
        "country": row["place_country"] or "",
        "location": row["place_name"] or "",
        "latitude": row["lat"] if row["lat"] is not None else "",
        "longitude": row["lon"] if row["lon"] is not None else "",
        "geo_precision": row["geo_precision"] if row["geo_precision"] is not None else "",
        "source": row["outlet"] or "",
        "source_scale": "",
        "notes": row["sentence"] or "",
        "fatalities": "",
    }


def write_acled(records: Iterator[dict[str, Any]], path: Path) -> int:
    """ACLED-style snake_case CSV (event_date, time_precision, geo_precision, actor1, actor2...)."""
    return _write_csv(records, path, acled_row)


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER JSON record (field names of the PLOVER manual)."""
    return {
        "id": row["id"],
        "date": row["event_date"],
        "event": row["plover"],
        "mode": None,
        "context": [],
        "actor": row["source_label"],
        "actor_country": row["source_country"],
        "recipient": row["target_label"],
        "recipient_country": row["target_country"],
        "location": (
            None
            if row["place_id"] is None
            else {"name": row["place_name"], "country": row["place_country"], "lat": row["lat"], "lon": row["lon"]}
        ),
        "text": row["sentence"],
        "source": row["outlet"],
        "url": row["url"],
        "cameo": row["cameo"],
    }


def write_plover(records: Iterator[dict[str, Any]], path: Path) -> int:
    """PLOVER JSON Lines."""
    return write_jsonl((plover_record(r) for r in records), path)


def write_geojson(records: Iterator[dict[str, Any]], path: Path) -> int:
    """A GeoJSON FeatureCollection of the events that have coordinates (Point, lon/lat)."""
    features = [
        {
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {k: v for k, v in _plain(row).items() if k not in ("lat", "lon")},
        }
        for row in records
        if row["lat"] is not None and row["lon"] is not None
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), "utf-8")
    return len(features)


def write_parquet(records: Iterator[dict[str, Any]], path: Path) -> int:
    """A Parquet file of the query rows (needs pyarrow: the 'export' extra)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError("Parquet export needs pyarrow: pip install 'eventwire[export]'") from exc
    table = pa.Table.from_pylist([_plain(r) for r in records])
    pq.write_table(table, path)
    return int(table.num_rows)


def write_gdelt(records: Iterator[dict[str, Any]], path: Path) -> int:
    """GDELT 2.0 event rows (61 tab-separated columns, no header) of query rows; see ``gdelt.gdelt_row``."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        for row in records:
            values = gdelt_row(row)
            out.write("\t".join(_cell(values[c]) for c in GDELT_COLUMNS) + "\n")
            n += 1
    return n


def _cell(value: object) -> str:
    # GDELT files hold no tabs or line breaks inside a field.
    return "" if value is None else " ".join(str(value).split())


def export_gdelt(store: Store, flt: EventFilter, *, path: Path) -> int:
    """The GDELT layout: one row per merged event (NumMentions/NumSources/NumArticles from ``eventwire merge``)."""
    con = store.connection
    merged = con.execute("SELECT count(*) FROM merged_events").fetchone()
    reports = con.execute("SELECT count(*) FROM events").fetchone()
    if merged is not None and reports is not None and merged[0] == 0 and reports[0] > 0:
        raise StoreError(f"{store.path} has no merged events yet: run `eventwire merge --db {store.path}` first")
    features = dict(con.execute("SELECT id, feature FROM places").fetchall())
    firsts = dict(con.execute("SELECT id, paragraphs FROM articles").fetchall())

    def enriched() -> Iterator[dict[str, Any]]:
        for row in rows(store, replace(flt, merged=True)):
            paragraphs = json.loads(firsts.get(row["article_id"]) or "[]")
            first_end = paragraphs[0][1] if paragraphs else 0
            yield {**row, "place_feature": features.get(row["place_id"]), "in_lead": row["sentence_start"] < first_end}

    return write_gdelt(enriched(), path)


#: The GDELT 2.0 event table's columns, in GDELT's order (GDELT 2.0 Event Codebook, 2015).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
        "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip


@functools.cache
def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (resources/data/fips.tsv)."""
    table: dict[str, str] = {}
    for line in read_table("fips.tsv", what="FIPS 10-4 table").splitlines():
        if line and not line.startswith("#"):
            iso3, fips = line.split("\t")
            table[iso3] = fips
    return table


@functools.cache
def _iso3_of_iso2() -> dict[str, str]:
    from eventwire.resources.kb import load_kb

    return {c.iso2: c.iso3 for c in load_kb().countries.values()}


def fips_of(country: str | None) -> str:
    """The FIPS 10-4 code of an ISO alpha-2 or alpha-3 country code ('' when there is none)."""
    if not country:
        return ""
    iso3 = _iso3_of_iso2().get(country, country) if len(country) == 2 else country
    return fips_codes().get(iso3, "")


def _event_number(event_id: str) -> int:
    # GLOBALEVENTID is an integer: 48 bits of a hash of our (content-hash) id, stable across runs.
    return int(digest("gdelt", event_id, size=6), 16)


def _geo_type(feature: str | None, country: str | None) -> int | None:
    # GDELT: 1 country, 2 US state, 3 US city or landmark, 4 world city or landmark, 5 world ADM1.
    if feature is None:
        return None
    us = country in ("US", "USA")
    if feature == "country":
        return 1
    if feature == "region":
        return 2 if us else 5
    return 3 if us else 4


def gdelt_row(row: dict[str, Any]) -> dict[str, Any]:
    """One query row (merged, with ``place_feature`` and ``in_lead``) as GDELT 2.0 event columns.

    Dates: SQLDATE only for a day-precise date, MonthYear and Year as far as the date goes, all empty
    for an undated event. Actor geography is empty (we place events, not actors); the action place's
    FeatureID is its GeoNames id (GDELT's are GNS ids). AvgTone is empty: eventwire measures no tone.
    DATEADDED is the publication date at 00:00:00 (we keep no time of adding).
    """
    date = row["event_date"] or ""
    day = start_day(date) if date[:1].isdigit() else None
    parts = date.split("-") if day is not None else []
    values: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    values["GLOBALEVENTID"] = _event_number(row.get("merged_id") or row["id"])
    if day is not None:
        values["Year"] = day.year
        if len(parts) >= 2:
            values["MonthYear"] = day.strftime("%Y%m")
        if len(parts) == 3:
            values["SQLDATE"] = day.strftime("%Y%m%d")
            values["FractionDate"] = f"{day.year + (day.month * 30 + day.day) / 365:.4f}"
    for n, side in ((1, "source"), (2, "target")):
        cameo, org, country = row[f"{side}_cameo"], row[f"{side}_org"], row[f"{side}_country"]
        if not (cameo or org or country or row[f"{side}_name"]):
            continue
        values[f"Actor{n}Code"] = cameo or country or ""
        values[f"Actor{n}Name"] = (row[f"{side}_name"] or org or country or "").upper()
        values[f"Actor{n}CountryCode"] = country or ""
        values[f"Actor{n}KnownGroupCode"] = org or ""
        role = cameo[3:6] if cameo and len(cameo) >= 6 and cameo[3:6] in ROLES else ""
        values[f"Actor{n}Type1Code"] = role
    cameo = row["cameo"]
    values.update(
        IsRootEvent=int(bool(row.get("in_lead"))),
        EventCode=cameo,
        EventBaseCode=cameo[:3] if len(cameo) > 3 else cameo,
        EventRootCode=row["root"],
        QuadClass=row["quad_class"],
        GoldsteinScale=row["goldstein"],
        NumMentions=row.get("num_mentions", 1),
        NumSources=row.get("num_sources", 1),
        NumArticles=row.get("num_articles", 1),
    )
    if row["place_id"] is not None:
        fips = fips_of(row["place_country"])
        geo_type = _geo_type(row.get("place_feature"), row["place_country"])
        values.update(
            ActionGeo_Type=geo_type,
            ActionGeo_FullName=row["place_name"],
            ActionGeo_CountryCode=fips,
            ActionGeo_ADM1Code=fips if geo_type == 1 else "",
            ActionGeo_Lat=row["lat"],
            ActionGeo_Long=row["lon"],
            ActionGeo_FeatureID=row["geonameid"],
        )
    published = row["published"]
    values["DATEADDED"] = f"{published:%Y%m%d}000000" if published is not None else ""
    values["SOURCEURL"] = row["url"] or row["outlet"] or row["title"] or row["article_id"]
    return values


WRITERS: dict[str, Callable[[Iterator[dict[str, Any]], Path], int]] = {
    "acled": write_acled,
    "gdelt": write_gdelt,
    "csv": write_csv,
    "geojson": write_geojson,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
    "plover": write_plover,
}
FORMATS = tuple(sorted(WRITERS))


def export(store: Store, flt: EventFilter, *, format: str, path: Path) -> int:
    """Write the events ``flt`` selects to ``path`` in ``format``; the number of records written."""
    if format not in WRITERS:
        raise ConfigError(f"unknown export format {format!r}; formats: {', '.join(FORMATS)}")
    if format == "gdelt":
        return export_gdelt(store, flt, path=path)
    return WRITERS[format](rows(store, flt), path)
