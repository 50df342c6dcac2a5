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

from azx_core.report.results import BatchFinding, RecordResult, Summary

__all__ = ["Renderer", "ReportMeta"]


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
