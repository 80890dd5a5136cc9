"""Cross-article event merging: reports of one real-world event become one merged event.

Method (deterministic, re-runnable: ``merge_store`` rebuilds ``merged_events`` and ``event_merges``
as a whole from the ``events`` table):

1. Events of articles flagged as repeats of an earlier article are left out (they would count one
   report twice).
2. Events are grouped by (source actor, target actor, CAMEO root). An actor's key is its CAMEO code,
   else its organisation, else its country, else its lower-cased name, else "-".
3. Inside a group, events are taken in date order (then id). An event joins the first open merged event
   whose first date lies within ``window_days`` of its own date and whose place (GeoNames id) is the
   same or unknown on either side; otherwise it starts a new one. Undated events merge only with
   undated events of the same group in the same article (nothing says two undated reports are one event).
4. Each merged event counts GDELT-style NumMentions (its events), NumArticles (distinct articles) and
   NumSources (distinct outlets: the article's source, else its id). Its code is the most frequent
   CAMEO code of its mentions (ties: the lowest), its date and place those of its first dated mention.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.ids import digest
from eventwire.store.duckdb import Store

_ROWS = """
SELECT e.id, e.article_id, coalesce(a.source, e.article_id), e.source_cameo, e.source_org, e.source_country,
       e.source_name, e.target_cameo, e.target_org, e.target_country, e.target_name, e.root, e.cameo,
       e.event_date, e.place_id, p.geonameid
FROM events e LEFT JOIN articles a ON a.id = e.article_id LEFT JOIN places p ON p.id = e.place_id
WHERE NOT coalesce(a.is_duplicate, false)
ORDER BY e.id
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class MergeSummary:
    """What a merge did: mentions in, merged events out."""

    mentions: int
    events: int
    window_days: int
    multi_article: int  # merged events reported by more than one article

    def as_dict(self) -> dict[str, int]:
        """The summary as a plain dict (for JSON)."""
        return {
            "mentions": self.mentions,
            "events": self.events,
            "window_days": self.window_days,
            "multi_article": self.multi_article,
        }


@dataclass(slots=True)
class _Group:
    first: tuple[Any, ...]
    day: dt.date | None
    geonameid: int | None
    members: list[tuple[Any, ...]] = field(default_factory=list)


def _key(cameo: str | None, org: str | None, country: str | None, name: str | None) -> str:
    return cameo or org or country or (name.lower() if name else "-")


def start_day(value: str | None) -> dt.date | None:
    """The first day of an event date ("2023-11" -> 2023-11-01); None for missing or partial values."""
    if not value or not value[:4].isdigit():
        return None
    parts = value.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None


def cluster(rows: list[tuple[Any, ...]], *, window_days: int) -> list[_Group]:
    """Merged events of the rows (see the module docstring); rows as selected by ``_ROWS``."""
    groups: dict[tuple[str, str, str], list[tuple[Any, ...]]] = {}
    for row in rows:
        key = (_key(*row[3:7]), _key(*row[7:11]), row[11])
        groups.setdefault(key, []).append(row)
    merged: list[_Group] = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda r: (start_day(r[13]) or dt.date.max, r[0]))
        open_groups: list[_Group] = []
        undated: dict[str, _Group] = {}
        for row in members:
            day, geonameid = start_day(row[13]), row[15]
            if day is None:
                target = undated.get(row[1])
                if target is None:
                    target = undated[row[1]] = _Group(first=row, day=None, geonameid=geonameid)
                    merged.append(target)
                target.members.append(row)
                continue
            found = next(
                (
                    g
                    for g in open_groups
                    if g.day is not None
                    and (day - g.day).days <= window_days
                    and (geonameid is None or g.geonameid is None or g.geonameid == geonameid)
                ),
                None,
            )
            if found is None:
                found = _Group(first=row, day=day, geonameid=geonameid)
                open_groups.append(found)
                merged.append(found)
            elif found.geonameid is None:
                found.geonameid = geonameid
            found.members.append(row)
    return merged


def merge_store(store: Store, *, window_days: int = 3) -> MergeSummary:
    """Rebuild the store's merged events from its events, in one transaction."""
    con = store.connection
    rows = con.execute(_ROWS).fetchall()
    groups = cluster(rows, window_days=window_days)
    merged_rows: list[list[Any]] = []
    links: list[list[Any]] = []
    for group in groups:
        first = group.first
        merged_id = "m" + digest("merged", first[0], size=8)
        codes = Counter(r[12] for r in group.members)
        cameo = min(codes, key=lambda c: (-codes[c], c))
        place = next((r[14] for r in group.members if r[14] is not None), None)
        merged_rows.append(
            [
                merged_id,
                first[0],
                _key(*first[3:7]),
                _key(*first[7:11]),
                first[11],
                cameo,
                first[13],
                place,
                len(group.members),
                len({r[2] for r in group.members}),
                len({r[1] for r in group.members}),
            ]
        )
        links += [[r[0], merged_id] for r in group.members]
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM event_merges")
        con.execute("DELETE FROM merged_events")
        _insert(con, "merged_events", merged_rows)
        _insert(con, "event_merges", links)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"merging events in {store.path} failed: {exc}") from exc
    return MergeSummary(
        mentions=len(rows),
        events=len(groups),
        window_days=window_days,
        multi_article=sum(1 for r in merged_rows if r[10] > 1),
    )


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
    """Bulk insert through a DuckDB relation of Python rows (values never become SQL text)."""
    if not rows:
        return
    width = len(rows[0])
    for start in range(0, len(rows), 1000):
        chunk = rows[start : start + 1000]
        marks = ", ".join(["(" + ", ".join("?" * width) + ")"] * len(chunk))
        con.execute(f"INSERT INTO {table} VALUES {marks}", [v for r in chunk for v in r])
