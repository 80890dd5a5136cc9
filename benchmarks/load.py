"""The HTTP API under load: 20 concurrent clients against `eventwire serve` over a store of 1,000,000 events.

    python benchmarks/load.py [--events N] [--db FILE] [--clients 20] [--requests 100] [--json]

Builds (or reuses, with --db of an existing file) the synthetic store of benchmarks/queries.py, merges its
events (``eventwire merge``) when it has no merged events yet, starts ``eventwire serve`` on 127.0.0.1 in a
subprocess (one uvicorn process, as the command runs it), waits for /api/health, and then, endpoint by
endpoint, sends ``--requests`` requests from ``--clients`` concurrent httpx clients after ``--clients`` warm-up
requests. It prints p50, p95 and p99 latency per endpoint in milliseconds (wall time at the client: queueing in
the server included) and the throughput. Only loopback is ever addressed; the loops are bounded in count.

The server keeps the answers of repeated queries per snapshot (api.CACHE_SIZE), so by default every request
after the warm-up is answered from memory. ``--distinct`` makes every request a new query (request i sets
``limit`` to i + 1, or for trends and alerts ``since`` to a day before the first event), so each one runs in DuckDB.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from queries import build

from eventwire.merge import merge_store
from eventwire.store.duckdb import Store

HOST = "127.0.0.1"
#: The list endpoints with typical queries: name -> path and query string.
ENDPOINTS = {
    "events": "/api/events",
    "events, actor": "/api/events?actor=serbia",
    "events, root + month": "/api/events?root=19&since=2023-05-01&until=2023-05-31",
    "events, country": "/api/events?country=RS",
    "events, page 100": "/api/events?offset=5000",
    "events, merged": "/api/events?merged=true",
    "events, merged + actor": "/api/events?merged=true&actor=serbia",
    "articles": "/api/articles",
    "articles, page 100": "/api/articles?offset=5000",
    "quotes": "/api/quotes",
    "speakers": "/api/speakers",
    "actors": "/api/actors",
    "places": "/api/places",
    "dyads": "/api/dyads",
    "dyads, actor": "/api/dyads?actor=serbia",
    "timeline": "/api/timeline",
    "timeline, country": "/api/timeline?country=RS",
    "trends, country": "/api/trends?country=RS",
    "alerts, country": "/api/alerts?country=RS",
    "alerts, all countries": "/api/alerts",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def prepare(path: Path, events: int) -> None:
    """Build the store when it does not exist, and merge its events when it has no merged events."""
    if not path.exists():
        start = time.perf_counter()
        build(path, events)
        print(f"built {events:,} events in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    with Store(path) as store:
        found = store.connection.execute("SELECT count(*) FROM merged_events").fetchone()
        if not found or not found[0]:
            start = time.perf_counter()
            summary = merge_store(store, window_days=3)
            print(f"merged into {summary.events:,} events in {time.perf_counter() - start:.1f} s", file=sys.stderr)


def serve(path: Path, port: int) -> subprocess.Popen[bytes]:
    """`eventwire serve` in a subprocess, once it answers."""
    script = Path(sys.executable).with_name("eventwire")  # the console script of this environment
    command = [str(script), "serve", "--db", str(path), "--host", HOST, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"eventwire serve exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("eventwire serve did not answer within 300 s")


def _varied(path: str, i: int) -> str:
    """The path as a query of its own: request ``i`` changes a parameter that leaves the cost the same."""
    if "/trends" in path or "/alerts" in path:  # a start before the first event: the same series, a new key
        name, value = "since", (dt.date(2021, 12, 31) - dt.timedelta(days=i)).isoformat()
    else:
        name, value = "limit", i % 500 + 1
    return f"{path}{'&' if '?' in path else '?'}{name}={value}"


async def drive(base: str, path: str, clients: int, requests: int, *, distinct: bool = False) -> dict[str, float]:
    """``requests`` GETs of ``path`` from ``clients`` concurrent clients; latency percentiles in ms."""
    times: list[float] = []
    todo = iter(range(requests))
    failed = 0

    async def client(http: httpx.AsyncClient, record: bool) -> None:
        nonlocal failed
        for i in todo if record else range(1):
            start = time.perf_counter()
            response = await http.get(_varied(path, i) if distinct and record else path)
            if response.status_code != 200:
                failed += 1
            if record:
                times.append((time.perf_counter() - start) * 1000)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        await asyncio.gather(*(client(http, False) for _ in range(clients)))  # warm-up
        start = time.perf_counter()
        await asyncio.gather(*(client(http, True) for _ in range(clients)))
        wall = time.perf_counter() - start
    times.sort()

    def pct(q: float) -> float:
        return round(times[min(len(times) - 1, int(q * len(times)))], 1)

    return {"p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99), "rps": round(len(times) / wall, 1),
            "failed": failed}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="store to build (or reuse when it exists); default: a temporary file")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=100, help="requests per endpoint (after a warm-up)")
    parser.add_argument("--only", action="append", help="endpoint names to drive (default: all)")
    parser.add_argument("--distinct", action="store_true", help="every request a new query (no answer from memory)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        prepare(path, args.events)
        port = _free_port()
        start = time.perf_counter()
        server = serve(path, port)
        print(
            f"eventwire serve answering after {time.perf_counter() - start:.1f} s (pid {server.pid})", file=sys.stderr
        )
        figures: dict[str, dict[str, float]] = {}
        if not args.json:
            print(f"{'endpoint':28s} {'p50 ms':>8s} {'p95 ms':>8s} {'p99 ms':>8s} {'req/s':>7s} {'fail':>4s}")
        try:
            for name, endpoint in ENDPOINTS.items():
                if args.only and name not in args.only:
                    continue
                figures[name] = asyncio.run(
                    drive(f"http://{HOST}:{port}", endpoint, args.clients, args.requests, distinct=args.distinct)
                )
                if not args.json:
                    row = figures[name]
                    print(f"{name:28s} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['p99_ms']:8.1f}"
                          f" {row['rps']:7.1f} {int(row['failed']):4d}  {endpoint}", flush=True)  # fmt: skip
        finally:
            server.terminate()
            server.wait(30)
    if args.json:
        print(json.dumps({"load": os.getloadavg(), "endpoints": figures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
