"""Command line: thin click adapters over the library (runner, store)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from eventwire import config
from eventwire.errors import ConfigError, EventwireError
from eventwire.model import Analysis, Rejection
from eventwire.query import MODALITIES, EventFilter, events
from eventwire.record import Record
from eventwire.runner import Summary, extract, run
from eventwire.store.duckdb import Store


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
    """Print the public record of each INPUT (files, folders, '-' for standard input) as JSON Lines."""
    settings = _settings(options)
    troubled = False
    for item in extract(inputs, settings):
        if isinstance(item, Rejection):
            troubled = True
            _report(item)
            continue
        troubled = troubled or bool(item["problems"])
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False, indent=1 if pretty else None))
        else:
            _print_record(item)
    if settings.strict and troubled:
        sys.exit(3)


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

        summary = run(inputs, settings, progress=tick)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=1))
    else:
        _print_summary(summary, str(settings.db))
    if settings.strict and (summary.rejected or summary.problems):
        sys.exit(3)


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


@main.command("events")
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
@settings_options("events")
def events_command(as_json: bool, limit: int, **filters: Any) -> None:
    """Events in the store: who did what to whom, when, and how sure the text is."""
    settings = _settings(filters)
    flt = EventFilter(limit=limit, **filters)
    with Store(settings.db, read_only=True) as store:
        rows = events(store, flt)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    _print_events(rows)


@main.command("settings")
@click.option("--docs", is_flag=True, help="Print the settings reference, docs/settings.md, instead.")
@settings_options("settings")
def settings_command(docs: bool, **options: Any) -> None:
    """The settings in effect here (file, environment, options) as TOML, or the reference page."""
    if docs:
        click.echo(config.docs_page(), nl=False)
        return
    click.echo(config.to_toml(_settings(options)), nl=False)


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

if __name__ == "__main__":  # pragma: no cover
    main()
