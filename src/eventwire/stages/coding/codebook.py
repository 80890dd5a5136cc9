"""The CAMEO codebook of eventwire: codes with names, Goldstein values, QuadClass and PLOVER type and mode.

The table ``resources/data/cameo_codes.tsv`` is our own; the choices made where the public
sources disagree are documented in ``docs/codebook.md``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventwire.errors import ResourceError
from eventwire.resources import read_table

TABLE = "cameo_codes.tsv"
PENTA_CLASS: dict[str, int] = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class CameoCode:
    """One CAMEO event code with its scale values and PLOVER counterpart."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit root code."""
        return self.code[:2]


@dataclass(frozen=True, slots=True, kw_only=True)
class Codebook:
    """All CAMEO codes of the table, with its version."""

    version: str
    codes: dict[str, CameoCode]

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; raises ResourceError naming the code when it is unknown."""
        try:
            return self.codes[code]
        except KeyError:
            raise ResourceError(f"CAMEO code {code!r} is not in {TABLE} (version {self.version})") from None

    def lookup(self, code: str) -> CameoCode:
        """The entry for ``code``, also for codes outside our table (a user dictionary's own numbering).

        Such a code is kept and takes the values of its nearest known parent (three digits, then the
        root), else neutral values: Goldstein 0, no PLOVER type, QuadClass 1 (the record needs one).
        """
        if code in self.codes:
            return self.codes[code]
        for size in (3, 2):
            parent = self.codes.get(code[:size]) if len(code) > size else None
            if parent is not None:
                return CameoCode(
                    code=code,
                    name=f"{parent.name} (user code {code})",
                    goldstein=parent.goldstein,
                    quad_class=parent.quad_class,
                    plover_type=parent.plover_type,
                    plover_mode=parent.plover_mode,
                )
        return CameoCode(
            code=code, name=f"user code {code}", goldstein=0.0, quad_class=1, plover_type=None, plover_mode=None
        )

    def __contains__(self, code: object) -> bool:
        return code in self.codes


def parse_codebook(text: str) -> Codebook:
    """Read the codebook TSV (a ``# ... version N`` line, a header, then one code a line)."""
    version = "0"
    codes: dict[str, CameoCode] = {}
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if "version" in line:
                version = line.split("version", 1)[1].split()[0].strip(" ,;()")
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells, strict=False))
        try:
            code = row["code"].strip()
            codes[code] = CameoCode(
                code=code,
                name=row["name"].strip(),
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover_type=row.get("plover_type", "").strip() or None,
                plover_mode=row.get("plover_mode", "").strip() or None,
            )
        except (KeyError, ValueError) as exc:
            raise ResourceError(f"{TABLE} line {number}: cannot read {line!r} ({exc})") from exc
    return Codebook(version=version, codes=codes)


@functools.lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    """The packaged codebook, read once per process."""
    return parse_codebook(read_table(TABLE, what="CAMEO codebook"))
