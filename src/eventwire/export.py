"""Write the events a query selects to files: CSV, JSON Lines, Parquet, GeoJSON, PLOVER and ACLED layouts.

Every writer reads through ``query.events``, so an export holds exactly what ``eventwire events``
with the same filters lists (all pages). Rows are in the query's order (date, then id): the same
store and filters give byte-identical files.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError
from eventwire.query import EventFilter, events
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


WRITERS: dict[str, Callable[[Iterator[dict[str, Any]], Path], int]] = {
    "acled": write_acled,
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
    return WRITERS[format](rows(store, flt), path)
