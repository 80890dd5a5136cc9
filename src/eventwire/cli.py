"""Command line: thin click adapters over the library (runner, store)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from eventwire import config
from eventwire.errors import ConfigError, EventwireError
from eventwire.export import FORMATS, export
from eventwire.merge import merge_store
from eventwire.model import Analysis, Rejection
from eventwire.query import MODALITIES, ArticleFilter, EventFilter, articles, events, filter_fields, sql, undated
from eventwire.record import Record
from eventwire.runner import Summary, extract, run
from eventwire.store.duckdb import Store
from eventwire.trends import GROUPINGS, Alert, Grouping, Series, Trends, alerts, plot, sparkline, trends
from eventwire.watch import interval_seconds, watch


class _Group(click.Group):
    """The one error handler: a fault (EventwireError) in any command is a click error, exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc


F = TypeVar("F", bound=Callable[..., Any])


def settings_options(command: str) -> Callable[[F], F]:
    """The options of every setting ``command`` takes (config.SETTINGS), and ``--config``."""

    def decorate(function: F) -> F:
        for info in reversed([i for i in config.SETTINGS if command in i.commands]):
            function = _option(info)(function)
        return click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False),
            help=f"TOML file of settings (default: ./{config.CONFIG_FILE} if present; env: {config.CONFIG_ENV}).",
        )(function)

    return decorate


_METAVARS = {"date": "YYYY-MM-DD", "list of names": "NAME,...", "list of paths": "PATH", "true/false": ""}


def _option(info: config.SettingInfo) -> Callable[[F], F]:
    multiple = info.type == tuple[Path, ...]
    text = f"{info.help}{' Repeatable.' if multiple else ''} [default: {config.show_default(info)}; env: {info.env}]"
    if info.is_flag:
        return click.option(f"{info.flag}/--no-{info.flag[2:]}", info.name, default=None, help=text)

    def convert(ctx: click.Context, param: click.Parameter, value: Any) -> object:
        if value is None or value == ():
            return None
        try:
            if isinstance(value, tuple):  # a repeatable path option
                return tuple(Path(v) for v in value)
            return config.parse(info, value, origin=repr(value))
        except ConfigError as exc:
            raise click.BadParameter(str(exc)) from None

    metavar = _METAVARS.get(info.type_name, info.type_name.upper())
    return click.option(info.flag, info.name, multiple=multiple, callback=convert, metavar=metavar, help=text)


def _settings(options: dict[str, Any]) -> config.Settings:
    """Settings from the command line options (removed from ``options``), the environment and the file."""
    file = config.find_file(options.pop("config_file", None))
    given = {info.name: options.pop(info.name) for info in config.SETTINGS if info.name in options}
    return config.load(given, file=file)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _where(item: Rejection) -> str:
    return f"{item.origin}:{item.line}" if item.line is not None else item.origin


def _report(item: Rejection) -> None:
    click.echo(f"eventwire: {_where(item)}: rejected ({item.code}): {item.message}", err=True)


#: Exit status when nothing could be analysed: every input was rejected, or there were no inputs at all.
EXIT_NOTHING = 4


@click.group(cls=_Group)
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: news articles to checkable political event records."""


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--json/--text",
    "as_json",
    default=True,
    help="JSON Lines, one public record per article (the default, what scripts read), or a readable listing"
    " of each article's events.",
)
@click.option("--pretty", is_flag=True, help="Indent the JSON (one article only is then easier to read).")
@settings_options("extract")
def extract_command(inputs: tuple[str, ...], as_json: bool, pretty: bool, **options: Any) -> None:
    """Print the public record of each INPUT (files, folders, URLs, '-' for standard input) as JSON Lines."""
    settings = _settings(options)
    troubled = False
    counts = {"inputs": 0, "processed": 0}
    for item in extract(inputs, settings):
        counts["inputs"] += 1
        if isinstance(item, Rejection):
            troubled = True
            _report(item)
            continue
        counts["processed"] += 1
        troubled = troubled or bool(item["problems"])
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False, indent=1 if pretty else None))
        else:
            _print_record(item)
    if settings.strict and troubled:
        sys.exit(3)
    _exit_if_nothing(counts["inputs"], counts["processed"], inputs)


@main.command("explain")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the explanations as JSON Lines instead of panels.")
@settings_options("explain")
def explain_command(inputs: tuple[str, ...], as_json: bool, **options: Any) -> None:
    """Show, for each event of each INPUT, its marked sentence, the rule, the sides' evidence, the modality
    cue and where its date and place came from."""
    from rich.console import Console

    from eventwire.explain import explain, render

    settings = _settings(options)
    console = Console()
    for item in extract(inputs, settings):
        if isinstance(item, Rejection):
            _report(item)
            continue
        explanations = explain(item)
        if as_json:
            click.echo(json.dumps({"id": item["id"], "events": explanations}, ensure_ascii=False))
        else:
            render(explanations, console, title=str(item.get("title") or item["id"]))


@main.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON instead of a table.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@settings_options("run")
def run_command(inputs: tuple[str, ...], as_json: bool, quiet: bool, **options: Any) -> None:
    """Analyse INPUTs into the DuckDB store and print a summary of what happened to every input."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    settings = _settings(options)
    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} inputs"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=console,
        disable=quiet or as_json or not console.is_terminal,
        transient=True,
    ) as bar:
        task = bar.add_task("analysing", total=None, rate="")
        started = time.monotonic()

        def tick(item: Analysis | Rejection | int) -> None:
            if isinstance(item, Rejection):
                _report(item)
            bar.advance(task, item if isinstance(item, int) else 1)
            bar.update(task, rate=_rate(bar.tasks[0].completed, time.monotonic() - started))

        summary = run(inputs, settings, progress=tick)
    with Store(settings.db) as store:  # reports of one event across articles -> one merged event
        merge_store(store, window_days=settings.merge_days)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=1))
    else:
        _print_summary(summary, str(settings.db))
    if settings.strict and (summary.rejected or summary.problems):
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


@main.command("watch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, help="How often to read the sources again: 90s, 15m, 1h.")
@click.option("--cycles", type=click.IntRange(min=1), help="Stop after this many readings (default: until Ctrl-C).")
@settings_options("watch")
def watch_command(sources: tuple[str, ...], every: str, cycles: int | None, **options: Any) -> None:
    """Read SOURCES (folders, feed URLs, files) every interval and analyse the articles the store does not hold."""
    settings = _settings(options)

    def report(cycle: int, summary: Summary) -> None:
        rejected = sum(summary.rejected.values())
        click.echo(
            f"eventwire watch: cycle {cycle}: {summary.processed} new articles, {rejected} rejected -> {settings.db}"
        )

    try:
        watch(sources, settings, every=interval_seconds(every), cycles=cycles, report=report)
    except KeyboardInterrupt:
        click.echo("eventwire watch: stopped", err=True)


@main.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@settings_options("stats")
def stats_command(as_json: bool, **options: Any) -> None:
    """Counts of what the store holds."""
    with Store(_settings(options).db, read_only=True) as store:
        stats = store.stats()
    if as_json:
        click.echo(json.dumps(stats, indent=1))
        return
    for table, count in stats["tables"].items():
        click.echo(f"{table:12s} {count}")
    click.echo(f"{'duplicate articles':18s} {stats['duplicate_articles']}")
    for title in ("rejected", "problems"):
        for code, count in stats[title].items():
            click.echo(f"{title:9s} {code:28s} {count}")


def _bbox(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, ...] | None:
    if value is None:
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise click.BadParameter(f"{value!r} is not four numbers WEST,SOUTH,EAST,NORTH")
    return parts


def event_filters(function: F) -> F:
    """The options of query.EventFilter, shared by events, export, trends and alerts."""
    options = [
        click.option("--actor", help="Actor on either side: CAMEO code or prefix, country, organisation or name."),
        click.option("--source", help="Source actor (with --target: a directed dyad)."),
        click.option("--target", help="Target actor."),
        click.option("--cameo", help="CAMEO event code or prefix, e.g. 19 or 193."),
        click.option("--root", help="CAMEO root code, e.g. 04."),
        click.option("--plover", help="PLOVER event type, e.g. PROTEST."),
        click.option("--quad-class", type=click.IntRange(1, 4), help="QuadClass 1-4."),
        click.option("--goldstein-min", type=float, help="Goldstein value at least this."),
        click.option("--goldstein-max", type=float, help="Goldstein value at most this."),
        click.option("--modality", type=click.Choice(MODALITIES), help="Only events of this modality."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), help="Confidence at least this."),
        click.option("--claimed/--not-claimed", default=None, help="Only events known through a party's claim."),
        click.option("--disputed/--not-disputed", default=None, help="Only events a party denies."),
        click.option("--since", callback=_date, help="Events overlapping the range from YYYY-MM-DD."),
        click.option("--until", callback=_date, help="Events overlapping the range up to YYYY-MM-DD."),
        click.option("--undated", is_flag=True, help="With --since/--until: also the undated events."),
        click.option("--place", help="Place id or GeoNames id."),
        click.option("--country", help="Country of the event's place (code or name)."),
        click.option("--bbox", callback=_bbox, help="Places inside WEST,SOUTH,EAST,NORTH (degrees)."),
        click.option("--outlet", help="Words of the outlet name or URL."),
        click.option("--text", help="Words that must all occur in the sentence or the quote."),
        click.option("--article", help="Only events of this article id."),
        click.option(
            "--include-duplicates",
            is_flag=True,
            help="Also events of articles flagged as repeats of an earlier article (left out by default).",
        ),
        click.option("--merged", is_flag=True, help="One row per merged event (eventwire merge), with its counts."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _filter(limit: int, offset: int, options: dict[str, Any]) -> EventFilter:
    names = [n for n in filter_fields() if n in options and n not in ("limit", "offset")]
    return EventFilter(limit=limit, offset=offset, **{n: options.pop(n) for n in names})


@main.command("events")
@event_filters
@click.option("--limit", type=click.IntRange(1, 100_000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many rows (paging).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")
@settings_options("events")
def events_command(as_json: bool, limit: int, offset: int, **options: Any) -> None:
    """Events in the store: who did what to whom, when, where, and how sure the text is."""
    flt = _filter(limit, offset, options)
    settings = _settings(options)
    with Store(settings.db, read_only=True) as store:
        rows, total = events(store, flt)
        left_out = undated(store, flt)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    _print_events(rows, total, left_out)


@main.command("articles")
@click.option("--outlet", help="Words of the outlet name or URL.")
@click.option("--since", callback=_date, help="Published on or after YYYY-MM-DD.")
@click.option("--until", callback=_date, help="Published on or before YYYY-MM-DD.")
@click.option("--text", help="Words that must all occur in the title or text.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")
@settings_options("articles")
def articles_command(as_json: bool, **options: Any) -> None:
    """Articles in the store with their ids, outlets, dates and event counts."""
    names = ("outlet", "since", "until", "text", "limit", "offset")
    flt = ArticleFilter(**{n: options.pop(n) for n in names})
    with Store(_settings(options).db, read_only=True) as store:
        rows, total = articles(store, flt)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} of {total} articles")
    for name in ("id", "published", "outlet", "title", "events", "repeat of"):
        table.add_column(name)
    for row in rows:
        published = str(row["published"] or "-")
        title = str(row["title"] or row["origin"] or "")
        table.add_row(row["id"], published, row["source"] or "-", title, str(row["events"]), row["duplicate_of"] or "")
    Console().print(table)


@main.command("sql")
@click.argument("statement")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")
@settings_options("sql")
def sql_command(statement: str, as_json: bool, **options: Any) -> None:
    """Run one read-only SQL STATEMENT on the store (tables: README 'Store')."""
    with Store(_settings(options).db, read_only=True) as store:
        columns, rows = sql(store, statement)
    if as_json:
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))
        return
    click.echo("\t".join(columns))
    for row in rows:
        click.echo("\t".join("" if v is None else str(v) for v in row))


@main.command("merge")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@settings_options("merge")
def merge_command(as_json: bool, **options: Any) -> None:
    """Merge reports of the same event across articles (rebuilds merged_events; re-runnable)."""
    settings = _settings(options)
    with Store(settings.db) as store:
        summary = merge_store(store, window_days=settings.merge_days)
    if as_json:
        click.echo(json.dumps(summary.as_dict()))
        return
    click.echo(
        f"{summary.mentions} event reports -> {summary.events} events"
        f" ({summary.multi_article} reported by more than one article; window {summary.window_days} days)"
    )


@main.command("export")
@event_filters
@click.option("--format", "format_", type=click.Choice(FORMATS), required=True, help="File layout.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@settings_options("export")
def export_command(format_: str, output: Path, **options: Any) -> None:
    """Write the events the filters select to a file (all of them, in the query's order)."""
    flt = _filter(100, 0, options)
    with Store(_settings(options).db, read_only=True) as store:
        written = export(store, flt, format=format_, path=output)
    click.echo(f"{written} events -> {output} ({format_})", err=True)


@main.command("settings")
@click.option("--docs", is_flag=True, help="Print the settings reference, docs/settings.md, instead.")
@settings_options("settings")
def settings_command(docs: bool, **options: Any) -> None:
    """The settings in effect here (file, environment, options) as TOML, or the reference page."""
    if docs:
        click.echo(config.docs_page(), nl=False)
        return
    click.echo(config.to_toml(_settings(options)), nl=False)


def _print_events(rows: list[dict[str, Any]], total: int, left_out: int = 0) -> None:
    from rich.console import Console
    from rich.table import Table

    title = f"{len(rows)} of {total} events matched"
    if left_out:
        title += f" ({left_out} undated events also match the other filters: --undated to include them)"
    table = Table(title=title)
    for name in ("date", "source", "event", "target", "modality", "place"):
        table.add_column(name)
    for row in rows:
        event = f"{row['cameo']} {row['cameo_name']}"
        if "num_mentions" in row:
            event += f" [{row['num_mentions']} reports, {row['num_articles']} articles]"
        table.add_row(
            row["event_date"] or "undated",
            row["source_label"] or "-",
            event,
            row["target_label"] or "-",
            row["modality"],
            row["place_name"] or "-",
        )
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


def _print_record(record: Record) -> None:
    text = record["text"]
    counts = ", ".join(f"{len(record[name])} {name}" for name in ("entities", "quotes", "times", "places", "events"))
    click.echo(f"{record['id']}  {record['title'] or record['origin'] or ''}  ({counts})")
    for event in record["events"]:
        sides = [_side(event["source"]), _side(event["target"])]
        start, end = event["trigger"]
        click.echo(
            f"  {event['date'] or '-'}  {sides[0]}  {event['cameo']}  {sides[1]}  {event['modality']}"
            f"  {text[start:end]!r}"
        )


def _side(side: Record | None) -> str:
    if side is None:
        return "-"
    return str(side["org"] or side["country"] or side["name"] or "?")


@main.command("serve")
@click.option(
    "--watch-every",
    type=click.FloatRange(0.1, 3600),
    default=1.0,
    show_default=True,
    help="Seconds between checks for new data in the store (another 'eventwire run' may write into it meanwhile).",
)
@settings_options("serve")
def serve_command(watch_every: float, **options: Any) -> None:
    """Serve the store read-only: the HTTP API (/api, /openapi.json, /docs) and the web UI."""
    import uvicorn

    from eventwire.api import create_app

    settings = _settings(options)
    if settings.host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"eventwire: warning: listening on {settings.host}, not loopback: other machines can read this store",
            err=True,
        )
    app = create_app(settings.db, watch_every=watch_every)
    click.echo(f"eventwire: serving {settings.db} at http://{settings.host}:{settings.port}/", err=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


def trend_options(function: F) -> F:
    """The options trends and alerts share (grouping, period, plot)."""
    options = [
        click.option("--by", type=click.Choice(GROUPINGS), default="country", show_default=True,
                     help="One series per country of the event's place, per directed dyad, or for all events."),
        click.option("--daily", is_flag=True, help="Daily series instead of weekly (ISO weeks, Monday first)."),
        click.option("--plot", "plot_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Also draw the largest series to this PNG file (matplotlib)."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON Lines."),
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


@main.command("trends")
@event_filters
@trend_options
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="Show the largest N series.")
@settings_options("trends")
def trends_command(by: Grouping, daily: bool, plot_file: Path | None, as_json: bool, top: int, **options: Any) -> None:
    """Event counts per week (or day) by QuadClass and mean Goldstein, per country or dyad."""
    flt = _filter(100, 0, options)
    with Store(_settings(options).db, read_only=True) as store:
        found = trends(store, flt, by=by, daily=daily)
    shown = found.series[:top]
    if as_json:
        for series in shown:
            points = [
                {"period": p.period.isoformat(), "quad_class": list(p.counts), "goldstein": p.goldstein}
                for p in series.points
            ]
            click.echo(json.dumps({"key": series.key, "label": series.label, "points": points}, ensure_ascii=False))
    else:
        _print_trends(found, top)
    if plot_file is not None:
        drawn = plot(found, plot_file, top=min(top, 6))
        click.echo(f"{drawn} series -> {plot_file}", err=True)


@main.command("alerts")
@event_filters
@trend_options
@click.option("--classes", type=click.Choice(["4", "34"]), default="4", show_default=True,
              help="What counts as conflict: QuadClass 4 (material) or 3 and 4 (verbal and material).")  # fmt: skip
@click.option("--window", type=click.IntRange(1), help="Trailing periods of the baseline [default: 8 weeks, 28 days].")
@click.option("--min-count", type=click.IntRange(1), default=3, show_default=True, help="Fewest events to alert on.")
@click.option("--alpha", type=click.FloatRange(0, 1, min_open=True, max_open=True), default=0.01, show_default=True,
              help="Alert when the one-sided Poisson p-value is below this.")  # fmt: skip
@settings_options("alerts")
def alerts_command(
    by: Grouping, daily: bool, plot_file: Path | None, as_json: bool, classes: str, window: int | None,
    min_count: int, alpha: float, **options: Any,
) -> None:  # fmt: skip
    """Periods where conflict rises well above its trailing baseline (README 'Early warning')."""
    flt = _filter(100, 0, options)
    with Store(_settings(options).db, read_only=True) as store:
        found = trends(store, flt, by=by, daily=daily)
    quads = tuple(int(c) for c in classes)
    raised = alerts(found, classes=quads, window=window, min_count=min_count, alpha=alpha)
    if as_json:
        for alert in raised:
            click.echo(json.dumps(alert.as_dict(), ensure_ascii=False))
    else:
        _print_alerts(found, raised, quads)
    if plot_file is not None:
        keys = list(dict.fromkeys(a.key for a in raised))
        alerted = [s for s in found.series if s.key in keys] or list(found.series)
        drawn = plot(replace(found, series=tuple(alerted)), plot_file, raised=raised)
        click.echo(f"{drawn} series -> {plot_file}", err=True)


def _print_trends(found: Trends, top: int) -> None:
    from rich.console import Console
    from rich.table import Table

    shown = found.series[:top]
    span = f"{shown[0].points[0].period} to {shown[0].points[-1].period}" if shown else "no periods"
    table = Table(title=f"{len(shown)} of {len(found.series)} series by {found.period_name}, {span}")
    for name in ("series", "events", "QC1", "QC2", "QC3", "QC4", "mean Goldstein"):
        table.add_column(name)
    for series in shown:
        totals = [sum(p.counts[q] for p in series.points) for q in range(4)]
        scores = [p.goldstein * p.total for p in series.points if p.goldstein is not None]
        mean = sum(scores) / series.total if series.total else 0.0
        table.add_row(series.label, str(series.total), *map(str, totals), f"{mean:+.1f}")
    Console().print(table)
    _print_lines(found, shown, (4,), "material conflict (QC4)")
    _print_left_out(found)


def _print_lines(found: Trends, shown: Sequence[Series], quads: tuple[int, ...], what: str) -> None:
    """One sparkline per series, as many recent periods as the terminal holds."""
    if not shown:
        return
    width = max(10, shutil.get_terminal_size().columns - 13)
    points = shown[0].points[-width:]
    click.echo(f"{what} per {found.period_name}, {points[0].period} to {points[-1].period}:")
    for series in shown:
        line = sparkline([p.count(quads) for p in series.points[-width:]])
        click.echo(f"{series.key[:11]:>11}  {line}")


def _print_left_out(found: Trends) -> None:
    for reason, count in found.left_out.items():
        if count:
            click.echo(f"{count} matching events are in no series: {reason}")


def _print_alerts(found: Trends, raised: list[Alert], quads: tuple[int, ...]) -> None:
    what = "material conflict (QuadClass 4)" if quads == (4,) else "conflict (QuadClass 3 and 4)"
    if not raised:
        click.echo(f"no alerts: {what} stays near its trailing baseline in all {len(found.series)} series")
        _print_left_out(found)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(raised)} alerts: {what} well above the trailing baseline ({found.period_name}s)")
    for name in ("period", "series", "events", "baseline", "p-value"):
        table.add_column(name)
    for alert in raised:
        row = (str(alert.period), alert.label, str(alert.count), f"{alert.baseline:.2f}", f"{alert.p_value:.1e}")
        table.add_row(*row)
    Console().print(table)
    keys = set(a.key for a in raised)
    _print_lines(found, [s for s in found.series if s.key in keys], quads, what)
    _print_left_out(found)


def _rate(done: float, seconds: float) -> str:
    """Inputs per second so far, for the progress bar."""
    return f"{done / seconds:.1f} inputs/s" if seconds > 0 else ""


if __name__ == "__main__":  # pragma: no cover
    main()
