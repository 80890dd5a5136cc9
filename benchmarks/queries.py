"""Query and trend timings on a store of synthetic events, through query.py and trends.py as the CLI runs them.

    python benchmarks/queries.py [--events N] [--repeat N] [--db FILE] [--json] [--compare-text]

Builds (or reuses, with --db of an existing file) a store of N synthetic events (default 1,000,000) over
N/10 articles, 2,000 places in 20 countries and 3 years, generated directly in DuckDB with SQL (a
deterministic hash of the row number, no Python loop). Then times each typical query (events() with its
count, as `eventwire events` calls it) and trends() for one country, ``--repeat`` times after one warm-up
run, and prints p50 and p95 in milliseconds. ``--compare-text`` instead times the text query against the
sentence scan it replaced, in turns. BENCHMARKS.md holds the figures of a run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from eventwire.query import EventFilter, events
from eventwire.store.duckdb import Store, fill_words
from eventwire.trends import alerts, trends

COUNTRIES = (
    "RS",
    "XK",
    "BA",
    "UA",
    "RU",
    "US",
    "CN",
    "IN",
    "PE",
    "BO",
    "SO",
    "JP",
    "DE",
    "FR",
    "GB",
    "TR",
    "IL",
    "LB",
    "SY",
    "NG",
)
ISO3 = (
    "SRB",
    "XKX",
    "BIH",
    "UKR",
    "RUS",
    "USA",
    "CHN",
    "IND",
    "PER",
    "BOL",
    "SOM",
    "JPN",
    "DEU",
    "FRA",
    "GBR",
    "TUR",
    "ISR",
    "LBN",
    "SYR",
    "NGA",
)
ROLES = ("GOV", "MIL", "COP", "OPP", "CVL", "REB")
WORDS = ("police", "protest", "talks", "ceasefire", "troops", "border", "minister", "strike", "aid", "sanctions")
CODES = ("010", "036", "042", "046", "057", "112", "120", "130", "141", "145", "173", "190", "193", "1731")
QUADS = {"01": 1, "03": 1, "04": 1, "05": 1, "11": 3, "12": 3, "13": 3, "14": 3, "17": 4, "19": 4}  # fmt: skip


def _list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def build(path: Path, n: int) -> None:
    """Fill a new store with ``n`` synthetic events (SQL only; the values are our own constants)."""
    articles = max(1, n // 10)
    with Store(path) as store:
        con = store.connection
        h = "CAST(hash(i, {salt}) % 1000003 AS BIGINT)"
        con.execute(
            f"""INSERT INTO articles (id, source, url, title, published, text, is_duplicate, record)
            SELECT 'a' || i, 'Wire ' || (i % 50), 'https://wire.example/' || i, 'Report ' || i,
                   DATE '2022-01-01' + CAST(i % 1095 AS INTEGER), 'text', false, '{{}}'
            FROM range({articles}) t(i)"""
        )
        con.execute(
            f"""INSERT INTO places
                   (id, article_id, start_char, end_char, text, geonameid, name, country, lat, lon, feature)
            SELECT 'p' || i, 'a0', 0, 4, 'Town', 1000000 + i, 'Town ' || i, ({_list(COUNTRIES)})[1 + i % 20],
                   -60 + (i % 120), -170 + (i % 340), 'city'
            FROM range(2000) t(i)"""
        )
        codes, quads = _list(CODES), "MAP {" + ", ".join(f"'{k}': {v}" for k, v in QUADS.items()) + "}"
        con.execute(
            f"""CREATE TEMP TABLE synthetic AS SELECT i,
                   ({_list(ISO3)})[1 + {h.format(salt=1)} % 20] AS src,
                   ({_list(ISO3)})[1 + {h.format(salt=2)} % 20] AS tgt,
                   ({_list(ROLES)})[1 + {h.format(salt=3)} % 6] AS src_role,
                   ({_list(ROLES)})[1 + {h.format(salt=4)} % 6] AS tgt_role,
                   ({codes})[1 + {h.format(salt=5)} % {len(CODES)}] AS cameo,
                   DATE '2022-01-01' + CAST({h.format(salt=6)} % 1095 AS INTEGER) AS day,
                   {h.format(salt=7)} % 10 AS precision, {h.format(salt=8)} % 2000 AS place,
                   ({_list(WORDS)})[1 + {h.format(salt=9)} % 10] AS w1,
                   ({_list(WORDS)})[1 + {h.format(salt=10)} % 10] AS w2
            FROM range({n}) t(i)"""
        )
        con.execute(
            f"""INSERT INTO events (id, article_id, source_name, source_country, source_cameo, target_name,
                   target_country, target_cameo, cameo, root, quad_class, goldstein, plover, event_date, place_id,
                   modality, sentence_start, sentence_end, trigger_start, trigger_end, confidence, disputed)
            SELECT 'e' || i, 'a' || (i % {articles}), src || ' ' || lower(src_role), src, src || src_role,
                   tgt || ' ' || lower(tgt_role), tgt, tgt || tgt_role, cameo, cameo[1:2],
                   ({quads})[cameo[1:2]], CAST(({h.format(salt=11)} % 21) AS DOUBLE) - 10, NULL,
                   CASE WHEN precision < 6 THEN strftime(day, '%Y-%m-%d') WHEN precision < 8 THEN strftime(day, '%Y-%m')
                        ELSE NULL END,
                   CASE WHEN precision < 7 THEN 'p' || place ELSE NULL END,
                   'asserted', 0, 40, 5, 10, 0.5 + ({h.format(salt=12)} % 50) / 100.0, false
            FROM synthetic"""
        )
        con.execute(
            """INSERT INTO event_texts SELECT 'e' || i, 'a' || (i % ?), 'The ' || w1 || ' and the ' || w2
                   || ' were in the news on ' || strftime(day, '%d %B %Y') || '.', w1 FROM synthetic""",
            [articles],
        )
        con.execute("DROP TABLE synthetic")
        fill_words(con, None)  # the word table of text search, as an upgrade to schema version 4 builds it


def _time(call: Callable[[], object], repeat: int) -> dict[str, float]:
    call()  # warm-up: DuckDB's caches, our lazy tables
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}


QUERIES = {
    "actor (either side, name)": EventFilter(actor="serbia"),
    "dyad (source -> target)": EventFilter(source="SRB", target="XKX"),
    "CAMEO code prefix": EventFilter(cameo="19"),
    "date range (one month)": EventFilter(since=dt.date(2023, 5, 1), until=dt.date(2023, 5, 31)),
    "place country": EventFilter(country="RS"),
    "bounding box": EventFilter(bbox=(10.0, 40.0, 25.0, 50.0)),
    "text (two words)": EventFilter(text="ceasefire border"),
    "dyad + QuadClass + month": EventFilter(
        source="srb", target="xkx", quad_class=4, since=dt.date(2023, 5, 1), until=dt.date(2023, 5, 31)
    ),
}


def measure(path: Path, repeat: int) -> dict[str, dict[str, float]]:
    """The timings of every query and of trends for one country."""
    figures: dict[str, dict[str, float]] = {}
    with Store(path, read_only=True) as store:
        for name, flt in QUERIES.items():
            figures[name] = {**_time(lambda flt=flt: events(store, flt), repeat), "matched": events(store, flt)[1]}
        figures["trends, one country, weekly"] = _time(lambda: trends(store, EventFilter(country="RS")), repeat)
        figures["trends + alerts, one country, daily"] = _time(
            lambda: alerts(trends(store, EventFilter(country="RS"), daily=True)), repeat
        )
    return figures


def _scan_text(words: list[str]) -> tuple[str, list[object]]:
    """The text clause before the word table (schema version 3): a substring scan of every sentence and quote."""
    in_sentence = " AND ".join("contains(lower(sentence), ?)" for _ in words)
    one = "coalesce(contains(lower(x.sentence), ?) OR contains(lower(q.text), ?), false)"
    either = " AND ".join(one for _ in words)
    clause = (
        f"e.id IN (SELECT event_id FROM event_texts WHERE {in_sentence}"
        " UNION ALL SELECT e2.id FROM events e2 JOIN quotes q ON q.id = e2.quote_id"
        f" LEFT JOIN event_texts x ON x.event_id = e2.id WHERE {either})"
    )
    return clause, [*words, *(w for w in words for _ in range(2))]


def compare_text(path: Path, repeat: int) -> dict[str, dict[str, float]]:
    """The text query with the word table, with the old sentence scan and the CAMEO query (for the machine's
    load), taken in turns in one process, so that all three see the same load; wall and CPU milliseconds."""
    import eventwire.query as query

    word_table = query._text
    flt = QUERIES["text (two words)"]
    runs: dict[str, tuple[Callable[..., tuple[str, list[object]]], EventFilter]] = {
        "text, word table": (word_table, flt),
        "text, sentence scan (before)": (_scan_text, flt),
        "CAMEO code prefix (reference)": (word_table, QUERIES["CAMEO code prefix"]),
    }
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    with Store(path, read_only=True) as store:
        try:
            results = []
            for clause, _ in runs.values():
                query._text = clause  # type: ignore[assignment]
                results.append(events(store, flt))
            if results[0] != results[1]:
                raise SystemExit("the word table and the sentence scan disagree")
            for round_ in range(repeat + 1):  # the first round warms up
                for name, (clause, run_filter) in runs.items():
                    query._text = clause  # type: ignore[assignment]
                    start, start_cpu = time.perf_counter(), time.process_time()
                    events(store, run_filter)
                    if round_:
                        wall[name].append((time.perf_counter() - start) * 1000)
                        cpu[name].append((time.process_time() - start_cpu) * 1000)
        finally:
            query._text = word_table
    return {
        name: {"p50_ms": round(statistics.median(wall[name]), 1), "cpu_p50_ms": round(statistics.median(cpu[name]), 1)}
        for name in runs
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--db", type=Path, help="store to build (or reuse when it exists); default: a temporary file")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--compare-text", action="store_true", help="time the text query against the old sentence scan, in turns"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        if not path.exists():
            start = time.perf_counter()
            build(path, args.events)
            print(f"built {args.events:,} events in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        if args.compare_text:
            for name, row in compare_text(path, args.repeat).items():
                print(f"{name:40s} p50 {row['p50_ms']:7.1f} ms   CPU p50 {row['cpu_p50_ms']:7.1f} ms")
            return 0
        figures = measure(path, args.repeat)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{'query':40s} {'p50 ms':>8s} {'p95 ms':>8s} {'matched':>9s}")
        for name, row in figures.items():
            matched = f"{int(row['matched']):,}" if "matched" in row else ""
            print(f"{name:40s} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {matched:>9s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
