"""Loaders for the tables eventwire ships (knowledge base, gazetteer, codebook, patterns) and user dictionaries."""

from __future__ import annotations

from importlib import resources

from eventwire.errors import ResourceError

DATA = "eventwire.resources.data"


def read_table(name: str, *, what: str) -> str:
    """The text of a shipped data table; a ResourceError naming ``what`` when the installation lacks it."""
    try:
        return resources.files(DATA).joinpath(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"cannot read the {what} {name}: {exc}; reinstall eventwire") from exc
