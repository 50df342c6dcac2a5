"""What every renderer shares: the report's header data and the renderer interface.

A renderer is built with the output stream and the report's header data, then receives,
in order: `result` for each record as it is produced, `batch` once with the batch rules'
findings, and `finish` with the summary. Streaming
renderers (text, jsonl) write as they go, so memory stays flat in the input; document
renderers (json, junit, sarif, html) build their document when the run ends.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, TextIO

import attrs

from azx_core.report.results import BatchFinding, Finding, RecordResult, Summary

__all__ = ["DocumentRenderer", "Renderer", "ReportMeta"]


@attrs.frozen
class ReportMeta:
    """What a report says about the run that produced it."""

    tool_name: str
    tool_version: str
    profile: str
    as_of: date | None
    lang: str


class Renderer(Protocol):
    """Writes one report format to a text stream."""

    def __init__(self, out: TextIO, meta: ReportMeta) -> None: ...

    def result(self, result: RecordResult) -> None: ...

    def batch(self, findings: list[BatchFinding]) -> None: ...

    def finish(self, summary: Summary) -> None: ...


class DocumentRenderer:
    """Base of the formats written as one document when the run ends (junit, sarif, html).

    It keeps every record result and each batch finding under the record it concerns; a
    batch finding for a record it never saw gets a record of its own, so none is dropped.
    Subclasses write the document in `finish`.
    """

    def __init__(self, out: TextIO, meta: ReportMeta) -> None:
        self._out = out
        self._meta = meta
        self._results: list[RecordResult] = []
        self._batch: dict[int, list[Finding]] = {}

    def result(self, result: RecordResult) -> None:
        """Keep a record result for the document."""
        self._results.append(result)

    def batch(self, findings: list[BatchFinding]) -> None:
        """Keep each batch finding with its record."""
        known = {r.index for r in self._results}
        for item in findings:
            if item.index not in known:
                known.add(item.index)
                self._results.append(RecordResult(item.index, item.source, None, item.key))
            self._batch.setdefault(item.index, []).append(item.finding)

    def findings_of(self, result: RecordResult) -> list[tuple[Finding, bool]]:
        """A record's findings, each with whether it came from a batch rule."""
        own = [(finding, False) for finding in result.findings]
        return own + [(finding, True) for finding in self._batch.get(result.index, ())]
