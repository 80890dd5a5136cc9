"""The import graph of the stages: no stage imports another stage's modules.

A stage is a package under ``stages/`` (``stages/actors/``) or a module beside them
(``stages/entities.py``). What one stage needs of another comes from the Analysis fields it provides
or from the shared modules (``syntax.py``, ``model.py``, ``resources/``), never from its insides.
"""

from __future__ import annotations

import ast
from pathlib import Path

STAGES = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "stages"
PREFIX = "eventwire.stages."


def _module_of(path: Path) -> str:
    """The dotted name of a module under ``stages/`` ("eventwire.stages.actors.stage")."""
    parts = path.relative_to(STAGES).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(("eventwire", "stages", *parts))


def _imported(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """Every module name ``source`` imports (relative imports resolved against ``module``)."""
    package = module if is_package else module.rpartition(".")[0]
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            names.extend(f"{base}.{alias.name}" for alias in node.names)  # a name may be a module
    return names


def _stage_of(name: str) -> str | None:
    """The stage a dotted module name belongs to ("eventwire.stages.actors.stage" -> "actors")."""
    if not name.startswith(PREFIX):
        return None
    return name.removeprefix(PREFIX).split(".")[0]


def cross_imports(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """The imports in ``source`` (of ``module``) that reach into another stage."""
    own = _stage_of(module)
    return [n for n in _imported(source, module, is_package=is_package) if _stage_of(n) not in (None, own)]


def test_no_stage_imports_another_stage() -> None:
    found = []
    for path in sorted(STAGES.rglob("*.py")):
        module = _module_of(path)
        if module == "eventwire.stages":
            continue
        source = path.read_text(encoding="utf-8")
        for name in cross_imports(source, module, is_package=path.name == "__init__.py"):
            found.append(f"{path.relative_to(STAGES)} imports {name}")
    assert found == [], "stages import each other's modules:\n" + "\n".join(found)


def test_cross_imports_are_found_in_every_form() -> None:
    module = "eventwire.stages.coding.sides"
    assert cross_imports("from eventwire.stages.actors.stage import actor_for_span", module) == [
        "eventwire.stages.actors.stage.actor_for_span"
    ]
    assert cross_imports("import eventwire.stages.entities", module) == ["eventwire.stages.entities"]
    assert cross_imports("from eventwire.stages import geo", module) == ["eventwire.stages.geo"]
    assert cross_imports("from ..quotes import speakers", module) == ["eventwire.stages.quotes.speakers"]
    assert cross_imports("def f():\n    from eventwire.stages.dates.stage import x\n", module) != []


def test_imports_within_a_stage_and_of_shared_modules_are_allowed() -> None:
    module = "eventwire.stages.coding.sides"
    source = (
        "from eventwire.stages.coding.agents import AgentCoder\n"
        "from . import vocab\n"
        "from .build import to_events\n"
        "from eventwire.syntax import ParseTree\n"
        "import bisect\n"
    )
    assert cross_imports(source, module) == []
    assert cross_imports("from . import stage", "eventwire.stages.actors", is_package=True) == []
