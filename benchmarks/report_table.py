"""How the benchmark scripts print their results: aligned tables and PASS/FAIL verdicts."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["table", "verdict"]


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def table(rows: Sequence[tuple[str, ...]]) -> str:
    """Rows as left-aligned columns; the first row is the header, underlined."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
