import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_query import TEXT, _event

from eventwire.cli import main
from eventwire.errors import ConfigError
from eventwire.model import Analysis, Article, Place, Span
from eventwire.query import EventFilter
from eventwire.store.duckdb import Store
from eventwire.trends import alerts, poisson_tail, sparkline, trends

MONDAY = dt.date(2024, 1, 1)


def _store(path: Path) -> Path:
    """Ten quiet weeks in Serbia (one cooperation event a week), then five material conflict events in week 11."""
    place = Place(
        id="pbeo", span=Span.of(TEXT, 13, 19), geonameid=792680, name="Belgrade", country="RS", lat=44.8, lon=20.5
    )
    analyses = []
    for week in range(11):
        a = f"a{week}"
        day = (MONDAY + dt.timedelta(weeks=week, days=2)).isoformat()
        cameo, quad = ("1731", 4) if week == 10 else ("042", 1)
        events = tuple(
            dataclasses.replace(
                _event(TEXT, 5, 12, cameo=cameo, source="SRB", target="XKX", date=day, modality="asserted", article=a),
                id=f"a{week}-e{n}", place="pbeo", quad_class=quad, goldstein=-9.0 if quad == 4 else 1.0,
            )
            for n in range(5 if week == 10 else 1)
        )  # fmt: skip
        undated = _event(
            TEXT, 28, 35, cameo="112", source="XKX", target="SRB", date=None, modality="asserted", article=f"a{week}"
        )
        analyses.append(Analysis(article=Article(id=f"a{week}", text=TEXT), events=(*events, undated), places=(place,)))
    with Store(path) as store:
        store.write(analyses)
    return path


def test_weekly_series_counts_by_quad_class_and_reports_what_falls_outside(tmp_path: Path) -> None:
    with Store(_store(tmp_path / "t.duckdb"), read_only=True) as store:
        found = trends(store, EventFilter(), by="country")
        dyads = trends(store, EventFilter(actor="serbia"), by="dyad", daily=True)
    [serbia] = found.series
    assert serbia.label == "RS Serbia" and len(serbia.points) == 11 and serbia.points[0].period == MONDAY
    assert [p.counts for p in serbia.points[9:]] == [(1, 0, 0, 0), (0, 0, 0, 5)]
    assert serbia.points[10].goldstein == -9.0 and serbia.points[0].goldstein == 1.0
    assert found.left_out == {"not dated to the day": 11, "no place": 0}
    assert [s.key for s in dyads.series] == ["SRB>XKX"] and len(dyads.series[0].points) == 71


def test_alert_raised_on_the_spike_and_not_on_quiet_weeks(tmp_path: Path) -> None:
    with Store(_store(tmp_path / "t.duckdb"), read_only=True) as store:
        found = trends(store, EventFilter())
    [alert] = alerts(found)
    assert (alert.key, alert.period, alert.count, alert.baseline) == ("RS", MONDAY + dt.timedelta(weeks=10), 5, 0.0)
    assert alert.p_value == pytest.approx(poisson_tail(5, 0.5))
    assert alerts(found, min_count=6) == [] and alerts(found, classes=(1,)) == []
    with pytest.raises(ConfigError, match="min_history"):
        alerts(found, window=2, min_history=3)


def test_poisson_tail_and_sparkline() -> None:
    assert poisson_tail(0, 2.0) == 1.0
    assert poisson_tail(1, 1.0) == pytest.approx(1 - 0.36787944)
    assert poisson_tail(3, 0.5) == pytest.approx(1 - 0.60653066 * (1 + 0.5 + 0.125))
    assert sparkline([0, 4, 8]) == "▁▅█" and sparkline([0, 0]) == "▁▁" and sparkline([]) == ""


def test_cli_trends_and_alerts_with_plot(tmp_path: Path) -> None:
    db = str(_store(tmp_path / "t.duckdb"))
    runner = CliRunner()
    shown = runner.invoke(main, ["trends", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "RS Serbia" in shown.output and "▁▁▁▁▁▁▁▁▁▁█" in shown.output and "11 matching events" in shown.output
    png = tmp_path / "alerts.png"
    raised = runner.invoke(main, ["alerts", "--db", db, "--json", "--plot", str(png)])
    assert raised.exit_code == 0, raised.output
    [line] = [json.loads(x) for x in raised.stdout.splitlines()]
    assert line["key"] == "RS" and line["period"] == "2024-03-11" and line["count"] == 5
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    quiet = runner.invoke(main, ["alerts", "--db", db, "--actor", "nobody"])
    assert quiet.exit_code == 0 and "no alerts" in quiet.output
