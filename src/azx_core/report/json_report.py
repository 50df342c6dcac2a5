"""The ``json`` and ``jsonl`` reports.

``json`` is one document, built when the run ends::

    {report_version, tool{name, version}, profile, as_of, summary{...}, results[...]}

with each batch finding inside the result of the record it concerns. ``jsonl`` streams one
record result per line, then one ``{"batch_finding": ...}`` line per batch finding, then a
final ``{"summary": ...}`` line.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from azx_core.report.render import ReportMeta
from azx_core.report.results import REPORT_VERSION, BatchFinding, RecordResult, Summary

__all__ = ["JsonRenderer", "JsonlRenderer", "dumps", "line"]

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> str:
    """Compact JSON with Chinese text kept readable."""
    return _encoder.encode(value)


def line(result: RecordResult) -> str:
    """One record result as a jsonl report line, newline included."""
    return dumps(result.to_dict()) + "\n"


class JsonlRenderer:
    """Writes one JSON line per record result, batch finding and the summary.

    Lines are written in blocks of `BLOCK`, which keeps memory flat and costs far fewer
    writes than one per record.
    """

    BLOCK = 256

    def __init__(self, out: TextIO, meta: ReportMeta) -> None:
        self._out = out
        self._pending: list[str] = []

    def result(self, result: RecordResult) -> None:
        """Write one record result."""
        self._pending.append(dumps(result.to_dict()))
        if len(self._pending) >= self.BLOCK:
            self._flush()

    def text(self, lines: str) -> None:
        """Write record lines already encoded with `line` (by worker processes)."""
        self._flush()
        self._out.write(lines)

    def _flush(self) -> None:
        if self._pending:
            self._out.write("\n".join(self._pending) + "\n")
            self._pending.clear()

    def batch(self, findings: list[BatchFinding]) -> None:
        """Write the batch findings after the per-record lines."""
        self._pending.extend(dumps({"batch_finding": item.to_dict()}) for item in findings)
        self._flush()

    def finish(self, summary: Summary) -> None:
        """Write the summary line."""
        self._pending.append(dumps({"summary": summary.to_dict()}))
        self._flush()


class JsonRenderer:
    """Writes the whole report as one JSON document when the run ends."""

    def __init__(self, out: TextIO, meta: ReportMeta) -> None:
        self._out = out
        self._meta = meta
        self._results: list[RecordResult] = []

    def result(self, result: RecordResult) -> None:
        """Keep a record result for the document."""
        self._results.append(result)

    def batch(self, findings: list[BatchFinding]) -> None:
        """Attach each batch finding to the result of its record."""
        for item in findings:
            position = item.index
            if 0 <= position < len(self._results) and self._results[position].index == position:
                target = self._results[position]
                self._results[position] = target.with_findings((item.finding,))

    def finish(self, summary: Summary) -> None:
        """Write the document."""
        meta = self._meta
        document = {
            "report_version": REPORT_VERSION,
            "tool": {"name": meta.tool_name, "version": meta.tool_version},
            "profile": meta.profile,
            "as_of": meta.as_of.isoformat() if meta.as_of else None,
            "summary": summary.to_dict(),
            "results": [r.to_dict() for r in self._results],
        }
        self._out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
