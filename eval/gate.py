"""The evaluation gate: run each area's driver and fail if a figure fell below its floor.

    python -m eval.gate                 # every area with a floors file
    python -m eval.gate --area times    # one area
    python -m eval.gate --update        # raise floors to today's figures (never lowers them)
    python -m eval.gate --update --allow-lower   # lower floors too: only on purpose, say why in the commit

Floors live in ``eval/baseline/<area>.json`` as ``{"metric": floor}``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import sys
import time

from eval.common import ROOT, shared_available

BASELINE = ROOT / "eval" / "baseline"
AREAS = ROOT / "eval" / "areas"
SLACK = 1e-9


def areas() -> list[str]:
    """Every area with a driver module."""
    return sorted(p.stem for p in AREAS.glob("*.py") if not p.stem.startswith("_"))


def floors(area: str) -> dict[str, float]:
    """The floors kept for an area (empty when it has none)."""
    path = BASELINE / f"{area}.json"
    if not path.exists():
        return {}
    return {k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


def check(area: str, figures: dict[str, float]) -> list[str]:
    """The figures below their floors, as messages."""
    failures = []
    for metric, floor in floors(area).items():
        value = figures.get(metric)
        if value is None or math.isnan(value):
            failures.append(f"{area}.{metric}: missing (floor {floor:.3f})")
        elif value + SLACK < floor:
            failures.append(f"{area}.{metric}: {value:.3f} < floor {floor:.3f}")
    return failures


def update(area: str, figures: dict[str, float], *, allow_lower: bool) -> None:
    """Write today's figures as floors (rounded down to 3 decimals); never lower unless asked."""
    old = floors(area)
    new = dict(old)
    for metric, value in figures.items():
        rounded = math.floor(value * 1000) / 1000
        if metric not in old or rounded > old[metric] or allow_lower:
            new[metric] = rounded
    BASELINE.mkdir(parents=True, exist_ok=True)
    (BASELINE / f"{area}.json").write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the gate; exit status 1 when a figure fell below its floor."""
    parser = argparse.ArgumentParser(prog="python -m eval.gate", description=__doc__.splitlines()[0])
    parser.add_argument("--area", action="append", help="run only this area (repeatable)")
    parser.add_argument("--update", action="store_true", help="raise floors to today's figures")
    parser.add_argument("--allow-lower", action="store_true", help="with --update: also lower floors")
    args = parser.parse_args(argv)
    if not shared_available():
        print("eval gate: ../shared/eval is missing beside the project; cannot evaluate", file=sys.stderr)
        return 1
    chosen = args.area or [a for a in areas() if floors(a) or args.update]
    failures: list[str] = []
    for area in chosen:
        started = time.perf_counter()
        module = importlib.import_module(f"eval.areas.{area}")
        figures = {k: float(v) for k, v in module.run().items()}
        seconds = time.perf_counter() - started
        area_floors = floors(area)
        for metric, value in sorted(figures.items()):
            floor = area_floors.get(metric)
            mark = "" if floor is None else ("  ok" if value + SLACK >= floor else "  BELOW")
            shown = "" if floor is None else f" (floor {floor:.3f})"
            print(f"{area:9s} {metric:32s} {value:7.3f}{shown}{mark}")
        print(f"{area:9s} ({seconds:.0f} s)")
        failures += check(area, figures)
        if args.update:
            update(area, figures, allow_lower=args.allow_lower)
    if failures:
        print("eval gate FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"eval gate passed: {len(chosen)} areas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
