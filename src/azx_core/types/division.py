"""Administrative division code (行政区划代码), GB/T 2260.

Six digits: two for the province-level unit, two for the prefecture-level unit and two
for the county-level unit, with ``00`` where a level is the unit itself (``540000`` is the
Tibet Autonomous Region, ``540100`` Lhasa, ``540102`` its Chengguan district).

The table of known codes ships in ``data/gb2260.tsv``; its header states the edition and
where it was taken from.

>>> name("540102")
'城关区'
>>> is_known("549999")
False

Known limitations: the table holds one edition of the county-level-and-above list; codes
abolished before that edition, and township-level (9-digit and 12-digit) codes, are not
known to it.
"""

from __future__ import annotations

import functools
from importlib import resources

from azx_core.errors import InvalidIdentifier

__all__ = ["edition", "is_known", "is_well_formed", "name", "province", "table", "validate"]


@functools.cache
def _load() -> tuple[dict[str, str], str]:
    codes: dict[str, str] = {}
    header: list[str] = []
    text = resources.files(__package__).joinpath("data/gb2260.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            header.append(line.lstrip("# ").rstrip())
        elif line.strip():
            code, _, label = line.partition("\t")
            codes[code] = label.strip()
    return codes, "\n".join(header)


def table() -> dict[str, str]:
    """Return every known code with its name (a fresh copy)."""
    return dict(_load()[0])


def edition() -> str:
    """Return the provenance header of the shipped table."""
    return _load()[1]


def is_well_formed(code: str) -> bool:
    """Return whether `code` has the shape of a division code (six ASCII digits)."""
    return len(code) == 6 and code.isascii() and code.isdigit()


def is_known(code: str) -> bool:
    """Return whether `code` is in the shipped table."""
    return code in _load()[0]


def name(code: str) -> str | None:
    """Return the name of a known division, or None."""
    return _load()[0].get(code)


def province(code: str) -> str:
    """Return the province-level code a division belongs to (``540102`` -> ``540000``)."""
    return code[:2] + "0000"


def validate(code: str) -> str:
    """Check that `code` is a known division code and return it.

    Raises:
        InvalidIdentifier: ``division_format`` or ``division_unknown``.
    """
    code = code.strip()
    if not is_well_formed(code):
        raise InvalidIdentifier("division_format", f"{code!r} is not six digits")
    if not is_known(code):
        raise InvalidIdentifier("division_unknown", f"{code} is not in the GB/T 2260 table")
    return code
