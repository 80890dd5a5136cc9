"""Command line: thin click adapters over the library (runner, store)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from eventwire import config
from eventwire.errors import EventwireError
from eventwire.model import Analysis, Rejection
from eventwire.query import MODALITIES, EventFilter, events
from eventwire.runner import Summary, extract, run
from eventwire.store.duckdb import Store
from eventwire.watch import interval_seconds, watch

DEFAULT_DB = "eventwire.duckdb"


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _settings(**overrides: Any) -> config.Settings:
    return config.load({k: v for k, v in overrides.items() if v is not None})


def _where(item: Rejection) -> str:
    return f"{item.origin}:{item.line}" if item.line is not None else item.origin


def _report(item: Rejection) -> None:
    click.echo(f"eventwire: {_where(item)}: rejected ({item.code}): {item.message}", err=True)


#: Exit status when nothing could be analysed: every input was rejected, or there were no inputs at all.
EXIT_NOTHING = 4

_PRIVATE = click.option(
    "--allow-private-urls",
    is_flag=True,
    default=None,
    help="Fetch URLs (and follow redirects) to loopback and private addresses; refused by default.",
)

_MAX_CHARS = click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    help="Longest article accepted, in characters (default 1,000,000); longer ones are rejected (ingest.too_large).",
)


@click.group()
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: news articles to checkable political event records."""


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, default=True, help="Print JSON Lines records (the default).")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@_MAX_CHARS
@_PRIVATE
@click.option("--pretty", is_flag=True, help="Indent the JSON (one article only is then easier to read).")
@click.option("--strict", is_flag=True, help="Exit 3 when any problem or rejection was recorded.")
def extract_command(
    inputs: tuple[str, ...],
    as_json: bool,
    published: dt.date | None,
    max_chars: int | None,
    allow_private_urls: bool | None,
    pretty: bool,
    strict: bool,
) -> None:
    """Print the public record of each INPUT (files, folders, URLs, '-' for standard input) as JSON Lines."""
    troubled = False
    counts = {"inputs": 0, "processed": 0}
    settings = _settings(published=published, max_chars=max_chars, allow_private_urls=allow_private_urls)
    try:
        for item in extract(inputs, settings):
            counts["inputs"] += 1
            if isinstance(item, Rejection):
                troubled = True
                _report(item)
                continue
            counts["processed"] += 1
            troubled = troubled or bool(item["problems"])
            click.echo(json.dumps(item, ensure_ascii=False, indent=1 if pretty else None))
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if strict and troubled:
        sys.exit(3)
    _exit_if_nothing(counts["inputs"], counts["processed"], inputs)


@main.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to write (created if missing).")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@_MAX_CHARS
@_PRIVATE
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON instead of a table.")
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Inputs per database transaction; a killed run keeps every batch committed before it.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Analyse on a local Dask cluster of this many processes (needs the 'distributed' extra); 0: here.",
)
@click.option("--scheduler", help="Address of a running Dask scheduler to analyse on (e.g. tcp://10.0.0.5:8786).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--strict", is_flag=True, help="Exit 3 when any problem or rejection was recorded.")
def run_command(
    inputs: tuple[str, ...],
    db: str,
    published: dt.date | None,
    max_chars: int | None,
    allow_private_urls: bool | None,
    as_json: bool,
    batch: int,
    workers: int,
    scheduler: str | None,
    quiet: bool,
    strict: bool,
) -> None:
    """Analyse INPUTs into the DuckDB store and print a summary of what happened to every input."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    try:
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed} inputs"),
            TimeElapsedColumn(),
            console=console,
            disable=quiet or as_json,
            transient=True,
        ) as bar:
            task = bar.add_task("analysing", total=None)

            def tick(item: Analysis | Rejection) -> None:
                if isinstance(item, Rejection):
                    _report(item)
                bar.advance(task)

            settings = _settings(published=published, max_chars=max_chars, allow_private_urls=allow_private_urls)
            summary = run(inputs, settings, db=db, progress=tick, batch=batch, workers=workers, scheduler=scheduler)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=1))
    else:
        _print_summary(summary, db)
    if strict and (summary.rejected or summary.problems):
        sys.exit(3)
    _exit_if_nothing(summary.inputs, summary.processed, inputs)


def _exit_if_nothing(count: int, processed: int, inputs: tuple[str, ...]) -> None:
    """Exit 4 with a sentence when there was nothing to analyse or every input was rejected."""
    if count == 0:
        click.echo(f"eventwire: no inputs found in {', '.join(inputs)} (empty folders?); nothing analysed", err=True)
        sys.exit(EXIT_NOTHING)
    if processed == 0:
        click.echo(f"eventwire: all {count} inputs were rejected (reasons above); nothing analysed", err=True)
        sys.exit(EXIT_NOTHING)


@main.command("stats")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to read.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats_command(db: str, as_json: bool) -> None:
    """Counts of what the store holds."""
    try:
        with Store(db, read_only=True) as store:
            stats = store.stats()
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(stats, indent=1))
        return
    for table, count in stats["tables"].items():
        click.echo(f"{table:12s} {count}")
    click.echo(f"{'duplicate articles':18s} {stats['duplicate_articles']}")
    for title in ("rejected", "problems"):
        for code, count in stats[title].items():
            click.echo(f"{title:9s} {code:28s} {count}")


@main.command("events")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to read.")
@click.option("--actor", help="Country code (ISO alpha-3) or organisation on either side.")
@click.option("--root", help="CAMEO root code, e.g. 04.")
@click.option("--modality", type=click.Choice(MODALITIES), help="Only events of this modality.")
@click.option("--since", callback=_date, help="Events dated on or after YYYY-MM-DD.")
@click.option("--until", callback=_date, help="Events dated on or before YYYY-MM-DD.")
@click.option("--article", help="Only events of this article id.")
@click.option(
    "--include-duplicates",
    is_flag=True,
    help="Also list events of articles flagged as repeats of an earlier article (left out by default).",
)
@click.option("--limit", type=click.IntRange(1, 100_000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")
def events_command(db: str, as_json: bool, limit: int, **filters: Any) -> None:
    """Events in the store: who did what to whom, when, and how sure the text is."""
    try:
        flt = EventFilter(limit=limit, **filters)
        with Store(db, read_only=True) as store:
            rows = events(store, flt)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    _print_events(rows)


def _print_events(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} events")
    for name in ("date", "source", "cameo", "target", "modality"):
        table.add_column(name)
    for row in rows:
        source = row["source_org"] or row["source_country"] or row["source_name"] or "?"
        target = row["target_org"] or row["target_country"] or row["target_name"] or "-"
        table.add_row(row["event_date"] or "-", str(source), row["cameo"], str(target), row["modality"])
    Console().print(table)


def _print_summary(summary: Summary, db: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"eventwire run -> {db}", show_header=False)
    table.add_row("inputs", str(summary.inputs))
    table.add_row("processed", str(summary.processed))
    rejected = sum(summary.rejected.values())
    table.add_row("rejected", str(rejected))
    for code, count in sorted(summary.rejected.items()):
        table.add_row(f"  {code}", str(count))
    table.add_row("duplicate articles (kept, flagged)", str(summary.duplicate_articles))
    table.add_row("duplicate paragraphs", str(summary.duplicate_paragraphs))
    for name in ("entities", "quotes", "times", "places", "events"):
        table.add_row(name, str(getattr(summary, name)))
    for code, count in sorted(summary.problems.items()):
        table.add_row(f"problem {code}", str(count))
    Console().print(table)


@main.command("watch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, help="How often to read the sources again: 90s, 15m, 1h.")
@click.option("--cycles", type=click.IntRange(min=1), help="Stop after this many readings (default: until Ctrl-C).")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to write (created if missing).")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@_MAX_CHARS
@_PRIVATE
def watch_command(
    sources: tuple[str, ...],
    every: str,
    cycles: int | None,
    db: str,
    published: dt.date | None,
    max_chars: int | None,
    allow_private_urls: bool | None,
) -> None:
    """Read SOURCES (folders, feed URLs, files) every interval and analyse the articles the store does not hold."""

    def report(cycle: int, summary: Summary) -> None:
        rejected = sum(summary.rejected.values())
        click.echo(f"eventwire watch: cycle {cycle}: {summary.processed} new articles, {rejected} rejected -> {db}")

    try:
        settings = _settings(published=published, max_chars=max_chars, allow_private_urls=allow_private_urls)
        watch(sources, settings, db=db, every=interval_seconds(every), cycles=cycles, report=report)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        click.echo("eventwire watch: stopped", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
