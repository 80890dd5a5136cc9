"""Event series per country or dyad, and alerts when material conflict rises above its trailing baseline.

``trends(store, flt)`` counts the events a query filter selects per period (ISO week, Monday first, or day)
and QuadClass, with the mean Goldstein value, for each country (of the event's place) or each directed
dyad (source -> target actor), or for the whole selection. Only events dated to the day fall in a period;
the others are counted in ``Trends.left_out`` and never dropped silently.

``alerts(trends)`` tests each period of each series (method, also in the README 'Early warning'):

1. The count ``c`` is the series' material conflict in that period: QuadClass 4 (``classes=(4,)``, the
   default) or verbal and material conflict (``classes=(3, 4)``).
2. The baseline ``b`` is the mean count over the ``window`` periods before it (8 weeks or 28 days by
   default); a period is tested only when the series has at least ``min_history`` periods before it.
   A baseline below ``floor`` (0.5 events) is raised to it, so one event after a quiet spell is not news.
3. Under "nothing changed" the count is Poisson with mean ``b``; the one-sided p-value is
   ``P(X >= c | b)``. The period raises an alert when ``c >= min_count`` (3) and ``p < alpha`` (0.01).

The test is per period and series, without correction for the number of tests: it is a screen that says
where to read, not a finding.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from eventwire.errors import ConfigError
from eventwire.query import EventFilter, where
from eventwire.store.duckdb import Store

Grouping = Literal["country", "dyad", "all"]
GROUPINGS: tuple[Grouping, ...] = ("country", "dyad", "all")
BARS = "▁▂▃▄▅▆▇█"
_DAY = "(length(e.event_date) = 10 AND e.event_date >= '0' AND e.event_date < ':')"
_KEYS = {
    "country": "p.country",
    "dyad": (
        "coalesce(e.source_cameo, e.source_org, e.source_country, '-') || '>'"
        " || coalesce(e.target_cameo, e.target_org, e.target_country, '-')"
    ),
    "all": "'all'",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Point:
    """One period of a series: event counts by QuadClass (1 to 4) and their mean Goldstein value."""

    period: dt.date
    counts: tuple[int, int, int, int]
    goldstein: float | None

    @property
    def total(self) -> int:
        """Events in the period."""
        return sum(self.counts)

    def count(self, classes: tuple[int, ...]) -> int:
        """Events of these QuadClasses in the period."""
        return sum(self.counts[c - 1] for c in classes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Series:
    """The points of one country, dyad or the whole selection, one per period (zeros included)."""

    key: str
    label: str
    points: tuple[Point, ...]

    @property
    def total(self) -> int:
        """Events in the series."""
        return sum(p.total for p in self.points)


@dataclass(frozen=True, slots=True, kw_only=True)
class Trends:
    """Series of a selection, and the events that fall in no series (by reason)."""

    by: Grouping
    daily: bool
    series: tuple[Series, ...]
    left_out: dict[str, int]

    @property
    def period_name(self) -> str:
        """'day' or 'week'."""
        return "day" if self.daily else "week"


@dataclass(frozen=True, slots=True, kw_only=True)
class Alert:
    """A period whose conflict count is well above the series' trailing baseline."""

    key: str
    label: str
    period: dt.date
    count: int
    baseline: float
    p_value: float
    classes: tuple[int, ...]

    def as_dict(self) -> dict[str, Any]:
        """The alert as plain JSON values."""
        return {
            "key": self.key,
            "label": self.label,
            "period": self.period.isoformat(),
            "count": self.count,
            "baseline": round(self.baseline, 3),
            "p_value": self.p_value,
            "quad_classes": list(self.classes),
        }


def trends(store: Store, flt: EventFilter, *, by: Grouping = "country", daily: bool = False) -> Trends:
    """Series of the events ``flt`` selects, per ``by``, by week (or day); largest series first."""
    if by not in GROUPINGS:
        raise ConfigError(f"cannot group trends by {by!r}; choose one of: {', '.join(GROUPINGS)}")
    clause, params = where(flt)
    source = _source(flt)
    glue = " AND " if clause else " WHERE "
    bucket = "CAST(e.event_date AS DATE)" if daily else "CAST(date_trunc('week', CAST(e.event_date AS DATE)) AS DATE)"
    key = _KEYS[by]
    con = store.connection
    rows = con.execute(
        f"SELECT {key} AS k, {bucket} AS d, e.quad_class, count(*), avg(e.goldstein), sum(e.goldstein)"
        f"{source}{clause}{glue}{_DAY} AND {key} IS NOT NULL GROUP BY ALL",
        params,
    ).fetchall()
    left_out = {"not dated to the day": _count(con, f"{source}{clause}{glue}NOT coalesce({_DAY}, false)", params)}
    if by == "country":
        left_out["no place"] = _count(con, f"{source}{clause}{glue}{_DAY} AND p.country IS NULL", params)
    return Trends(by=by, daily=daily, series=_series(rows, by=by, daily=daily), left_out=left_out)


def _source(flt: EventFilter) -> str:
    """The FROM clause: the text tables only when the filter searches text (they cost time at scale)."""
    joins = " FROM events e LEFT JOIN articles a ON a.id = e.article_id LEFT JOIN places p ON p.id = e.place_id"
    if flt.text:
        joins += " LEFT JOIN event_texts x ON x.event_id = e.id LEFT JOIN quotes q ON q.id = e.quote_id"
    if flt.merged:
        # One event per merged event: its first report stands for it (date, place, class).
        joins += " JOIN merged_events g ON g.first_event = e.id"
    return joins


def _count(con: Any, sql: str, params: list[Any]) -> int:
    found = con.execute(f"SELECT count(*){sql}", params).fetchone()
    return int(found[0]) if found else 0


def _series(rows: list[tuple[Any, ...]], *, by: Grouping, daily: bool) -> tuple[Series, ...]:
    if not rows:
        return ()
    step = dt.timedelta(days=1 if daily else 7)
    first, last = min(r[1] for r in rows), max(r[1] for r in rows)
    periods = [first + step * i for i in range((last - first) // step + 1)]
    cells: dict[str, dict[dt.date, list[float]]] = {}
    for key, period, quad, count, _mean, total in rows:
        cell = cells.setdefault(key, {}).setdefault(period, [0, 0, 0, 0, 0.0])
        cell[quad - 1] += count
        cell[4] += total
    series: list[Series] = []
    for key, by_period in cells.items():
        points = []
        for period in periods:
            cell = by_period.get(period, [0, 0, 0, 0, 0.0])
            counts = (int(cell[0]), int(cell[1]), int(cell[2]), int(cell[3]))
            n = sum(counts)
            points.append(Point(period=period, counts=counts, goldstein=cell[4] / n if n else None))
        series.append(Series(key=key, label=_label(key, by), points=tuple(points)))
    return tuple(sorted(series, key=lambda s: (-s.total, s.key)))


def _label(key: str, by: Grouping) -> str:
    if by != "country":
        return key
    from eventwire.resources.kb import load_kb

    names = {c.iso2: c.name for c in load_kb().countries.values()}
    return f"{key} {names[key]}" if key in names else key


def poisson_tail(count: int, mean: float) -> float:
    """P(X >= count) for X ~ Poisson(mean)."""
    if count <= 0:
        return 1.0
    term = math.exp(-mean)
    below = term
    for k in range(1, count):
        term *= mean / k
        below += term
    return max(0.0, 1.0 - below)


def alerts(
    found: Trends,
    *,
    classes: tuple[int, ...] = (4,),
    window: int | None = None,
    min_history: int | None = None,
    min_count: int = 3,
    alpha: float = 0.01,
    floor: float = 0.5,
) -> list[Alert]:
    """Periods whose conflict count is well above the trailing baseline (method: module docstring).

    ``window`` defaults to 8 periods by week and 28 by day; ``min_history`` to half the window.
    """
    window = window if window is not None else (28 if found.daily else 8)
    min_history = min_history if min_history is not None else max(1, window // 2)
    if window < 1 or min_history < 1 or min_history > window:
        raise ConfigError(f"window {window} and min_history {min_history} need 1 <= min_history <= window")
    if not 0 < alpha < 1:
        raise ConfigError(f"alpha {alpha} must be between 0 and 1")
    raised: list[Alert] = []
    for series in found.series:
        values = [p.count(classes) for p in series.points]
        for i in range(min_history, len(values)):
            count = values[i]
            if count < min_count:
                continue
            history = values[max(0, i - window) : i]
            baseline = sum(history) / len(history)
            p_value = poisson_tail(count, max(baseline, floor))
            if p_value < alpha:
                raised.append(
                    Alert(
                        key=series.key,
                        label=series.label,
                        period=series.points[i].period,
                        count=count,
                        baseline=baseline,
                        p_value=p_value,
                        classes=classes,
                    )
                )
    return sorted(raised, key=lambda a: (a.period, a.p_value, a.key))


def sparkline(values: list[int]) -> str:
    """The values as a line of block characters (the largest is a full block, zero the lowest)."""
    top = max(values, default=0)
    if top == 0:
        return BARS[0] * len(values)
    return "".join(BARS[min(len(BARS) - 1, round(v / top * (len(BARS) - 1)))] for v in values)


def plot(found: Trends, path: Path, *, raised: list[Alert] = (), top: int = 6) -> int:  # type: ignore[assignment]
    """Draw the largest ``top`` series (counts by QuadClass, alerts marked) to a PNG; the series drawn."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ConfigError("--plot needs matplotlib: pip install 'eventwire[export]'") from exc
    shown = found.series[:top]
    if not shown:
        raise ConfigError("nothing to plot: no events dated to the day match the filters")
    figure, axes = plt.subplots(len(shown), 1, figsize=(10, 2.2 * len(shown)), sharex=True, squeeze=False)
    names = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
    colours = ("#4c9be8", "#2a6fb0", "#f0a04b", "#c8372d")
    for axis, series in zip(axes[:, 0], shown, strict=True):
        days = [p.period for p in series.points]
        for quad in range(4):
            axis.plot(days, [p.counts[quad] for p in series.points], label=names[quad], color=colours[quad])
        for alert in (a for a in raised if a.key == series.key):
            axis.axvline(alert.period, color="#c8372d", alpha=0.3, linewidth=6)
        axis.set_title(series.label, loc="left", fontsize=9)
        axis.set_ylabel(f"events/{found.period_name}", fontsize=8)
    axes[0, 0].legend(fontsize=7, loc="upper left")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return len(shown)
